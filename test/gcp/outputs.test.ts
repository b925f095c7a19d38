import { strict as assert } from "assert";
import type { GkeCluster } from "../../components/gcp";
import { GKE_CLUSTER_LEGACY_TYPE, GKE_CLUSTER_TYPE } from "../../components/gcp/component";
import { assertTokenWithLegacyAlias, ownFields } from "../support/type-tokens";
import { baseArgs, gkeTests, isSecret, valueOf } from "./helpers";

/** What a program in another language reads: the schema's type token and plain-data outputs. */
describe("GkeCluster for other languages (mocks)", () => {
    const run = gkeTests();

    it("registers flexplane:index:GkeCluster with an alias to flexplane:gcp:GkeCluster after the caller's aliases", async () => {
        const { GkeCluster } = await import("../../components/gcp");
        await assertTokenWithLegacyAlias(
            run,
            { type: GKE_CLUSTER_TYPE, legacyType: GKE_CLUSTER_LEGACY_TYPE },
            async (name, opts) => new GkeCluster(name, baseArgs(), opts),
        );
    });

    it("keeps the provider out of its fields, and still hands it to TypeScript", async () => {
        const c = await run.deploy();
        assert.deepEqual(ownFields(c).sort(), [...GKE_OUTPUTS].sort());
        assert.equal(c.dataPlaneTarget.kubernetesProvider, c.kubernetesProvider);
    });

    it("outputs every value of dataPlaneTarget that DataPlane needs, keys secret", async () => {
        const c = await run.deploy({
            mode: "standard",
            namespace: "sync",
            serviceAccountName: "runner",
            nodePools: [{ name: "general" }, { name: "jobs", dedicatedToJobs: true }],
        });
        const target = c.dataPlaneTarget;
        assert.equal(c.namespace, "sync");
        assert.equal(c.serviceAccountName, "runner");
        assert.equal(await valueOf(c.bucketName), await valueOf(target.storage.gcs!.bucket));
        for (const [output, given] of [
            [c.secretsManagerCredentialsJson, target.secretsManager.gcp!.credentialsJson!],
            [c.storageCredentialsJson, target.storage.gcs!.credentialsJson!],
        ] as const) {
            assert.match((await valueOf(output))!, /"type": ?"service_account"/);
            assert.equal(await valueOf(output), await valueOf(given));
            assert.equal(await isSecret(output), true);
        }
        assert.deepEqual(await valueOf(c.jobNodeSelector), target.jobs!.nodeSelector);
        assert.deepEqual(await valueOf(c.jobTolerations), target.jobs!.tolerations);
        assert.equal(await isSecret(c.kubeconfig), true);
    });

    it("outputs the caller's keys as given, none for a store outside Google, and no job placement without a job pool", async () => {
        const c = await run.deploy({
            secretsManager: {
                aws: { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "AKIA", secretAccessKey: "s" } },
            },
            storageCredentialsJson: '{"type":"service_account","bucket":true}',
        });
        assert.equal(await valueOf(c.secretsManagerCredentialsJson), undefined);
        assert.equal(await valueOf(c.storageCredentialsJson), '{"type":"service_account","bucket":true}');
        assert.equal(await isSecret(c.storageCredentialsJson), true);
        assert.equal(await valueOf(c.jobNodeSelector), undefined);
        assert.equal(await valueOf(c.jobTolerations), undefined);
    });
});

/** GkeCluster's schema outputs: every field of the class. */
const GKE_OUTPUTS: (keyof GkeCluster)[] = [
    "clusterName",
    "endpoint",
    "kubeconfig",
    "serviceAccountEmail",
    "nodeServiceAccountEmail",
    "bucketName",
    "networkId",
    "subnetworkId",
    "mode",
    "region",
    "namespace",
    "serviceAccountName",
    "secretsManagerCredentialsJson",
    "storageCredentialsJson",
    "jobNodeSelector",
    "jobTolerations",
];
