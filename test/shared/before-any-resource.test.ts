import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { MockHarness } from "../../tools/harness/runtime";
import { baseArgs as eksArgs } from "../aws/helpers";
import { baseArgs as aksArgs } from "../azure/helpers";
import { baseArgs as gkeArgs } from "../gcp/helpers";
import { reasons, thrown } from "../support/outputs";

/**
 * Each limit the clouds would reveal only while creating resources is refused by the component's
 * constructor before it registers itself or any child.
 */
describe("late limits are refused before any resource", () => {
    let h: MockHarness;
    beforeEach(() => {
        h = MockHarness.install({ config: { "aws:region": "eu-west-1", "gcp:project": "flexplane-gke" } });
    });

    async function refusedBeforeAnyResource(create: () => unknown, path: string, reason: RegExp): Promise<void> {
        const err = thrown(create);
        assert.ok(pulumi.InputPropertiesError.isInstance(err), `expected InputPropertiesError, got ${err}`);
        assert.match(reasons(err)[path] ?? "", reason);
        await h.settle();
        assert.deepEqual(
            h.resources.map((r) => r.type),
            [],
        );
    }

    it("EksCluster: t3.micro, x86 + Graviton in one group, EKS 1.24, kube-system, a bad bucket name", async () => {
        const { EksCluster } = await import("../../components/aws");
        await refusedBeforeAnyResource(
            () => new EksCluster("dp", eksArgs({ nodes: { instanceTypes: ["t3.micro"] } })),
            "nodes.instanceTypes[0]",
            /t3\.micro/,
        );
        await refusedBeforeAnyResource(
            () => new EksCluster("dp", eksArgs({ nodes: { instanceTypes: ["m6i.xlarge", "m7g.xlarge"] } })),
            "nodes.instanceTypes",
            /mixes/,
        );
        await refusedBeforeAnyResource(
            () => new EksCluster("dp", eksArgs({ kubernetesVersion: "1.24" })),
            "kubernetesVersion",
            /no longer supported by EKS/,
        );
        await refusedBeforeAnyResource(() => new EksCluster("dp", eksArgs({ namespace: "kube-system" })), "namespace", /reserved/);
        await refusedBeforeAnyResource(
            () => new EksCluster("dp", eksArgs({ logStorage: { existingBucketName: "Logs" } })),
            "logStorage.existingBucketName",
            /not an S3 bucket name/,
        );
    });

    it("GkeCluster: e2-micro, Tau T2A, GKE 1.30, gmp-system, a bad bucket name", async () => {
        const { GkeCluster } = await import("../../components/gcp");
        const pools = (machineType: string) => ({ mode: "standard" as const, nodePools: [{ name: "general", machineType }] });
        await refusedBeforeAnyResource(() => new GkeCluster("eu", gkeArgs(pools("e2-micro"))), "nodePools[0].machineType", /e2-micro/);
        await refusedBeforeAnyResource(
            () => new GkeCluster("eu", gkeArgs(pools("t2a-standard-4"))),
            "nodePools[0].machineType",
            /Arm machine type/,
        );
        await refusedBeforeAnyResource(
            () => new GkeCluster("eu", gkeArgs({ kubernetesVersion: "1.30" })),
            "kubernetesVersion",
            /no longer supported by GKE/,
        );
        await refusedBeforeAnyResource(
            () => new GkeCluster("eu", gkeArgs({ namespace: "gmp-system" })),
            "namespace",
            /Managed Service for Prometheus/,
        );
        await refusedBeforeAnyResource(
            () => new GkeCluster("eu", gkeArgs({ logStorage: { existingBucketName: "goog-logs" } })),
            "logStorage.existingBucketName",
            /goog/,
        );
    });

    it("AksCluster: Standard_B1s, AKS 1.31, calico-system, a bad container name", async () => {
        const { AksCluster } = await import("../../components/azure");
        await refusedBeforeAnyResource(
            () => new AksCluster("eu", aksArgs({ systemPool: { vmSize: "Standard_B1s" } })),
            "systemPool.vmSize",
            /Standard_B1s/,
        );
        await refusedBeforeAnyResource(
            () => new AksCluster("eu", aksArgs({ kubernetesVersion: "1.31" })),
            "kubernetesVersion",
            /no longer supported by AKS/,
        );
        await refusedBeforeAnyResource(() => new AksCluster("eu", aksArgs({ namespace: "calico-system" })), "namespace", /Calico/);
        await refusedBeforeAnyResource(
            () => new AksCluster("eu", aksArgs({ logStorage: { containerName: "air--byte" } })),
            "logStorage.containerName",
            /--/,
        );
    });

    it("DataPlane: kube-system and a bad bucket name", async () => {
        const { DataPlane } = await import("../../components");
        const k8s = await import("@pulumi/kubernetes");
        const provider = new k8s.Provider("cluster", { kubeconfig: "{}" });
        await h.settle();
        const before = h.resources.length;
        const args = {
            kubernetesProvider: provider,
            clientId: "id",
            clientSecret: "secret",
            secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
            storage: { s3: { bucket: "logs", region: "us-east-1", useServiceAccountIdentity: true } },
        };
        const dataPlaneErr = (extra: object) => thrown(() => new DataPlane("dp", { ...args, ...extra }));
        assert.match(reasons(dataPlaneErr({ namespace: "kube-system" })).namespace, /reserved/);
        assert.match(
            reasons(dataPlaneErr({ storage: { s3: { ...args.storage.s3, bucket: "192.168.0.1" } } }))["storage.s3.bucket"],
            /IP address/,
        );
        await h.settle();
        assert.equal(h.resources.length, before, "only the provider the test made is registered");
    });
});
