import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import type * as inputs from "@pulumi/azure-native/types/input";
import type { PodScheduling } from "../shared/types";
import { schedulingForPool } from "./taints";
import type { ResolvedPool } from "./validation-pools";

/** Settings every pool shares: autoscaled VM scale sets in the node subnet, Linux, no public IPs. */
function poolSettings(pool: ResolvedPool, subnetId: pulumi.Input<string>, kubernetesVersion: string) {
    return {
        type: "VirtualMachineScaleSets",
        osType: "Linux",
        osSKU: "AzureLinux",
        vmSize: pool.vmSize,
        availabilityZones: pool.zones,
        enableAutoScaling: true,
        minCount: pool.minCount,
        maxCount: pool.maxCount,
        // The autoscaler owns the node count after creation; `count` is ignored on updates.
        count: pool.minCount,
        osDiskSizeGB: pool.osDiskSizeGB,
        osDiskType: pool.osDiskType,
        maxPods: pool.maxPods,
        nodeLabels: pool.labels,
        nodeTaints: pool.taints,
        enableNodePublicIP: false,
        vnetSubnetID: subnetId,
        orchestratorVersion: kubernetesVersion,
        upgradeSettings: { maxSurge: "33%" },
    };
}

/** The one inline pool of the cluster, in System mode. */
export function systemPoolProfile(
    pool: ResolvedPool,
    subnetId: pulumi.Input<string>,
    kubernetesVersion: string,
): inputs.containerservice.ManagedClusterAgentPoolProfileArgs {
    return { name: pool.name, mode: "System", ...poolSettings(pool, subnetId, kubernetesVersion) };
}

/**
 * Workload pools as separate AgentPool resources: AKS replaces or rejects a cluster whose inline
 * pool list changes, while an AgentPool can be added, resized or removed on its own.
 */
export function createWorkloadPools(
    name: string,
    pools: ResolvedPool[],
    cluster: { resourceGroupName: pulumi.Input<string>; clusterName: pulumi.Input<string> },
    subnetId: pulumi.Input<string>,
    kubernetesVersion: string,
    opts: pulumi.CustomResourceOptions,
): containerservice.AgentPool[] {
    return pools.map((pool) => new containerservice.AgentPool(`${name}-pool-${pool.name}`, {
        resourceGroupName: cluster.resourceGroupName,
        resourceName: cluster.clusterName,
        // AKS limits pool names to 12 characters, so the name is set, never auto-suffixed.
        agentPoolName: pool.name,
        mode: "User",
        ...poolSettings(pool, subnetId, kubernetesVersion),
    }, { ...opts, ignoreChanges: ["count"] }));
}

/** Placement of connector pods: on the pool marked `runsJobs`, else left to the scheduler. */
export function jobScheduling(pools: ResolvedPool[]): PodScheduling | undefined {
    const jobsPool = pools.find((p) => p.runsJobs);
    return jobsPool ? schedulingForPool(jobsPool) : undefined;
}
