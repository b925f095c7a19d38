/**
 * vCPUs, memory and CPU architecture of a VM size, read from its name by each cloud's naming scheme.
 * Memory is a lower bound per family (GiB per vCPU); families not listed give `memoryGiB: undefined`
 * and names that follow no scheme give `undefined`: the size checks then pass them unjudged.
 *
 * Sources, read 2026-11-30:
 *   EC2  https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html (family, generation,
 *        attributes such as `g` for Graviton, size) and the per-family spec pages (c 2, m 4, r 8 GiB/vCPU;
 *        burstable t sizes individually);
 *   Azure https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions (family, vCPUs,
 *        constrained vCPUs, additive features: `p` Arm (Ampere/Cobalt), `l` low memory, `m` more memory,
 *        `t` tiny memory) and the size-series pages (D 4, E 8, F 2 GiB/vCPU; B-series individually);
 *   GCE  https://cloud.google.com/compute/docs/machine-resource (series-type-vCPUs; standard 4 (n1 3.75),
 *        highmem 8 (n1 6.5), highcpu 1 (n1 0.9) GiB/vCPU; shared-core types individually; Arm series
 *        t2a (Tau T2A) and c4a (Axion)).
 */

export type CpuArchitecture = "x86_64" | "arm64";

export interface MachineShape {
    vcpus: number;
    /** Lower bound of the memory, GiB; undefined when the family is not in the tables. */
    memoryGiB?: number;
    architecture: CpuArchitecture;
}

// ---- EC2 -------------------------------------------------------------------------------------

const EC2_NAME = /^([a-z]+)(\d+)([a-z0-9-]*)\.([a-z0-9]+)$/;
/** Burstable sizes: [vCPUs, GiB]. t2 differs from t3, t3a and t4g below `medium`. */
const EC2_BURSTABLE: Record<string, [number, number]> = {
    nano: [2, 0.5],
    micro: [2, 1],
    small: [2, 2],
    medium: [2, 4],
    large: [2, 8],
    xlarge: [4, 16],
    "2xlarge": [8, 32],
};
const T2_SMALL_SIZES: Record<string, [number, number]> = { nano: [1, 0.5], micro: [1, 1], small: [1, 2] };
/** GiB per vCPU, at least, by family letter(s). */
const EC2_MEMORY_PER_VCPU: Record<string, number> = { a: 2, c: 2, m: 4, r: 8, x: 15, z: 8, i: 7.5, d: 8 };

function ec2Vcpus(size: string): number | undefined {
    if (size === "medium") {
        return 1;
    }
    if (size === "large") {
        return 2;
    }
    const match = /^(\d*)xlarge$/.exec(size);
    return match ? 4 * Number(match[1] || 1) : undefined;
}

/** Graviton families carry a `g` right after the generation (m7g, c6gn, t4g, im4gn, x2gd); a1 is Arm too. */
export function ec2Architecture(instanceType: string): CpuArchitecture | undefined {
    const match = EC2_NAME.exec(instanceType);
    if (!match) {
        return undefined;
    }
    const [, family, , attributes] = match;
    return family === "a" || attributes.startsWith("g") ? "arm64" : "x86_64";
}

export function ec2InstanceShape(instanceType: string): MachineShape | undefined {
    const match = EC2_NAME.exec(instanceType);
    const architecture = ec2Architecture(instanceType);
    if (!match || !architecture) {
        return undefined;
    }
    const [, family, generation, , size] = match;
    if (family === "t") {
        const known = (generation === "2" ? T2_SMALL_SIZES[size] : undefined) ?? EC2_BURSTABLE[size];
        return known ? { vcpus: known[0], memoryGiB: known[1], architecture } : undefined;
    }
    const vcpus = ec2Vcpus(size);
    if (vcpus === undefined) {
        return undefined;
    }
    const perVcpu = EC2_MEMORY_PER_VCPU[family];
    return { vcpus, memoryGiB: perVcpu === undefined ? undefined : perVcpu * vcpus, architecture };
}

// ---- Azure -----------------------------------------------------------------------------------

const AZURE_NAME = /^Standard_([A-Z]+)(\d+)(?:-(\d+))?([a-z]*)(?:_[A-Z0-9]+)?(?:_v(\d+))?$/;
/** B-series v1 sizes: [vCPUs, GiB]. */
const AZURE_B_V1: Record<string, [number, number]> = {
    B1ls: [1, 0.5],
    B1s: [1, 1],
    B1ms: [1, 2],
    B2s: [2, 4],
    B2ms: [2, 8],
    B4ms: [4, 16],
    B8ms: [8, 32],
    B12ms: [12, 48],
    B16ms: [16, 64],
    B20ms: [20, 80],
};
const AZURE_MEMORY_PER_VCPU: Record<string, number> = { D: 4, E: 8, F: 2, L: 8, M: 14, A: 2 };

function azurePerVcpu(family: string, features: string, version: string | undefined): number | undefined {
    if (family === "B" && version !== undefined) {
        return features.includes("t") ? 0.5 : features.includes("l") ? 2 : 4;
    }
    if (family === "A") {
        return features.includes("m") ? 8 : 2;
    }
    if (family === "D" && features.includes("l")) {
        return 2;
    }
    return AZURE_MEMORY_PER_VCPU[family];
}

export function azureVmShape(vmSize: string): MachineShape | undefined {
    const match = AZURE_NAME.exec(vmSize);
    if (!match) {
        return undefined;
    }
    const [, family, sizeNumber, constrained, features, version] = match;
    const architecture: CpuArchitecture = features.includes("p") ? "arm64" : "x86_64";
    const b1 = version === undefined ? AZURE_B_V1[vmSize.replace(/^Standard_/, "")] : undefined;
    if (family === "B" && version === undefined) {
        return b1 ? { vcpus: b1[0], memoryGiB: b1[1], architecture } : undefined;
    }
    const size = Number(sizeNumber);
    const perVcpu = azurePerVcpu(family, features, version);
    // A constrained size (E8-4ds_v5) keeps the memory of its full size with fewer vCPUs.
    return { vcpus: constrained ? Number(constrained) : size, memoryGiB: perVcpu === undefined ? undefined : perVcpu * size, architecture };
}

// ---- Compute Engine --------------------------------------------------------------------------

const GCE_SHARED_CORE: Record<string, [number, number]> = {
    "e2-micro": [2, 1],
    "e2-small": [2, 2],
    "e2-medium": [2, 4],
    "f1-micro": [1, 0.6],
    "g1-small": [1, 1.7],
};
const GCE_MEMORY_PER_VCPU: Record<string, number> = { standard: 4, highmem: 8, highcpu: 1 };
const GCE_N1_MEMORY_PER_VCPU: Record<string, number> = { standard: 3.75, highmem: 6.5, highcpu: 0.9 };
const GCE_ARM_SERIES = ["t2a", "c4a"];

export function gceMachineShape(machineType: string): MachineShape | undefined {
    const series = machineType.split("-")[0];
    const architecture: CpuArchitecture = GCE_ARM_SERIES.includes(series) ? "arm64" : "x86_64";
    const shared = GCE_SHARED_CORE[machineType];
    if (shared) {
        return { vcpus: shared[0], memoryGiB: shared[1], architecture };
    }
    const custom = /^(?:([a-z0-9]+)-)?custom-(\d+)-(\d+)(-ext)?$/.exec(machineType);
    if (custom) {
        return { vcpus: Number(custom[2]), memoryGiB: Number(custom[3]) / 1024, architecture };
    }
    const predefined = /^([a-z0-9]+)-([a-z]+)-(\d+)(?:-[a-z0-9]+)?$/.exec(machineType);
    if (!predefined) {
        return undefined;
    }
    const [, , type, vcpus] = predefined;
    const perVcpu = (series === "n1" ? GCE_N1_MEMORY_PER_VCPU : GCE_MEMORY_PER_VCPU)[type];
    return { vcpus: Number(vcpus), memoryGiB: perVcpu === undefined ? undefined : perVcpu * Number(vcpus), architecture };
}
