import { strict as assert } from "assert";
import * as fc from "fast-check";
import { awsSecretTags, buildValues, SECRET_KEYS, ValuesPlan } from "../../components/dataplane/values";
import { secretData } from "../../components/dataplane/secret-data";
import type { SecretsManagerSpec, StorageSpec } from "../../components/shared/types";

const stores: Record<string, { plan: ValuesPlan["secretsManager"]; spec: SecretsManagerSpec }> = {
    "aws irsa": {
        plan: { kind: "aws", region: "us-east-1", tags: {} },
        spec: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
    },
    "aws keys": {
        plan: { kind: "aws", region: "eu-west-1", kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/abc", tags: { team: "data" } },
        spec: { aws: { region: "eu-west-1", accountId: "123456789012", accessKeys: { accessKeyId: "AKIA-SM", secretAccessKey: "sm-secret" } } },
    },
    gcp: {
        plan: { kind: "gcp", projectId: "secrets-project", region: "europe-west1" },
        spec: { gcp: { projectId: "secrets-project", region: "europe-west1", credentialsJson: "{\"gsm\":1}" } },
    },
    azure: {
        plan: { kind: "azure", vaultUrl: "https://kv-one.vault.azure.net", tenantId: "00000000-0000-0000-0000-000000000001" },
        spec: { azure: { vaultUrl: "https://kv-one.vault.azure.net", tenantId: "00000000-0000-0000-0000-000000000001", clientId: "sp-id", clientSecret: "sp-secret" } },
    },
};
const storages: Record<string, { plan: ValuesPlan["storage"]; spec: StorageSpec }> = {
    "s3 irsa": { plan: { kind: "s3", bucket: "logs", region: "us-east-1", useServiceAccountIdentity: true }, spec: { s3: { bucket: "logs", region: "us-east-1", useServiceAccountIdentity: true } } },
    "s3 keys": { plan: { kind: "s3", bucket: "logs", region: "us-east-1", useServiceAccountIdentity: false }, spec: { s3: { bucket: "logs", region: "us-east-1", accessKeys: { accessKeyId: "AKIA-S3", secretAccessKey: "s3-secret" } } } },
    gcs: { plan: { kind: "gcs", bucket: "logs" }, spec: { gcs: { bucket: "logs", credentialsJson: "{\"gcs\":1}" } } },
    azure: { plan: { kind: "azure", container: "logs" }, spec: { azure: { container: "logs", connectionString: "DefaultEndpointsProtocol=https;AccountKey=k" } } },
};

function plan(store: ValuesPlan["secretsManager"], storage: ValuesPlan["storage"]): ValuesPlan {
    return {
        airbyteUrl: "https://cloud.airbyte.com",
        secretName: "dp-credentials",
        secretsManager: store,
        storage,
        serviceAccount: { name: "airbyte-workload-launcher", annotations: {} },
    };
}

/** Every `*SecretKey` value in the values, with the path it sits at. */
function secretKeyRefs(values: any, path = ""): { path: string; key: string }[] {
    return Object.entries(values ?? {}).flatMap(([k, v]) => {
        const here = path ? `${path}.${k}` : k;
        if (typeof v === "object" && v !== null && !Array.isArray(v)) {
            return secretKeyRefs(v, here);
        }
        return /SecretKey$/.test(k) ? [{ path: here, key: String(v) }] : [];
    });
}

describe("buildValues", () => {
    for (const [storeName, store] of Object.entries(stores)) {
        for (const [storageName, storage] of Object.entries(storages)) {
            describe(`${storeName} x ${storageName}`, () => {
                const values = buildValues(plan(store.plan, storage.plan));
                const keys = Object.keys(secretData("id", "secret", store.spec, storage.spec));

                it("spells the store type in upper case and the storage type in lower case", () => {
                    assert.equal(values.secretsManager.type, { aws: "AWS_SECRET_MANAGER", gcp: "GOOGLE_SECRET_MANAGER", azure: "AZURE_KEY_VAULT" }[store.plan.kind]);
                    assert.equal(values.storage.type, storage.plan.kind);
                });

                it("points the launcher, store and storage at the one Secret", () => {
                    assert.equal(values.dataPlane.secretName, "dp-credentials");
                    assert.equal(values.secretsManager.secretName, "dp-credentials");
                    assert.equal(values.storage.secretName, "dp-credentials");
                });

                it("references only keys that the Secret has", () => {
                    const refs = secretKeyRefs(values);
                    assert.ok(refs.length >= 4, `expected several secret refs, got ${refs.length}`);
                    for (const ref of refs) {
                        assert.ok(keys.includes(ref.key), `${ref.path} -> ${ref.key} is not a key of the Secret (${keys.join(", ")})`);
                    }
                });

                it("puts the same bucket in every storage slot", () => {
                    assert.deepEqual(new Set(Object.values(values.storage.bucket)), new Set(["logs"]));
                    assert.deepEqual(Object.keys(values.storage.bucket).sort(), ["activityPayload", "auditLogging", "log", "state", "workloadOutput"]);
                });

                it("emits no key the chart ignores", () => {
                    assert.equal(values.dataPlane.id, undefined);
                    assert.equal(values.secretsManager.enabled, undefined);
                    assert.equal(values.secretsManager.awsSecretManager?.kms, undefined);
                    assert.equal(values.secretsManager.awsSecretManager?.authenticationType, undefined);
                    assert.equal(values.workloads?.namespace, undefined);
                });
            });
        }
    }

    it("tags AWS secrets AirbyteManaged=true and keeps the caller's tags", () => {
        const values = buildValues(plan(stores["aws keys"].plan, storages["s3 irsa"].plan));
        assert.deepEqual(values.secretsManager.awsSecretManager.tags, [
            { key: "AirbyteManaged", value: "true" },
            { key: "team", value: "data" },
        ]);
        assert.equal(values.secretsManager.awsSecretManager.kmsArn, "arn:aws:kms:eu-west-1:123456789012:key/abc");
    });

    it("uses the instance-profile chain for S3 in IRSA mode and static credentials otherwise", () => {
        assert.equal(buildValues(plan(stores["aws irsa"].plan, storages["s3 irsa"].plan)).storage.s3.authenticationType, "instanceProfile");
        assert.equal(buildValues(plan(stores["aws irsa"].plan, storages["s3 keys"].plan)).storage.s3.authenticationType, "credentials");
    });

    it("mounts the GCS key file into the launcher at credentialsJsonPath", () => {
        const values = buildValues(plan(stores.gcp.plan, storages.gcs.plan));
        const mount = values.workloadLauncher.volumeMounts[0];
        const volume = values.workloadLauncher.volumes[0];
        assert.equal(`${mount.mountPath}/${volume.secret.items[0].path}`, values.storage.gcs.credentialsJsonPath);
        assert.equal(volume.secret.secretName, "dp-credentials");
        assert.equal(volume.secret.items[0].key, values.storage.gcs.credentialsJsonSecretKey);
        assert.equal(mount.name, volume.name);
    });

    it("mounts nothing into the launcher when storage is not GCS", () => {
        const values = buildValues(plan(stores.gcp.plan, storages.azure.plan));
        assert.equal(values.workloadLauncher, undefined);
    });

    it("places launcher and job pods and sizes connector containers", () => {
        const values = buildValues({
            ...plan(stores["aws irsa"].plan, storages["s3 irsa"].plan),
            launcher: { nodeSelector: { pool: "system" }, resources: { requests: { cpu: "250m", memory: "512Mi" } } },
            jobs: {
                nodeSelector: { pool: "jobs" },
                tolerations: [{ key: "airbyte-jobs", operator: "Exists", effect: "NoSchedule" }],
                resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { memory: "4Gi" } },
            },
            imageRegistry: "registry.example.com/mirror",
            imagePullSecrets: ["mirror-pull"],
        });
        assert.deepEqual(values.workloadLauncher, { nodeSelector: { pool: "system" }, resources: { requests: { cpu: "250m", memory: "512Mi" } } });
        assert.deepEqual(values.jobs.kube.nodeSelector, { pool: "jobs" });
        assert.equal(values.jobs.kube.tolerations[0].key, "airbyte-jobs");
        assert.deepEqual(values.workloads.resources.mainContainer, { cpu: { request: "1" }, memory: { request: "2Gi", limit: "4Gi" } });
        assert.deepEqual(values.image, { registry: "registry.example.com/mirror" });
        assert.deepEqual(values.imagePullSecrets, [{ name: "mirror-pull" }]);
    });

    it("secret data gives identity modes empty keys instead of leaving them out", () => {
        const data = secretData("id", "secret", stores["aws irsa"].spec, storages["s3 irsa"].spec);
        assert.equal(data[SECRET_KEYS.awsSecretManagerAccessKeyId], "");
        assert.equal(data[SECRET_KEYS.awsSecretManagerSecretAccessKey], "");
        assert.equal(data[SECRET_KEYS.s3AccessKeyId], "");
        assert.equal(data[SECRET_KEYS.s3SecretAccessKey], "");
        assert.equal(data[SECRET_KEYS.dataPlaneClientSecret], "secret");
    });

    it("always tags AirbyteManaged=true, whatever the caller's tags (property)", () => {
        fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string()), (extra) => {
            const tags = awsSecretTags(extra);
            const managed = tags.filter((t) => t.key === "AirbyteManaged");
            return managed.length === 1 && managed[0].value === "true" && tags.length === new Set([...Object.keys(extra), "AirbyteManaged"]).size;
        }));
    });
});
