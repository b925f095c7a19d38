import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type { PodScheduling } from "../shared/types";
import { NODE_SERVICE_ACCOUNT_ROLES } from "./args";
import { CLOUD_PLATFORM_SCOPE } from "./cluster";
import { roleSlug, serviceAccountId } from "./names";
import type { ResolvedNodePool } from "./node-pool-validation";
import type { GkeSettings } from "./validation";

/** Node label naming the pool, since GKE's own pool label carries the generated name. */
export const NODE_POOL_LABEL = "flexplane.dev/node-pool";
/** Taint on a pool reserved for connector pods. */
export const JOBS_TAINT = { key: "flexplane.dev/dedicated", value: "jobs" } as const;

/** The nodes' identity. */
export interface NodeIdentity {
    email: pulumi.Output<string>;
    /** The role bindings, which must exist before nodes can write logs or pull images. */
    dependencies: pulumi.Resource[];
}

/**
 * A dedicated service account for the nodes with only `roles/container.defaultNodeServiceAccount`,
 * instead of the Compute Engine default account (which holds Editor in many projects). With
 * `nodeServiceAccountEmail` the given account is used and nothing is created.
 */
export function createNodeIdentity(settings: GkeSettings, parent: pulumi.Resource): NodeIdentity {
    if (settings.nodeServiceAccountEmail) {
        return { email: pulumi.output(settings.nodeServiceAccountEmail), dependencies: [] };
    }
    const account = new gcp.serviceaccount.Account(`${settings.base}-nodes`, {
        project: settings.project,
        accountId: serviceAccountId(settings.base, "nodes"),
        displayName: "GKE nodes of an Airbyte data plane (Flexplane)",
    }, { parent });
    const bindings = NODE_SERVICE_ACCOUNT_ROLES.map((role) => new gcp.projects.IAMMember(`${settings.base}-nodes-${roleSlug(role)}`, {
        project: settings.project,
        role,
        member: account.member,
    }, { parent }));
    return { email: account.email, dependencies: bindings };
}

/** The `gcp.container.NodePool` arguments of one Standard-mode pool. */
export function nodePoolInputs(
    settings: GkeSettings,
    pool: ResolvedNodePool,
    clusterName: pulumi.Input<string>,
    serviceAccountEmail: pulumi.Input<string>,
): gcp.container.NodePoolArgs {
    return {
        project: settings.project,
        location: settings.location,
        cluster: clusterName,
        autoscaling: { minNodeCount: pool.minNodesPerZone, maxNodeCount: pool.maxNodesPerZone, locationPolicy: "BALANCED" },
        management: { autoRepair: true, autoUpgrade: true },
        upgradeSettings: { maxSurge: 1, maxUnavailable: 0 },
        nodeConfig: {
            machineType: pool.machineType,
            diskSizeGb: pool.diskSizeGb,
            diskType: pool.diskType,
            imageType: "COS_CONTAINERD",
            spot: pool.spot,
            serviceAccount: serviceAccountEmail,
            oauthScopes: [CLOUD_PLATFORM_SCOPE],
            shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
            workloadMetadataConfig: { mode: "GKE_METADATA" },
            metadata: { "disable-legacy-endpoints": "true" },
            labels: { ...pool.labels, [NODE_POOL_LABEL]: pool.name },
            resourceLabels: settings.labels,
            ...(pool.dedicatedToJobs ? { taints: [{ ...JOBS_TAINT, effect: "NO_SCHEDULE" }] } : {}),
        },
    };
}

/** Registers the Standard-mode node pools; none in Autopilot mode. */
export function createNodePools(
    settings: GkeSettings,
    cluster: gcp.container.Cluster,
    identity: NodeIdentity,
    parent: pulumi.Resource,
): gcp.container.NodePool[] {
    return settings.nodePools.map((pool) => new gcp.container.NodePool(
        `${settings.base}-${pool.name}`,
        nodePoolInputs(settings, pool, cluster.name, identity.email),
        { parent, dependsOn: identity.dependencies },
    ));
}

/** Placement of connector pods on the pool reserved for them, if any. */
export function jobScheduling(settings: GkeSettings): PodScheduling | undefined {
    const pool = settings.nodePools.find((p) => p.dedicatedToJobs);
    if (!pool) {
        return undefined;
    }
    return {
        nodeSelector: { [NODE_POOL_LABEL]: pool.name },
        tolerations: [{ key: JOBS_TAINT.key, operator: "Equal", value: JOBS_TAINT.value, effect: "NoSchedule" }],
    };
}
