import type * as pulumi from "@pulumi/pulumi";
import type { SecretsManagerSpec } from "../shared/types";
import type { MinimumNodeSize } from "../shared/node-size";

/** `autopilot`: Google manages the nodes, billed per pod. `standard`: this component manages node pools. */
export const GKE_MODES = ["autopilot", "standard"] as const;
export type GkeMode = (typeof GKE_MODES)[number];

/** GKE release channels a cluster may follow. */
export const RELEASE_CHANNELS = ["RAPID", "REGULAR", "STABLE", "EXTENDED"] as const;
export type ReleaseChannel = (typeof RELEASE_CHANNELS)[number];

/**
 * Roles the platform's service account gets on the secret-store project: the set Airbyte documents
 * for reading and versioning Google Secret Manager secrets. Creating new secrets is the control
 * plane's job and needs more (`roles/secretmanager.admin`).
 */
export const DEFAULT_SECRET_MANAGER_ROLES = [
    "roles/secretmanager.secretAccessor",
    "roles/secretmanager.secretVersionAdder",
    "roles/secretmanager.secretVersionManager",
    "roles/secretmanager.viewer",
] as const;

/**
 * Roles the platform's service account gets on the log bucket only: read, write, list and delete
 * objects, and read the bucket's metadata (the platform looks the bucket up when it starts).
 */
export const DEFAULT_BUCKET_ROLES = ["roles/storage.objectAdmin", "roles/storage.legacyBucketReader"] as const;

/** Role for the nodes' own service account: logs, metrics and image pulls, nothing else. */
export const NODE_SERVICE_ACCOUNT_ROLES = ["roles/container.defaultNodeServiceAccount"] as const;

/** Defaults, in one place so that docs and tests can refer to them. */
export const GKE_DEFAULTS = {
    mode: "autopilot" as GkeMode,
    releaseChannel: "REGULAR" as ReleaseChannel,
    deletionProtection: true,
    privateEndpoint: false,
    nodesCidr: "10.0.0.0/20",
    podsCidr: "10.4.0.0/14",
    servicesCidr: "10.8.0.0/20",
    nodePoolName: "general",
    machineType: "e2-standard-4",
    diskSizeGb: 100,
    diskType: "pd-balanced",
    minNodesPerZone: 1,
    maxNodesPerZone: 3,
    bucketVersioning: false,
    logRetentionDays: 30,
    bucketRetainOnDelete: true,
    bucketForceDestroy: false,
    apiServerOpenToInternet: false,
    secretsKeyRotationPeriod: "7776000s",
} as const;

/** Prefix under which the platform writes job logs; only they expire (see the shared constant). */
export { JOB_LOG_PREFIX } from "../shared/types";

/**
 * Smallest node boot disk accepted: it holds the OS, the connector images (often 1 GB or more each)
 * and the 5G of ephemeral storage each connector pod requests by default.
 */
export const MIN_NODE_DISK_SIZE_GB = 50;

/** A Standard-mode node pool. Autoscaling counts are per zone: a regional pool spans the region's zones. */
export interface GkeNodePoolArgs {
    /** Pool name, 1 to 11 lower-case letters, digits or hyphens, starting with a letter. Required. */
    name: string;
    /** Machine type. Default `e2-standard-4` (4 vCPU, 16 GB): room for a launcher and a few syncs. */
    machineType?: string;
    /** Boot disk size in GB, at least 50. Default 100: each connector pod requests 5G of ephemeral storage. */
    diskSizeGb?: number;
    /** Boot disk type. Default `pd-balanced`. */
    diskType?: string;
    /** Minimum nodes per zone. Default 1. */
    minNodesPerZone?: number;
    /** Maximum nodes per zone. Default 3. */
    maxNodesPerZone?: number;
    /** Use Spot VMs (cheaper, may be reclaimed mid-sync). Default `false`. */
    spot?: boolean;
    /**
     * Reserve this pool for connector (job) pods: it gets a `NoSchedule` taint and the data plane's
     * job pods get the matching node selector and toleration. At most one pool; at least one other
     * pool must remain for the launcher and system pods. Default `false`.
     */
    dedicatedToJobs?: boolean;
    /** Extra Kubernetes node labels. */
    labels?: Record<string, string>;
}

/** The address plan of the VPC this component creates. The three ranges must not overlap. */
export interface GkeNewNetworkArgs {
    /** Primary range of the subnet (node addresses). Default `10.0.0.0/20`. */
    nodesCidr?: string;
    /** Secondary range for pod addresses. Default `10.4.0.0/14`. */
    podsCidr?: string;
    /** Secondary range for Service addresses. Default `10.8.0.0/20`. */
    servicesCidr?: string;
}

/**
 * A VPC and subnet that already exist. The component creates no router or NAT for them: nodes are
 * private, so the network must already give them egress (Cloud NAT or equivalent).
 */
export interface GkeExistingNetworkArgs {
    /** Network self link or id, e.g. `projects/p/global/networks/n`. Required. */
    network: string;
    /** Subnet self link or id, in the cluster's region. Required. */
    subnetwork: string;
    /** Name of the subnet's secondary range for pods. Required. */
    podsRangeName: string;
    /** Name of the subnet's secondary range for Services. Required. */
    servicesRangeName: string;
}

/** The GCS bucket for logs, state and workload output. */
export interface GkeBucketArgs {
    /** Use this existing bucket instead of creating one; it must be in the cluster's region. */
    existingBucketName?: string;
    /**
     * Location of the created bucket: the cluster's region, or a multi-region or predefined
     * dual-region containing it (e.g. `EU` for `europe-west1`). Default: the cluster's region.
     */
    location?: string;
    /** Keep old object versions. Default `false`. */
    versioning?: boolean;
    /**
     * Delete job logs (objects under `job-logging/`) after this many days; 0 keeps them forever.
     * Default 30. State and workload output are never deleted by the lifecycle rule.
     */
    logRetentionDays?: number;
    /** Keep the bucket in GCP when the stack is destroyed. Default `true`. */
    retainOnDelete?: boolean;
    /** Let a destroy delete a bucket that still holds objects. Default `false`. */
    forceDestroy?: boolean;
}

/** Arguments of `flexplane:gcp:GkeCluster`. */
export interface GkeClusterArgs {
    /** Project of the cluster, network, bucket and service accounts. Default: the `gcp:project` config. */
    project?: string;
    /**
     * A region (regional cluster: control plane and nodes spread over the region's zones) or a zone
     * (zonal cluster, only with `allowZonalCluster`). Required.
     */
    location: string;
    /** Accept a zone as `location`: one zone's outage then stops the data plane. Default `false`. */
    allowZonalCluster?: boolean;
    /** `autopilot` or `standard`. Default `autopilot`. */
    mode?: GkeMode;
    /** Release channel. Default `REGULAR`. */
    releaseChannel?: ReleaseChannel;
    /**
     * Minimum control-plane version (e.g. `1.35`). Default: the channel's default version. Must be a
     * minor GKE supports: in standard support, or, on the `EXTENDED` channel, within 24 months of its
     * release (see `supportedKubernetesVersions`).
     */
    kubernetesVersion?: string;
    /**
     * Minor versions `kubernetesVersion` may name, replacing the built-in table of what GKE supported
     * on 2026-11-30 (1.35 and 1.36; 1.32 to 1.36 on the `EXTENDED` channel; docs/gcp.md). Set it when
     * GKE offers a version newer than this package knows. Default: the table.
     */
    supportedKubernetesVersions?: string[];
    /**
     * Refuse to delete (or replace) the cluster until this is turned off and applied. Default
     * `true`; set `false` and run `pulumi up` before `pulumi destroy`.
     */
    deletionProtection?: boolean;
    /**
     * Networks allowed to reach the control plane's public endpoint: the addresses that run Pulumi
     * and kubectl. Required unless `privateEndpoint` or `apiServerOpenToInternet`; `0.0.0.0/0` only
     * with `apiServerOpenToInternet`.
     */
    masterAuthorizedNetworks?: { cidrBlock: string; displayName?: string }[];
    /**
     * Accept a public control-plane endpoint that every address may reach (no authorized networks;
     * it still requires Google credentials). Default `false`. The policy pack's
     * `cluster-endpoint-restricted` still fails such a cluster unless the pack's config lowers that
     * policy's level.
     */
    apiServerOpenToInternet?: boolean;
    /**
     * Application-layer encryption of Kubernetes Secrets with a Cloud KMS key. Default: a new key
     * ring and key in the cluster's region, rotated every 90 days. With `keyName`
     * (`projects/<p>/locations/<region>/keyRings/<r>/cryptoKeys/<k>`, in the cluster's region) that
     * key is used instead. Either way the GKE service agent
     * (`service-<project number>@container-engine-robot.iam.gserviceaccount.com`) is granted
     * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key, which needs the right to set the
     * key's IAM policy.
     */
    secretsEncryption?: { keyName?: string };
    /** Serve the control plane on its private address only (Pulumi must run inside the VPC). Default `false`. */
    privateEndpoint?: boolean;
    /** /28 for the control plane's private addresses (VPC-peering clusters). Default: GKE chooses. */
    masterIpv4CidrBlock?: string;
    /** Address plan of the VPC created when `existingNetwork` is not given. */
    network?: GkeNewNetworkArgs;
    /** Use this VPC and subnet instead of creating them. */
    existingNetwork?: GkeExistingNetworkArgs;
    /**
     * Node pools, Standard mode only (Autopilot manages nodes itself and refuses them). Default: one
     * pool `general` with the pool defaults.
     */
    nodePools?: GkeNodePoolArgs[];
    /**
     * Smallest machine type accepted in `nodePools` (Standard mode). Default `{vcpus: 4, memoryGiB: 8}`:
     * a sync pod asks 2 vCPU and 4 GiB by Airbyte's defaults, which smaller nodes cannot give after
     * the system's share (docs/gcp.md). Machine types the size table does not know pass.
     */
    minimumNodeSize?: MinimumNodeSize;
    /** Existing service account for the nodes. Default: a new one with `roles/container.defaultNodeServiceAccount`. */
    nodeServiceAccountEmail?: string;
    /** Namespace the data plane is installed into. Default `airbyte`. */
    namespace?: string;
    /** Service account of the chart's launcher and connector pods. Default `airbyte-workload-launcher`. */
    serviceAccountName?: string;
    /**
     * The control plane's secret store. For `gcp` without `credentialsJson`, a service account and
     * JSON key are created and granted `secretManagerRoles` on `gcp.projectId`; `aws` and `azure`
     * pass through untouched. Required.
     */
    secretsManager: SecretsManagerSpec;
    /**
     * JSON key with access to the bucket. Default: a key of the component's service account, which
     * gets `bucketRoles` on the bucket.
     */
    storageCredentialsJson?: pulumi.Input<string>;
    /** Roles granted on the secret-store project. Default: the four Secret Manager roles Airbyte documents. */
    secretManagerRoles?: string[];
    /** Roles granted on the bucket. Default `roles/storage.objectAdmin` and `roles/storage.legacyBucketReader`. */
    bucketRoles?: string[];
    /** The log bucket. */
    bucket?: GkeBucketArgs;
    /** Labels on the cluster and bucket; keys and values are lower-cased to fit GCP's label rules. */
    labels?: Record<string, string>;
}
