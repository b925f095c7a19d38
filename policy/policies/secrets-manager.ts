import type { PolicyConfig } from "./config";
import { ResourceCheck, resourcePolicy } from "./define";
import {
    formatSecretsManagerIdentity,
    keyVaultHost,
    parseSecretsManagerIdentity,
    SECRETS_MANAGER_IDENTITY_FORMATS,
    SECRETS_MANAGER_TYPES,
    SecretsManagerIdentity,
} from "./identity";
import { isDataPlaneChart, SECRETS_MANAGER_IDENTITY_ANNOTATION, T } from "./tokens";
import { at, isUnknown, knownString } from "./values";

const POLICY = "secrets-manager-matches-control-plane";
const WHY =
    "The control plane writes connector credentials to its secret store and the data plane reads them from there, " +
    "so a data plane pointed at another store fails every check, discover and sync";

type Configured = { ok: true; identity: SecretsManagerIdentity } | { ok: false; missing: boolean; problem: string };

/** The configured control-plane identity, or why there is none. */
function configured(config: PolicyConfig): Configured {
    const raw = config.controlPlaneSecretsManager;
    if (raw === undefined || raw.trim() === "") {
        return {
            ok: false,
            missing: true,
            problem:
                `The policy pack has no \`controlPlaneSecretsManager\`, so this data plane's secret store cannot be ` +
                `compared with the control plane's. Set it in the policy-pack config under "${POLICY}" (${SECRETS_MANAGER_IDENTITY_FORMATS}).`,
        };
    }
    const identity = parseSecretsManagerIdentity(raw);
    if (!identity) {
        return {
            ok: false,
            missing: false,
            problem: `The configured \`controlPlaneSecretsManager\` "${raw}" is not a secret-store identity: write it as ${SECRETS_MANAGER_IDENTITY_FORMATS}.`,
        };
    }
    return { ok: true, identity };
}

/**
 * What the chart values say against the control plane's store; one message per disagreement.
 * Values cannot name an AWS account, so only the region is compared for AWS.
 */
export function helmValuesMismatches(values: any, expected: SecretsManagerIdentity): string[] {
    const sm = at(values, "secretsManager");
    const type = at(sm, "type");
    if (isUnknown(sm) || isUnknown(type)) {
        return [];
    }
    const wantType = SECRETS_MANAGER_TYPES[expected.kind];
    if (type !== wantType) {
        const now = knownString(type) ? `is "${type}"` : "is not set (the chart then renders Vault)";
        return [
            `\`values.secretsManager.type\` ${now}; the control plane uses ${formatSecretsManagerIdentity(expected)}: set it to "${wantType}".`,
        ];
    }
    const compare = (path: string, actual: unknown, want: string | undefined, show = want) => {
        if (isUnknown(actual)) {
            return [];
        }
        const got = knownString(actual)?.trim().toLowerCase();
        const gotNormal = got === "global" ? undefined : got;
        return gotNormal === want
            ? []
            : [
                  `\`values.${path}\` is ${got ? `"${actual}"` : "not set"}; the control plane's store is ${formatSecretsManagerIdentity(expected)}: set it to ${show ? `"${show}"` : "nothing (the global endpoint)"}.`,
              ];
    };
    switch (expected.kind) {
        case "aws":
            return compare("secretsManager.awsSecretManager.region", at(sm, "awsSecretManager.region"), expected.region);
        case "gcp":
            return [
                ...compare("secretsManager.googleSecretManager.projectId", at(sm, "googleSecretManager.projectId"), expected.project),
                ...compare("secretsManager.googleSecretManager.region", at(sm, "googleSecretManager.region"), expected.region),
            ];
        case "azure": {
            const url = at(sm, "azureKeyVault.vaultUrl");
            const host = knownString(url) ? keyVaultHost(url) : url;
            return compare("secretsManager.azureKeyVault.vaultUrl", host, expected.host, `https://${expected.host}/`);
        }
    }
}

const checkRelease: ResourceCheck = ({ props, config, report }) => {
    if (!isDataPlaneChart(props.chart)) {
        return;
    }
    const want = configured(config);
    if (!want.ok) {
        report(want.problem);
        return;
    }
    helmValuesMismatches(props.values, want.identity).forEach((m) => report(`${m} ${WHY}.`));
};

/** Every data plane uses the control plane's secret store. */
export const secretsManagerMatchesControlPlane = resourcePolicy({
    name: POLICY,
    description: "Every data plane uses the same secret store as the control plane.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Point the data plane's secretsManager at the store the control plane uses (same account and region, " +
        "project, or vault), and set controlPlaneSecretsManager in the policy-pack config.",
    configKeys: ["controlPlaneSecretsManager"],
    checks: {
        [T.k8sSecret]: ({ props, config, report }) => {
            const annotation = at(props, "metadata.annotations")?.[SECRETS_MANAGER_IDENTITY_ANNOTATION];
            if (annotation === undefined || isUnknown(annotation)) {
                return;
            }
            const want = configured(config);
            if (!want.ok) {
                // A missing value is reported once, on the data plane's release.
                if (!want.missing) {
                    report(want.problem);
                }
                return;
            }
            const actual = parseSecretsManagerIdentity(String(annotation));
            const expected = formatSecretsManagerIdentity(want.identity);
            if (!actual || formatSecretsManagerIdentity(actual) !== expected) {
                report(
                    `The data plane's secret store is "${annotation}" (annotation ${SECRETS_MANAGER_IDENTITY_ANNOTATION}) but the control ` +
                        `plane's is "${expected}". ${WHY}: set the DataPlane's secretsManager to the control plane's store.`,
                );
            }
        },
        [T.helmRelease]: checkRelease,
        [T.helmChartV4]: checkRelease,
    },
});
