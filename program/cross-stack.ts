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

/**
 * Reads the org stack and the HA peers and applies Airbyte's two rules. Runs before the stack
 * registers anything but these stack references, and throws one `pulumi.RunError` listing every
 * violation with both sides' values and the fix.
 */
export async function enforceCrossStackRules(stack: string, common: CommonConfig, ownIdentity: string): Promise<OrgFacts> {
    const violations: RuleViolation[] = [];
    const facts: OrgFacts = {};
    if (common.orgStack) {
        const org = new pulumi.StackReference(`org-${common.orgStack}`, { name: common.orgStack });
        const identity = await outputValue(org, "secretsManagerIdentity");
        violations.push(...checkControlPlaneStore(stack, ownIdentity, common.orgStack, identity));
        const roleArn = await outputValue(org, "controlPlaneRoleArn");
        if (typeof roleArn === "string" && roleArn !== "") {
            facts.controlPlaneRoleArn = roleArn;
        }
        if (common.airbyteRegion) {
            const regionIds = (await outputValue(org, "regionIds")) as Record<string, string> | undefined;
            facts.regionId = regionIds?.[common.airbyteRegion];
            if (!facts.regionId) {
                const known = Object.keys(regionIds ?? {}).join(", ") || "none";
                violations.push({
                    rule: "missing-output",
                    message: `Org stack "${common.orgStack}" has no Airbyte region "${common.airbyteRegion}" (it has: ${known}). Add it to flexplane:airbyteRegions in the org stack, or fix flexplane:airbyteRegion.`,
                });
            }
        }
    }
    const own: Pick<DataPlaneDescriptor, "airbyteRegion" | "secretsManagerIdentity"> = {
        airbyteRegion: common.airbyteRegion,
        secretsManagerIdentity: ownIdentity,
    };
    for (const peer of common.haPeers) {
        const ref = new pulumi.StackReference(`peer-${peer}`, { name: peer });
        violations.push(...checkHaPeer(stack, own as DataPlaneDescriptor, peer, await outputValue(ref, "descriptor")));
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
