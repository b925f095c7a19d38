import { AIRBYTE_MANAGED_TAG } from "../../components/shared/types";
import { ResourceCheck, resourcePolicy } from "./define";
import { evaluateIamPolicy, IamRequest, policyStatements, wildcard } from "./iam";
import { T } from "./tokens";
import { isUnknown } from "./values";

/** The platform's own secret names (airbytehq/airbyte-platform `SecretCoordinate.kt`). */
export const AIRBYTE_SECRET_PREFIX = "airbyte_";

/** Secret names every probe tries besides those the document's own ARNs suggest. */
const SAMPLE_SECRET_NAMES = ["prod/database-password-Ab12Cd", `${AIRBYTE_SECRET_PREFIX}workspace_1_secret_2_v1-Ab12Cd`];

/** Actions on an existing secret whose reach must stop at the AirbyteManaged tag. */
const USE_ACTIONS = [
    "secretsmanager:GetSecretValue",
    "secretsmanager:DescribeSecret",
    "secretsmanager:PutSecretValue",
    "secretsmanager:UpdateSecret",
    "secretsmanager:DeleteSecret",
    "secretsmanager:PutResourcePolicy",
];

/** One request a compliant document must refuse. */
export interface SecretProbe {
    /** What the request would do, for the report. */
    what: string;
    request: IamRequest;
    /** The request uses (not creates) an untagged secret named `airbyte_*`: allowed by the opt-in. */
    untaggedAirbyteUse: boolean;
}

const TAG = AIRBYTE_MANAGED_TAG.key;

/**
 * Concrete secret ARNs a document's Allow statements could reach: each resource pattern with its
 * wildcards filled in, plus the sample names in the same partition, region and account. A pattern
 * that is not a Secrets Manager ARN (such as `*`) gets a sample account and region.
 */
export function secretArnsToProbe(document: unknown): string[] {
    const patterns = policyStatements(document)
        .filter((s) => s.Effect === "Allow")
        .flatMap((s) => (s.NotResource !== undefined ? ["*"] : [s.Resource ?? []].flat().map(String)));
    const arns = new Set<string>();
    for (const pattern of patterns) {
        const parts = pattern.split(":");
        const isSecretArn =
            parts.length >= 7 && parts[0] === "arn" && wildcard(parts[2], "secretsmanager", true) && wildcard(parts[5], "secret", false);
        const [partition, region, account] = isSecretArn
            ? [parts[1], parts[3], parts[4]].map((p) => fill(p, "x"))
            : ["aws", "us-east-1", "123456789012"];
        const base = `arn:${partition === "x" ? "aws" : partition}:secretsmanager:${region}:${account}:secret:`;
        if (isSecretArn) {
            arns.add(base + fill(parts.slice(6).join(":"), "x"));
        }
        SAMPLE_SECRET_NAMES.forEach((name) => arns.add(base + name));
    }
    return [...arns];
}

function fill(pattern: string, filler: string): string {
    return pattern.replace(/\*/g, filler).replace(/\?/g, "x");
}

/** The requests on untagged secrets, and untagged creations, that a document must refuse. */
export function untaggedSecretProbes(document: unknown): SecretProbe[] {
    const probes: SecretProbe[] = [];
    for (const resource of secretArnsToProbe(document)) {
        const name = resource.slice(resource.indexOf(":secret:") + ":secret:".length);
        const airbyte = name.startsWith(AIRBYTE_SECRET_PREFIX);
        for (const action of USE_ACTIONS) {
            probes.push({
                what: `${action} on the untagged secret "${name}"`,
                request: { action, resource, context: {} },
                untaggedAirbyteUse: airbyte,
            });
        }
        probes.push(
            {
                what: `CreateSecret "${name}" without the ${TAG} tag`,
                request: { action: "secretsmanager:CreateSecret", resource, context: {} },
                untaggedAirbyteUse: false,
            },
            {
                what: `CreateSecret "${name}" tagged ${TAG}=false`,
                request: {
                    action: "secretsmanager:CreateSecret",
                    resource,
                    context: { [`aws:RequestTag/${TAG}`]: "false", "aws:TagKeys": [TAG] },
                },
                untaggedAirbyteUse: false,
            },
        );
        if (!airbyte) {
            // Tagging someone else's secret AirbyteManaged=true would make it readable.
            probes.push({
                what: `TagResource ${TAG}=true on the untagged secret "${name}"`,
                request: {
                    action: "secretsmanager:TagResource",
                    resource,
                    context: { [`aws:RequestTag/${TAG}`]: "true", "aws:TagKeys": [TAG] },
                },
                untaggedAirbyteUse: false,
            });
        }
    }
    return probes;
}

/** Messages for the probes a document does not refuse; `allowUntaggedAirbyte` exempts the opt-in's reach. */
export function untaggedSecretAccess(document: unknown, allowUntaggedAirbyte: boolean): string[] {
    const found: string[] = [];
    for (const probe of untaggedSecretProbes(document)) {
        if (allowUntaggedAirbyte && probe.untaggedAirbyteUse) {
            continue;
        }
        const decision = evaluateIamPolicy(document, probe.request);
        if (decision !== "deny") {
            found.push(`${decision === "allow" ? "allows" : "may allow (a condition this pack cannot evaluate decides)"} ${probe.what}`);
        }
    }
    return found;
}

const FIX =
    `Condition every Secrets Manager statement with \`StringEquals\` on \`secretsmanager:ResourceTag/${TAG}\` = "true" ` +
    `(never \`ForAllValues:\`, which is true when the tag is missing), and CreateSecret/TagResource with ` +
    `\`aws:RequestTag/${TAG}\` = "true" on \`airbyte_*\` names`;

const checkDocument = (path: string, document: unknown, allowUntagged: boolean, report: (m: string) => void) => {
    if (document === undefined || document === null || isUnknown(document)) {
        return;
    }
    const problems = untaggedSecretAccess(document, allowUntagged);
    if (problems.length > 0) {
        const shown = problems.slice(0, 3).join("; ");
        const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
        report(`\`${path}\` ${shown}${more}. Connector pods and the control plane must reach Airbyte's tagged secrets only: ${FIX}.`);
    }
};

const checkPolicyProperty: ResourceCheck = ({ props, config, report }) =>
    checkDocument("policy", props.policy, config.allowUntaggedAirbyteSecrets, report);

/** IAM policies never reach a secret that lacks `AirbyteManaged=true`. */
export const secretsManagerAccessTagScoped = resourcePolicy({
    name: "secrets-manager-access-tag-scoped",
    description: `IAM policies reach only Secrets Manager secrets tagged ${TAG}=true, and create secrets only with that tag.`,
    enforcementLevel: "mandatory",
    remediationSteps:
        `${FIX}. Only if the control plane writes untagged secrets (ACCESS_KEY mode), set secretsManager.aws.allowUntaggedSecrets ` +
        "in the stack and allowUntaggedAirbyteSecrets in this policy's config.",
    configKeys: ["allowUntaggedAirbyteSecrets"],
    checks: {
        [T.iamRolePolicy]: checkPolicyProperty,
        [T.iamPolicy]: checkPolicyProperty,
        [T.iamUserPolicy]: checkPolicyProperty,
        [T.iamGroupPolicy]: checkPolicyProperty,
        [T.iamRole]: ({ props, config, report }) => {
            const inline = Array.isArray(props.inlinePolicies) ? props.inlinePolicies : [];
            inline.forEach((p: any, i: number) =>
                checkDocument(`inlinePolicies[${i}].policy`, p?.policy, config.allowUntaggedAirbyteSecrets, report),
            );
        },
    },
});
