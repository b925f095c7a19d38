/**
 * Node pools: the one inline System pool and the workload pools (separate AgentPool resources),
 * their checks, and where connector pods land on them.
 */
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import type * as inputs from "@pulumi/azure-native/types/input";
import type { InputProblems } from "../shared/errors";
import { checkNodeLabels, isLabelValue, isQualifiedName } from "../shared/kubernetes-names";
import { azureVmShape } from "../shared/machine-shapes";
import { AKS_SYSTEM_POOL_MINIMUM, dataPlaneNodeReason, MinimumNodeSize, nodeSizeProblem } from "../shared/node-size";
import type { PodScheduling, Toleration } from "../shared/types";
import { AKS_DEFAULTS, AksNodePoolOptions, AksOsDiskType, isEnumValue } from "./args";
import { isPoolName } from "./names";

/** A node pool with every default applied. */
export interface ResolvedPool {
    name: string;
    vmSize: string;
    minSize: number;
    maxSize: number;
    diskSizeGiB: number;
    osDiskType: AksOsDiskType;
    zones: string[];
    labels: Record<string, string>;
    taints: string[];
    maxPods: number;
    dedicatedToJobs: boolean;
}

/** The pools of a cluster. */
export interface ResolvedPools {
    system: ResolvedPool;
    workload: ResolvedPool[];
}

type PoolDefaults = typeof AKS_DEFAULTS.systemPool | typeof AKS_DEFAULTS.workloadPool;

/** Airbyte supports AKS only "in 2 or more availability zones" (Enterprise Flex docs). */
const MIN_ZONES = 2;
const VALID_ZONES = ["1", "2", "3"];
const ZONE_REASON = 'Airbyte supports AKS only "in 2 or more availability zones"';

/** Checks the zones of one pool (or the cluster default); returns the distinct ones. */
export function resolveZones(problems: InputProblems, path: string, zones: unknown): string[] {
    if (!Array.isArray(zones)) {
        problems.add(path, `must be a list of zones such as ["1", "2", "3"]; ${ZONE_REASON}.`);
        return [...AKS_DEFAULTS.zones];
    }
    const texts = zones.map(String);
    const unknown = texts.filter((z) => !VALID_ZONES.includes(z));
    if (unknown.length > 0) {
        problems.add(
            path,
            `${unknown.join(", ")} ${unknown.length === 1 ? "is not a zone" : "are not zones"}: Azure zones are "1", "2" and "3".`,
        );
    }
    const distinct = new Set(texts);
    if (distinct.size < MIN_ZONES) {
        problems.add(
            path,
            `has ${distinct.size} distinct zone${distinct.size === 1 ? "" : "s"}; ${ZONE_REASON}: give at least ${MIN_ZONES}, e.g. ["1", "2", "3"], in a region that has zones.`,
        );
    }
    return [...distinct];
}

function resolvePool(
    problems: InputProblems,
    path: string,
    pool: AksNodePoolOptions,
    defaults: PoolDefaults,
    clusterZones: string[],
    system: boolean,
): ResolvedPool {
    const name = pool.name ?? (system ? defaults.name : undefined);
    if (!isPoolName(name)) {
        problems.add(
            `${path}.name`,
            name === undefined
                ? "is required for every workload pool: give 1 to 12 lower-case letters and digits, e.g. workload."
                : `"${name}" is not an AKS pool name: use 1 to 12 lower-case letters and digits, starting with a letter.`,
        );
    }
    const minSize = pool.minSize ?? defaults.minSize;
    const maxSize = pool.maxSize ?? Math.max(defaults.maxSize, minSize);
    const lowest = system ? 1 : 0;
    problems.check(
        Number.isInteger(minSize) && minSize >= lowest && minSize <= 1000,
        `${path}.minSize`,
        `${minSize} is out of range: give a whole number from ${lowest} to 1000${system ? " (the system pool needs a node; 2 survive a zone outage)" : ""}.`,
    );
    problems.check(
        Number.isInteger(maxSize) && maxSize >= Math.max(minSize, 1) && maxSize <= 1000,
        `${path}.maxSize`,
        `${maxSize} must be a whole number from minSize (${minSize}) to 1000, and at least 1.`,
    );
    const diskSizeGiB = pool.diskSizeGiB ?? defaults.diskSizeGiB;
    problems.check(
        Number.isInteger(diskSizeGiB) && diskSizeGiB >= 30 && diskSizeGiB <= 2048,
        `${path}.diskSizeGiB`,
        `${diskSizeGiB} is out of range: give 30 to 2048 GiB; connector images and their scratch files need ${AKS_DEFAULTS.workloadPool.diskSizeGiB} or so.`,
    );
    const osDiskType = pool.osDiskType ?? defaults.osDiskType;
    problems.check(
        isEnumValue(AksOsDiskType, osDiskType),
        `${path}.osDiskType`,
        `"${osDiskType}" is not an OS disk type: use Managed or Ephemeral.`,
    );
    const maxPods = pool.maxPods ?? defaults.maxPods;
    problems.check(
        Number.isInteger(maxPods) && maxPods >= 10 && maxPods <= 250,
        `${path}.maxPods`,
        `${maxPods} is out of range: give 10 to 250 pods per node.`,
    );
    problems.check(
        typeof pool.vmSize !== "string" || /^Standard_[A-Za-z0-9_]+$/.test(pool.vmSize),
        `${path}.vmSize`,
        `"${pool.vmSize}" is not a VM size: use a name such as ${defaults.vmSize}.`,
    );
    const taints = pool.taints ?? [...defaults.taints];
    for (const [i, taint] of taints.entries()) {
        problems.check(
            tolerationForTaint(taint) !== undefined,
            `${path}.taints[${i}]`,
            `"${taint}" is not a taint: write key=value:Effect or key:Effect with Effect NoSchedule, PreferNoSchedule or NoExecute.`,
        );
    }
    checkNodeLabels(problems, path, pool.labels);
    const dedicatedToJobs = pool.dedicatedToJobs === true;
    problems.check(
        !(system && dedicatedToJobs),
        `${path}.dedicatedToJobs`,
        "the system pool cannot be dedicated to connector pods: set dedicatedToJobs on a workload pool.",
    );
    return {
        name: name ?? "",
        vmSize: pool.vmSize ?? defaults.vmSize,
        minSize,
        maxSize,
        diskSizeGiB,
        osDiskType,
        zones: pool.zones === undefined ? clusterZones : resolveZones(problems, `${path}.zones`, pool.zones),
        labels: pool.labels ?? {},
        taints,
        maxPods,
        dedicatedToJobs,
    };
}

/**
 * Resolves the system pool and the workload pools, and checks what only shows across them: one
 * inline system pool, unique names, at most one jobs pool, room for the workload launcher, and
 * VM sizes large enough for what runs on them.
 */
export function resolvePools(
    problems: InputProblems,
    given: { systemPool?: AksNodePoolOptions; workloadPools?: AksNodePoolOptions[] },
    clusterZones: string[],
    minimumSize: MinimumNodeSize,
): ResolvedPools {
    let systemArgs: AksNodePoolOptions = given.systemPool ?? {};
    if (Array.isArray(given.systemPool)) {
        problems.add(
            "systemPool",
            `gives ${given.systemPool.length} pools, but the cluster takes exactly one inline system pool: changing inline pools makes AKS replace the cluster or fail. Keep one pool here and list the others under workloadPools, which become separate AgentPool resources.`,
        );
        systemArgs = given.systemPool[0] ?? {};
    }
    const system = resolvePool(problems, "systemPool", systemArgs, AKS_DEFAULTS.systemPool, clusterZones, true);

    let workloadArgs: AksNodePoolOptions[] = [{ name: AKS_DEFAULTS.workloadPool.name }];
    if (given.workloadPools !== undefined && !Array.isArray(given.workloadPools)) {
        problems.add("workloadPools", 'must be a list of pools, e.g. [{ name: "workload" }].');
    } else if (given.workloadPools !== undefined) {
        workloadArgs = given.workloadPools;
    }
    const workload = workloadArgs.map((p, i) =>
        resolvePool(problems, `workloadPools[${i}]`, p ?? {}, AKS_DEFAULTS.workloadPool, clusterZones, false),
    );

    const seen = new Set<string>([system.name]);
    workload.forEach((p, i) => {
        problems.check(
            !seen.has(p.name) || p.name === "",
            `workloadPools[${i}].name`,
            `"${p.name}" is used by another pool: AKS pool names are unique within a cluster; rename one.`,
        );
        seen.add(p.name);
    });
    const jobPools = workload.filter((p) => p.dedicatedToJobs);
    problems.check(
        jobPools.length <= 1,
        "workloadPools",
        `${jobPools.map((p) => p.name).join(" and ")} all set dedicatedToJobs: connector pods get one node selector, so mark one pool.`,
    );
    const launcherRoom = [system, ...workload].some((p) => p.taints.length === 0);
    problems.check(
        launcherRoom,
        "workloadPools",
        "every pool is tainted, so the workload launcher has nowhere to run: leave one workload pool without taints (or give systemPool.taints: []).",
    );
    checkVmSizes(problems, system, workload, minimumSize);
    return { system, workload };
}

/**
 * The system pool at least what AKS accepts for one, and every pool the data plane may use
 * (workload pools, and an untainted system pool) at least `minimumSize`.
 */
function checkVmSizes(problems: InputProblems, system: ResolvedPool, workload: ResolvedPool[], minimumSize: MinimumNodeSize): void {
    const systemShape = azureVmShape(system.vmSize);
    problems.addIfAny(
        "systemPool.vmSize",
        nodeSizeProblem(
            system.vmSize,
            systemShape,
            AKS_SYSTEM_POOL_MINIMUM,
            `AKS requires of a system pool: use ${AKS_DEFAULTS.systemPool.vmSize} (the default) or another size with at least that much.`,
        ),
    );
    const reason = dataPlaneNodeReason(AKS_DEFAULTS.workloadPool.vmSize);
    if (system.taints.length === 0) {
        problems.addIfAny("systemPool.vmSize", nodeSizeProblem(system.vmSize, systemShape, minimumSize, reason));
    }
    workload.forEach((pool, i) =>
        problems.addIfAny(`workloadPools[${i}].vmSize`, nodeSizeProblem(pool.vmSize, azureVmShape(pool.vmSize), minimumSize, reason)),
    );
}

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;
type Effect = (typeof EFFECTS)[number];

/** The label AKS puts on every node with the name of its pool. */
export const AGENT_POOL_LABEL = "kubernetes.azure.com/agentpool";

/**
 * Parses an AKS taint (`key=value:Effect` or `key:Effect`) into the toleration that admits pods
 * onto it; `undefined` when the text is not a taint AKS accepts.
 */
export function tolerationForTaint(taint: string): Toleration | undefined {
    const colon = taint.lastIndexOf(":");
    if (colon < 0) {
        return undefined;
    }
    const effect = taint.slice(colon + 1);
    const [key, value, ...rest] = taint.slice(0, colon).split("=");
    if (!(EFFECTS as readonly string[]).includes(effect) || rest.length > 0 || !isQualifiedName(key)) {
        return undefined;
    }
    if (value === undefined) {
        return { key, operator: "Exists", effect: effect as Effect };
    }
    return isLabelValue(value) ? { key, operator: "Equal", value, effect: effect as Effect } : undefined;
}

/** Formats a toleration back into AKS taint syntax (the inverse of `tolerationForTaint`). */
export function taintText(toleration: Toleration): string {
    const keyValue = toleration.operator === "Equal" ? `${toleration.key}=${toleration.value ?? ""}` : `${toleration.key}`;
    return `${keyValue}:${toleration.effect}`;
}

/**
 * Placement of connector pods: on the pool marked `dedicatedToJobs` (a node selector on its name and
 * labels, a toleration for each of its taints), else left to the scheduler.
 */
export function jobScheduling(pools: ResolvedPool[]): PodScheduling | undefined {
    const pool = pools.find((p) => p.dedicatedToJobs);
    return pool
        ? {
              nodeSelector: { [AGENT_POOL_LABEL]: pool.name, ...pool.labels },
              tolerations: pool.taints.map((t) => tolerationForTaint(t)).filter((t): t is Toleration => t !== undefined),
          }
        : undefined;
}

/** Settings every pool shares: autoscaled VM scale sets in the node subnet, Linux, no public IPs. */
function poolSettings(pool: ResolvedPool, subnetId: pulumi.Input<string>, kubernetesVersion: string) {
    return {
        type: "VirtualMachineScaleSets",
        osType: "Linux",
        osSKU: "AzureLinux",
        vmSize: pool.vmSize,
        availabilityZones: pool.zones,
        enableAutoScaling: true,
        minCount: pool.minSize,
        maxCount: pool.maxSize,
        // The autoscaler owns the node count after creation; `count` is ignored on updates.
        count: pool.minSize,
        osDiskSizeGB: pool.diskSizeGiB,
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
    cluster: {
        resourceGroupName: pulumi.Input<string>;
        clusterName: pulumi.Input<string>;
        subnetId: pulumi.Input<string>;
        kubernetesVersion: string;
    },
    parent: pulumi.Resource,
): containerservice.AgentPool[] {
    return pools.map(
        (pool) =>
            new containerservice.AgentPool(
                `${name}-pool-${pool.name}`,
                {
                    resourceGroupName: cluster.resourceGroupName,
                    resourceName: cluster.clusterName,
                    // AKS limits pool names to 12 characters, so the name is set, never auto-suffixed.
                    agentPoolName: pool.name,
                    mode: "User",
                    ...poolSettings(pool, cluster.subnetId, cluster.kubernetesVersion),
                },
                { parent, ignoreChanges: ["count"] },
            ),
    );
}
