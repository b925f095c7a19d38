import type { SecretsManagerSpec, StorageSpec } from "../shared/types";
import type { MinimumNodeSize } from "../shared/node-size";

/** Kubernetes minor version pinned unless the caller names another; AKS picks its newest patch. */
export const DEFAULT_KUBERNETES_VERSION = "1.35";
/** Zones every pool spreads over unless the caller names others. */
export const DEFAULT_ZONES = ["1", "2", "3"] as const;
/** Airbyte supports AKS only "in 2 or more availability zones". */
export const MIN_ZONES = 2;

/** The ways kubelogin can sign in; `azurecli` reuses the deployer's `az login`. */
export const KubeloginMode = {
    AzureCli: "azurecli",
    ServicePrincipal: "spn",
    WorkloadIdentity: "workloadidentity",
    ManagedIdentity: "msi",
    DeviceCode: "devicecode",
} as const;
export type KubeloginMode = (typeof KubeloginMode)[keyof typeof KubeloginMode];

/** How nodes reach the internet. Nodes never get public IPs. */
export const OutboundType = {
    NatGateway: "userAssignedNATGateway",
    UserDefinedRouting: "userDefinedRouting",
} as const;
export type OutboundType = (typeof OutboundType)[keyof typeof OutboundType];

export const SkuTier = { Free: "Free", Standard: "Standard", Premium: "Premium" } as const;
export type SkuTier = (typeof SkuTier)[keyof typeof SkuTier];

export const UpgradeChannel = { Patch: "patch", Stable: "stable", Rapid: "rapid", NodeImage: "node-image", None: "none" } as const;
export type UpgradeChannel = (typeof UpgradeChannel)[keyof typeof UpgradeChannel];

/** One node pool. */
export interface NodePoolArgs {
    /** AKS pool name: 1 to 12 lower-case letters and digits, starting with a letter. Required for workload pools. */
    name?: string;
    /** VM size. Default `Standard_D4ds_v5` (system pool) or `Standard_D8ds_v5` (workload pools). */
    vmSize?: string;
    /** Autoscaler lower bound. Default 2 (system) or 1 (workload). */
    minCount?: number;
    /** Autoscaler upper bound. Default 3 (system) or 6 (workload). */
    maxCount?: number;
    /** OS disk size in GB. Default 128 (system) or 256 (workload: connector images and their scratch space). */
    osDiskSizeGB?: number;
    /** `Managed` or `Ephemeral` (needs a VM size whose cache or temp disk holds the OS disk). Default `Managed`. */
    osDiskType?: "Managed" | "Ephemeral";
    /** Zones of this pool; at least 2. Default: the cluster's `zones`. */
    zones?: string[];
    /** Node labels. Default none. */
    labels?: Record<string, string>;
    /**
     * Node taints as `key=value:Effect` or `key:Effect`. Default none for workload pools and
     * `CriticalAddonsOnly=true:NoSchedule` for the system pool, which keeps Airbyte off it.
     */
    taints?: string[];
    /** Maximum pods per node. Default 110. */
    maxPods?: number;
    /**
     * Run connector (job) pods on this pool: the data plane gets a node selector for it and a
     * toleration for each of its taints. At most one workload pool. Default `false`: jobs go
     * wherever the scheduler puts them.
     */
    runsJobs?: boolean;
}

/** Where the nodes live. */
export interface AksNetworkArgs {
    /**
     * Put the nodes in this existing subnet (ARM id). Nothing else of the network is created: the
     * subnet must already reach the internet as `outboundType` says. Default: a new VNet, subnet
     * and NAT gateway.
     */
    existingSubnetId?: string;
    /** Egress of an existing subnet. Default `userAssignedNATGateway`; a new network always uses its NAT gateway. */
    outboundType?: OutboundType;
    /** Grant the cluster identity Network Contributor on the subnet (AKS needs it). Default `true`. */
    grantSubnetAccess?: boolean;
    /** Address space of the new VNet. Default `10.240.0.0/16`. */
    vnetCidr?: string;
    /** Node subnet inside `vnetCidr`. Default `10.240.0.0/20` (4,091 nodes). */
    subnetCidr?: string;
    /** Overlay pod range; must not overlap the VNet or the services. Default `10.244.0.0/16`. */
    podCidr?: string;
    /** Kubernetes service range. Default `10.0.0.0/16`. */
    serviceCidr?: string;
    /** Cluster DNS address inside `serviceCidr`. Default `10.0.0.10`. */
    dnsServiceIp?: string;
    /** Idle TCP timeout of the NAT gateway, 4 to 120 minutes. Default 10 (long database reads). */
    natIdleTimeoutMinutes?: number;
}

/**
 * AKS resource-log categories (Azure Monitor): the audit categories and Entra ID's `guard`, plus the
 * control-plane components' own logs.
 */
export const AKS_LOG_CATEGORIES = [
    "kube-audit", "kube-audit-admin", "guard", "kube-apiserver", "kube-controller-manager", "kube-scheduler",
    "cluster-autoscaler", "cloud-controller-manager", "csi-azuredisk-controller", "csi-azurefile-controller", "csi-snapshot-controller",
] as const;
export type AksLogCategory = (typeof AKS_LOG_CATEGORIES)[number];

/** Audit logs defaults: writes to the API (`kube-audit-admin`, without the volume of reads) and Entra ID authorization (`guard`). */
export const AUDIT_LOG_DEFAULTS = { categories: ["kube-audit-admin", "guard"] as AksLogCategory[], retentionDays: 90, retainOnDelete: true };

/** The cluster's audit logs in Azure Monitor. */
export interface AksAuditLogArgs {
    /** Send audit logs. Default `true`. */
    enabled?: boolean;
    /**
     * ARM id of an existing Log Analytics workspace
     * (`/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>`).
     * Default: a new workspace in the component's resource group.
     */
    workspaceId?: string;
    /** Log categories. Default `["kube-audit-admin", "guard"]`; `kube-audit` adds every read. */
    categories?: AksLogCategory[];
    /** Days a created workspace keeps the logs, 30 to 730. Default 90. */
    retentionDays?: number;
    /** Keep a created workspace (the audit trail) when the stack is destroyed. Default `true`. */
    retainOnDelete?: boolean;
}

/** Encryption of Kubernetes Secrets in etcd with a key of yours (AKS KMS etcd encryption). */
export interface AksSecretsEncryptionArgs {
    /**
     * Versioned Key Vault key identifier, `https://<vault>.vault.azure.net/keys/<name>/<version>`.
     * Required. The vault must allow public network access (AKS KMS `keyVaultNetworkAccess: Public`).
     */
    keyId: string;
    /**
     * ARM id of that vault; the cluster's identity gets "Key Vault Crypto User" on the key there
     * (Azure RBAC permission model). Required.
     */
    keyVaultResourceId: string;
}

/** Entra ID sign-in for the Kubernetes API instead of local accounts. */
export interface AksEntraIdArgs {
    /** Authorize with Azure RBAC role assignments (instead of Kubernetes RBAC bindings). Default `true`. */
    azureRbac?: boolean;
    /** Entra groups that become cluster admins. Default none. */
    adminGroupObjectIds?: string[];
    /**
     * Give the identity running Pulumi "Azure Kubernetes Service RBAC Cluster Admin" on the cluster
     * so it can install the data plane. Default `true` (only with `azureRbac`).
     */
    grantDeployerClusterAdmin?: boolean;
    /** How kubelogin signs in from the kubeconfig this component builds. Default `azurecli`. */
    kubeloginMode?: KubeloginMode;
}

/** The Key Vault of `secretsManager.azure`. */
export interface AksKeyVaultArgs {
    /**
     * Create the vault named by `secretsManager.azure.vaultUrl` in this component's resource group
     * (Azure RBAC permission model, soft delete, purge protection). Default `false`: the vault exists.
     */
    create?: boolean;
    /**
     * Resource group of an existing vault, in the deployer's subscription. Needed only when this
     * component creates the service principal and must scope its role to the vault.
     */
    resourceGroupName?: string;
    /** Days a deleted secret or vault stays recoverable, 7 to 90. Default 90. */
    softDeleteRetentionDays?: number;
    /** `standard` or `premium`. Default `standard`. */
    sku?: "standard" | "premium";
    /** Keep a created vault when the stack is destroyed: it holds every connector's secrets. Default `true`. */
    retainOnDelete?: boolean;
    /** Display name of the Entra application created for the data plane. Default `<component>-key-vault`. */
    applicationName?: string;
    /** Expiry of the created client secret (RFC 3339). Default: Entra ID's default (2 years). */
    clientSecretEndDate?: string;
    /** Change this value to rotate the created client secret. Default none. */
    clientSecretRotationKey?: string;
}

/** Log and state storage. */
export interface AksStorageArgs {
    /** Use this storage instead of creating an account (any of s3, gcs, azure). Default: create one. */
    existing?: StorageSpec;
    /** Storage account name, 3 to 24 lower-case letters and digits, globally unique. Default: derived from project, stack and component names. */
    accountName?: string;
    /** Blob container. Default `airbyte`. */
    containerName?: string;
    /** Replication. Default `Standard_ZRS` (survives a zone outage, like the cluster). */
    sku?: "Standard_LRS" | "Standard_ZRS" | "Standard_GRS" | "Standard_GZRS";
    /** Keep the account and container (and so their resource group) when the stack is destroyed. Default `true`. */
    retainOnDelete?: boolean;
}

/** Arguments of `flexplane:azure:AksCluster`. */
export interface AksClusterArgs {
    /** Azure region, e.g. `westeurope`. Required (stacks read it from `azure-native:location`). */
    location: string;
    /** The control plane's secret store: exactly one of `aws`, `gcp`, `azure`. Required. */
    secretsManager: SecretsManagerSpec;
    /**
     * Entra ID tenant of the cluster's users. Default `secretsManager.azure.tenantId`, else the
     * tenant of the deployment's subscription (AKS's own default).
     */
    tenantId?: string;
    /** Existing resource group for everything. Default: a new one named after the component. */
    resourceGroupName?: string;
    /** Namespace the data plane is installed into. Default `airbyte`. */
    namespace?: string;
    /** Service account of the data plane. Default `airbyte-workload-launcher`. */
    serviceAccountName?: string;
    /**
     * Kubernetes minor (or exact) version. Default `1.35`. Must be a minor in AKS standard support
     * (see `supportedKubernetesVersions`).
     */
    kubernetesVersion?: string;
    /**
     * Minor versions `kubernetesVersion` may name, replacing the built-in table of what AKS supported
     * on 2026-11-30 (1.34 to 1.36; docs/azure.md). Set it when AKS offers a version newer than this
     * package knows. Default: the table.
     */
    supportedKubernetesVersions?: string[];
    /** AKS tier: `Free` (no SLA), `Standard` or `Premium`. Default `Standard`. */
    skuTier?: SkuTier;
    /** Cluster auto-upgrade channel. Default `patch`. */
    upgradeChannel?: UpgradeChannel;
    /** Availability zones of every pool that names none; at least 2. Default `["1", "2", "3"]`. */
    zones?: string[];
    /**
     * Smallest VM size accepted in `workloadPools` (and in `systemPool` when it has no taints).
     * Default `{vcpus: 4, memoryGiB: 8}`: a sync pod asks 2 vCPU and 4 GiB by Airbyte's defaults,
     * which smaller nodes cannot give after the system's share (docs/azure.md). The system pool must
     * in any case meet AKS's own 2 vCPU and 4 GB. Sizes the table does not know pass.
     */
    minimumNodeSize?: MinimumNodeSize;
    /** The single system pool, inline in the cluster. Defaults as in `NodePoolArgs`; name `system`. */
    systemPool?: NodePoolArgs;
    /** Pools for Airbyte, each a separate AgentPool resource. Default one pool named `workload`. */
    workloadPools?: NodePoolArgs[];
    /** Network. Defaults as in `AksNetworkArgs`. */
    network?: AksNetworkArgs;
    /**
     * Addresses or CIDRs allowed to reach the (public) API server: those that run Pulumi and kubectl.
     * Required unless `apiServerOpenToInternet`; `0.0.0.0/0` only with `apiServerOpenToInternet`.
     */
    apiServerAuthorizedIpRanges?: string[];
    /**
     * Accept an API server every address may reach (no authorized ranges). Default `false`. The
     * policy pack's `cluster-endpoint-restricted` still fails such a cluster unless the pack's
     * config lowers that policy's level.
     */
    apiServerOpenToInternet?: boolean;
    /**
     * Entra ID sign-in with local accounts disabled. Default: on, with the defaults of
     * `AksEntraIdArgs` (Azure RBAC, the deployer made cluster admin, kubelogin with `azurecli`).
     * Pulumi and kubectl then need kubelogin.
     */
    entraId?: AksEntraIdArgs;
    /**
     * Keep Kubernetes local accounts (a static admin credential anyone allowed to list cluster admin
     * credentials can fetch) instead of Entra ID. Default `false`; cannot be combined with `entraId`.
     */
    localAccounts?: boolean;
    /** Audit logs to Log Analytics. Default: on, a new workspace, `kube-audit-admin` and `guard`, 90 days. */
    auditLogs?: AksAuditLogArgs;
    /** Encrypt Secrets in etcd with your Key Vault key. Default: Azure's platform-managed encryption. */
    secretsEncryption?: AksSecretsEncryptionArgs;
    /**
     * A `CanNotDelete` lock on the cluster, and Pulumi's `protect`: neither Pulumi nor anyone in Azure
     * deletes (or Pulumi replaces) the cluster until this is turned off and applied. The lock also
     * covers the cluster's node pools: removing a pool needs it off too. Default `true`.
     */
    deletionProtection?: boolean;
    /** Enable AKS workload identity (the OIDC issuer is always on). Default `false`: Airbyte cannot use it yet. */
    workloadIdentity?: boolean;
    /** Key Vault settings (ignored unless the store is Azure). */
    keyVault?: AksKeyVaultArgs;
    /** Storage settings. */
    storage?: AksStorageArgs;
    /** Tags on every Azure resource. Default none. */
    tags?: Record<string, string>;
}
