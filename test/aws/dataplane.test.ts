import { strict as assert } from "assert";
import { valueOf } from "../support/outputs";
import { DECLARED_STORE, eksClusterTests } from "./helpers";
import type { EksClusterArgs } from "../../components/aws/args";

/** EksCluster's target fed into the real DataPlane: the chart values and Secret an EKS data plane gets. */
describe("EksCluster + DataPlane (mocks)", () => {
    const t = eksClusterTests();

    async function deploy(overrides: Partial<EksClusterArgs> = {}) {
        const cluster = await t.deploy(overrides);
        const { DataPlane } = await import("../../components");
        new DataPlane("data-plane", { ...cluster.dataPlaneTarget, clientId: "client-id", clientSecret: "client-secret" });
        await t.h.settle();
        return cluster;
    }

    it("annotates the service account with the role and leaves every AWS key empty in IRSA mode", async () => {
        const cluster = await deploy();
        const release = t.h.one("kubernetes:helm.sh/v3:Release", "data-plane");
        const values = release.inputs.values;
        assert.equal(values.serviceAccount.name, "airbyte-workload-launcher");
        assert.deepEqual(values.serviceAccount.annotations, { "eks.amazonaws.com/role-arn": await valueOf(cluster.roleArn) });
        assert.equal(values.secretsManager.type, "AWS_SECRET_MANAGER");
        assert.equal(
            values.secretsManager.awsSecretManager.region,
            DECLARED_STORE.region,
            "the declared region, not the cluster's eu-west-1",
        );
        assert.equal(values.storage.type, "s3");
        assert.equal(values.storage.s3.region, "eu-west-1");
        assert.equal(values.storage.bucket.log, await valueOf(cluster.bucketName));

        const secret = t.h.one("kubernetes:core/v1:Secret", "data-plane-credentials").plainInputs.stringData;
        const referencedKeys = [
            values.secretsManager.awsSecretManager.accessKeyIdSecretKey,
            values.secretsManager.awsSecretManager.secretAccessKeySecretKey,
            values.storage.s3.accessKeyIdSecretKey,
            values.storage.s3.secretAccessKeySecretKey,
        ];
        assert.equal(new Set(referencedKeys).size, 4);
        for (const key of referencedKeys) {
            assert.ok(key in secret, `the chart references ${key}; the Secret must hold it`);
            assert.equal(secret[key], "", `${key} must be empty so the pod's role is used`);
        }
    });

    it("installs through the cluster's provider, after the node groups, role policies and bucket hardening", async () => {
        await deploy();
        const release = t.h.one("kubernetes:helm.sh/v3:Release", "data-plane").options;
        assert.ok(release.provider.startsWith(`${t.h.one("pulumi:providers:kubernetes", "dp-k8s").urn}::`), release.provider);
        for (const name of ["dp-general", "dp-secrets-manager", "dp-log-bucket", "dp-logs-public-access"]) {
            const urn = t.h.resources.find((r) => r.name === name)!.urn;
            assert.ok(release.dependencies.includes(urn), `the release does not wait for ${name}`);
        }
    });

    it("schedules connector pods on the job node group when there is one", async () => {
        await deploy({ jobNodes: {} });
        const values = t.h.one("kubernetes:helm.sh/v3:Release", "data-plane").inputs.values;
        assert.deepEqual(values.jobs.kube.nodeSelector, { "flexplane.io/pool": "jobs" });
        assert.deepEqual(values.jobs.kube.tolerations, [
            { key: "flexplane.io/pool", operator: "Equal", value: "jobs", effect: "NoSchedule" },
        ]);
    });
});
