import { AIRBYTE_MANAGED_TAG, PodScheduling, Toleration } from "../shared/types";

/** Keys of the data plane's Kubernetes Secret. The chart reads every credential from them. */
export const SECRET_KEYS = {
    dataPlaneClientId: "DATAPLANE_CLIENT_ID",
    dataPlaneClientSecret: "DATAPLANE_CLIENT_SECRET",
    awsSecretManagerAccessKeyId: "AWS_SECRET_MANAGER_ACCESS_KEY_ID",
    awsSecretManagerSecretAccessKey: "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY",
    gcpSecretManagerCredentials: "SECRET_STORE_GCP_CREDENTIALS",
    azureKeyVaultClientId: "AB_AZURE_KEY_VAULT_CLIENT_ID",
    azureKeyVaultClientSecret: "AB_AZURE_KEY_VAULT_CLIENT_SECRET",
    s3AccessKeyId: "AWS_ACCESS_KEY_ID",
    s3SecretAccessKey: "AWS_SECRET_ACCESS_KEY",
    gcsCredentialsJson: "GOOGLE_APPLICATION_CREDENTIALS_JSON",
    azureStorageConnectionString: "AZURE_STORAGE_CONNECTION_STRING",
} as const;

/** The chart's exact spellings: upper case for secret stores, lower case for storage. */
export const SECRETS_MANAGER_TYPES = {
    aws: "AWS_SECRET_MANAGER",
    gcp: "GOOGLE_SECRET_MANAGER",
    azure: "AZURE_KEY_VAULT",
} as const;
export const STORAGE_TYPES = { s3: "s3", gcs: "gcs", azure: "azure" } as const;

/** Where the GCS key file is mounted in the launcher; the chart's default `credentialsJsonPath`. */
export const GCS_CREDENTIALS_DIR = "/secrets/gcp-creds";
export const GCS_CREDENTIALS_FILE = "gcp.json";
const GCS_VOLUME = "flexplane-gcs-credentials";

/**
 * Chart keys that the chart ignores although Airbyte's docs mention them. Emitting them would suggest
 * a setting that has no effect, so neither the builder nor `extraValues` may set them.
 */
export const IGNORED_CHART_KEYS: Record<string, string> = {
    "dataPlane.id": "the launcher learns its id from the control plane; remove it.",
    "secretsManager.enabled": "the store is chosen by secretsManager.type alone; remove it.",
    "secretsManager.awsSecretManager.authenticationType":
        "static keys are used when both are set, else the pod's AWS identity; remove it.",
    "secretsManager.awsSecretManager.kms": "the chart reads kmsArn; set secretsManager.aws.kmsKeyArn instead.",
    "workloads.namespace": "connector pods always run in the release namespace; set namespace instead.",
    "jobs.kube.scheduling": "the chart ignores it; use jobs.nodeSelector and jobs.tolerations.",
};

/** The resolved, plain inputs of the values builder: no secret values, only where they are. */
export interface ValuesPlan {
    airbyteUrl: string;
    /** Name of the Kubernetes Secret holding every credential (keys in `SECRET_KEYS`). */
    secretName: string;
    secretsManager:
        | { kind: "aws"; region: string; kmsKeyArn?: string; tags: Record<string, string> }
        | { kind: "gcp"; projectId: string; region?: string }
        | { kind: "azure"; vaultUrl: string; tenantId: string };
    storage:
        | { kind: "s3"; bucket: string; region: string; useServiceAccountIdentity: boolean }
        | { kind: "gcs"; bucket: string }
        | { kind: "azure"; container: string };
    serviceAccount: { name: string; annotations: Record<string, string> };
    launcher?: PodScheduling;
    jobs?: PodScheduling;
    imageRegistry?: string;
    imagePullSecrets?: string[];
}

export type ChartValues = Record<string, any>;

/**
 * Builds the `airbyte-data-plane` chart values. Pure: the same plan always gives the same values,
 * and no credential can reach them because the plan holds none; the chart reads each credential
 * through a secretKeyRef into `plan.secretName`.
 */
export function buildValues(plan: ValuesPlan): ChartValues {
    const values: ChartValues = {
        airbyteUrl: plan.airbyteUrl,
        dataPlane: {
            // The launcher reads dataPlane.secretName; the *SecretName keys only reach a ConfigMap.
            secretName: plan.secretName,
            clientIdSecretName: plan.secretName,
            clientIdSecretKey: SECRET_KEYS.dataPlaneClientId,
            clientSecretSecretName: plan.secretName,
            clientSecretSecretKey: SECRET_KEYS.dataPlaneClientSecret,
        },
        secretsManager: secretsManagerValues(plan),
        storage: storageValues(plan),
        serviceAccount: {
            create: true,
            name: plan.serviceAccount.name,
            ...(nonEmpty(plan.serviceAccount.annotations) ? { annotations: plan.serviceAccount.annotations } : {}),
        },
    };
    const launcher = launcherValues(plan);
    if (nonEmpty(launcher)) {
        values.workloadLauncher = launcher;
    }
    const jobs = placement(plan.jobs);
    if (nonEmpty(jobs)) {
        values.jobs = { kube: jobs };
    }
    const jobResources = jobResourceValues(plan.jobs);
    if (jobResources) {
        values.workloads = { resources: { mainContainer: jobResources } };
    }
    if (plan.imageRegistry) {
        values.image = { registry: plan.imageRegistry };
    }
    if (plan.imagePullSecrets?.length) {
        values.imagePullSecrets = plan.imagePullSecrets.map((name) => ({ name }));
    }
    return values;
}

function secretsManagerValues(plan: ValuesPlan): ChartValues {
    const store = plan.secretsManager;
    const common = { type: SECRETS_MANAGER_TYPES[store.kind], secretName: plan.secretName };
    switch (store.kind) {
        case "aws":
            return {
                ...common,
                awsSecretManager: {
                    region: store.region,
                    // Empty in IRSA mode: the platform then falls back to the pod's AWS identity.
                    accessKeyIdSecretKey: SECRET_KEYS.awsSecretManagerAccessKeyId,
                    secretAccessKeySecretKey: SECRET_KEYS.awsSecretManagerSecretAccessKey,
                    tags: awsSecretTags(store.tags),
                    ...(store.kmsKeyArn ? { kmsArn: store.kmsKeyArn } : {}),
                },
            };
        case "gcp":
            return {
                ...common,
                googleSecretManager: {
                    projectId: store.projectId,
                    credentialsSecretKey: SECRET_KEYS.gcpSecretManagerCredentials,
                    ...(store.region ? { region: store.region } : {}),
                },
            };
        case "azure":
            return {
                ...common,
                azureKeyVault: {
                    vaultUrl: store.vaultUrl,
                    tenantId: store.tenantId,
                    clientIdSecretKey: SECRET_KEYS.azureKeyVaultClientId,
                    clientSecretSecretKey: SECRET_KEYS.azureKeyVaultClientSecret,
                },
            };
    }
}

/** The caller's tags plus `AirbyteManaged=true`, which the documented IAM policy depends on. */
export function awsSecretTags(extra: Record<string, string>): { key: string; value: string }[] {
    const merged: Record<string, string> = { ...extra, [AIRBYTE_MANAGED_TAG.key]: AIRBYTE_MANAGED_TAG.value };
    return Object.keys(merged)
        .sort()
        .map((key) => ({ key, value: merged[key] }));
}

function storageValues(plan: ValuesPlan): ChartValues {
    const storage = plan.storage;
    const bucketName = storage.kind === "azure" ? storage.container : storage.bucket;
    const common = {
        type: STORAGE_TYPES[storage.kind],
        secretName: plan.secretName,
        bucket: {
            log: bucketName,
            state: bucketName,
            workloadOutput: bucketName,
            activityPayload: bucketName,
            auditLogging: bucketName,
        },
    };
    switch (storage.kind) {
        case "s3":
            return {
                ...common,
                s3: {
                    region: storage.region,
                    authenticationType: storage.useServiceAccountIdentity ? "instanceProfile" : "credentials",
                    accessKeyIdSecretKey: SECRET_KEYS.s3AccessKeyId,
                    secretAccessKeySecretKey: SECRET_KEYS.s3SecretAccessKey,
                },
            };
        case "gcs":
            return {
                ...common,
                gcs: {
                    credentialsJsonSecretKey: SECRET_KEYS.gcsCredentialsJson,
                    credentialsJsonPath: `${GCS_CREDENTIALS_DIR}/${GCS_CREDENTIALS_FILE}`,
                },
            };
        case "azure":
            return { ...common, azure: { connectionStringSecretKey: SECRET_KEYS.azureStorageConnectionString } };
    }
}

function launcherValues(plan: ValuesPlan): ChartValues {
    const launcher: ChartValues = { ...placement(plan.launcher) };
    if (plan.launcher?.resources) {
        launcher.resources = plan.launcher.resources;
    }
    if (plan.storage.kind === "gcs") {
        // The platform reads the GCS key from a file, so the Secret's key is mounted where the chart points.
        launcher.volumes = [
            {
                name: GCS_VOLUME,
                secret: {
                    secretName: plan.secretName,
                    items: [{ key: SECRET_KEYS.gcsCredentialsJson, path: GCS_CREDENTIALS_FILE }],
                },
            },
        ];
        launcher.volumeMounts = [{ name: GCS_VOLUME, mountPath: GCS_CREDENTIALS_DIR, readOnly: true }];
    }
    return launcher;
}

function placement(scheduling: PodScheduling | undefined): { nodeSelector?: Record<string, string>; tolerations?: Toleration[] } {
    return {
        ...(nonEmpty(scheduling?.nodeSelector) ? { nodeSelector: scheduling!.nodeSelector } : {}),
        ...(scheduling?.tolerations?.length ? { tolerations: scheduling.tolerations } : {}),
    };
}

function jobResourceValues(jobs: PodScheduling | undefined): ChartValues | undefined {
    const requests = jobs?.resources?.requests;
    const limits = jobs?.resources?.limits;
    const cpu = { ...(requests?.cpu ? { request: requests.cpu } : {}), ...(limits?.cpu ? { limit: limits.cpu } : {}) };
    const memory = {
        ...(requests?.memory ? { request: requests.memory } : {}),
        ...(limits?.memory ? { limit: limits.memory } : {}),
    };
    const result = { ...(nonEmpty(cpu) ? { cpu } : {}), ...(nonEmpty(memory) ? { memory } : {}) };
    return nonEmpty(result) ? result : undefined;
}

function nonEmpty(value: object | undefined): boolean {
    return value !== undefined && Object.keys(value).length > 0;
}
