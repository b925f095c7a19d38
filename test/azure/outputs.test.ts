import { strict as assert } from "assert";
import type { AksCluster } from "../../components/azure";
import { AKS_CLUSTER_LEGACY_TYPE, AKS_CLUSTER_TYPE } from "../../components/azure/component";
import { isSecret, valueOf } from "../support/outputs";
import { assertTokenWithLegacyAlias, ownFields } from "../support/type-tokens";
import { aksTests, baseArgs, TENANT, VAULT_URL } from "./helpers";

/** What a program in another language reads: the schema's type token and plain-data outputs. */
describe("AksCluster for other languages (mocks)", () => {
    const run = aksTests();

    it("registers flexplane:index:AksCluster with an alias to flexplane:azure:AksCluster after the caller's aliases", async () => {
        const { AksCluster } = await import("../../components/azure");
        await assertTokenWithLegacyAlias(
            run,
            { type: AKS_CLUSTER_TYPE, legacyType: AKS_CLUSTER_LEGACY_TYPE },
            async (name, opts) => new AksCluster(name, baseArgs(), opts),
        );
    });

    it("keeps the provider out of its fields, and still hands it to TypeScript", async () => {
        const c = await run.deploy();
        assert.deepEqual(ownFields(c).sort(), [...AKS_OUTPUTS].sort());
        assert.equal(c.dataPlaneTarget.kubernetesProvider, c.kubernetesProvider);
    });

    it("outputs every value of dataPlaneTarget that DataPlane needs, credentials secret", async () => {
        const c = await run.deploy({
            namespace: "sync",
            serviceAccountName: "runner",
            workloadPools: [{ name: "workload" }, { name: "jobs", taints: ["airbyte.io/jobs=true:NoSchedule"], dedicatedToJobs: true }],
        });
        const target = c.dataPlaneTarget;
        const store = target.secretsManager.azure!;
        const storage = target.storage.azure!;
        assert.equal(c.namespace, "sync");
        assert.equal(c.serviceAccountName, "runner");
        assert.equal(await valueOf(c.vaultUrl), store.vaultUrl);
        for (const [output, given] of [
            [c.vaultClientId, store.clientId!],
            [c.vaultClientSecret, store.clientSecret!],
            [c.storageConnectionString, storage.connectionString!],
        ] as const) {
            assert.ok(await valueOf(output));
            assert.equal(await valueOf(output), await valueOf(given));
            assert.equal(await isSecret(output), true);
        }
        assert.match((await valueOf(c.storageConnectionString))!, /^DefaultEndpointsProtocol=https;AccountName=/);
        assert.equal(await valueOf(c.containerName), await valueOf(storage.container));
        assert.deepEqual(await valueOf(c.jobNodeSelector), target.jobs!.nodeSelector);
        assert.deepEqual(await valueOf(c.jobTolerations), [
            { key: "airbyte.io/jobs", operator: "Equal", value: "true", effect: "NoSchedule" },
        ]);
        assert.equal(await isSecret(c.kubeconfig), true);
    });

    it("outputs no created credentials for the caller's principal, and no job placement without a job pool", async () => {
        const c = await run.deploy({
            keyVault: undefined,
            secretsManager: {
                azure: { vaultUrl: VAULT_URL, tenantId: TENANT, clientId: "given-client-id", clientSecret: "given-client-secret" },
            },
        });
        assert.equal(await valueOf(c.vaultClientId), undefined);
        assert.equal(await valueOf(c.vaultClientSecret), undefined);
        assert.equal(await valueOf(c.jobNodeSelector), undefined);
        assert.equal(await valueOf(c.jobTolerations), undefined);
    });
});

/** AksCluster's schema outputs: every field of the class. */
const AKS_OUTPUTS: (keyof AksCluster)[] = [
    "resourceGroupName",
    "clusterName",
    "clusterId",
    "kubeconfig",
    "oidcIssuerUrl",
    "clusterIdentityPrincipalId",
    "vnetId",
    "subnetId",
    "egressIpAddress",
    "vaultUrl",
    "vaultClientId",
    "vaultClientSecret",
    "auditWorkspaceId",
    "storageAccountName",
    "containerName",
    "storageConnectionString",
    "namespace",
    "serviceAccountName",
    "jobNodeSelector",
    "jobTolerations",
];
