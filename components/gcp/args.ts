import type * as pulumi from "@pulumi/pulumi";
import type { SecretsManagerSpec } from "../shared/types";
import type { MinimumNodeSize } from "../shared/node-size";

/** How GKE runs the nodes. */
export const GkeMode = {
    /** Google provisions nodes per pod and bills per pod; node pools are refused. */
    Autopilot: "autopilot",
    /** This component manages the node pools (`nodePools`). */
    Standard: "standard",
} as const;
export type GkeMode = (typeof GkeMode)[keyof typeof GkeMode];

/**
 * The GKE release channels a cluster may follow. GKE also knows `UNSPECIFIED` (no channel, manual
 * upgrades), which this component does not offer: a data plane always gets security patches.
 */
export const GkeReleaseChannel = {
    Rapid: "RAPID",
    Regular: "REGULAR",
    Stable: "STABLE",
    /** Up to 24 months on one minor version (extended-support fees apply after standard support). */
    Extended: "EXTENDED",
} as const;
export type GkeReleaseChannel = (typeof GkeReleaseChannel)[keyof typeof GkeReleaseChannel];

/** Every default of `GkeCluster`, in one place: docs and tests refer to it. */
export const GKE_DEFAULTS = {
    mode: GkeMode.Autopilot,
    releaseChannel: GkeReleaseChannel.Regular,
    allowZonalCluster: false,
    deletionProtection: true,
    apiServer: { openToInternet: false, privateOnly: false },
    network: { nodesCidr: "10.0.0.0/20", podsCidr: "10.4.0.0/14", servicesCidr: "10.8.0.0/20" },
    /** The pool a Standard cluster gets when `nodePools` is left out, and each pool's defaults. */
    nodePool: {
        name: "general",
        machineType: "e2-standard-4",
        diskSizeGiB: 100,
        diskType: "pd-balanced",
        minNodesPerZone: 1,
        maxNodesPerZone: 3,
        spot: false,
        dedicatedToJobs: false,
    },
    logStorage: { versioning: false, logRetentionDays: 30, retainOnDelete: true, forceDestroy: false },
    /**
     * Roles on the secret-store project: the set Airbyte documents for reading and versioning Google
     * Secret Manager secrets. Creating new secrets is the control plane's job and needs more
     * (`roles/secretmanager.admin`).
     */
    secretManagerRoles: [
        "roles/secretmanager.secretAccessor",
        "roles/secretmanager.secretVersionAdder",
        "roles/secretmanager.secretVersionManager",
        "roles/secretmanager.viewer",
    ],
    /**
     * Roles on the log bucket only: read, write, list and delete objects, and read the bucket's
     * metadata (the platform looks the bucket up when it starts).
     */
    bucketRoles: ["roles/storage.objectAdmin", "roles/storage.legacyBucketReader"],
} as const;

/** A Standard-mode node pool. Autoscaling counts are per zone: a regional pool spans the region's zones. */
export interface GkeNodePoolArgs {
    /** Pool name, 1 to 11 lower-case letters, digits or hyphens, starting with a letter. Required. */
    name: string;
    /**
     * Machine type. Default `e2-standard-4` (4 vCPU, 16 GB): room for a launcher and a few syncs.
     * At least `minimumNodeSize`; Arm types (`t2a-`, `c4a-`) are refused.
     */
    machineType?: string;
    /** Boot disk size in GiB, at least 50. Default 100: each connector pod requests 5G of ephemeral storage. */
    diskSizeGiB?: number;
    /** @deprecated Use `diskSizeGiB` (same meaning: Compute Engine disk sizes are in GiB). */
    diskSizeGb?: number;
    /** Boot disk type. Default `pd-balanced`. */
    diskType?: string;
    /** Minimum nodes per zone; 0 lets the pool scale to zero. Default 1. */
    minNodesPerZone?: number;
    /** Maximum nodes per zone, at least 1 and at least `minNodesPerZone`. Default 3. */
    maxNodesPerZone?: number;
    /** Use Spot VMs (cheaper, may be reclaimed mid-sync). Default `false`. */
    spot?: boolean;
    /**
     * Reserve this pool for connector (job) pods: it gets a `NoSchedule` taint and the data plane's
     * job pods get the matching node selector and toleration. At most one pool; at least one other
     * pool must remain for the launcher and system pods. Default `false`.
     */
    dedicatedToJobs?: boolean;
    /** Extra Kubernetes node labels. Default: none. */
    labels?: Record<string, string>;
}

/** The address plan of the VPC this component creates. The ranges must not overlap each other or `masterIpv4CidrBlock`. */
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

/**
 * Who reaches the Kubernetes API server. Nodes are always private; this is about the control plane's
 * endpoint, which Pulumi uses to install the chart.
 */
export interface GkeApiServerOptions {
    /**
     * Networks (IPv4 CIDRs) allowed to reach the public endpoint: the addresses that run Pulumi and
     * kubectl. Required unless `privateOnly` or `openToInternet`; `0.0.0.0/0` only with `openToInternet`.
     */
    authorizedCidrs?: string[];
    /**
     * Accept a public endpoint that every address may reach (it still requires Google credentials).
     * Default `false`. Not with `privateOnly`. The policy pack's `cluster-endpoint-restricted` still
     * fails such a cluster unless the pack's config lowers that policy's level.
     */
    openToInternet?: boolean;
    /** Serve the control plane on its private address only (Pulumi must run inside the VPC). Default `false`. */
    privateOnly?: boolean;
}

/** Application-layer encryption of Kubernetes Secrets with your own Cloud KMS key. */
export interface GkeSecretsEncryptionArgs {
    /**
     * The key's resource name, `projects/<p>/locations/<cluster region>/keyRings/<r>/cryptoKeys/<k>`.
     * Leave `secretsEncryption` out to have a key created.
     */
    keyId?: string;
    /** @deprecated Use `keyId`. */
    keyName?: string;
}

/** The GCS bucket for logs, state and workload output. */
export interface GkeLogStorageArgs {
    /**
     * Use this existing bucket (its name, without `gs://`) instead of creating one; it must be in or
     * around the cluster's region. The other settings of this block then do not apply.
     */
    existingBucketName?: string;
    /**
     * Location of the created bucket: the cluster's region, or a multi-region or predefined
     * dual-region containing it (e.g. `EU` for `europe-west1`). Default: the cluster's region.
     */
    location?: string;
    /** Keep old object versions (they expire with the logs). Default `false`. */
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

/** @deprecated The shape of the old `masterAuthorizedNetworks`; use `apiServer.authorizedCidrs`. */
export interface GkeAuthorizedNetwork {
    cidrBlock: string;
    /** Ignored: authorized networks are plain CIDRs on every cloud. */
    displayName?: string;
}

/** Arguments of `GkeCluster`. */
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
    releaseChannel?: GkeReleaseChannel;
    /**
     * Minimum control-plane version (e.g. `1.35`, `1.35.7-gke.1222000` or `latest`). Default: the
     * channel's default version. Must be a minor GKE supports: in standard support, or, on the
     * `EXTENDED` channel, within 24 months of its release (see `supportedKubernetesVersions`).
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
    /** Who reaches the API server. Required: `authorizedCidrs`, unless `privateOnly` or `openToInternet`. */
    apiServer?: GkeApiServerOptions;
    /**
     * Application-layer encryption of Kubernetes Secrets with a Cloud KMS key. Default: a new key
     * ring and key in the cluster's region, rotated every 90 days. With `keyId` that key is used
     * instead. Either way the GKE service agent
     * (`service-<project number>@container-engine-robot.iam.gserviceaccount.com`) is granted
     * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key, which needs the right to set the
     * key's IAM policy.
     */
    secretsEncryption?: GkeSecretsEncryptionArgs;
    /** A /28 for the control plane's private addresses (VPC-peering clusters). Default: GKE chooses. */
    masterIpv4CidrBlock?: string;
    /** Address plan of the VPC created when `existingNetwork` is not given. Not with `existingNetwork`. */
    network?: GkeNewNetworkArgs;
    /** Use this VPC and subnet instead of creating them. Default: a new VPC (`network`). */
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
     * JSON key with access to the bucket; kept a secret. Default: a key of the component's service
     * account, which gets `bucketRoles` on the bucket.
     * @secret
     */
    storageCredentialsJson?: pulumi.Input<string>;
    /** Roles granted on the secret-store project. Default: the four Secret Manager roles Airbyte documents. */
    secretManagerRoles?: string[];
    /** Roles granted on the bucket. Default `roles/storage.objectAdmin` and `roles/storage.legacyBucketReader`. */
    bucketRoles?: string[];
    /** The log bucket. Default: a new bucket in the cluster's region with the block's defaults. */
    logStorage?: GkeLogStorageArgs;
    /** Labels on the cluster, nodes, key and bucket; keys and values are lower-cased to fit GCP's label rules. */
    tags?: Record<string, string>;

    /** @deprecated Use `logStorage` (same settings). */
    bucket?: GkeLogStorageArgs;
    /** @deprecated Use `tags`. */
    labels?: Record<string, string>;
    /** @deprecated Use `apiServer.authorizedCidrs` (the CIDRs alone; display names are dropped). */
    masterAuthorizedNetworks?: GkeAuthorizedNetwork[];
    /** @deprecated Use `apiServer.openToInternet`. */
    apiServerOpenToInternet?: boolean;
    /** @deprecated Use `apiServer.privateOnly`. */
    privateEndpoint?: boolean;
}
