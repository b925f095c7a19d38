import * as pulumi from "@pulumi/pulumi";
import { checkControlPlaneStore, checkHaPeer, DataPlaneDescriptor, RuleViolation } from "../components/shared/rules";
import type { CommonConfig } from "./config";

/** What the org stack told this stack. */
export interface OrgFacts {
    /** Airbyte region id for `flexplane:airbyteRegion`, when the org stack created it. */
    regionId?: string;
    /** The role of an IAM_ROLE secret store, when the org stack created it. */
    controlPlaneRoleArn?: string;
}

/** One check against another stack, as the stack's config asks for it. */
export interface CrossStackCheck {
    /** The stack read. */
    stack: string;
    /** The config key that names it. */
    key: "flexplane:orgStack" | "flexplane:haPeers";
    /** What is compared, in words. */
    checks: string;
}

/** The checks a region stack makes against other stacks, in the order it makes them. */
export function crossStackChecks(common: Pick<CommonConfig, "orgStack" | "haPeers" | "airbyteRegion">): CrossStackCheck[] {
    const checks: CrossStackCheck[] = [];
    if (common.orgStack) {
        checks.push({
            stack: common.orgStack,
            key: "flexplane:orgStack",
            checks:
                "rule 1, the same secrets manager as the control plane (its secretsManagerIdentity)" +
                (common.airbyteRegion ? `; the Airbyte region "${common.airbyteRegion}" exists (its regionIds)` : ""),
        });
    }
    for (const peer of common.haPeers) {
        checks.push({
            stack: peer,
            key: "flexplane:haPeers",
            checks: "rule 2, the same Airbyte region and secrets manager (its descriptor)",
        });
    }
    return checks;
}

/** Why a stack could not be read, and what to do, under the key that names it. */
function unreadable(check: CrossStackCheck, cause: unknown): pulumi.InputPropertyErrorDetails {
    // The SDK prefixes the backend's reason with "failed to read resource #<id> '<name>' [<type>]: ".
    const detail = (cause instanceof Error ? cause.message.split("\n")[0] : String(cause)).replace(/^failed to read resource .*?\]: /, "");
    const fix =
        check.key === "flexplane:orgStack"
            ? "Check the name (<organization>/<project>/<stack>, or <stack> in this project), that the org stack has been deployed with `pulumi up`, and that you may read it; or remove flexplane:orgStack."
            : "Check the name, and deploy that stack first: the first stack of an HA pair goes up without flexplane:haPeers, and each lists the other once both exist. Or remove it from flexplane:haPeers.";
    return { propertyPath: check.key, reason: `stack "${check.stack}" cannot be read (${detail}). ${fix}` };
}

/**
 * Reads the org stack and the HA peers and applies Airbyte's two rules. Runs after every pure check of
 * the stack and before it registers anything but these stack references (reads). A stack that cannot
 * be read is reported under the key that names it; broken rules as one `pulumi.RunError` listing
 * every violation with both sides' values and the fix.
 */
export async function enforceCrossStackRules(stack: string, common: CommonConfig, ownIdentity: string): Promise<OrgFacts> {
    const violations: RuleViolation[] = [];
    const unread: pulumi.InputPropertyErrorDetails[] = [];
    const facts: OrgFacts = {};
    for (const check of crossStackChecks(common)) {
        const ref = new pulumi.StackReference(`${check.key === "flexplane:orgStack" ? "org" : "peer"}-${check.stack}`, {
            name: check.stack,
        });
        try {
            if (check.key === "flexplane:orgStack") {
                violations.push(
                    ...checkControlPlaneStore(stack, ownIdentity, check.stack, await outputValue(ref, "secretsManagerIdentity")),
                );
                const roleArn = await outputValue(ref, "controlPlaneRoleArn");
                if (typeof roleArn === "string" && roleArn !== "") {
                    facts.controlPlaneRoleArn = roleArn;
                }
                if (common.airbyteRegion) {
                    const regionIds = (await outputValue(ref, "regionIds")) as Record<string, string> | undefined;
                    facts.regionId = regionIds?.[common.airbyteRegion];
                    if (!facts.regionId) {
                        const known = Object.keys(regionIds ?? {}).join(", ") || "none";
                        violations.push({
                            rule: "missing-output",
                            message: `Org stack "${check.stack}" has no Airbyte region "${common.airbyteRegion}" (it has: ${known}). Add it to flexplane:airbyteRegions in the org stack, or fix flexplane:airbyteRegion.`,
                        });
                    }
                }
            } else {
                const own = { airbyteRegion: common.airbyteRegion, secretsManagerIdentity: ownIdentity } as DataPlaneDescriptor;
                violations.push(...checkHaPeer(stack, own, check.stack, await outputValue(ref, "descriptor")));
            }
        } catch (err) {
            unread.push(unreadable(check, err));
        }
    }
    if (unread.length > 0) {
        throw new pulumi.InputPropertiesError({
            message: `Stack "${stack}" cannot read the stacks its config names:\n${unread.map((u) => `  - ${u.propertyPath}: ${u.reason}`).join("\n")}`,
            errors: unread,
        });
    }
    if (violations.length > 0) {
        throw new pulumi.RunError(
            `Stack "${stack}" breaks Airbyte's cross-stack rules:\n${violations.map((v) => `  - [${v.rule}] ${v.message}`).join("\n")}`,
        );
    }
    return facts;
}

async function outputValue(ref: pulumi.StackReference, name: string): Promise<unknown> {
    const details = await ref.getOutputDetails(name);
    return details.value ?? details.secretValue;
}
