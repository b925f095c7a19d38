/**
 * A model of what the `airbyte-data-plane` chart renders into the workload launcher's pod: the
 * environment the launcher builds connector pods from, its image, service account, pull secrets and
 * secret volumes, and the chart's own Secret. Only what decides connector pods is modelled.
 *
 * Source: the published chart tarballs 2.0.0 to 2.2.0 (airbytehq/charts, `airbyte-data-plane`), file
 * and line numbers from 2.2.0; 2.0.x differs only where noted. Checked by rendering every example
 * stack with `helm template` on all five versions. A model of an outside system: it must follow the
 * chart, never this project's values builder.
 */
import { compareVersions } from "../../components/dataplane/resolve";

/** Chart values, as the Helm release receives them. */
export type ChartValues = Record<string, any>;

/** Where an environment variable's value comes from. */
export type EnvSource = { value: string } | { secretKeyRef: { name: string; key: string } };

/** A secret volume of a pod and where it is mounted. */
export interface SecretVolume {
    volume: string;
    secretName: string;
    mountPath?: string;
    /** Keys projected as files; undefined projects every key under its own name. */
    items?: { key: string; path: string }[];
}

/** The workload launcher's pod, as far as connector pods depend on it. */
export interface LauncherPod {
    serviceAccountName: string;
    image: string;
    imagePullSecrets: string[];
    /** Later entries win, as in a container spec with a repeated name. */
    env: Record<string, EnvSource>;
    secretVolumes: SecretVolume[];
}

/** The chart's own Secret: it always exists, and holds empty values unless credentials are inlined. */
export interface ChartSecret {
    name: string;
    keys: string[];
}

export interface RenderedChart {
    launcher: LauncherPod;
    chartSecret: ChartSecret;
}

const CHART_NAME = "airbyte-data-plane";

/** Renders the launcher for `values` with chart `chartVersion` as release `releaseName`. Pure. */
export function renderLauncher(values: ChartValues, chartVersion: string, releaseName: string): RenderedChart {
    const v = values ?? {};
    const env: Record<string, EnvSource> = {};
    const set = (name: string, source: EnvSource) => {
        env[name] = source;
    };
    const plain = (name: string, value: string) => set(name, { value });
    const ref = (name: string, secret: string, key: string) => set(name, { secretKeyRef: { name: secret, key } });

    // templates/secret.yaml 5: the chart's own Secret; each *.secretName falls back to the top-level
    // secretName, then to it (_dataPlane.tpl 11, _secretsManager.tpl 11, _storage.tpl 11, _enterprise.tpl 11).
    const chartSecretName = `${releaseName}-${CHART_NAME}-secrets`;
    const fallback = (own: unknown) => str(own) || str(v.secretName) || chartSecretName;
    const appVersion = chartVersion;
    const tag = str(v.image?.tag) || appVersion;

    // _common.tpl 11-13: AIRBYTE_EDITION, default community.
    plain("AIRBYTE_EDITION", str(v.edition) || "community");

    // _dataPlane.tpl 58-175: the launcher's own credentials from dataPlane.secretName; the
    // *SecretName/*SecretKey pairs (default: that Secret and the default keys) reach the ConfigMap.
    const dataPlaneSecret = fallback(v.dataPlane?.secretName);
    const clientIdKey = str(v.dataPlane?.clientIdSecretKey) || "DATAPLANE_CLIENT_ID";
    const clientSecretKey = str(v.dataPlane?.clientSecretSecretKey) || "DATAPLANE_CLIENT_SECRET";
    ref("DATAPLANE_CLIENT_ID", dataPlaneSecret, clientIdKey);
    ref("DATAPLANE_CLIENT_SECRET", dataPlaneSecret, clientSecretKey);
    plain("DATAPLANE_CLIENT_ID_SECRET_NAME", str(v.dataPlane?.clientIdSecretName) || dataPlaneSecret);
    plain("DATAPLANE_CLIENT_ID_SECRET_KEY", clientIdKey);
    plain("DATAPLANE_CLIENT_SECRET_SECRET_NAME", str(v.dataPlane?.clientSecretSecretName) || dataPlaneSecret);
    plain("DATAPLANE_CLIENT_SECRET_SECRET_KEY", clientSecretKey);

    // _secretsManager.tpl 424-462 (envs), 467-499 (ConfigMap), 504-528 (chart Secret): per store type, upper case.
    const storeType = str(v.secretsManager?.type) || "vault";
    const storeSecret = fallback(v.secretsManager?.secretName);
    plain("SECRET_PERSISTENCE", storeType);
    const storeKeys: string[] = [];
    if (storeType === "AWS_SECRET_MANAGER") {
        const sm = v.secretsManager?.awsSecretManager ?? {};
        ref("AWS_SECRET_MANAGER_ACCESS_KEY_ID", storeSecret, str(sm.accessKeyIdSecretKey) || "AWS_SECRET_MANAGER_ACCESS_KEY_ID");
        ref(
            "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY",
            storeSecret,
            str(sm.secretAccessKeySecretKey) || "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY",
        );
        plain("AWS_SECRET_MANAGER_REGION", str(sm.region));
        storeKeys.push("AWS_SECRET_MANAGER_ACCESS_KEY_ID", "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY");
    } else if (storeType === "AZURE_KEY_VAULT") {
        const kv = v.secretsManager?.azureKeyVault ?? {};
        const idKey = str(kv.clientIdSecretKey) || "AB_AZURE_KEY_VAULT_CLIENT_ID";
        const secretKey = str(kv.clientSecretSecretKey) || "AB_AZURE_KEY_VAULT_CLIENT_SECRET";
        ref("AB_AZURE_KEY_VAULT_CLIENT_ID", storeSecret, idKey);
        ref("AB_AZURE_KEY_VAULT_CLIENT_SECRET", storeSecret, secretKey);
        plain("AB_AZURE_KEY_VAULT_VAULT_URL", str(kv.vaultUrl));
        plain("AB_AZURE_KEY_VAULT_TENANT_ID", str(kv.tenantId));
        // 238-296 and 480-483: reference names the launcher never reads (it reads *_VAULT_*_REF_*).
        plain("AB_AZURE_KEY_CLIENT_ID_REF_NAME", storeSecret);
        plain("AB_AZURE_KEY_CLIENT_ID_REF_KEY", idKey);
        plain("AB_AZURE_KEY_CLIENT_SECRET_REF_NAME", storeSecret);
        plain("AB_AZURE_KEY_CLIENT_SECRET_REF_KEY", secretKey);
        storeKeys.push("AB_AZURE_KEY_VAULT_CLIENT_ID", "AB_AZURE_KEY_VAULT_CLIENT_SECRET");
    } else if (storeType === "GOOGLE_SECRET_MANAGER") {
        const gsm = v.secretsManager?.googleSecretManager ?? {};
        ref("SECRET_STORE_GCP_CREDENTIALS", storeSecret, str(gsm.credentialsSecretKey) || "SECRET_STORE_GCP_CREDENTIALS");
        plain("SECRET_STORE_GCP_PROJECT_ID", str(gsm.projectId));
        storeKeys.push("SECRET_STORE_GCP_CREDENTIALS");
    } else if (storeType === "VAULT") {
        ref("VAULT_AUTH_TOKEN", storeSecret, str(v.secretsManager?.vault?.authTokenSecretKey) || "VAULT_AUTH_TOKEN");
        storeKeys.push("VAULT_AUTH_TOKEN");
    }

    // _storage.tpl 22-24 and 374-461: per storage type, lower case, default minio.
    const storageType = str(v.storage?.type) || "minio";
    const storageSecret = fallback(v.storage?.secretName);
    plain("STORAGE_TYPE", storageType);
    const storageKeys: string[] = [];
    if (storageType === "s3" || storageType === "minio") {
        const s = (storageType === "s3" ? v.storage?.s3 : v.storage?.minio) ?? {};
        ref("AWS_ACCESS_KEY_ID", storageSecret, str(s.accessKeyIdSecretKey) || "AWS_ACCESS_KEY_ID");
        ref("AWS_SECRET_ACCESS_KEY", storageSecret, str(s.secretAccessKeySecretKey) || "AWS_SECRET_ACCESS_KEY");
        storageKeys.push("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    } else if (storageType === "gcs") {
        ref(
            "GOOGLE_APPLICATION_CREDENTIALS_JSON",
            storageSecret,
            str(v.storage?.gcs?.credentialsJsonSecretKey) || "GOOGLE_APPLICATION_CREDENTIALS_JSON",
        );
        // 266-268: the path the launcher reads the key file at and copies into job pods.
        plain("GOOGLE_APPLICATION_CREDENTIALS", str(v.storage?.gcs?.credentialsJsonPath) || "/secrets/gcp-creds/gcp.json");
        storageKeys.push("GOOGLE_APPLICATION_CREDENTIALS_JSON");
    } else if (storageType === "azure") {
        ref(
            "AZURE_STORAGE_CONNECTION_STRING",
            storageSecret,
            str(v.storage?.azure?.connectionStringSecretKey) || "AZURE_STORAGE_CONNECTION_STRING",
        );
        storageKeys.push("AZURE_STORAGE_CONNECTION_STRING");
    }

    // _workloads.tpl 11-13 and 101-103: the Secret job pods mount, falling back to the top-level
    // secretName only (not the chart's Secret), and where.
    plain("CONTAINER_ORCHESTRATOR_SECRET_NAME", str(v.workloads?.containerOrchestrator?.secretName) || str(v.secretName));
    plain("CONTAINER_ORCHESTRATOR_SECRET_MOUNT_PATH", str(v.workloads?.containerOrchestrator?.secretMountPath) || "/secrets/gcp-creds");
    // 29-49: a second, optional credentials volume; empty name by default.
    plain("CONTAINER_ORCHESTRATOR_DATA_PLANE_CREDS_SECRET_NAME", str(v.workloads?.containerOrchestrator?.dataPlane?.secretName));
    plain(
        "CONTAINER_ORCHESTRATOR_DATA_PLANE_CREDS_SECRET_MOUNT_PATH",
        str(v.workloads?.containerOrchestrator?.dataPlane?.secretMountPath) || "/secrets/dataplane-creds",
    );

    // _helpers.tpl 20-31 and 63-69; _jobs.tpl 11-13: job pods' service account.
    const serviceAccountName = serviceAccountOf(v, releaseName);
    plain("JOB_KUBE_SERVICEACCOUNT", str(v.jobs?.kube?.serviceAccount) || serviceAccountName);

    // _jobs.tpl 87-89: job pull secrets. 2.0.x joins the {name} objects themselves.
    const pullSecrets: string[] = (Array.isArray(v.imagePullSecrets) ? v.imagePullSecrets : []).map((s: any) => str(s?.name));
    plain(
        "JOB_KUBE_MAIN_CONTAINER_IMAGE_PULL_SECRET",
        jobPullSecretValue(chartVersion, v.imagePullSecrets, str(v.jobs?.kube?.mainContainerImagePullSecret)),
    );

    // _images.tpl 1-17, _workloadLauncher.tpl 145-210, values.yaml 277-294: job images get image.registry.
    const registry = str(v.image?.registry);
    const prefix = registry ? `${registry.replace(/\/+$/, "")}/` : "";
    plain("CONTAINER_ORCHESTRATOR_IMAGE", `${prefix}airbyte/container-orchestrator:${tag}`);
    plain("CONNECTOR_SIDECAR_IMAGE", `${prefix}airbyte/connector-sidecar:${tag}`);
    plain("WORKLOAD_INIT_IMAGE", `${prefix}airbyte/workload-init-container:${tag}`);

    // templates/deployment.yaml 60-62: the license key, only for edition enterprise.
    if (str(v.edition) === "enterprise") {
        ref("AIRBYTE_LICENSE_KEY", fallback(v.enterprise?.secretName), str(v.enterprise?.licenseKeySecretKey) || "AIRBYTE_LICENSE_KEY");
    }
    // 64-66: workloadLauncher.extraEnv, last.
    for (const entry of Array.isArray(v.workloadLauncher?.extraEnv) ? v.workloadLauncher.extraEnv : []) {
        const secretRef = entry?.valueFrom?.secretKeyRef;
        if (secretRef) {
            ref(str(entry.name), str(secretRef.name), str(secretRef.key));
        } else {
            plain(str(entry?.name), str(entry?.value));
        }
    }

    return {
        launcher: {
            serviceAccountName,
            // deployment.yaml 38: the launcher image ignores image.registry.
            image: `${str(v.image?.repository) || "airbyte/workload-launcher"}:${tag}`,
            imagePullSecrets: pullSecrets,
            env,
            secretVolumes: launcherSecretVolumes(v),
        },
        // secret.yaml 9-13: data-plane, enterprise, store and storage keys, empty unless inlined.
        chartSecret: {
            name: chartSecretName,
            keys: ["DATAPLANE_CLIENT_ID", "DATAPLANE_CLIENT_SECRET", "AIRBYTE_LICENSE_KEY", ...storeKeys, ...storageKeys],
        },
    };
}

/**
 * `JOB_KUBE_MAIN_CONTAINER_IMAGE_PULL_SECRET` as each chart renders it. 2.0.x:
 * `join "," (ternary (concat imagePullSecrets (list main)) imagePullSecrets (empty main))`, which
 * formats each `{name}` map as Go does (`map[name:x]`). 2.1.0+: the names, then `main` if set.
 */
export function jobPullSecretValue(chartVersion: string, imagePullSecrets: unknown, mainContainerImagePullSecret: string): string {
    const list = Array.isArray(imagePullSecrets) ? imagePullSecrets : [];
    if (compareVersions(chartVersion, "2.1.0") < 0) {
        const items = list.map((s: any) =>
            s && typeof s === "object"
                ? `map[${Object.keys(s)
                      .sort()
                      .map((k) => `${k}:${s[k]}`)
                      .join(" ")}]`
                : String(s),
        );
        return (mainContainerImagePullSecret === "" ? [...items, ""] : items).join(",");
    }
    const names = list.map((s: any) => str(s?.name));
    return [...names, ...(mainContainerImagePullSecret ? [mainContainerImagePullSecret] : [])].join(",");
}

function serviceAccountOf(v: ChartValues, releaseName: string): string {
    const name = str(v.serviceAccount?.name);
    if (v.serviceAccount?.create === false) {
        return name || "default";
    }
    const fullname = releaseName.includes(CHART_NAME) ? releaseName : `${releaseName}-${CHART_NAME}`;
    return name || fullname.slice(0, 63).replace(/-+$/, "");
}

function launcherSecretVolumes(v: ChartValues): SecretVolume[] {
    const volumes: any[] = Array.isArray(v.workloadLauncher?.volumes) ? v.workloadLauncher.volumes : [];
    const mounts: any[] = Array.isArray(v.workloadLauncher?.volumeMounts) ? v.workloadLauncher.volumeMounts : [];
    return volumes
        .filter((vol) => vol?.secret)
        .map((vol) => ({
            volume: str(vol.name),
            secretName: str(vol.secret.secretName),
            mountPath: mounts.find((m) => m?.name === vol.name)?.mountPath,
            items: Array.isArray(vol.secret.items) ? vol.secret.items : undefined,
        }));
}

function str(value: unknown): string {
    return value === undefined || value === null ? "" : String(value);
}
