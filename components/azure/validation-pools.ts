import type { InputProblems } from "../shared/errors";
import { DEFAULT_ZONES, MIN_ZONES, NodePoolArgs } from "./args";
import { isPoolName } from "./names";
import { tolerationForTaint } from "./taints";
import { azureVmShape } from "../shared/machine-shapes";
import { AKS_SYSTEM_POOL_MINIMUM, dataPlaneNodeReason, MinimumNodeSize, nodeSizeProblem } from "../shared/node-size";

/** A node pool with every default applied. */
export interface ResolvedPool {
    name: string;
    vmSize: string;
    minCount: number;
    maxCount: number;
    osDiskSizeGB: number;
    osDiskType: "Managed" | "Ephemeral";
    zones: string[];
    labels: Record<string, string>;
    taints: string[];
    maxPods: number;
    runsJobs: boolean;
}

/** The system pool's taint: only critical add-ons run there, so Airbyte lands on workload pools. */
export const SYSTEM_POOL_TAINT = "CriticalAddonsOnly=true:NoSchedule";

export const SYSTEM_POOL_DEFAULTS = {
    name: "system", vmSize: "Standard_D4ds_v5", minCount: 2, maxCount: 3, osDiskSizeGB: 128, taints: [SYSTEM_POOL_TAINT],
} as const;
export const WORKLOAD_POOL_DEFAULTS = {
    name: "workload", vmSize: "Standard_D8ds_v5", minCount: 1, maxCount: 6, osDiskSizeGB: 256, taints: [] as string[],
} as const;
const VALID_ZONES = ["1", "2", "3"];
const ZONE_REASON = 'Airbyte supports AKS only "in 2 or more availability zones"';

/** Checks the zones of one pool (or the cluster default); returns them. */
export function checkZones(problems: InputProblems, path: string, zones: unknown): string[] {
    if (!Array.isArray(zones)) {
        problems.add(path, `must be a list of zones such as ["1", "2", "3"]; ${ZONE_REASON}.`);
        return [...DEFAULT_ZONES];
    }
    const texts = zones.map(String);
    const unknown = texts.filter((z) => !VALID_ZONES.includes(z));
    if (unknown.length > 0) {
        problems.add(path, `${unknown.join(", ")} ${unknown.length === 1 ? "is not a zone" : "are not zones"}: Azure zones are "1", "2" and "3".`);
    }
    const distinct = new Set(texts);
    if (distinct.size < MIN_ZONES) {
        problems.add(path, `has ${distinct.size} distinct zone${distinct.size === 1 ? "" : "s"}; ${ZONE_REASON}: give at least ${MIN_ZONES}, e.g. ["1", "2", "3"], in a region that has zones.`);
    }
    return [...distinct];
}

/** Checks one pool and applies its defaults. */
export function resolvePool(
    problems: InputProblems,
    path: string,
    pool: NodePoolArgs,
    defaults: typeof SYSTEM_POOL_DEFAULTS | typeof WORKLOAD_POOL_DEFAULTS,
    clusterZones: string[],
    system: boolean,
): ResolvedPool {
    const name = pool.name ?? (system ? defaults.name : undefined);
    if (!isPoolName(name)) {
        problems.add(`${path}.name`, name === undefined
            ? "is required for every workload pool: give 1 to 12 lower-case letters and digits, e.g. workload."
            : `"${name}" is not an AKS pool name: use 1 to 12 lower-case letters and digits, starting with a letter.`);
    }
    const minCount = pool.minCount ?? defaults.minCount;
    const maxCount = pool.maxCount ?? Math.max(defaults.maxCount, minCount);
    const lowest = system ? 1 : 0;
    problems.check(Number.isInteger(minCount) && minCount >= lowest && minCount <= 1000, `${path}.minCount`,
        `${minCount} is out of range: give a whole number from ${lowest} to 1000${system ? " (the system pool needs a node; 2 survive a zone outage)" : ""}.`);
    problems.check(Number.isInteger(maxCount) && maxCount >= Math.max(minCount, 1) && maxCount <= 1000, `${path}.maxCount`,
        `${maxCount} must be a whole number from minCount (${minCount}) to 1000, and at least 1.`);
    const osDiskSizeGB = pool.osDiskSizeGB ?? defaults.osDiskSizeGB;
    problems.check(Number.isInteger(osDiskSizeGB) && osDiskSizeGB >= 30 && osDiskSizeGB <= 2048, `${path}.osDiskSizeGB`,
        `${osDiskSizeGB} is out of range: give 30 to 2048 GB; connector images and their scratch files need ${WORKLOAD_POOL_DEFAULTS.osDiskSizeGB} or so.`);
    const osDiskType = pool.osDiskType ?? "Managed";
    problems.check(osDiskType === "Managed" || osDiskType === "Ephemeral", `${path}.osDiskType`,
        `"${osDiskType}" is not an OS disk type: use Managed or Ephemeral.`);
    const maxPods = pool.maxPods ?? 110;
    problems.check(Number.isInteger(maxPods) && maxPods >= 10 && maxPods <= 250, `${path}.maxPods`,
        `${maxPods} is out of range: give 10 to 250 pods per node.`);
    problems.check(typeof pool.vmSize !== "string" || /^Standard_[A-Za-z0-9_]+$/.test(pool.vmSize), `${path}.vmSize`,
        `"${pool.vmSize}" is not a VM size: use a name such as ${defaults.vmSize}.`);
    const taints = pool.taints ?? [...defaults.taints];
    for (const [i, taint] of taints.entries()) {
        problems.check(tolerationForTaint(taint) !== undefined, `${path}.taints[${i}]`,
            `"${taint}" is not a taint: write key=value:Effect or key:Effect with Effect NoSchedule, PreferNoSchedule or NoExecute.`);
    }
    const runsJobs = pool.runsJobs === true;
    problems.check(!(system && runsJobs), `${path}.runsJobs`,
        "the system pool cannot be dedicated to connector pods: set runsJobs on a workload pool.");
    return {
        name: name ?? "",
        vmSize: pool.vmSize ?? defaults.vmSize,
        minCount,
        maxCount,
        osDiskSizeGB,
        osDiskType,
        zones: pool.zones === undefined ? clusterZones : checkZones(problems, `${path}.zones`, pool.zones),
        labels: pool.labels ?? {},
        taints,
        maxPods,
        runsJobs,
    };
}

/**
 * Resolves the system pool and the workload pools, and checks what only shows across them: one
 * inline system pool, unique names, at most one jobs pool, and room for the workload launcher.
 */
export function resolvePools(
    problems: InputProblems,
    systemPool: NodePoolArgs | NodePoolArgs[] | undefined,
    workloadPools: NodePoolArgs[] | undefined,
    clusterZones: string[],
    minimumSize: MinimumNodeSize,
): { system: ResolvedPool; workload: ResolvedPool[] } {
    let systemArgs: NodePoolArgs = {};
    if (Array.isArray(systemPool)) {
        problems.add("systemPool", `gives ${systemPool.length} pools, but the cluster takes exactly one inline system pool: changing inline pools makes AKS replace the cluster or fail. Keep one pool here and list the others under workloadPools, which become separate AgentPool resources.`);
        systemArgs = systemPool[0] ?? {};
    } else if (systemPool !== undefined) {
        systemArgs = systemPool;
    }
    const system = resolvePool(problems, "systemPool", systemArgs, SYSTEM_POOL_DEFAULTS, clusterZones, true);

    let workloadArgs: NodePoolArgs[] = [{ name: WORKLOAD_POOL_DEFAULTS.name }];
    if (workloadPools !== undefined && !Array.isArray(workloadPools)) {
        problems.add("workloadPools", "must be a list of pools, e.g. [{ name: \"workload\" }].");
    } else if (workloadPools !== undefined) {
        workloadArgs = workloadPools;
    }
    const workload = workloadArgs.map((p, i) => resolvePool(problems, `workloadPools[${i}]`, p ?? {}, WORKLOAD_POOL_DEFAULTS, clusterZones, false));

    const seen = new Set<string>([system.name]);
    workload.forEach((p, i) => {
        problems.check(!seen.has(p.name) || p.name === "", `workloadPools[${i}].name`,
            `"${p.name}" is used by another pool: AKS pool names are unique within a cluster; rename one.`);
        seen.add(p.name);
    });
    const jobPools = workload.filter((p) => p.runsJobs);
    problems.check(jobPools.length <= 1, "workloadPools",
        `${jobPools.map((p) => p.name).join(" and ")} all set runsJobs: connector pods get one node selector, so mark one pool.`);
    checkVmSizes(problems, system, workload, minimumSize);
    const launcherRoom = [system, ...workload].some((p) => p.taints.length === 0);
    problems.check(launcherRoom, "workloadPools",
        "every pool is tainted, so the workload launcher has nowhere to run: leave one workload pool without taints (or give systemPool.taints: []).");
    return { system, workload };
}

/**
 * VM sizes: the system pool at least what AKS accepts for one, and every pool the data plane may use
 * (workload pools, and an untainted system pool) at least `minimumSize`. A pool has one VM size, so
 * one CPU architecture.
 */
function checkVmSizes(problems: InputProblems, system: ResolvedPool, workload: ResolvedPool[], minimumSize: MinimumNodeSize): void {
    const systemShape = azureVmShape(system.vmSize);
    problems.addIfAny("systemPool.vmSize", nodeSizeProblem(system.vmSize, systemShape, AKS_SYSTEM_POOL_MINIMUM,
        `AKS requires of a system pool: use ${SYSTEM_POOL_DEFAULTS.vmSize} (the default) or another size with at least that much.`));
    const reason = dataPlaneNodeReason(WORKLOAD_POOL_DEFAULTS.vmSize);
    if (system.taints.length === 0) {
        problems.addIfAny("systemPool.vmSize", nodeSizeProblem(system.vmSize, systemShape, minimumSize, reason));
    }
    workload.forEach((pool, i) => problems.addIfAny(`workloadPools[${i}].vmSize`, nodeSizeProblem(pool.vmSize, azureVmShape(pool.vmSize), minimumSize, reason)));
}
