import { strict as assert } from "assert";
import type * as k8s from "@pulumi/kubernetes";
import { SUPPORTED_CHART_VERSIONS } from "../../components/dataplane/args";
import { releaseValues } from "../../components/dataplane/component";
import { gcsKeySecretData, secretData } from "../../components/dataplane/secret-data";
import { resolveDataPlaneSettings } from "../../components/dataplane/resolve";
import type { ChartValues } from "../../components/dataplane/values";
import type { DataPlaneArgs, DataPlaneTypeScriptArgs } from "../../components/dataplane/args";
import type { SecretsManagerSpec, StorageSpec } from "../../components/shared/types";
import { checkJobPodContract, ContractInput, ContractResult, PlannedSecrets } from "../../tools/job-pods";

const IRSA = { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/flexplane/data-plane/dp" };
const STORES: Record<string, { spec: SecretsManagerSpec; identity: boolean }> = {
    "AWS Secrets Manager with IRSA": {
        spec: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
        identity: true,
    },
    "AWS Secrets Manager with keys": {
        spec: { aws: { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "AKIA", secretAccessKey: "sk" } } },
        identity: false,
    },
    "Google Secret Manager": {
        spec: { gcp: { projectId: "secrets-project", credentialsJson: '{"type":"service_account"}' } },
        identity: false,
    },
    "Azure Key Vault": {
        spec: {
            azure: {
                vaultUrl: "https://kv-one.vault.azure.net/",
                tenantId: "00000000-0000-0000-0000-000000000001",
                clientId: "c",
                clientSecret: "s",
            },
        },
        identity: false,
    },
};
const STORAGES: Record<string, { spec: StorageSpec; identity: boolean }> = {
    "S3 with IRSA": { spec: { s3: { bucket: "logs", region: "us-east-1", useServiceAccountIdentity: true } }, identity: true },
    "S3 with keys": {
        spec: { s3: { bucket: "logs", region: "us-east-1", accessKeys: { accessKeyId: "AKIA3", secretAccessKey: "sk3" } } },
        identity: false,
    },
    GCS: { spec: { gcs: { bucket: "logs", credentialsJson: '{"type":"service_account"}' } }, identity: false },
    "Azure Blob": {
        spec: { azure: { container: "logs", connectionString: "DefaultEndpointsProtocol=https;AccountKey=k" } },
        identity: false,
    },
};

/** The component's own pure steps, from arguments to the values and Secrets a release gets. */
function component(
    store: SecretsManagerSpec,
    storage: StorageSpec,
    extra: Partial<DataPlaneArgs> = {},
    annotations: Record<string, string> = {},
) {
    const args: DataPlaneTypeScriptArgs = {
        kubernetesProvider: {} as k8s.Provider,
        clientId: "id",
        clientSecret: "secret",
        secretsManager: store,
        storage,
        ...extra,
    };
    const settings = resolveDataPlaneSettings("dp", args);
    const bucket = String(storage.s3?.bucket ?? storage.gcs?.bucket ?? storage.azure?.container);
    const values = releaseValues(settings, args, bucket, annotations);
    const data = secretData(args.clientId, args.clientSecret, store, storage);
    const gcsKey = gcsKeySecretData(storage) ?? {};
    const secrets: PlannedSecrets = {
        [settings.secretName]: Object.keys(data),
        ...(storage.gcs ? { [settings.gcsKeySecretName]: Object.keys(gcsKey) } : {}),
    };
    const emptyKeys: PlannedSecrets = {
        [settings.secretName]: Object.keys(data).filter((k) => data[k] === ""),
        [settings.gcsKeySecretName]: Object.keys(gcsKey).filter((k) => gcsKey[k] === ""),
    };
    return { settings, values, secrets, emptyKeys };
}

function contract(values: ChartValues, secrets: PlannedSecrets, emptyKeys: PlannedSecrets = {}, chartVersion = "2.2.0"): ContractResult {
    const input: ContractInput = { values, chartVersion, releaseName: "airbyte-data-plane", secrets, emptyKeys };
    return checkJobPodContract(input);
}

function areas(result: ContractResult): string[] {
    return result.problems.map((p) => `${p.area}${p.container ? `/${p.container}` : ""}: ${p.message}`);
}

describe("job-pod contract", () => {
    describe("every store x storage combination, on every supported chart version", () => {
        for (const [storeName, store] of Object.entries(STORES)) {
            for (const [storageName, storage] of Object.entries(STORAGES)) {
                // A cloud component annotates the service account whenever either side uses IRSA.
                const annotations = store.identity || storage.identity ? IRSA : {};
                const built = component(store.spec, storage.spec, {}, annotations);
                for (const version of SUPPORTED_CHART_VERSIONS) {
                    it(`${storeName} x ${storageName}, chart ${version}: pods are created, read connector secrets on both paths and write logs`, () => {
                        const result = contract(built.values, built.secrets, built.emptyKeys, version);
                        assert.deepEqual(areas(result), []);
                        assert.equal(result.pod.serviceAccountName, "airbyte-workload-launcher");
                        assert.equal(
                            result.pod.containers.connector.env.DEPLOYMENT_MODE &&
                                "value" in result.pod.containers.connector.env.DEPLOYMENT_MODE
                                ? result.pod.containers.connector.env.DEPLOYMENT_MODE.value
                                : "",
                            "CLOUD",
                        );
                    });
                }
            }
        }
    });

    it("derives what each kind of container gets for Google Secret Manager and GCS", () => {
        const { values, secrets } = component(STORES["Google Secret Manager"].spec, STORAGES.GCS.spec);
        const { pod } = contract(values, secrets);
        assert.deepEqual(pod.containers.init.env.SECRET_STORE_GCP_CREDENTIALS, {
            secretKeyRef: { name: "airbyte-data-plane-credentials", key: "SECRET_STORE_GCP_CREDENTIALS" },
        });
        assert.deepEqual(pod.containers.sidecar.env.DATAPLANE_CLIENT_SECRET, {
            secretKeyRef: { name: "airbyte-data-plane-credentials", key: "DATAPLANE_CLIENT_SECRET" },
        });
        assert.deepEqual(pod.containers.orchestrator.env.GOOGLE_APPLICATION_CREDENTIALS, { value: "/secrets/gcp-creds/gcp.json" });
        assert.deepEqual(pod.secretVolumes, [
            { volume: "airbyte-secret", secretName: "airbyte-data-plane-gcs-key", mountPath: "/secrets/gcp-creds" },
        ]);
        assert.deepEqual(pod.containers.connector.mounts, [], "the connector itself never mounts platform credentials");
        assert.equal(
            Object.keys(pod.containers.connector.env).some((n) => n.includes("SECRET") || n.includes("KEY")),
            false,
        );
    });

    it("lets an IAM_ROLE store be assumed with the store's own keys when there is no pod identity", () => {
        const { values, secrets } = component(STORES["AWS Secrets Manager with keys"].spec, STORAGES["Azure Blob"].spec);
        const { pod } = contract(values, secrets);
        assert.deepEqual(pod.containers.init.env.AWS_ASSUME_ROLE_ACCESS_KEY_ID, {
            secretKeyRef: { name: "airbyte-data-plane-credentials", key: "AWS_ACCESS_KEY_ID" },
        });
        assert.deepEqual(pod.containers.orchestrator.env.AWS_ASSUME_ROLE_SECRET_NAME, { value: "airbyte-data-plane-credentials" });
    });

    describe("finds the failures the chart's defaults cause", () => {
        it("a GCS data plane without the job Secret: every connector pod is refused (422)", () => {
            const { values, secrets } = component(STORES["Google Secret Manager"].spec, STORAGES.GCS.spec);
            const broken = { ...values, workloads: {} };
            assert.ok(
                areas(contract(broken, secrets)).some((a) => /^pod: .*airbyte-secret with an empty secretName.*422/.test(a)),
                areas(contract(broken, secrets)).join("\n"),
            );
            assert.ok(areas(contract(broken, secrets)).some((a) => /^storage\/sidecar: GOOGLE_APPLICATION_CREDENTIALS/.test(a)));
        });

        it("a store without the launcher's *_REF_* variables: the init container has no credentials", () => {
            for (const store of ["Google Secret Manager", "Azure Key Vault", "AWS Secrets Manager with keys"]) {
                const { values, secrets } = component(STORES[store].spec, STORAGES["Azure Blob"].spec);
                const chartOnly = { ...values, workloadLauncher: { ...values.workloadLauncher, extraEnv: [] } };
                assert.ok(
                    areas(contract(chartOnly, secrets)).some((a) => a.startsWith("store-from-environment/init:")),
                    `${store}: ${areas(contract(chartOnly, secrets))}`,
                );
            }
        });

        it("an AWS store read with keys but no assume-role Secret: the IAM_ROLE path has no identity", () => {
            const { values, secrets } = component(STORES["AWS Secrets Manager with keys"].spec, STORAGES["Azure Blob"].spec);
            const withoutAssumeRole = {
                ...values,
                workloadLauncher: {
                    extraEnv: values.workloadLauncher.extraEnv.filter((e: any) => e.name !== "AWS_ASSUME_ROLE_SECRET_NAME"),
                },
            };
            assert.deepEqual(
                contract(withoutAssumeRole, secrets).problems.map((p) => p.area),
                ["store-from-control-plane"],
            );
        });

        it("an IRSA store whose service account carries no role: neither path can read the store", () => {
            const { values, secrets, emptyKeys } = component(STORES["AWS Secrets Manager with IRSA"].spec, STORAGES["Azure Blob"].spec);
            assert.deepEqual(
                contract(values, secrets, emptyKeys).problems.map((p) => p.area),
                ["store-from-environment", "store-from-control-plane"],
            );
        });

        it("a referenced key missing from the Secret stops the launcher and the connector pods", () => {
            const { values, secrets } = component(STORES["Azure Key Vault"].spec, STORAGES["Azure Blob"].spec);
            const without = {
                ...secrets,
                "airbyte-data-plane-credentials": secrets["airbyte-data-plane-credentials"].filter(
                    (k) => k !== "AB_AZURE_KEY_VAULT_CLIENT_SECRET",
                ),
            };
            const found = areas(contract(values, without));
            assert.ok(
                found.some((a) => /^launcher: AB_AZURE_KEY_VAULT_CLIENT_SECRET refers to .* does not exist/.test(a)),
                found.join("\n"),
            );
            assert.ok(
                found.some((a) => /^pod\/init: AB_AZURE_KEY_VAULT_CLIENT_SECRET refers to .*CreateContainerConfigError/.test(a)),
                found.join("\n"),
            );
        });

        it("image pull secrets on chart 2.0.x reach connector pods mangled", () => {
            const { values, secrets } = component(STORES["Azure Key Vault"].spec, STORAGES["Azure Blob"].spec, {
                imagePullSecrets: ["mirror-pull"],
            });
            assert.deepEqual(areas(contract(values, secrets, {}, "2.0.1")), [
                'pod: connector pods get image pull secrets ["map[name:mirror-pull]"] instead of ["mirror-pull"]',
            ]);
            assert.deepEqual(areas(contract(values, secrets, {}, "2.1.0")), []);
        });

        it("a registry mirror that reaches only the job images leaves the launcher and connectors on Docker Hub", () => {
            const { values, secrets } = component(STORES["Azure Key Vault"].spec, STORAGES["Azure Blob"].spec, {
                imageRegistry: "registry.example.com/mirror",
            });
            assert.deepEqual(areas(contract(values, secrets)), []);
            const registryOnly = {
                ...values,
                image: { registry: "registry.example.com/mirror" },
                workloadLauncher: {
                    extraEnv: values.workloadLauncher.extraEnv.filter((e: any) => e.name !== "JOB_KUBE_CONNECTOR_IMAGE_REGISTRY"),
                },
            };
            assert.deepEqual(areas(contract(registryOnly, secrets)), [
                "images: the launcher image airbyte/workload-launcher:2.2.0 does not come from registry.example.com/mirror",
                "images: connector images come from Docker Hub, not registry.example.com/mirror",
            ]);
        });

        it("the chart's default edition puts connectors in OSS mode; enterprise reads the chart's own license key", () => {
            const { values, secrets } = component(STORES["Azure Key Vault"].spec, STORAGES["Azure Blob"].spec, {
                airbyteUrl: "https://airbyte.example.com",
            });
            const enterprise = contract(values, secrets);
            assert.deepEqual(areas(enterprise), []);
            assert.deepEqual(enterprise.launcher.env.AIRBYTE_LICENSE_KEY, {
                secretKeyRef: { name: "airbyte-data-plane-airbyte-data-plane-secrets", key: "AIRBYTE_LICENSE_KEY" },
            });
            assert.deepEqual(enterprise.pod.containers.connector.env.DEPLOYMENT_MODE, { value: "OSS" });
            const { edition: _, ...chartDefault } = values;
            assert.deepEqual(contract(chartDefault, secrets).pod.containers.connector.env.AIRBYTE_EDITION, { value: "COMMUNITY" });
            assert.deepEqual(areas(contract({ ...values, edition: "flex" }, secrets)), [
                'edition: AIRBYTE_EDITION "FLEX" is not an edition the launcher knows: it does not start',
            ]);
        });
    });
});
