/**
 * A model of how the workload launcher builds connector (job) pods from its own environment:
 * which service account, pull secrets and secret volumes they get, and what each kind of container
 * receives. Only what decides whether a pod can be created, read connector secrets and write logs
 * and state is modelled.
 *
 * Source: airbytehq/airbyte-platform at 310e6cb (the same lines at tag v2.0.0), paths under
 * `airbyte-workload-launcher/src/main/`: `resources/application.yml` ("yml"),
 * `kotlin/config/EnvVarConfigBeanFactory.kt` ("EnvVars"), `kotlin/config/OrchestratorEnvVarFactory.kt`
 * ("Orch"), `kotlin/pods/factories/VolumeFactory.kt` ("Volumes"), and
 * `airbyte-commons-micronaut/src/main/kotlin/io/airbyte/micronaut/runtime/AirbyteConfig.kt`
 * ("Storage", `StorageEnvironmentVariableProvider`). A model of an outside system: it follows the
 * platform, never this project's values builder.
 */
import type { EnvSource, LauncherPod } from "./chart";

/** A job container's variable: as in the launcher's pod spec, or a plain copy of a launcher value that came from a Secret. */
export type JobEnvSource = EnvSource | { copyOf: { name: string; key: string } };

export interface JobContainer {
    env: Record<string, JobEnvSource>;
    /** Secret volumes mounted into this container. */
    mounts: { secretName: string; mountPath: string }[];
}

/** The four kinds of container in connector pods. */
export type JobContainerKind = "init" | "sidecar" | "orchestrator" | "connector";

export interface JobPod {
    /** yml 197 `JOB_KUBE_SERVICEACCOUNT`; ConnectorPodFactory.kt 237, ReplicationPodFactory.kt 414. */
    serviceAccountName: string;
    /** yml 195 `JOB_KUBE_MAIN_CONTAINER_IMAGE_PULL_SECRET`, a comma list; ContainerConfigBeanFactory.kt 286-316. */
    imagePullSecrets: string[];
    /** Secret volumes of the pod (Volumes 85-159); an empty name makes the API server refuse the pod. */
    secretVolumes: { volume: string; secretName: string; mountPath: string }[];
    /** yml 186-201: platform images, and the prefix put before connector images (PayloadKubeInputMapper.kt 251-275). */
    images: { init: string; sidecar: string; orchestrator: string; connectorRegistry: string };
    /**
     * init: hydrates connector secrets (InitContainerFactory.kt, EnvVars 54-110); sidecar: beside the
     * connector in check/discover/spec pods (EnvVars 112-154); orchestrator: replication pods (Orch
     * 39-92); connector: the connector's own container (EnvVars 183-228, RuntimeEnvVarFactory.kt 196-205).
     */
    containers: Record<JobContainerKind, JobContainer>;
}

/** The launcher's value of `name`: a plain value, or where the launcher reads it from. */
type LauncherValue = { value: string } | { secret: { name: string; key: string } } | undefined;

/** Builds the job pod model from the launcher's pod. Pure. */
export function buildJobPod(launcher: LauncherPod): JobPod {
    const read = (name: string): LauncherValue => {
        const source = launcher.env[name];
        if (!source) {
            return undefined;
        }
        return "value" in source ? { value: source.value } : { secret: source.secretKeyRef };
    };
    const plainOf = (name: string): string => {
        const v = read(name);
        return v && "value" in v ? v.value : "";
    };
    // A launcher value copied into a job container as a plain value (Storage 1029-1076).
    const copy = (name: string): JobEnvSource | undefined => {
        const v = read(name);
        if (!v) {
            return undefined;
        }
        return "value" in v ? { value: v.value } : { copyOf: v.secret };
    };
    const refIf = (env: Record<string, JobEnvSource>, name: string, secretName: string, key: string) => {
        // EnvVars 477: "If any of the secret ref names or keys are blank kube will fail to create
        // the pod, so we have to manually exclude empties".
        if (secretName && key) {
            env[name] = { secretKeyRef: { name: secretName, key } };
        }
    };

    const edition = plainOf("AIRBYTE_EDITION").toUpperCase();
    // EnvVars 595-604: AIRBYTE_EDITION (the enum's name) in every container; RuntimeEnvVarFactory.kt 202.
    const metadata: Record<string, JobEnvSource> = { AIRBYTE_EDITION: { value: edition } };
    // EnvVars 368-394: the micronaut environment gains "cloud" in cloud edition.
    const micronaut: Record<string, JobEnvSource> = {
        MICRONAUT_ENVIRONMENTS: { value: edition === "CLOUD" ? "worker-v2,cloud" : "worker-v2" },
    };

    // EnvVars 318-334: data-plane credentials for init, sidecar and orchestrator, whenever the
    // Secret's name is set (the key is not checked).
    const dataPlaneCredentials: Record<string, JobEnvSource> = {};
    for (const name of ["DATAPLANE_CLIENT_ID", "DATAPLANE_CLIENT_SECRET"]) {
        const secretName = plainOf(`${name}_SECRET_NAME`);
        if (secretName) {
            dataPlaneCredentials[name] = { secretKeyRef: { name: secretName, key: plainOf(`${name}_SECRET_KEY`) } };
        }
    }

    // EnvVars 473-557 with yml 140-171: the store's credentials, only from *_REF_* pairs.
    const storeCredentials: Record<string, JobEnvSource> = {};
    refIf(
        storeCredentials,
        "SECRET_STORE_GCP_CREDENTIALS",
        plainOf("SECRET_STORE_GCP_SECRET_NAME"),
        plainOf("SECRET_STORE_GCP_SECRET_KEY"),
    );
    refIf(
        storeCredentials,
        "AWS_SECRET_MANAGER_ACCESS_KEY_ID",
        plainOf("AWS_SECRET_MANAGER_ACCESS_KEY_ID_REF_NAME"),
        plainOf("AWS_SECRET_MANAGER_ACCESS_KEY_ID_REF_KEY"),
    );
    refIf(
        storeCredentials,
        "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY",
        plainOf("AWS_SECRET_MANAGER_SECRET_ACCESS_KEY_REF_NAME"),
        plainOf("AWS_SECRET_MANAGER_SECRET_ACCESS_KEY_REF_KEY"),
    );
    refIf(
        storeCredentials,
        "AB_AZURE_KEY_VAULT_CLIENT_ID",
        plainOf("AB_AZURE_KEY_VAULT_CLIENT_ID_REF_NAME"),
        plainOf("AB_AZURE_KEY_VAULT_CLIENT_ID_REF_REF_KEY"),
    );
    refIf(
        storeCredentials,
        "AB_AZURE_KEY_VAULT_CLIENT_SECRET",
        plainOf("AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_NAME"),
        plainOf("AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_KEY"),
    );
    // EnvVars 443-465: the store's other settings, as plain values.
    const storeSettings: Record<string, JobEnvSource> = { SECRET_PERSISTENCE: { value: plainOf("SECRET_PERSISTENCE") } };

    // EnvVars 233-255 with yml 51-53: the keys an IAM_ROLE store's role is assumed with, under fixed key names.
    const assumeRole: Record<string, JobEnvSource> = {};
    const assumeRoleSecret = plainOf("AWS_ASSUME_ROLE_SECRET_NAME");
    refIf(assumeRole, "AWS_ASSUME_ROLE_ACCESS_KEY_ID", assumeRoleSecret, "AWS_ACCESS_KEY_ID");
    refIf(assumeRole, "AWS_ASSUME_ROLE_SECRET_ACCESS_KEY", assumeRoleSecret, "AWS_SECRET_ACCESS_KEY");

    // Storage 1029-1076 with yml 279-299: storage settings copied as plain values.
    const storage: Record<string, JobEnvSource> = { STORAGE_TYPE: { value: plainOf("STORAGE_TYPE").toUpperCase() } };
    const storageType = plainOf("STORAGE_TYPE").toLowerCase();
    const storageVars =
        storageType === "s3" || storageType === "minio"
            ? ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
            : storageType === "gcs"
              ? ["GOOGLE_APPLICATION_CREDENTIALS"]
              : storageType === "azure"
                ? ["AZURE_STORAGE_CONNECTION_STRING"]
                : [];
    for (const name of storageVars) {
        storage[name] = copy(name) ?? { value: "" };
    }

    const secretVolumes = jobSecretVolumes(plainOf);
    const mounts = secretVolumes.map(({ secretName, mountPath }) => ({ secretName, mountPath }));
    return {
        serviceAccountName: plainOf("JOB_KUBE_SERVICEACCOUNT"),
        imagePullSecrets: plainOf("JOB_KUBE_MAIN_CONTAINER_IMAGE_PULL_SECRET")
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== ""),
        secretVolumes,
        images: {
            init: plainOf("WORKLOAD_INIT_IMAGE"),
            sidecar: plainOf("CONNECTOR_SIDECAR_IMAGE"),
            orchestrator: plainOf("CONTAINER_ORCHESTRATOR_IMAGE"),
            connectorRegistry: plainOf("JOB_KUBE_CONNECTOR_IMAGE_REGISTRY"),
        },
        containers: {
            init: {
                env: { ...metadata, ...micronaut, ...storeSettings, ...storeCredentials, ...assumeRole, ...dataPlaneCredentials },
                mounts,
            },
            sidecar: { env: { ...metadata, ...micronaut, ...storage, ...dataPlaneCredentials }, mounts },
            // Orch 48 and 82-83: the assume-role secret's name and its keys reach the orchestrator too.
            orchestrator: {
                env: {
                    ...metadata,
                    ...micronaut,
                    ...storage,
                    AWS_ASSUME_ROLE_SECRET_NAME: { value: assumeRoleSecret },
                    ...assumeRole,
                    ...dataPlaneCredentials,
                },
                mounts,
            },
            // The connector gets no credentials of the platform: AWS keys only behind the
            // InjectAwsSecretsToConnectorPods flag, off by default (RuntimeEnvVarFactory.kt 283-299,
            // airbyte-featureflag FlagDefinitions.kt 151).
            connector: { env: { ...metadata, DEPLOYMENT_MODE: { value: edition === "CLOUD" ? "CLOUD" : "OSS" } }, mounts: [] },
        },
    };
}

/**
 * Volumes 85-159. The key-file volume exists when a secret name or mount path is set for it and
 * `GOOGLE_APPLICATION_CREDENTIALS` is set (GCS storage; yml 213-220, 302): its Secret is
 * `GCS_CREDENTIALS_SECRET_NAME`, else `CONTAINER_ORCHESTRATOR_SECRET_NAME`, possibly empty. The
 * data-plane credentials volume needs both its name and its path. Both go to init, sidecar and
 * orchestrator, never to the connector (Volumes 246-333).
 */
function jobSecretVolumes(plainOf: (name: string) => string): JobPod["secretVolumes"] {
    const volumes: JobPod["secretVolumes"] = [];
    const mountPath = plainOf("CONTAINER_ORCHESTRATOR_SECRET_MOUNT_PATH");
    const secretName = plainOf("CONTAINER_ORCHESTRATOR_SECRET_NAME");
    const gcsSecretName = plainOf("GCS_CREDENTIALS_SECRET_NAME");
    if ((secretName || mountPath) && (gcsSecretName || mountPath) && plainOf("GOOGLE_APPLICATION_CREDENTIALS")) {
        volumes.push({ volume: "airbyte-secret", secretName: gcsSecretName || secretName, mountPath });
    }
    const credsName = plainOf("CONTAINER_ORCHESTRATOR_DATA_PLANE_CREDS_SECRET_NAME");
    const credsPath = plainOf("CONTAINER_ORCHESTRATOR_DATA_PLANE_CREDS_SECRET_MOUNT_PATH");
    if (credsName && credsPath) {
        volumes.push({ volume: "airbyte-data-plane-creds", secretName: credsName, mountPath: credsPath });
    }
    return volumes;
}
