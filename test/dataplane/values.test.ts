import { strict as assert } from "assert";
import * as fc from "fast-check";
import {
    awsSecretTags,
    buildValues,
    GCS_CREDENTIALS_DIR,
    GCS_CREDENTIALS_FILE,
    SECRET_KEYS,
    ValuesPlan,
} from "../../components/dataplane/values";
import { gcsKeySecretData, secretData } from "../../components/dataplane/secret-data";
import type { SecretsManagerSpec, StorageSpec } from "../../components/shared/types";

const stores: Record<string, { plan: ValuesPlan["secretsManager"]; spec: SecretsManagerSpec }> = {
    "aws irsa": {
        plan: { kind: "aws", region: "us-east-1", tags: {}, useServiceAccountIdentity: true },
        spec: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
    },
    "aws keys": {
        plan: {
            kind: "aws",
            region: "eu-west-1",
            kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/abc",
            tags: { team: "data" },
            useServiceAccountIdentity: false,
        },
        spec: {
            aws: { region: "eu-west-1", accountId: "123456789012", accessKeys: { accessKeyId: "AKIA-SM", secretAccessKey: "sm-secret" } },
        },
    },
    gcp: {
        plan: { kind: "gcp", projectId: "secrets-project", region: "europe-west1" },
        spec: { gcp: { projectId: "secrets-project", region: "europe-west1", credentialsJson: '{"gsm":1}' } },
    },
    azure: {
        plan: { kind: "azure", vaultUrl: "https://kv-one.vault.azure.net", tenantId: "00000000-0000-0000-0000-000000000001" },
        spec: {
            azure: {
                vaultUrl: "https://kv-one.vault.azure.net",
                tenantId: "00000000-0000-0000-0000-000000000001",
                clientId: "sp-id",
                clientSecret: "sp-secret",
            },
        },
    },
};
const storages: Record<string, { plan: ValuesPlan["storage"]; spec: StorageSpec }> = {
    "s3 irsa": {
        plan: { kind: "s3", bucket: "logs", region: "us-east-1", useServiceAccountIdentity: true },
        spec: { s3: { bucket: "logs", region: "us-east-1", useServiceAccountIdentity: true } },
    },
    "s3 keys": {
        plan: { kind: "s3", bucket: "logs", region: "us-east-1", useServiceAccountIdentity: false },
        spec: { s3: { bucket: "logs", region: "us-east-1", accessKeys: { accessKeyId: "AKIA-S3", secretAccessKey: "s3-secret" } } },
    },
    gcs: {
        plan: { kind: "gcs", bucket: "logs", keySecretName: "dp-gcs-key" },
        spec: { gcs: { bucket: "logs", credentialsJson: '{"gcs":1}' } },
    },
    azure: {
        plan: { kind: "azure", container: "logs" },
        spec: { azure: { container: "logs", connectionString: "DefaultEndpointsProtocol=https;AccountKey=k" } },
    },
};

/**
 * The launcher's reference variables, name -> key, exactly as airbytehq/airbyte-platform
 * `airbyte-workload-launcher/src/main/resources/application.yml` 140-171 spells them.
 */
const REF_PAIRS: Record<string, string> = {
    AWS_SECRET_MANAGER_ACCESS_KEY_ID_REF_NAME: "AWS_SECRET_MANAGER_ACCESS_KEY_ID_REF_KEY",
    AWS_SECRET_MANAGER_SECRET_ACCESS_KEY_REF_NAME: "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY_REF_KEY",
    SECRET_STORE_GCP_SECRET_NAME: "SECRET_STORE_GCP_SECRET_KEY",
    AB_AZURE_KEY_VAULT_CLIENT_ID_REF_NAME: "AB_AZURE_KEY_VAULT_CLIENT_ID_REF_REF_KEY",
    AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_NAME: "AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_KEY",
};
const REF_VARS: Record<string, string[]> = {
    aws: [
        "AWS_SECRET_MANAGER_ACCESS_KEY_ID_REF_KEY",
        "AWS_SECRET_MANAGER_ACCESS_KEY_ID_REF_NAME",
        "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY_REF_KEY",
        "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY_REF_NAME",
    ],
    gcp: ["SECRET_STORE_GCP_SECRET_KEY", "SECRET_STORE_GCP_SECRET_NAME"],
    azure: [
        "AB_AZURE_KEY_VAULT_CLIENT_ID_REF_NAME",
        "AB_AZURE_KEY_VAULT_CLIENT_ID_REF_REF_KEY",
        "AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_KEY",
        "AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_NAME",
    ],
};

function plan(store: ValuesPlan["secretsManager"], storage: ValuesPlan["storage"]): ValuesPlan {
    return {
        airbyteUrl: "https://cloud.airbyte.com",
        edition: "cloud",
        secretName: "dp-credentials",
        secretsManager: store,
        storage,
        serviceAccount: { name: "airbyte-workload-launcher", annotations: {} },
    };
}

/** Every `*SecretKey` value in the values, with the path it sits at and the Secret it is read from. */
function secretKeyRefs(values: any, path = "", secretName = ""): { path: string; key: string; secret: string }[] {
    const here = (k: string) => (path ? `${path}.${k}` : k);
    const inSecret = typeof values?.secretName === "string" ? values.secretName : secretName;
    return Object.entries(values ?? {}).flatMap(([k, v]) => {
        if (typeof v === "object" && v !== null && !Array.isArray(v)) {
            return secretKeyRefs(v, here(k), inSecret);
        }
        return /SecretKey$/.test(k) ? [{ path: here(k), key: String(v), secret: inSecret }] : [];
    });
}

/** The launcher's extra environment as a map. */
function extraEnv(values: any): Record<string, string> {
    return Object.fromEntries((values.workloadLauncher?.extraEnv ?? []).map((e: any) => [e.name, e.value]));
}

describe("buildValues", () => {
    for (const [storeName, store] of Object.entries(stores)) {
        for (const [storageName, storage] of Object.entries(storages)) {
            describe(`${storeName} x ${storageName}`, () => {
                const values = buildValues(plan(store.plan, storage.plan));
                const secrets: Record<string, string[]> = {
                    "dp-credentials": Object.keys(secretData("id", "secret", store.spec, storage.spec)),
                    "dp-gcs-key": Object.keys(gcsKeySecretData(storage.spec) ?? {}),
                };

                it("spells the store type in upper case and the storage type in lower case", () => {
                    assert.equal(
                        values.secretsManager.type,
                        { aws: "AWS_SECRET_MANAGER", gcp: "GOOGLE_SECRET_MANAGER", azure: "AZURE_KEY_VAULT" }[store.plan.kind],
                    );
                    assert.equal(values.storage.type, storage.plan.kind);
                });

                it("points the launcher and store at the credentials Secret, and storage at it or the GCS key Secret", () => {
                    assert.equal(values.dataPlane.secretName, "dp-credentials");
                    assert.equal(values.secretsManager.secretName, "dp-credentials");
                    assert.equal(values.storage.secretName, storage.plan.kind === "gcs" ? "dp-gcs-key" : "dp-credentials");
                });

                it("references only keys that the Secrets have, in the chart values and the launcher's extra environment", () => {
                    const refs = secretKeyRefs(values);
                    const env = extraEnv(values);
                    for (const [nameVar, keyVar] of Object.entries(REF_PAIRS)) {
                        if (env[nameVar] !== undefined) {
                            refs.push({ path: `extraEnv.${keyVar}`, key: env[keyVar], secret: env[nameVar] });
                        }
                    }
                    assert.ok(refs.length >= 5, `expected several secret refs, got ${refs.length}`);
                    for (const ref of refs) {
                        assert.ok(
                            secrets[ref.secret]?.includes(ref.key),
                            `${ref.path} -> ${ref.secret}/${ref.key} is not in the Secrets (${JSON.stringify(secrets)})`,
                        );
                    }
                });

                it("gives the launcher the store's *_REF_* variables, spelled as the platform reads them", () => {
                    assert.deepEqual(
                        Object.keys(extraEnv(values))
                            .filter((n) => n !== "AWS_ASSUME_ROLE_SECRET_NAME")
                            .sort(),
                        REF_VARS[store.plan.kind],
                    );
                });

                it("puts the same bucket in every storage slot", () => {
                    assert.deepEqual(new Set(Object.values(values.storage.bucket)), new Set(["logs"]));
                    assert.deepEqual(Object.keys(values.storage.bucket).sort(), [
                        "activityPayload",
                        "auditLogging",
                        "log",
                        "state",
                        "workloadOutput",
                    ]);
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

    it("mounts the GCS key Secret into the launcher at credentialsJsonPath and into every job pod", () => {
        const values = buildValues(plan(stores.gcp.plan, storages.gcs.plan));
        const mount = values.workloadLauncher.volumeMounts[0];
        const volume = values.workloadLauncher.volumes[0];
        assert.equal(`${mount.mountPath}/${volume.secret.items[0].path}`, values.storage.gcs.credentialsJsonPath);
        assert.equal(volume.secret.secretName, "dp-gcs-key");
        assert.equal(volume.secret.items[0].key, values.storage.gcs.credentialsJsonSecretKey);
        assert.equal(mount.name, volume.name);
        // Job pods read gcp.json in the Secret mounted at the orchestrator's mount path (airbytehq/airbyte#73739).
        assert.deepEqual(values.workloads.containerOrchestrator, { secretName: "dp-gcs-key", secretMountPath: GCS_CREDENTIALS_DIR });
        assert.equal(values.storage.gcs.credentialsJsonPath, `${GCS_CREDENTIALS_DIR}/${GCS_CREDENTIALS_FILE}`);
    });

    it("mounts nothing and names no job Secret when storage is not GCS", () => {
        const values = buildValues(plan(stores.gcp.plan, storages.azure.plan));
        assert.equal(values.workloadLauncher.volumes, undefined);
        assert.equal(values.workloads, undefined);
    });

    it("lets the IAM_ROLE path assume the role with the store's access keys only when there is no pod identity", () => {
        const withKeys = extraEnv(buildValues(plan(stores["aws keys"].plan, storages["s3 keys"].plan)));
        assert.equal(withKeys.AWS_ASSUME_ROLE_SECRET_NAME, "dp-credentials");
        const keys = secretData("id", "secret", stores["aws keys"].spec, storages["s3 keys"].spec);
        assert.equal(
            keys.AWS_ACCESS_KEY_ID,
            "AKIA-SM",
            "the assume-role keys are the store's keys, under the fixed names the launcher reads",
        );
        assert.equal(keys.AWS_SECRET_ACCESS_KEY, "sm-secret");
        assert.equal(keys.S3_ACCESS_KEY_ID, "AKIA-S3", "S3 keys keep their own names");
        const withIrsa = extraEnv(buildValues(plan(stores["aws irsa"].plan, storages["s3 keys"].plan)));
        assert.equal(withIrsa.AWS_ASSUME_ROLE_SECRET_NAME, undefined);
        assert.equal("AWS_ACCESS_KEY_ID" in secretData("id", "secret", stores["aws irsa"].spec, storages["s3 keys"].spec), false);
    });

    it("sets the edition it is given", () => {
        for (const edition of ["cloud", "enterprise", "community"] as const) {
            assert.equal(buildValues({ ...plan(stores.azure.plan, storages.azure.plan), edition }).edition, edition);
        }
    });

    it("hands the launcher its ephemeral storage under Kubernetes' own name, from the new and the deprecated spelling", () => {
        const base = plan(stores["aws irsa"].plan, storages["s3 irsa"].plan);
        const launcherResources = (resources: object) => buildValues({ ...base, launcher: { resources } }).workloadLauncher.resources;
        assert.deepEqual(launcherResources({ requests: { memory: "1Gi", ephemeralStorage: "2Gi" }, limits: { ephemeralStorage: "4Gi" } }), {
            requests: { memory: "1Gi", "ephemeral-storage": "2Gi" },
            limits: { "ephemeral-storage": "4Gi" },
        });
        assert.deepEqual(launcherResources({ requests: { "ephemeral-storage": "3Gi" } }), { requests: { "ephemeral-storage": "3Gi" } });
    });

    it("places launcher and job pods, sizes connector containers and takes every image from the mirror", () => {
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
        assert.deepEqual(values.workloadLauncher.nodeSelector, { pool: "system" });
        assert.deepEqual(values.workloadLauncher.resources, { requests: { cpu: "250m", memory: "512Mi" } });
        assert.deepEqual(values.jobs.kube.nodeSelector, { pool: "jobs" });
        assert.equal(values.jobs.kube.tolerations[0].key, "airbyte-jobs");
        assert.deepEqual(values.workloads.resources.mainContainer, { cpu: { request: "1" }, memory: { request: "2Gi", limit: "4Gi" } });
        // templates/deployment.yaml: the launcher image is image.repository:tag, without image.registry.
        assert.deepEqual(values.image, {
            registry: "registry.example.com/mirror",
            repository: "registry.example.com/mirror/airbyte/workload-launcher",
        });
        // PayloadKubeInputMapper.kt 251-275: connector images get JOB_KUBE_CONNECTOR_IMAGE_REGISTRY.
        assert.equal(extraEnv(values).JOB_KUBE_CONNECTOR_IMAGE_REGISTRY, "registry.example.com/mirror");
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

    it("keeps the GCS key out of the credentials Secret and alone in its own", () => {
        assert.equal(Object.values(secretData("id", "secret", stores.azure.spec, storages.gcs.spec)).includes('{"gcs":1}'), false);
        assert.deepEqual(gcsKeySecretData(storages.gcs.spec), { [GCS_CREDENTIALS_FILE]: '{"gcs":1}' });
        assert.equal(gcsKeySecretData(storages.azure.spec), undefined);
    });

    it("always tags AirbyteManaged=true, whatever the caller's tags (property)", () => {
        fc.assert(
            fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string()), (extra) => {
                const tags = awsSecretTags(extra);
                const managed = tags.filter((t) => t.key === "AirbyteManaged");
                return (
                    managed.length === 1 &&
                    managed[0].value === "true" &&
                    tags.length === new Set([...Object.keys(extra), "AirbyteManaged"]).size
                );
            }),
        );
    });
});
