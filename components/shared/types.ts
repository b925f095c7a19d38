import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";

/**
 * The namespace a data plane is installed into unless the caller names another. Airbyte's own guide
 * creates `airbyte`.
 */
export const DEFAULT_NAMESPACE = "airbyte";

/**
 * The service account that the `airbyte-data-plane` chart creates when `serviceAccount.name` is not
 * set. The launcher and every connector pod run under it, so cloud identities (IRSA) must trust it.
 */
export const DEFAULT_SERVICE_ACCOUNT_NAME = "airbyte-workload-launcher";

/**
 * The tag that Airbyte's documented Secrets Manager policy conditions on. Secrets the data plane
 * creates must carry it or the data plane cannot read them back.
 */
export const AIRBYTE_MANAGED_TAG = { key: "AirbyteManaged", value: "true" } as const;

/**
 * Prefix under which the platform writes job logs, in S3, GCS and Azure Blob alike: `DocumentType.LOGS`
 * in airbytehq/airbyte-platform `airbyte-commons-storage/.../StorageClient.kt` (`job-logging`, no
 * leading slash). State, workload output and activity payloads share the bucket under other
 * prefixes; only job logs may expire.
 */
export const JOB_LOG_PREFIX = "job-logging/";

/** Static AWS credentials. Both values are treated as secrets. */
export interface AwsAccessKeys {
    /** @secret */
    accessKeyId: pulumi.Input<string>;
    /** @secret */
    secretAccessKey: pulumi.Input<string>;
}

/**
 * AWS Secrets Manager, as declared for the organization's control plane. The region and account are
 * those of the control plane's secret store, which may differ from the data plane's own region.
 */
export interface AwsSecretsManagerSpec {
    /** Region of the Secrets Manager the control plane writes to, e.g. `us-east-1`. Required. */
    region: string;
    /** 12-digit AWS account id that owns the secrets. Required: it is part of the store's identity. */
    accountId: string;
    /**
     * Read secrets with the pod's own AWS identity (IRSA, EKS Pod Identity or instance profile): the
     * chart's access-key variables then resolve to empty strings so the AWS default chain is used.
     * Exactly one of `useServiceAccountIdentity` and `accessKeys` must be given.
     */
    useServiceAccountIdentity?: boolean;
    /** Static access keys, for data planes outside AWS or without IRSA. */
    accessKeys?: AwsAccessKeys;
    /** KMS key that encrypts the secrets (rendered as the chart's `kmsArn`). */
    kmsKeyArn?: string;
    /**
     * Also reach secrets that lack the `AirbyteManaged=true` tag, limited to the platform's own names
     * (`airbyte_*`). Needed only when the control plane writes untagged secrets: in ACCESS_KEY mode
     * (the platform never tags there) or IAM_ROLE mode without `tagKey`. Default `false`: the roles
     * Flexplane creates reach tagged secrets only. Read by the IAM policies of EksCluster and
     * ControlPlaneSecretsRole; a data plane with access keys is governed by its keys' own policy.
     */
    allowUntaggedSecrets?: boolean;
    /**
     * Extra tags put on every secret the data plane creates. `AirbyteManaged=true` is always added
     * and cannot be overridden.
     */
    tags?: Record<string, string>;
}

/** Google Secret Manager. The platform reads it only with a service-account JSON key. */
export interface GcpSecretManagerSpec {
    /** Project that holds the secrets. Required. */
    projectId: string;
    /** Regional Secret Manager endpoint (e.g. `europe-west1`); omit for the global endpoint. */
    region?: string;
    /**
     * Service-account JSON key. Required by DataPlane; a cloud component may create it and fill it
     * in when the caller leaves it out.
     * @secret
     */
    credentialsJson?: pulumi.Input<string>;
}

/** Azure Key Vault. The platform reads it only through a service principal with a client secret. */
export interface AzureKeyVaultSpec {
    /** Vault URL, e.g. `https://my-vault.vault.azure.net/`. Required. */
    vaultUrl: string;
    /** Entra ID tenant of the service principal. Required. */
    tenantId: string;
    /** Service principal application (client) id. Required by DataPlane; a cloud component may fill it in. */
    clientId?: pulumi.Input<string>;
    /**
     * Service principal client secret. Required by DataPlane; a cloud component may fill it in.
     * @secret
     */
    clientSecret?: pulumi.Input<string>;
}

/** Exactly one of `aws`, `gcp`, `azure`: the same store the control plane uses. */
export interface SecretsManagerSpec {
    aws?: AwsSecretsManagerSpec;
    gcp?: GcpSecretManagerSpec;
    azure?: AzureKeyVaultSpec;
}

/** S3 log storage. */
export interface S3StorageSpec {
    /** Bucket for logs, state, workload output and activity payloads. Required. */
    bucket: pulumi.Input<string>;
    /** Bucket region. Required. */
    region: string;
    /** Use the pod's AWS identity (IRSA). Exactly one of this and `accessKeys`. */
    useServiceAccountIdentity?: boolean;
    /** Static access keys. */
    accessKeys?: AwsAccessKeys;
}

/** Google Cloud Storage log storage. The platform needs a service-account JSON key for it. */
export interface GcsStorageSpec {
    /** Bucket name. Required. */
    bucket: pulumi.Input<string>;
    /**
     * Service-account JSON key with access to the bucket. Required by DataPlane.
     * @secret
     */
    credentialsJson?: pulumi.Input<string>;
}

/** Azure Blob log storage, reached with a storage-account connection string. */
export interface AzureBlobStorageSpec {
    /** Blob container name. Required. */
    container: pulumi.Input<string>;
    /**
     * Storage-account connection string. Required by DataPlane.
     * @secret
     */
    connectionString?: pulumi.Input<string>;
}

/** Exactly one of `s3`, `gcs`, `azure`. */
export interface StorageSpec {
    s3?: S3StorageSpec;
    gcs?: GcsStorageSpec;
    azure?: AzureBlobStorageSpec;
}

/** How a toleration matches a taint's value. */
export const TolerationOperator = {
    /** Any value of the taint's key. */
    Exists: "Exists",
    /** Exactly the toleration's `value`. */
    Equal: "Equal",
} as const;
export type TolerationOperator = (typeof TolerationOperator)[keyof typeof TolerationOperator];

/** The taint effect a toleration matches. */
export const TolerationEffect = {
    NoSchedule: "NoSchedule",
    PreferNoSchedule: "PreferNoSchedule",
    NoExecute: "NoExecute",
} as const;
export type TolerationEffect = (typeof TolerationEffect)[keyof typeof TolerationEffect];

/** A Kubernetes toleration, as the chart passes it through to pod specs. */
export interface Toleration {
    key?: string;
    operator?: TolerationOperator;
    value?: string;
    effect?: TolerationEffect;
    tolerationSeconds?: number;
}

/** Amounts of CPU, memory and ephemeral storage, in Kubernetes quantity syntax (`500m`, `2Gi`). */
export interface ResourceQuantities {
    cpu?: string;
    memory?: string;
    /** Ephemeral storage (the pod's `ephemeral-storage`). Launcher only: the chart sizes job pods by CPU and memory. */
    ephemeralStorage?: string;
    /** @deprecated Use `ephemeralStorage` (a name every Pulumi language can spell). */
    "ephemeral-storage"?: string;
}

/** CPU and memory requests and limits. */
export interface ResourceRequirements {
    requests?: ResourceQuantities;
    limits?: ResourceQuantities;
}

/** Where and how big a set of pods is. */
export interface PodScheduling {
    nodeSelector?: Record<string, string>;
    tolerations?: Toleration[];
    resources?: ResourceRequirements;
}

/**
 * What a cloud component (EksCluster, GkeCluster, AksCluster) hands to `DataPlane`: spread it into
 * `DataPlaneArgs` and add the data plane's client id and secret.
 */
export interface DataPlaneTarget {
    /** Provider for the cluster the chart is installed on. */
    kubernetesProvider: k8s.Provider;
    /** Namespace the cloud identity was bound to. */
    namespace: string;
    /** Service account name the cloud identity trusts. */
    serviceAccountName: string;
    /** Annotations for the chart's service account (e.g. the IRSA role ARN). */
    serviceAccountAnnotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** The secrets manager, with any credentials the component created filled in. */
    secretsManager: SecretsManagerSpec;
    /** The log storage the component created or was given. */
    storage: StorageSpec;
    /** Placement for connector (job) pods, when the cluster keeps them on dedicated nodes. */
    jobs?: PodScheduling;
    /** Placement for the workload launcher. */
    launcher?: PodScheduling;
    /** Resources the release must wait for (node groups, role policies). */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}
