/**
 * The two rules Airbyte states for Enterprise Flex, as pure checks over what each stack exports:
 * 1. a data plane uses the same secrets manager as the control plane;
 * 2. data planes that back each other up share one Airbyte region and one secrets manager.
 */

/** What every region stack exports for its peers (stack output `descriptor`). */
export interface DataPlaneDescriptor {
    cloud: string;
    clusterRegion: string;
    /** Name of the Airbyte region the data plane is registered in. */
    airbyteRegion?: string;
    /** Canonical secrets-manager identity (see `secretsManagerIdentity`). */
    secretsManagerIdentity: string;
}

/** One broken rule, with a message that shows both sides and the fix. */
export interface RuleViolation {
    rule: "same-secrets-manager-as-control-plane" | "ha-peers-share-region-and-store" | "missing-output";
    message: string;
}

/** Rule 1: this stack's store against the one the org stack declares for the control plane. */
export function checkControlPlaneStore(stack: string, ownIdentity: string, orgStack: string, orgIdentity: unknown): RuleViolation[] {
    if (typeof orgIdentity !== "string" || orgIdentity === "") {
        return [
            {
                rule: "missing-output",
                message: `Org stack "${orgStack}" exports no secretsManagerIdentity, so stack "${stack}" cannot check that it uses the control plane's secrets manager. Run \`pulumi up\` on "${orgStack}" first, or fix flexplane:orgStack.`,
            },
        ];
    }
    if (orgIdentity === ownIdentity) {
        return [];
    }
    return [
        {
            rule: "same-secrets-manager-as-control-plane",
            message:
                `Stack "${stack}" would use secrets manager ${ownIdentity}, but the control plane (org stack "${orgStack}") uses ${orgIdentity}. ` +
                "Airbyte requires data planes and the control plane to use the same secrets manager: connectors saved in the UI are written there and read back by the data plane. " +
                `Set flexplane:secretsManager in stack "${stack}" to the store ${orgIdentity} (for AWS the region is the store's, not the cluster's).`,
        },
    ];
}

/** Rule 2: every HA peer against this stack. */
export function checkHaPeer(stack: string, own: DataPlaneDescriptor, peer: string, peerDescriptor: unknown): RuleViolation[] {
    const other = peerDescriptor as Partial<DataPlaneDescriptor> | undefined;
    if (!other || typeof other !== "object" || typeof other.secretsManagerIdentity !== "string") {
        return [
            {
                rule: "missing-output",
                message: `HA peer "${peer}" exports no descriptor with a secretsManagerIdentity, so stack "${stack}" cannot check it. Run \`pulumi up\` on "${peer}" first, or remove it from flexplane:haPeers.`,
            },
        ];
    }
    const violations: RuleViolation[] = [];
    if ((other.airbyteRegion ?? "") !== (own.airbyteRegion ?? "")) {
        violations.push({
            rule: "ha-peers-share-region-and-store",
            message:
                `Stack "${stack}" is in Airbyte region "${own.airbyteRegion ?? "(none)"}" but its HA peer "${peer}" is in "${other.airbyteRegion ?? "(none)"}". ` +
                "Data planes that back each other up must be part of the same Airbyte region. Set flexplane:airbyteRegion to the same region in both stacks, or remove the peer from flexplane:haPeers.",
        });
    }
    if (other.secretsManagerIdentity !== own.secretsManagerIdentity) {
        violations.push({
            rule: "ha-peers-share-region-and-store",
            message:
                `Stack "${stack}" uses secrets manager ${own.secretsManagerIdentity} but its HA peer "${peer}" uses ${other.secretsManagerIdentity}. ` +
                "Data planes that back each other up must use the same secrets manager so connection credentials are the same. Point both stacks' flexplane:secretsManager at the control plane's store.",
        });
    }
    return violations;
}
