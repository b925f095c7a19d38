import type { InputProblems } from "../shared/errors";
import { GKE_DEFAULTS, GkeMode, GkeNodePoolArgs, MIN_NODE_DISK_SIZE_GB } from "./args";
import { gceMachineShape } from "../shared/machine-shapes";
import { dataPlaneNodeReason, DEFAULT_MINIMUM_NODE_SIZE, MinimumNodeSize, nodeSizeProblem } from "../shared/node-size";

/** Pool names: short enough that `<base>-<pool>-xxxxxxx` stays within GKE's 40 characters. */
export const NODE_POOL_NAME = /^[a-z]([a-z0-9-]{0,9}[a-z0-9])?$/;

/** A node pool with its defaults applied. */
export interface ResolvedNodePool {
    name: string;
    machineType: string;
    diskSizeGb: number;
    diskType: string;
    minNodesPerZone: number;
    maxNodesPerZone: number;
    spot: boolean;
    dedicatedToJobs: boolean;
    labels: Record<string, string>;
}

/** Applies the pool defaults. */
export function resolveNodePool(pool: GkeNodePoolArgs): ResolvedNodePool {
    return {
        name: pool.name,
        machineType: pool.machineType ?? GKE_DEFAULTS.machineType,
        diskSizeGb: pool.diskSizeGb ?? GKE_DEFAULTS.diskSizeGb,
        diskType: pool.diskType ?? GKE_DEFAULTS.diskType,
        minNodesPerZone: pool.minNodesPerZone ?? GKE_DEFAULTS.minNodesPerZone,
        maxNodesPerZone: pool.maxNodesPerZone ?? GKE_DEFAULTS.maxNodesPerZone,
        spot: pool.spot ?? false,
        dedicatedToJobs: pool.dedicatedToJobs ?? false,
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
        return `"${machineType}" is an Arm machine type: GKE taints Arm nodes kubernetes.io/arch=arm64:NoSchedule and the data plane's ` +
            "launcher and connector pods do not tolerate it, so they would stay Pending. Use an x86 machine type such as e2-standard-4.";
    }
    return nodeSizeProblem(machineType, shape, minimumSize, dataPlaneNodeReason(GKE_DEFAULTS.machineType));
}

/**
 * Node pools only exist in Standard mode: Autopilot provisions nodes per pod and replaces a cluster
 * whose node settings change, so any pool given in Autopilot mode is refused. In Standard mode the
 * default is one `general` pool.
 */
export function checkNodePools(
    problems: InputProblems,
    mode: GkeMode,
    pools: GkeNodePoolArgs[] | undefined,
    minimumSize: MinimumNodeSize = DEFAULT_MINIMUM_NODE_SIZE,
): ResolvedNodePool[] {
    if (mode === "autopilot") {
        problems.check(pools === undefined, "nodePools",
            "Autopilot provisions nodes itself and accepts no node pools: remove nodePools, or set mode: standard to manage pools.");
        return [];
    }
    const resolved = (pools ?? [{ name: GKE_DEFAULTS.nodePoolName }]).map(resolveNodePool);
    problems.check(resolved.length > 0, "nodePools", "give at least one node pool, or leave nodePools out for the default pool.");
    const seen = new Set<string>();
    resolved.forEach((pool, i) => {
        const path = `nodePools[${i}]`;
        problems.check(NODE_POOL_NAME.test(pool.name ?? ""), `${path}.name`,
            `"${pool.name}" is not a pool name: use 1 to 11 lower-case letters, digits or hyphens, starting with a letter.`);
        problems.check(!seen.has(pool.name), `${path}.name`, `"${pool.name}" is used twice: give each pool its own name.`);
        seen.add(pool.name);
        problems.check(Boolean(pool.machineType?.trim()), `${path}.machineType`, "give a machine type such as e2-standard-4.");
        problems.addIfAny(`${path}.machineType`, machineTypeProblem(String(pool.machineType ?? ""), minimumSize));
        problems.check(Number.isInteger(pool.diskSizeGb) && pool.diskSizeGb >= MIN_NODE_DISK_SIZE_GB, `${path}.diskSizeGb`,
            `${pool.diskSizeGb} GB is too small: give at least ${MIN_NODE_DISK_SIZE_GB} GB, since each connector pod requests 5G of ephemeral storage besides the images.`);
        problems.check(Number.isInteger(pool.minNodesPerZone) && pool.minNodesPerZone >= 0, `${path}.minNodesPerZone`,
            `${pool.minNodesPerZone} is not a node count: give 0 or more.`);
        problems.check(Number.isInteger(pool.maxNodesPerZone) && pool.maxNodesPerZone >= Math.max(1, pool.minNodesPerZone), `${path}.maxNodesPerZone`,
            `${pool.maxNodesPerZone} must be a whole number, at least 1 and at least minNodesPerZone (${pool.minNodesPerZone}).`);
    });
    const dedicated = resolved.filter((p) => p.dedicatedToJobs);
    problems.check(dedicated.length <= 1, "nodePools", `${dedicated.map((p) => p.name).join(", ")} are all dedicatedToJobs: mark at most one pool.`);
    problems.check(dedicated.length === 0 || dedicated.length < resolved.length, "nodePools",
        "every pool is dedicatedToJobs, leaving no node for the launcher and system pods: add a pool without dedicatedToJobs.");
    return resolved;
}
