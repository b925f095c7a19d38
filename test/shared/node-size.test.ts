import { strict as assert } from "assert";
import { resolveEksCluster } from "../../components/aws/resolve";
import { resolveAksCluster } from "../../components/azure/resolve";
import { resolveGkeCluster } from "../../components/gcp/resolve";
import { azureVmShape, ec2Architecture, ec2InstanceShape, gceMachineShape } from "../../components/shared/machine-shapes";
import { DEFAULT_MINIMUM_NODE_SIZE, nodeSizeProblem } from "../../components/shared/node-size";
import { baseArgs as eksArgs } from "../aws/helpers";
import { baseArgs as aksArgs } from "../azure/helpers";
import { baseArgs as gkeArgs } from "../gcp/helpers";
import { reasons, thrown } from "../support/outputs";

describe("machine shapes from size names", () => {
    it("reads EC2 vCPUs, memory and architecture (published figures)", () => {
        assert.deepEqual(ec2InstanceShape("m6i.xlarge"), { vcpus: 4, memoryGiB: 16, architecture: "x86_64" });
        assert.deepEqual(ec2InstanceShape("t3.micro"), { vcpus: 2, memoryGiB: 1, architecture: "x86_64" });
        assert.deepEqual(ec2InstanceShape("t2.micro"), { vcpus: 1, memoryGiB: 1, architecture: "x86_64" });
        assert.deepEqual(ec2InstanceShape("c6i.xlarge"), { vcpus: 4, memoryGiB: 8, architecture: "x86_64" });
        assert.deepEqual(ec2InstanceShape("r7g.2xlarge"), { vcpus: 8, memoryGiB: 64, architecture: "arm64" });
        assert.deepEqual(ec2InstanceShape("m6g.medium"), { vcpus: 1, memoryGiB: 4, architecture: "arm64" });
        assert.equal(ec2InstanceShape("m6i.metal"), undefined);
        assert.equal(ec2InstanceShape("g5.xlarge")?.memoryGiB, undefined, "families outside the table give no memory");
    });

    it("tells Graviton from x86 by the attribute after the generation", () => {
        for (const arm of ["m7g.large", "c6gn.xlarge", "t4g.small", "im4gn.large", "x2gd.xlarge", "a1.large", "g5g.xlarge"]) {
            assert.equal(ec2Architecture(arm), "arm64", arm);
        }
        for (const x86 of ["m6i.large", "m7i-flex.large", "c5n.xlarge", "g4ad.xlarge", "g4dn.xlarge", "r6a.large", "i4i.large"]) {
            assert.equal(ec2Architecture(x86), "x86_64", x86);
        }
    });

    it("reads Azure VM sizes, constrained sizes and Arm (Ampere) sizes", () => {
        assert.deepEqual(azureVmShape("Standard_D4s_v5"), { vcpus: 4, memoryGiB: 16, architecture: "x86_64" });
        assert.deepEqual(azureVmShape("Standard_D8ds_v5"), { vcpus: 8, memoryGiB: 32, architecture: "x86_64" });
        assert.deepEqual(azureVmShape("Standard_B1s"), { vcpus: 1, memoryGiB: 1, architecture: "x86_64" });
        assert.deepEqual(azureVmShape("Standard_D4ps_v5"), { vcpus: 4, memoryGiB: 16, architecture: "arm64" });
        assert.deepEqual(azureVmShape("Standard_D4pls_v5"), { vcpus: 4, memoryGiB: 8, architecture: "arm64" });
        assert.deepEqual(azureVmShape("Standard_E8-4ds_v5"), { vcpus: 4, memoryGiB: 64, architecture: "x86_64" });
        assert.deepEqual(azureVmShape("Standard_B2ts_v2"), { vcpus: 2, memoryGiB: 1, architecture: "x86_64" });
    });

    it("reads Compute Engine types, shared-core, custom and Arm (Tau T2A, Axion)", () => {
        assert.deepEqual(gceMachineShape("e2-standard-4"), { vcpus: 4, memoryGiB: 16, architecture: "x86_64" });
        assert.deepEqual(gceMachineShape("e2-medium"), { vcpus: 2, memoryGiB: 4, architecture: "x86_64" });
        assert.deepEqual(gceMachineShape("n2-custom-4-8192"), { vcpus: 4, memoryGiB: 8, architecture: "x86_64" });
        assert.deepEqual(gceMachineShape("t2a-standard-4"), { vcpus: 4, memoryGiB: 16, architecture: "arm64" });
        assert.equal(gceMachineShape("c4a-highcpu-8")?.architecture, "arm64");
        assert.equal(gceMachineShape("n1-highcpu-4")?.memoryGiB, 3.6);
    });

    it("states the shortfall and the floor", () => {
        assert.match(
            nodeSizeProblem("t3.micro", ec2InstanceShape("t3.micro"), DEFAULT_MINIMUM_NODE_SIZE, "x")!,
            /"t3\.micro" has 2 vCPU and 1 GiB, below the 4 vCPU and 8 GiB x/,
        );
        assert.equal(nodeSizeProblem("x.y", undefined, DEFAULT_MINIMUM_NODE_SIZE, "x"), undefined, "unknown names pass unjudged");
    });
});

describe("node sizes and architectures, refused before any resource", () => {
    const eks = (args: Parameters<typeof eksArgs>[0]) => reasons(thrown(() => resolveEksCluster("dp", eksArgs(args), "eu-west-1")));
    const gke = (args: Parameters<typeof gkeArgs>[0]) => reasons(thrown(() => resolveGkeCluster("eu", gkeArgs(args))));
    const aks = (args: Parameters<typeof aksArgs>[0]) =>
        reasons(thrown(() => resolveAksCluster("eu", aksArgs(args), { project: "p", stack: "s" })));

    it("EksCluster accepts the example sizes and refuses t3.micro with the numbers and the fix", () => {
        assert.doesNotThrow(() =>
            resolveEksCluster(
                "dp",
                eksArgs({ nodes: { instanceTypes: ["m6i.xlarge"] }, jobNodes: { instanceTypes: ["m6i.2xlarge", "m7i.2xlarge"] } }),
                "eu-west-1",
            ),
        );
        const r = eks({ nodes: { instanceTypes: ["t3.micro"] } });
        assert.match(
            r["nodes.instanceTypes[0]"],
            /"t3\.micro" has 2 vCPU and 1 GiB, below the 4 vCPU and 8 GiB a node needs for a connector pod \(2 vCPU and 4 GiB/,
        );
        assert.match(r["nodes.instanceTypes[0]"], /such as m6i\.xlarge, or lower minimumNodeSize/);
    });

    it("EksCluster refuses x86 and Graviton types in one group, but not in two groups", () => {
        const r = eks({ jobNodes: { instanceTypes: ["m6i.xlarge", "m7g.xlarge"] } });
        assert.match(
            r["jobNodes.instanceTypes"],
            /mixes x86_64 \(m6i\.xlarge\) and arm64 \(m7g\.xlarge\): a managed node group runs one AMI type/,
        );
        assert.doesNotThrow(() =>
            resolveEksCluster(
                "dp",
                eksArgs({ nodes: { instanceTypes: ["m6i.xlarge"] }, jobNodes: { instanceTypes: ["m7g.xlarge", "c7g.2xlarge"] } }),
                "eu-west-1",
            ),
        );
    });

    it("EksCluster tells a malformed type list from a small one, and minimumNodeSize lowers the floor", () => {
        assert.match(
            eks({ nodes: { instanceTypes: ["M6I XLARGE"] } })["nodes.instanceTypes"],
            /list one or more EC2 instance types.*got \["M6I XLARGE"\]/,
        );
        assert.doesNotThrow(() =>
            resolveEksCluster(
                "dp",
                eksArgs({ nodes: { instanceTypes: ["t3.large"] }, minimumNodeSize: { vcpus: 2, memoryGiB: 8 } }),
                "eu-west-1",
            ),
        );
        assert.match(eks({ minimumNodeSize: { vcpus: "4" } as never }).minimumNodeSize, /is not a size: give \{vcpus, memoryGiB\}/);
    });

    it("GkeCluster refuses e2-medium and Tau T2A pools, and accepts the example pools", () => {
        const r = gke({
            mode: "standard",
            nodePools: [
                { name: "general", machineType: "e2-medium" },
                { name: "jobs", machineType: "t2a-standard-8", dedicatedToJobs: true },
            ],
        });
        assert.match(r["nodePools[0].machineType"], /"e2-medium" has 2 vCPU and 4 GiB, below the 4 vCPU and 8 GiB/);
        assert.match(
            r["nodePools[1].machineType"],
            /"t2a-standard-8" is an Arm machine type: GKE taints Arm nodes kubernetes\.io\/arch=arm64:NoSchedule/,
        );
        assert.doesNotThrow(() =>
            resolveGkeCluster(
                "eu",
                gkeArgs({
                    mode: "standard",
                    nodePools: [
                        { name: "general", machineType: "e2-standard-4" },
                        { name: "jobs", machineType: "e2-standard-8", dedicatedToJobs: true },
                    ],
                }),
            ),
        );
    });

    it("AksCluster refuses Standard_B1s as AKS would for a system pool, and small workload pools", () => {
        const system = aks({ systemPool: { vmSize: "Standard_B1s" } });
        assert.match(
            system["systemPool.vmSize"],
            /"Standard_B1s" has 1 vCPU and 1 GiB, below the 2 vCPU and 4 GiB AKS requires of a system pool/,
        );
        const workload = aks({ workloadPools: [{ name: "workload", vmSize: "Standard_D2s_v5" }] });
        assert.match(workload["workloadPools[0].vmSize"], /"Standard_D2s_v5" has 2 vCPU, below the 4 vCPU and 8 GiB/);
        assert.doesNotThrow(() =>
            resolveAksCluster(
                "eu",
                aksArgs({
                    systemPool: { vmSize: "Standard_D4ds_v5" },
                    workloadPools: [
                        { name: "workload", vmSize: "Standard_D4s_v5" },
                        { name: "jobs", vmSize: "Standard_D8ds_v5", dedicatedToJobs: true },
                    ],
                }),
                { project: "p", stack: "s" },
            ),
        );
    });

    it("AksCluster holds an untainted system pool to the data plane's floor too", () => {
        const r = aks({ systemPool: { vmSize: "Standard_D2s_v5", taints: [] } });
        assert.match(r["systemPool.vmSize"], /"Standard_D2s_v5" has 2 vCPU, below the 4 vCPU and 8 GiB a node needs for a connector pod/);
    });
});
