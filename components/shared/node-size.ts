/**
 * The smallest node that runs the launcher and a connector pod, and the CPU-architecture rules of
 * node groups. Pure; no SDK is loaded.
 *
 * Why 4 vCPU and 8 GiB (numbers read 2026-11-30):
 * - The chart requests nothing itself. In `airbyte-data-plane` 2.0.0, 2.0.1, 2.1.0, 2.1.1 and 2.2.0
 *   (`values.yaml`) the launcher has `workloadLauncher.resources: {}`, job pods `jobs.resources:
 *   {requests: {}, limits: {}}`, and `workloads.resources.{mainContainer,check,discover,replication,
 *   sidecar}` are `{cpu: {}, memory: {}}` with `useConnectorResourceDefaults: true`; only
 *   `fileTransfer.storage` asks 5G of ephemeral storage. Rendered with `helm template` (helm v4), every
 *   version gives the launcher container `resources: {}` and every `*_CPU_*` / `*_MEMORY_*` key of
 *   its ConfigMap (JOB_MAIN_CONTAINER_*, CHECK_*, DISCOVER_*, REPLICATION_ORCHESTRATOR_*, SIDECAR_*) "".
 * - Job pods therefore get the control plane's defaults: airbytehq/airbyte-platform
 *   `airbyte-server/src/main/resources/application.yml` (310e6cb, `airbyte.worker.kube-job-configs`,
 *   lines 295-349). A sync runs one pod with three containers: source 0.5 vCPU / 1Gi, destination
 *   0.5 vCPU / 1Gi and orchestrator 1 vCPU / 2Gi requested, so **2 vCPU and 4 GiB** for the pod
 *   (API sources: 0.8 + 0.3 + 0.3 vCPU; database sources: 1 + 1 + 2 = 4 vCPU, which needs nodes
 *   larger than 4 vCPU).
 * - Nodes keep part of that for the system. EKS (amazon-eks-ami, AL2023 nodeadm): CPU 6% of the first
 *   core, 1% of the second, 0.5% of the third and fourth; memory 255Mi + 11Mi per pod slot, plus a
 *   100Mi eviction threshold. GKE (https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes):
 *   the same CPU shares; memory 25% of the first 4 GiB, 20% of the next 4. AKS
 *   (https://learn.microsoft.com/azure/aks/node-resource-reservations): 100m CPU at 2 cores, 140m at 4;
 *   memory 20 MB per pod slot + 50 MB (at most 25% of the node), plus 100Mi eviction. With kube-proxy and the CNI DaemonSets
 *   (100m + 25m on EKS) a 2-vCPU node keeps about 1.8 vCPU free, below the 2 vCPU the sync pod
 *   asks, and a 4 GiB node about 3 GiB, below its 4 GiB: such a pod stays Pending for ever. 4 vCPU
 *   and 8 GiB leave about 3.8 vCPU and 6 GiB.
 */
import type { InputProblems } from "./errors";
import type { MachineShape } from "./machine-shapes";

/** The floor every node that may run the launcher or connector pods must meet. */
export interface MinimumNodeSize {
    vcpus: number;
    memoryGiB: number;
}

export const DEFAULT_MINIMUM_NODE_SIZE: Readonly<MinimumNodeSize> = { vcpus: 4, memoryGiB: 8 };

/**
 * AKS refuses a system pool below 2 vCPU and 4 GB ("System node pools require a VM SKU of at least
 * 2 vCPUs and 4 GB memory", https://learn.microsoft.com/azure/aks/use-system-pools).
 */
export const AKS_SYSTEM_POOL_MINIMUM: Readonly<MinimumNodeSize> = { vcpus: 2, memoryGiB: 4 };

/** Why `name` (of `shape`) is below `minimum`, or undefined; unknown shapes pass unjudged. */
export function nodeSizeProblem(name: string, shape: MachineShape | undefined, minimum: MinimumNodeSize, why: string): string | undefined {
    if (shape === undefined) {
        return undefined;
    }
    const short = [
        shape.vcpus < minimum.vcpus ? `${shape.vcpus} vCPU` : undefined,
        shape.memoryGiB !== undefined && shape.memoryGiB < minimum.memoryGiB ? `${shape.memoryGiB} GiB` : undefined,
    ].filter((s) => s !== undefined);
    return short.length === 0
        ? undefined
        : `"${name}" has ${short.join(" and ")}, below the ${minimum.vcpus} vCPU and ${minimum.memoryGiB} GiB ${why}`;
}

/** The reason every data-plane node size problem gives, with the fix. */
export function dataPlaneNodeReason(example: string): string {
    return (
        "a node needs for a connector pod (2 vCPU and 4 GiB requested by Airbyte's defaults) after the system's share: " +
        `such pods would stay Pending. Use a larger size such as ${example}, or lower minimumNodeSize if your control plane sets smaller job resources.`
    );
}

/** Records a problem when `minimum` (the caller's `minimumNodeSize`) is not two non-negative numbers. */
export function checkMinimumNodeSize(problems: InputProblems, minimum: unknown): MinimumNodeSize {
    if (minimum === undefined) {
        return { ...DEFAULT_MINIMUM_NODE_SIZE };
    }
    const m = minimum as Partial<MinimumNodeSize>;
    const valid =
        typeof m === "object" &&
        m !== null &&
        [m.vcpus, m.memoryGiB].every((n) => typeof n === "number" && Number.isFinite(n) && n >= 0) &&
        Object.keys(m).every((k) => k === "vcpus" || k === "memoryGiB");
    problems.check(
        valid,
        "minimumNodeSize",
        `${JSON.stringify(minimum)} is not a size: give {vcpus, memoryGiB} as numbers, e.g. {vcpus: 4, memoryGiB: 8} (the default).`,
    );
    return valid ? { vcpus: m.vcpus!, memoryGiB: m.memoryGiB! } : { ...DEFAULT_MINIMUM_NODE_SIZE };
}
