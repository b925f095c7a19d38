import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type { GkeSettings } from "./validation";

/** Scope given to node VMs; what they may do is limited by their service account's roles instead. */
export const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

/**
 * Cluster arguments that Autopilot refuses or that make the provider replace an Autopilot cluster
 * on every update. `clusterInputs` never sets them in Autopilot mode.
 */
export const AUTOPILOT_FORBIDDEN_INPUTS = [
    "nodeConfig",
    "nodePools",
    "initialNodeCount",
    "removeDefaultNodePool",
    "enableShieldedNodes",
    "networkingMode",
    "workloadIdentityConfig",
] as const;

/** GKE Dataplane V2: eBPF datapath with built-in NetworkPolicy enforcement. */
export const DATAPLANE_V2 = "ADVANCED_DATAPATH";

/** Where the cluster attaches. */
export interface ClusterAttachment {
    /** Network self link or id. */
    network: pulumi.Input<string>;
    /** Subnet self link or id. */
    subnetwork: pulumi.Input<string>;
    podsRangeName: string;
    servicesRangeName: string;
    nodeServiceAccountEmail: pulumi.Input<string>;
    /** Cloud KMS key that encrypts Kubernetes Secrets (application-layer encryption). */
    secretsKeyName: pulumi.Input<string>;
}

/**
 * The `gcp.container.Cluster` arguments for a settings object.
 *
 * Both modes: regional unless a zone was accepted, VPC-native on the given ranges, private nodes
 * (no public IPs), release channel, deletion protection, authorized networks (unless the endpoint
 * is private or deliberately open), Secrets encrypted with a Cloud KMS key.
 *
 * Autopilot: `enableAutopilot` plus only what Autopilot accepts. Shielded nodes and Workload
 * Identity are always on there; node settings are refused (see `AUTOPILOT_FORBIDDEN_INPUTS`). The
 * nodes' service account is set through the auto-provisioning defaults.
 *
 * Standard: the default pool is removed after creation (`removeDefaultNodePool`, one initial node)
 * and separate node pools are managed; shielded nodes, Workload Identity and Dataplane V2 (which
 * enforces NetworkPolicies, as Autopilot always does) are turned on. The
 * cluster-level `nodeConfig` is left out: it only describes the discarded default pool, and the
 * provider would replace the cluster whenever it differs from the first remaining pool.
 */
export function clusterInputs(settings: GkeSettings, attachment: ClusterAttachment): gcp.container.ClusterArgs {
    const common: gcp.container.ClusterArgs = {
        project: settings.project,
        location: settings.location,
        description: "Airbyte Enterprise Flex data plane (Flexplane)",
        deletionProtection: settings.deletionProtection,
        network: attachment.network,
        subnetwork: attachment.subnetwork,
        ipAllocationPolicy: {
            clusterSecondaryRangeName: attachment.podsRangeName,
            servicesSecondaryRangeName: attachment.servicesRangeName,
        },
        privateClusterConfig: {
            enablePrivateNodes: true,
            enablePrivateEndpoint: settings.privateEndpoint,
            ...(settings.masterIpv4CidrBlock ? { masterIpv4CidrBlock: settings.masterIpv4CidrBlock } : {}),
        },
        releaseChannel: { channel: settings.releaseChannel },
        databaseEncryption: { state: "ENCRYPTED", keyName: attachment.secretsKeyName },
        ...(settings.kubernetesVersion ? { minMasterVersion: settings.kubernetesVersion } : {}),
        ...(settings.masterAuthorizedNetworks
            ? { masterAuthorizedNetworksConfig: { cidrBlocks: settings.masterAuthorizedNetworks.map((b) => ({ ...b })) } }
            : {}),
        resourceLabels: settings.labels,
    };
    if (settings.mode === "autopilot") {
        return {
            ...common,
            enableAutopilot: true,
            clusterAutoscaling: {
                autoProvisioningDefaults: {
                    serviceAccount: attachment.nodeServiceAccountEmail,
                    oauthScopes: [CLOUD_PLATFORM_SCOPE],
                },
            },
        };
    }
    return {
        ...common,
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        networkingMode: "VPC_NATIVE",
        // Dataplane V2 (Cilium) enforces NetworkPolicies, which Autopilot always does. Set only at
        // creation: changing it replaces the cluster.
        datapathProvider: DATAPLANE_V2,
        enableShieldedNodes: true,
        workloadIdentityConfig: { workloadPool: `${settings.project}.svc.id.goog` },
    };
}

/** Registers the cluster. */
export function createCluster(
    settings: GkeSettings,
    attachment: ClusterAttachment,
    dependsOn: pulumi.Resource[],
    parent: pulumi.Resource,
): gcp.container.Cluster {
    return new gcp.container.Cluster(`${settings.base}-cluster`, clusterInputs(settings, attachment), { parent, dependsOn });
}
