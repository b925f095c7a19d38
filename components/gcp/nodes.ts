import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type { InputProblems } from "../shared/errors";
import { checkNodeLabels } from "../shared/kubernetes-names";
import { gceMachineShape } from "../shared/machine-shapes";
import { dataPlaneNodeReason, MinimumNodeSize, nodeSizeProblem } from "../shared/node-size";
import type { PodScheduling } from "../shared/types";
import { GKE_DEFAULTS, GkeMode, GkeNodePoolArgs } from "./args";
import { roleSlug, serviceAccountId } from "./names";
import type { ResolvedGkeCluster } from "./resolve";

/** Pool names: short enough that `<base>-<pool>-xxxxxxx` stays within GKE's 40 characters. */
export const NODE_POOL_NAME = /^[a-z]([a-z0-9-]{0,9}[a-z0-9])?$/;

/**
 * Smallest node boot disk accepted: it holds the OS, the connector images (often 1 GB or more each)
 * and the 5G of ephemeral storage each connector pod requests by default.
 */
export const MIN_NODE_DISK_SIZE_GIB = 50;

/** Role for the nodes' own service account: logs, metrics and image pulls, nothing else. */
export const NODE_SERVICE_ACCOUNT_ROLES = ["roles/container.defaultNodeServiceAccount"] as const;

/** Scope given to node VMs; what they may do is limited by their service account's roles instead. */
export const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

/** Node label naming the pool, since GKE's own pool label carries the generated name. */
export const NODE_POOL_LABEL = "flexplane.dev/node-pool";
/** Taint on a pool reserved for connector pods. */
export const JOBS_TAINT = { key: "flexplane.dev/dedicated", value: "jobs" } as const;

/** A node pool with its defaults applied. */
export type ResolvedGkeNodePool = Required<Omit<GkeNodePoolArgs, "diskSizeGb">>;

/** A pool with every setting it leaves out taken from `GKE_DEFAULTS.nodePool`. */
function withPoolDefaults(pool: GkeNodePoolArgs): ResolvedGkeNodePool {
    const defaults = GKE_DEFAULTS.nodePool;
    return {
        name: pool.name,
        machineType: pool.machineType ?? defaults.machineType,
        diskSizeGiB: pool.diskSizeGiB ?? defaults.diskSizeGiB,
        diskType: pool.diskType ?? defaults.diskType,
        minNodesPerZone: pool.minNodesPerZone ?? defaults.minNodesPerZone,
        maxNodesPerZone: pool.maxNodesPerZone ?? defaults.maxNodesPerZone,
        spot: pool.spot ?? defaults.spot,
        dedicatedToJobs: pool.dedicatedToJobs ?? defaults.dedicatedToJobs,
        labels: pool.labels ?? {},
    };
}

/**
 * Why a pool's machine type cannot run the data plane: below the minimum size, or Arm. GKE taints
 * every node of an Arm pool `kubernetes.io/arch=arm64:NoSchedule` unless told otherwise
 * (NodePool `taintConfig.architectureTaintBehavior`: "unspecified, defaults to ARM"), and neither the
 * launcher nor the connector pods carry a toleration for it, so they would never be scheduled there.
 */
function machineTypeProblem(machineType: string, minimumSize: MinimumNodeSize): string | undefined {
    const shape = gceMachineShape(machineType);
    if (shape?.architecture === "arm64") {
        return (
            `"${machineType}" is an Arm machine type: GKE taints Arm nodes kubernetes.io/arch=arm64:NoSchedule and the data plane's ` +
            "launcher and connector pods do not tolerate it, so they would stay Pending. Use an x86 machine type such as e2-standard-4."
        );
    }
    return nodeSizeProblem(machineType, shape, minimumSize, dataPlaneNodeReason(GKE_DEFAULTS.nodePool.machineType));
}

/**
 * The Standard-mode pools, defaults applied. Node pools only exist in Standard mode: Autopilot
 * provisions nodes per pod and replaces a cluster whose node settings change, so any pool given in
 * Autopilot mode is refused. In Standard mode the default is one `general` pool. Negative node counts
 * are left to the provider, which refuses them at preview; a maximum below the minimum only GKE
 * would refuse, at apply.
 */
export function resolveNodePools(
    problems: InputProblems,
    mode: GkeMode,
    pools: GkeNodePoolArgs[] | undefined,
    minimumSize: MinimumNodeSize,
): ResolvedGkeNodePool[] {
    if (mode === GkeMode.Autopilot) {
        problems.check(
            pools === undefined,
            "nodePools",
            "Autopilot provisions nodes itself and accepts no node pools: remove nodePools, or set mode: standard to manage pools.",
        );
        return [];
    }
    const resolved = (pools ?? [{ name: GKE_DEFAULTS.nodePool.name }]).map(withPoolDefaults);
    problems.check(resolved.length > 0, "nodePools", "give at least one node pool, or leave nodePools out for the default pool.");
    const seen = new Set<string>();
    resolved.forEach((pool, i) => {
        const path = `nodePools[${i}]`;
        problems.check(
            NODE_POOL_NAME.test(pool.name ?? ""),
            `${path}.name`,
            `"${pool.name}" is not a pool name: use 1 to 11 lower-case letters, digits or hyphens, starting with a letter.`,
        );
        checkNodeLabels(problems, path, pool.labels);
        problems.check(!seen.has(pool.name), `${path}.name`, `"${pool.name}" is used twice: give each pool its own name.`);
        seen.add(pool.name);
        problems.check(Boolean(pool.machineType?.trim()), `${path}.machineType`, "give a machine type such as e2-standard-4.");
        problems.addIfAny(`${path}.machineType`, machineTypeProblem(String(pool.machineType ?? ""), minimumSize));
        problems.check(
            Number.isInteger(pool.diskSizeGiB) && pool.diskSizeGiB >= MIN_NODE_DISK_SIZE_GIB,
            `${path}.diskSizeGiB`,
            `${pool.diskSizeGiB} GiB is too small: give at least ${MIN_NODE_DISK_SIZE_GIB} GiB, since each connector pod requests 5G of ephemeral storage besides the images.`,
        );
        problems.check(
            Number.isInteger(pool.maxNodesPerZone) && pool.maxNodesPerZone >= Math.max(1, pool.minNodesPerZone),
            `${path}.maxNodesPerZone`,
            `${pool.maxNodesPerZone} must be a whole number, at least 1 and at least minNodesPerZone (${pool.minNodesPerZone}).`,
        );
    });
    const dedicated = resolved.filter((p) => p.dedicatedToJobs);
    problems.check(
        dedicated.length <= 1,
        "nodePools",
        `${dedicated.map((p) => p.name).join(", ")} are all dedicatedToJobs: mark at most one pool.`,
    );
    problems.check(
        dedicated.length === 0 || dedicated.length < resolved.length,
        "nodePools",
        "every pool is dedicatedToJobs, leaving no node for the launcher and system pods: add a pool without dedicatedToJobs.",
    );
    return resolved;
}

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
export function createNodeIdentity(settings: ResolvedGkeCluster, parent: pulumi.Resource): NodeIdentity {
    if (settings.nodeServiceAccountEmail) {
        return { email: pulumi.output(settings.nodeServiceAccountEmail), dependencies: [] };
    }
    const account = new gcp.serviceaccount.Account(
        `${settings.base}-nodes`,
        {
            project: settings.project,
            accountId: serviceAccountId(settings.base, "nodes"),
            displayName: "GKE nodes of an Airbyte data plane (Flexplane)",
        },
        { parent },
    );
    const bindings = NODE_SERVICE_ACCOUNT_ROLES.map(
        (role) =>
            new gcp.projects.IAMMember(
                `${settings.base}-nodes-${roleSlug(role)}`,
                {
                    project: settings.project,
                    role,
                    member: account.member,
                },
                { parent },
            ),
    );
    return { email: account.email, dependencies: bindings };
}

/** The `gcp.container.NodePool` arguments of one Standard-mode pool. */
export function nodePoolInputs(
    settings: ResolvedGkeCluster,
    pool: ResolvedGkeNodePool,
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
            diskSizeGb: pool.diskSizeGiB,
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
    settings: ResolvedGkeCluster,
    cluster: gcp.container.Cluster,
    identity: NodeIdentity,
    parent: pulumi.Resource,
): gcp.container.NodePool[] {
    return settings.nodePools.map(
        (pool) =>
            new gcp.container.NodePool(`${settings.base}-${pool.name}`, nodePoolInputs(settings, pool, cluster.name, identity.email), {
                parent,
                dependsOn: identity.dependencies,
            }),
    );
}

/** Placement of connector pods on the pool reserved for them, if any. */
export function jobScheduling(settings: ResolvedGkeCluster): PodScheduling | undefined {
    const pool = settings.nodePools.find((p) => p.dedicatedToJobs);
    if (!pool) {
        return undefined;
    }
    return {
        nodeSelector: { [NODE_POOL_LABEL]: pool.name },
        tolerations: [{ key: JOBS_TAINT.key, operator: "Equal", value: JOBS_TAINT.value, effect: "NoSchedule" }],
    };
}
