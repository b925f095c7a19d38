/**
 * What the metadata NetworkPolicy is, as plain values: the policy pack reads the same constants, so
 * this module loads no SDK.
 */

/**
 * The label the workload launcher puts on every pod it starts (check, discover, spec, replication):
 * airbytehq/airbyte-platform `airbyte-workload-launcher/.../pods/PodLabeler.kt`,
 * `getSharedLabels` → `getPodSweeperLabels` (`airbyte=job-pod`). The launcher itself lacks it.
 */
export const JOB_POD_LABEL = { key: "airbyte", value: "job-pod" } as const;

/**
 * IPv4 metadata endpoints: 169.254.169.254 serves AWS IMDS, the GCE metadata server and Azure IMDS;
 * on GKE with Workload Identity, Dataplane V2 hands that address to the GKE metadata server at
 * 169.254.169.252 (port 988), which a policy must name as well (GKE's network policy guide,
 * https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy: with Workload Identity
 * Federation, egress policies must allow 169.254.169.252/32 on port 988 for pods to reach the
 * metadata server).
 */
export const METADATA_IPV4_CIDRS = ["169.254.169.254/32", "169.254.169.252/32"] as const;

/**
 * IPv6 metadata endpoint of EC2 instances (IMDS over IPv6, Nitro instances, off unless
 * `HttpProtocolIpv6` is enabled): https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html
 * ("IPv6: http://[fd00:ec2::254]/latest/meta-data/").
 */
export const METADATA_IPV6_CIDRS = ["fd00:ec2::254/128"] as const;

/**
 * Which metadata NetworkPolicies DataPlane creates: `ipv4` (one policy for the IPv4 endpoints),
 * `dualStack` (also a second policy for the IPv6 endpoint, on IPv6 or dual-stack clusters), `none`.
 * Separate policies per address family: the AWS network policy agent fails rules of the other
 * family in older versions (aws/aws-network-policy-agent#321), which must not take the IPv4 rule down.
 */
export const MetadataNetworkPolicyMode = { Ipv4: "ipv4", DualStack: "dualStack", None: "none" } as const;
export type MetadataNetworkPolicyMode = (typeof MetadataNetworkPolicyMode)[keyof typeof MetadataNetworkPolicyMode];
export const METADATA_NETWORK_POLICY_MODES: readonly MetadataNetworkPolicyMode[] = Object.values(MetadataNetworkPolicyMode);
export const DEFAULT_METADATA_NETWORK_POLICY: MetadataNetworkPolicyMode = MetadataNetworkPolicyMode.Ipv4;

/** True for one of the modes, spelled as above. */
export function isMetadataNetworkPolicyMode(value: unknown): value is MetadataNetworkPolicyMode {
    return (METADATA_NETWORK_POLICY_MODES as readonly unknown[]).includes(value);
}

/**
 * The spec of one policy: connector pods may send to any pod of any namespace and any address of
 * `family` but the metadata endpoints. `ipBlock` alone would not do: Cilium (GKE Dataplane V2, AKS)
 * does not match cluster endpoints with CIDR rules (https://docs.cilium.io/en/stable/security/policy/language/,
 * "IP/CIDR based: ... to or from external services if the remote peer is not an endpoint"), so
 * in-cluster destinations (DNS, databases in the cluster) are allowed by the namespace selector.
 */
export function metadataPolicySpec(family: "ipv4" | "ipv6") {
    const block =
        family === "ipv4" ? { cidr: "0.0.0.0/0", except: [...METADATA_IPV4_CIDRS] } : { cidr: "::/0", except: [...METADATA_IPV6_CIDRS] };
    return {
        podSelector: { matchLabels: { [JOB_POD_LABEL.key]: JOB_POD_LABEL.value } },
        policyTypes: ["Egress"],
        egress: [{ to: [{ ipBlock: block }, { namespaceSelector: {} }] }],
    };
}
