import { strict as assert } from "assert";
import { GCS_CREDENTIALS_DIR, GCS_CREDENTIALS_FILE, SECRET_KEYS } from "../../components/dataplane/values";
import { cannedServiceAccountKeyJson } from "../../tools/harness/canned/gcp";
import { baseArgs, gkeTests } from "./helpers";

describe("GkeCluster → DataPlane", () => {
    const run = gkeTests();

    async function deploy(args = baseArgs()) {
        const { GkeCluster } = await import("../../components/gcp");
        const { DataPlane } = await import("../../components");
        const cluster = new GkeCluster("eu", args);
        new DataPlane("eu-dp", { ...cluster.dataPlaneTarget, clientId: "dp-client", clientSecret: "dp-secret" });
        await run.h.settle();
    }

    it("puts the created key into the data plane's Secrets for the secret store and for GCS, as secrets", async () => {
        await deploy();
        const secret = run.h.one("kubernetes:core/v1:Secret", "eu-dp-credentials");
        const gcsKey = run.h.one("kubernetes:core/v1:Secret", "eu-dp-gcs-key");
        const key = cannedServiceAccountKeyJson("eu-airbyte@flexplane-gke.iam.gserviceaccount.com");
        assert.equal(secret.plainInputs.stringData[SECRET_KEYS.gcpSecretManagerCredentials], key);
        assert.deepEqual(gcsKey.plainInputs.stringData, { [GCS_CREDENTIALS_FILE]: key });
        for (const s of [secret, gcsKey]) {
            assert.ok(
                s.secretPaths.some((p) => p.startsWith("stringData")),
                "stringData must be secret",
            );
            assert.equal(JSON.stringify(s.inputs).includes("FLEXPLANE-TEST-KEY"), false);
        }
    });

    it("mounts the key into the launcher where the chart reads it, and keeps it out of the values", async () => {
        await deploy();
        const release = run.h.one("kubernetes:helm.sh/v3:Release", "eu-dp");
        const values = release.inputs.values;
        assert.equal(values.storage.type, "gcs");
        assert.equal(values.storage.bucket.log, "eu-logs-0a1b2c3");
        assert.equal(values.storage.gcs.credentialsJsonPath, `${GCS_CREDENTIALS_DIR}/${GCS_CREDENTIALS_FILE}`);
        const volume = values.workloadLauncher.volumes[0];
        assert.deepEqual(volume.secret.items, [{ key: GCS_CREDENTIALS_FILE, path: GCS_CREDENTIALS_FILE }]);
        assert.equal(volume.secret.secretName, "airbyte-data-plane-gcs-key");
        assert.equal(values.workloads.containerOrchestrator.secretName, "airbyte-data-plane-gcs-key");
        assert.equal(values.workloadLauncher.volumeMounts[0].mountPath, GCS_CREDENTIALS_DIR);
        assert.equal(values.secretsManager.type, "GOOGLE_SECRET_MANAGER");
        assert.equal(values.secretsManager.googleSecretManager.projectId, "airbyte-secrets");
        assert.equal(JSON.stringify(values).includes("FLEXPLANE-TEST-KEY"), false, "no credential may reach the chart values");
    });

    it("schedules connector pods on a dedicated Standard pool through the chart's jobs values", async () => {
        await deploy(baseArgs({ mode: "standard", nodePools: [{ name: "general" }, { name: "jobs", dedicatedToJobs: true }] }));
        const values = run.h.one("kubernetes:helm.sh/v3:Release", "eu-dp").inputs.values;
        assert.deepEqual(values.jobs.kube.nodeSelector, { "flexplane.dev/node-pool": "jobs" });
        assert.equal(values.jobs.kube.tolerations[0].key, "flexplane.dev/dedicated");
        assert.equal(values.workloadLauncher.nodeSelector, undefined);
    });
});
