/**
 * The NetworkPolicy that keeps connector (job) pods off the cloud metadata endpoints. Connector
 * images are third-party code with the data plane's service account; the metadata endpoint would
 * hand them the node's own credentials (AWS instance role, GCE node service account, the AKS
 * kubelet identity). The policy allows every other destination, in and out of the cluster.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { InputProblems } from "../shared/errors";
import {
    DEFAULT_METADATA_NETWORK_POLICY, METADATA_NETWORK_POLICY_MODES, MetadataNetworkPolicyMode, metadataPolicySpec,
} from "./metadata-policy";

/** Checks the mode; throws an `InputPropertiesError` naming the argument. */
export function resolveMetadataNetworkPolicy(component: string, mode: unknown): MetadataNetworkPolicyMode {
    const problems = new InputProblems(`DataPlane "${component}"`);
    const resolved = mode ?? DEFAULT_METADATA_NETWORK_POLICY;
    problems.check((METADATA_NETWORK_POLICY_MODES as readonly unknown[]).includes(resolved), "metadataNetworkPolicy",
        `"${String(mode)}" is not a mode: use ipv4 (the default), dualStack (IPv6 or dual-stack clusters) or none (connector pods may then reach the node's credentials).`);
    problems.throwIfAny();
    return resolved as MetadataNetworkPolicyMode;
}

/** Creates the policies `mode` asks for in `namespace`. */
export function createMetadataNetworkPolicies(
    name: string,
    mode: MetadataNetworkPolicyMode,
    namespace: pulumi.Input<string>,
    labels: Record<string, string>,
    opts: pulumi.CustomResourceOptions,
): k8s.networking.v1.NetworkPolicy[] {
    const families: ("ipv4" | "ipv6")[] = mode === "none" ? [] : mode === "dualStack" ? ["ipv4", "ipv6"] : ["ipv4"];
    return families.map((family) => new k8s.networking.v1.NetworkPolicy(`${name}-connector-metadata-${family}`, {
        metadata: { name: `airbyte-connectors-no-metadata-${family}`, namespace, labels },
        spec: metadataPolicySpec(family),
    }, opts));
}
