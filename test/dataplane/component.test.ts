import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { isSecret, valueOf } from "../support/outputs";
import { dataPlaneTests } from "./helpers";

/** Key Vault and Azure Blob, with their credentials. */
const AZURE = {
    secretsManager: {
        azure: {
            vaultUrl: "https://kv-one.vault.azure.net/",
            tenantId: "00000000-0000-0000-0000-000000000001",
            clientId: "c",
            clientSecret: "s",
        },
    },
    storage: { azure: { container: "logs", connectionString: "cs" } },
};

const SECRETS = ["dp-client-id-9f2", "dp-client-secret-7c1", "AKIA-SM-KEY-55", "sm-secret-key-31", "gcs-json-key-88"];

describe("DataPlane component", () => {
    const run = dataPlaneTests();

    function awsKeysWithGcs() {
        return run.deploy({
            clientId: pulumi.secret(SECRETS[0]),
            clientSecret: pulumi.secret(SECRETS[1]),
            secretsManager: {
                aws: {
                    region: "us-east-1",
                    accountId: "123456789012",
                    accessKeys: { accessKeyId: SECRETS[2], secretAccessKey: SECRETS[3] },
                },
            },
            storage: { gcs: { bucket: pulumi.output("eu-logs"), credentialsJson: SECRETS[4] } },
        });
    }

    it("creates the namespace, the credentials Secret, the GCS key Secret and a pinned, atomic Helm release", async () => {
        const dp = await awsKeysWithGcs();
        const ns = run.h.one("kubernetes:core/v1:Namespace");
        const secret = run.h.one("kubernetes:core/v1:Secret", "eu-credentials");
        const gcsKey = run.h.one("kubernetes:core/v1:Secret", "eu-gcs-key");
        const release = run.h.one("kubernetes:helm.sh/v3:Release");
        assert.equal(ns.inputs.metadata.name, "airbyte");
        assert.equal(secret.inputs.metadata.namespace, "airbyte");
        assert.equal(release.inputs.chart, "airbyte-data-plane");
        assert.equal(release.inputs.version, "2.2.0");
        assert.equal(release.inputs.repositoryOpts.repo, "https://airbytehq.github.io/charts");
        assert.equal(release.inputs.atomic, true);
        assert.equal(release.inputs.timeout, 600);
        assert.equal(release.inputs.namespace, "airbyte");
        for (const child of [ns, secret, gcsKey, release]) {
            assert.equal(child.parent, "eu");
        }
        assert.equal(gcsKey.inputs.metadata.name, "airbyte-data-plane-gcs-key");
        assert.equal(gcsKey.inputs.metadata.namespace, "airbyte");
        assert.deepEqual(gcsKey.inputs.stringData, { "gcp.json": "[secret]" });
        assert.ok(release.options.dependencies.includes(gcsKey.urn), "the release must wait for the key its pods mount");
        assert.equal(await valueOf(dp.chartVersion), "2.2.0");
        assert.equal(await valueOf(dp.secretsManagerIdentity), "aws-secrets-manager:123456789012:us-east-1");
        assert.equal(
            secret.inputs.metadata.annotations["flexplane.dev/secrets-manager-identity"],
            "aws-secrets-manager:123456789012:us-east-1",
        );
    });

    it("keeps every credential out of the Helm values and inside secret Secret data, showing only key names", async () => {
        await awsKeysWithGcs();
        const release = run.h.one("kubernetes:helm.sh/v3:Release");
        const secrets = run.h.ofType("kubernetes:core/v1:Secret");
        const valuesText = JSON.stringify(release.plainInputs.values);
        const stored = secrets.flatMap((s) => Object.values<string>(s.plainInputs.stringData));
        for (const s of SECRETS) {
            assert.ok(!valuesText.includes(s), `values contain ${s}`);
            assert.ok(stored.includes(s), `no Secret holds ${s}`);
        }
        for (const secret of secrets) {
            assert.deepEqual(secret.secretPaths, ["stringData"]);
            assert.deepEqual(Object.keys(secret.inputs.stringData).sort(), Object.keys(secret.plainInputs.stringData).sort());
            assert.ok(
                Object.values(secret.inputs.stringData).every((v) => v === "[secret]"),
                JSON.stringify(secret.inputs.stringData),
            );
            assert.ok(!JSON.stringify(secret.inputs).includes(SECRETS[1]), "a secret value reached the recorded inputs");
        }
    });

    it("gives the Secrets every key the values reference, and the launcher the store's references", async () => {
        await awsKeysWithGcs();
        const values = run.h.one("kubernetes:helm.sh/v3:Release").plainInputs.values;
        const data = run.h.one("kubernetes:core/v1:Secret", "eu-credentials").plainInputs.stringData;
        const gcsKey = run.h.one("kubernetes:core/v1:Secret", "eu-gcs-key").inputs.metadata.name;
        const refs = [
            values.dataPlane.clientIdSecretKey,
            values.dataPlane.clientSecretSecretKey,
            values.secretsManager.awsSecretManager.accessKeyIdSecretKey,
            values.secretsManager.awsSecretManager.secretAccessKeySecretKey,
        ];
        for (const key of refs) {
            assert.ok(key in data, `Secret has no key ${key}`);
        }
        assert.equal(values.storage.secretName, gcsKey);
        assert.equal(values.workloadLauncher.volumes[0].secret.secretName, gcsKey);
        assert.equal(values.workloads.containerOrchestrator.secretName, gcsKey);
        const env = Object.fromEntries(values.workloadLauncher.extraEnv.map((e: any) => [e.name, e.value]));
        assert.equal(env.AWS_SECRET_MANAGER_ACCESS_KEY_ID_REF_NAME, "airbyte-data-plane-credentials");
        assert.equal(env.AWS_ASSUME_ROLE_SECRET_NAME, "airbyte-data-plane-credentials");
        assert.equal(data.AWS_ACCESS_KEY_ID, SECRETS[2], "the assume-role key is the store's key");
    });

    it("sets edition cloud for Airbyte Cloud and enterprise for a self-managed control plane", async () => {
        const cloud = await run.deploy(AZURE, "cloud");
        const own = await run.deploy({ ...AZURE, airbyteUrl: "https://airbyte.example.com" }, "own");
        assert.equal((await valueOf(cloud.values)).edition, "cloud");
        assert.equal((await valueOf(own.values)).edition, "enterprise");
    });

    it("resolves IRSA access-key refs to empty strings and passes the role annotation", async () => {
        await run.deploy(
            { serviceAccountAnnotations: { "eks.amazonaws.com/role-arn": pulumi.output("arn:aws:iam::123456789012:role/dp") } },
            "us",
        );
        const data = run.h.one("kubernetes:core/v1:Secret").plainInputs.stringData;
        assert.equal(data.AWS_SECRET_MANAGER_ACCESS_KEY_ID, "");
        assert.equal(data.S3_ACCESS_KEY_ID, "");
        assert.equal("AWS_ACCESS_KEY_ID" in data, false, "with a pod identity nothing assumes the control plane's role with keys");
        const values = run.h.one("kubernetes:helm.sh/v3:Release").plainInputs.values;
        assert.equal(values.serviceAccount.annotations["eks.amazonaws.com/role-arn"], "arn:aws:iam::123456789012:role/dp");
        assert.equal(values.storage.s3.authenticationType, "instanceProfile");
    });

    it("uses an existing namespace when told to and creates none", async () => {
        await run.deploy(
            {
                namespace: "data-plane",
                createNamespace: false,
                secretsManager: { gcp: { projectId: "secrets-project", credentialsJson: "{}" } },
                storage: { azure: { container: "logs", connectionString: "cs" } },
            },
            "byo",
        );
        assert.equal(run.h.ofType("kubernetes:core/v1:Namespace").length, 0);
        assert.equal(run.h.one("kubernetes:helm.sh/v3:Release").inputs.namespace, "data-plane");
        assert.equal(run.h.one("kubernetes:core/v1:Secret").inputs.metadata.namespace, "data-plane");
    });

    it("merges extra values over the computed ones", async () => {
        const dp = await run.deploy(
            {
                ...AZURE,
                extraValues: {
                    workloadLauncher: { replicaCount: 2, extraEnv: [{ name: "HTTPS_PROXY", value: "http://proxy:3128" }] },
                    storage: { bucket: { log: "other" } },
                },
            },
            "x",
        );
        const values = await valueOf(dp.values);
        assert.equal(values.workloadLauncher.replicaCount, 2);
        assert.deepEqual(
            values.workloadLauncher.extraEnv.map((e: any) => e.name),
            [
                "AB_AZURE_KEY_VAULT_CLIENT_ID_REF_NAME",
                "AB_AZURE_KEY_VAULT_CLIENT_ID_REF_REF_KEY",
                "AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_NAME",
                "AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_KEY",
                "HTTPS_PROXY",
            ],
            "extra launcher variables are appended to the component's",
        );
        assert.equal(values.storage.bucket.log, "other");
        assert.equal(values.storage.bucket.state, "logs");
        assert.equal(values.storage.type, "azure");
        assert.equal(await isSecret(dp.values), false);
    });
});
