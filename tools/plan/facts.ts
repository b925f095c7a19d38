/**
 * The facts a reviewer approves a plan on, read from what the program registered: Kubernetes version,
 * node types and counts, chart, namespace, secret store, log storage, control plane, Airbyte regions.
 */
import type { PlannedResource } from "./plan";
import { nodeGroupDiskGiB } from "./remote-components";

export interface KeyFacts {
    kubernetes?: string;
    nodes: string[];
    chart?: string;
    secretStore?: string;
    logStorage?: string;
    controlPlane?: string;
    airbyte: string[];
}

function nodePoolFact(r: PlannedResource, resources: PlannedResource[]): string | undefined {
    const i = r.inputs;
    switch (r.type) {
        case "eks:index:ManagedNodeGroup":
            return (
                `${r.name}: ${(i.instanceTypes ?? []).join(", ")} (${i.capacityType ?? "ON_DEMAND"}), ${i.scalingConfig?.minSize} to ${i.scalingConfig?.maxSize} nodes, ` +
                `${i.scalingConfig?.desiredSize} at first, ${nodeGroupDiskGiB(r, resources)} GiB disks${Object.keys(i.taints ?? {}).length ? ", tainted for connector pods" : ""}`
            );
        case "gcp:container/nodePool:NodePool":
            return (
                `${r.name}: ${i.nodeConfig?.machineType}, ${i.autoscaling?.minNodeCount} to ${i.autoscaling?.maxNodeCount} nodes per zone, ` +
                `${i.nodeConfig?.diskSizeGb} GB disks${i.nodeConfig?.spot ? ", spot" : ""}${i.nodeConfig?.taints?.length ? ", tainted for connector pods" : ""}`
            );
        case "azure-native:containerservice:AgentPool":
            return `${i.agentPoolName ?? r.name}: ${i.vmSize}, ${i.minCount} to ${i.maxCount} nodes over zones ${(i.availabilityZones ?? []).join(", ")}`;
        default:
            return undefined;
    }
}

/** The key facts of a plan; `values` are the data plane's Helm values, `outputs` the stack's (redacted). */
export function keyFacts(
    resources: PlannedResource[],
    values: Record<string, any> | undefined,
    outputs: Record<string, unknown>,
): KeyFacts {
    const facts: KeyFacts = { nodes: [], airbyte: [] };
    for (const r of resources) {
        const i = r.inputs;
        if (r.type === "eks:index:Cluster") {
            facts.kubernetes = `${i.version} (EKS ${i.name})`;
        } else if (r.type === "gcp:container/cluster:Cluster") {
            facts.kubernetes =
                `${i.minMasterVersion ? `${i.minMasterVersion} or newer` : "the channel's default"} on the ${i.releaseChannel?.channel ?? "default"} channel ` +
                `(GKE ${i.enableAutopilot ? "Autopilot" : "Standard"})`;
            if (i.enableAutopilot) {
                facts.nodes.push("Autopilot: GKE sizes nodes to the pods");
            }
        } else if (r.type === "azure-native:containerservice:ManagedCluster") {
            facts.kubernetes = `${i.kubernetesVersion} (AKS, ${i.sku?.tier ?? "Free"} tier, upgrades: ${i.autoUpgradeProfile?.upgradeChannel ?? "none"})`;
            for (const pool of i.agentPoolProfiles ?? []) {
                facts.nodes.push(
                    `${pool.name} (${pool.mode}): ${pool.vmSize}, ${pool.minCount} to ${pool.maxCount} nodes over zones ${(pool.availabilityZones ?? []).join(", ")}`,
                );
            }
        } else if (r.type === "kubernetes:helm.sh/v3:Release") {
            facts.chart = `${i.chart} ${i.version} from ${i.repositoryOpts?.repo}, release ${i.name} in namespace ${i.namespace}`;
        } else if (r.type === "pulumi-nodejs:dynamic/flexplane:AirbyteRegion") {
            facts.airbyte.push(`creates Airbyte region "${i.name}" in organization ${i.organizationId}`);
        } else if (r.type === "pulumi-nodejs:dynamic/flexplane:AirbyteDataplane") {
            facts.airbyte.push(`registers data plane "${i.name}" in the Airbyte region the org stack created`);
        }
        const pool = nodePoolFact(r, resources);
        if (pool) {
            facts.nodes.push(pool);
        }
    }
    const identity = secretsManagerIdentityOf(outputs);
    if (values?.secretsManager?.type || identity) {
        facts.secretStore = [values?.secretsManager?.type, identity].filter(Boolean).join(", ");
    }
    if (values?.storage?.type) {
        facts.logStorage = `${values.storage.type} ${values.storage.bucket?.log ?? ""}`.trim();
    }
    facts.controlPlane = values?.airbyteUrl;
    return facts;
}

/** The stack's own secret-store identity: a region stack's `descriptor`, or the org stack's output. */
export function secretsManagerIdentityOf(outputs: Record<string, unknown>): string | undefined {
    return (
        (outputs.descriptor as { secretsManagerIdentity?: string } | undefined)?.secretsManagerIdentity ??
        (outputs.secretsManagerIdentity as string | undefined)
    );
}
