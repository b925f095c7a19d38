/**
 * The NetworkPolicy that keeps connector (job) pods off the cloud metadata endpoints. Connector
 * images are third-party code with the data plane's service account; the metadata endpoint would
 * hand them the node's own credentials (AWS instance role, GCE node service account, the AKS
 * kubelet identity). The policy allows every other destination, in and out of the cluster.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { MetadataNetworkPolicyMode, metadataPolicySpec } from "./metadata-policy";

/** Creates the policies `mode` asks for in `namespace`. */
export function createMetadataNetworkPolicies(
    name: string,
    mode: MetadataNetworkPolicyMode,
    namespace: pulumi.Input<string>,
    labels: Record<string, string>,
    opts: pulumi.CustomResourceOptions,
): k8s.networking.v1.NetworkPolicy[] {
    const families: ("ipv4" | "ipv6")[] = mode === "none" ? [] : mode === "dualStack" ? ["ipv4", "ipv6"] : ["ipv4"];
    return families.map(
        (family) =>
            new k8s.networking.v1.NetworkPolicy(
                `${name}-connector-metadata-${family}`,
                {
                    metadata: { name: `airbyte-connectors-no-metadata-${family}`, namespace, labels },
                    spec: metadataPolicySpec(family),
                },
                opts,
            ),
    );
}
