import { AIRBYTE_MANAGED_TAG, PodScheduling, ResourceQuantities, ResourceRequirements, Toleration } from "../shared/types";
import type { Edition } from "./edition";
import { launcherExtraEnv } from "./launcher-env";
import { GCS_CREDENTIALS_DIR, GCS_CREDENTIALS_FILE, SECRET_KEYS } from "./secret-keys";

export { GCS_CREDENTIALS_DIR, GCS_CREDENTIALS_FILE, SECRET_KEYS } from "./secret-keys";

/** The chart's exact spellings: upper case for secret stores, lower case for storage. */
export const SECRETS_MANAGER_TYPES = {
    aws: "AWS_SECRET_MANAGER",
    gcp: "GOOGLE_SECRET_MANAGER",
    azure: "AZURE_KEY_VAULT",
} as const;
export const STORAGE_TYPES = { s3: "s3", gcs: "gcs", azure: "azure" } as const;

const GCS_VOLUME = "flexplane-gcs-credentials";
/** The launcher image's repository in every supported chart (`values.yaml` `image.repository`). */
export const LAUNCHER_IMAGE_REPOSITORY = "airbyte/workload-launcher";

/**
 * Chart keys that the chart ignores although Airbyte's docs mention them. Emitting them would suggest
 * a setting that has no effect, so neither the builder nor `extraValues` may set them.
 */
export const IGNORED_CHART_KEYS: Record<string, string> = {
    "dataPlane.id": "the launcher learns its id from the control plane; remove it.",
    "secretsManager.enabled": "the store is chosen by secretsManager.type alone; remove it.",
    "secretsManager.awsSecretManager.authenticationType": "static keys are used when both are set, else the pod's AWS identity; remove it.",
    "secretsManager.awsSecretManager.kms": "the chart reads kmsArn; set secretsManager.aws.kmsKeyArn instead.",
    "workloads.namespace": "connector pods always run in the release namespace; set namespace instead.",
    "jobs.kube.scheduling": "the chart ignores it; use jobs.nodeSelector and jobs.tolerations.",
};

/** The resolved, plain inputs of the values builder: no secret values, only where they are. */
export interface ValuesPlan {
    airbyteUrl: string;
    /** The chart's `edition`, copied into connector pods (see `edition.ts`). */
    edition: Edition;
    /** Name of the Kubernetes Secret holding every credential but the GCS key (keys in `SECRET_KEYS`). */
    secretName: string;
    secretsManager:
        | { kind: "aws"; region: string; kmsKeyArn?: string; tags: Record<string, string>; useServiceAccountIdentity: boolean }
        | { kind: "gcp"; projectId: string; region?: string }
        | { kind: "azure"; vaultUrl: string; tenantId: string };
    storage:
        | { kind: "s3"; bucket: string; region: string; useServiceAccountIdentity: boolean }
        /** `keySecretName`: the Secret holding only the key file `gcp.json`, mounted into every job pod. */
        | { kind: "gcs"; bucket: string; keySecretName: string }
        | { kind: "azure"; container: string };
    serviceAccount: { name: string; annotations: Record<string, string> };
    launcher?: PodScheduling;
    jobs?: PodScheduling;
    /** Registry (host and optional path, no trailing slash) mirroring every Airbyte image. */
    imageRegistry?: string;
    imagePullSecrets?: string[];
}

export type ChartValues = Record<string, any>;

/**
 * Builds the `airbyte-data-plane` chart values. Pure: the same plan always gives the same values,
 * and no credential can reach them because the plan holds none; the chart and the launcher read each
 * credential through a secretKeyRef into `plan.secretName` (or, for GCS, a file mounted from
 * `plan.storage.keySecretName`).
 */
export function buildValues(plan: ValuesPlan): ChartValues {
    const values: ChartValues = {
        airbyteUrl: plan.airbyteUrl,
        edition: plan.edition,
        dataPlane: {
            // The launcher reads its own credentials from dataPlane.secretName, and gives job pods
            // secretKeyRefs built from the *SecretName/*SecretKey pairs (EnvVarConfigBeanFactory.kt 318-334).
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
        workloadLauncher: launcherValues(plan),
    };
    const jobs = placement(plan.jobs);
    if (nonEmpty(jobs)) {
        values.jobs = { kube: jobs };
    }
    const workloads = workloadsValues(plan);
    if (nonEmpty(workloads)) {
        values.workloads = workloads;
    }
    if (plan.imageRegistry) {
        // image.registry prefixes the job images only; the launcher's own image is
        // "<image.repository>:<tag>" (templates/deployment.yaml, charts 2.0.0-2.2.0).
        values.image = { registry: plan.imageRegistry, repository: `${plan.imageRegistry}/${LAUNCHER_IMAGE_REPOSITORY}` };
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
            // The launcher reads the key file at credentialsJsonPath and copies that path into job
            // pods, which read it from the Secret mounted there (workloadsValues).
            return {
                ...common,
                secretName: storage.keySecretName,
                gcs: {
                    credentialsJsonSecretKey: GCS_CREDENTIALS_FILE,
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
        launcher.resources = podResources(plan.launcher.resources);
    }
    if (plan.storage.kind === "gcs") {
        // The launcher itself reads the GCS key from the file at credentialsJsonPath.
        launcher.volumes = [
            {
                name: GCS_VOLUME,
                secret: {
                    secretName: plan.storage.keySecretName,
                    items: [{ key: GCS_CREDENTIALS_FILE, path: GCS_CREDENTIALS_FILE }],
                },
            },
        ];
        launcher.volumeMounts = [{ name: GCS_VOLUME, mountPath: GCS_CREDENTIALS_DIR, readOnly: true }];
    }
    launcher.extraEnv = launcherExtraEnv(plan);
    return launcher;
}

/**
 * Connector container sizes and, for GCS, the Secret every job pod mounts at the key directory.
 * Unset, `workloads.containerOrchestrator.secretName` leaves job pods with a secret volume whose name
 * is empty, which the API server refuses (VolumeFactory.kt 85-130): no sync could start.
 */
function workloadsValues(plan: ValuesPlan): ChartValues {
    const workloads: ChartValues = {};
    const jobResources = jobResourceValues(plan.jobs);
    if (jobResources) {
        workloads.resources = { mainContainer: jobResources };
    }
    if (plan.storage.kind === "gcs") {
        workloads.containerOrchestrator = { secretName: plan.storage.keySecretName, secretMountPath: GCS_CREDENTIALS_DIR };
    }
    return workloads;
}

function placement(scheduling: PodScheduling | undefined): { nodeSelector?: Record<string, string>; tolerations?: Toleration[] } {
    return {
        ...(nonEmpty(scheduling?.nodeSelector) ? { nodeSelector: scheduling!.nodeSelector } : {}),
        ...(scheduling?.tolerations?.length ? { tolerations: scheduling.tolerations } : {}),
    };
}

/** The launcher's requests and limits in Kubernetes' own spelling (`ephemeral-storage`). */
function podResources(resources: ResourceRequirements): ChartValues {
    const quantities = (q: ResourceQuantities | undefined): Record<string, string> | undefined => {
        if (!q) return undefined;
        const { ephemeralStorage, "ephemeral-storage": legacyEphemeralStorage, ...cpuAndMemory } = q;
        const storage = ephemeralStorage ?? legacyEphemeralStorage;
        return { ...cpuAndMemory, ...(storage !== undefined ? { "ephemeral-storage": storage } : {}) };
    };
    const requests = quantities(resources.requests);
    const limits = quantities(resources.limits);
    return { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
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
