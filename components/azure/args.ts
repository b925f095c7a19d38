/**
 * The arguments of `AksCluster`: every interface and enum it takes, and `AKS_DEFAULTS`, the one place
 * each default is written. Shaped for Pulumi's component-schema analyzer: named interfaces only,
 * enums as const objects, names prefixed `Aks`. Pure; no SDK is loaded.
 */
import type { MinimumNodeSize } from "../shared/node-size";
import type { SecretsManagerSpec, StorageSpec } from "../shared/types";

/** How kubelogin signs in from the kubeconfig the component builds (`kubelogin get-token --login`). */
export const AksKubeloginMode = {
    /** Reuse the deployer's `az login`. */
    AzureCli: "azurecli",
    /** A service principal from `AAD_SERVICE_PRINCIPAL_CLIENT_ID` / `..._CLIENT_SECRET`. */
    ServicePrincipal: "spn",
    WorkloadIdentity: "workloadidentity",
    ManagedIdentity: "msi",
    /** Interactive; no unattended `pulumi up` can answer it. */
    DeviceCode: "devicecode",
} as const;
export type AksKubeloginMode = (typeof AksKubeloginMode)[keyof typeof AksKubeloginMode];

/** How nodes reach the internet (AKS `networkProfile.outboundType`). Nodes never get public IPs. */
export const AksOutboundType = { NatGateway: "userAssignedNATGateway", UserDefinedRouting: "userDefinedRouting" } as const;
export type AksOutboundType = (typeof AksOutboundType)[keyof typeof AksOutboundType];

/** AKS pricing tier: `Free` has no uptime SLA. */
export const AksSkuTier = { Free: "Free", Standard: "Standard", Premium: "Premium" } as const;
export type AksSkuTier = (typeof AksSkuTier)[keyof typeof AksSkuTier];

/** Cluster auto-upgrade channel (AKS `autoUpgradeProfile.upgradeChannel`). */
export const AksUpgradeChannel = { Patch: "patch", Stable: "stable", Rapid: "rapid", NodeImage: "node-image", None: "none" } as const;
export type AksUpgradeChannel = (typeof AksUpgradeChannel)[keyof typeof AksUpgradeChannel];

/** Node OS disk: `Ephemeral` needs a VM size whose cache or temp disk holds the OS disk. */
export const AksOsDiskType = { Managed: "Managed", Ephemeral: "Ephemeral" } as const;
export type AksOsDiskType = (typeof AksOsDiskType)[keyof typeof AksOsDiskType];

/** Key Vault pricing tier. */
export const AksKeyVaultSku = { Standard: "standard", Premium: "premium" } as const;
export type AksKeyVaultSku = (typeof AksKeyVaultSku)[keyof typeof AksKeyVaultSku];

/** Replication of the log storage account (StorageV2 kinds that hold block blobs). */
export const AksStorageSku = {
    StandardLrs: "Standard_LRS",
    StandardZrs: "Standard_ZRS",
    StandardGrs: "Standard_GRS",
    StandardGzrs: "Standard_GZRS",
} as const;
export type AksStorageSku = (typeof AksStorageSku)[keyof typeof AksStorageSku];

/**
 * AKS resource-log categories (Azure Monitor, https://learn.microsoft.com/azure/aks/monitor-aks-reference):
 * the audit categories, Entra ID's `guard`, and the control-plane components' own logs.
 */
export const AksLogCategory = {
    KubeAudit: "kube-audit",
    KubeAuditAdmin: "kube-audit-admin",
    Guard: "guard",
    KubeApiServer: "kube-apiserver",
    KubeControllerManager: "kube-controller-manager",
    KubeScheduler: "kube-scheduler",
    ClusterAutoscaler: "cluster-autoscaler",
    CloudControllerManager: "cloud-controller-manager",
    CsiAzureDiskController: "csi-azuredisk-controller",
    CsiAzureFileController: "csi-azurefile-controller",
    CsiSnapshotController: "csi-snapshot-controller",
} as const;
export type AksLogCategory = (typeof AksLogCategory)[keyof typeof AksLogCategory];

/** True when `value` is one of `enumObject`'s values. */
export function isEnumValue<E extends Record<string, string>>(enumObject: E, value: unknown): value is E[keyof E] {
    return (Object.values(enumObject) as unknown[]).includes(value);
}

/** Every default of `AksCluster`, in one place. */
export const AKS_DEFAULTS = {
    /** AKS picks the newest patch of the minor. */
    kubernetesVersion: "1.35",
    zones: ["1", "2", "3"],
    skuTier: AksSkuTier.Standard,
    upgradeChannel: AksUpgradeChannel.Patch,
    /** The inline System pool; its taint keeps Airbyte on workload pools. */
    systemPool: {
        name: "system",
        vmSize: "Standard_D4ds_v5",
        minSize: 2,
        maxSize: 3,
        diskSizeGiB: 128,
        osDiskType: AksOsDiskType.Managed,
        maxPods: 110,
        taints: ["CriticalAddonsOnly=true:NoSchedule"],
    },
    /** Every workload pool; `workloadPools` itself defaults to one pool named `workload`. */
    workloadPool: {
        name: "workload",
        vmSize: "Standard_D8ds_v5",
        minSize: 1,
        maxSize: 6,
        diskSizeGiB: 256,
        osDiskType: AksOsDiskType.Managed,
        maxPods: 110,
        taints: [] as string[],
    },
    network: {
        outboundType: AksOutboundType.NatGateway,
        grantSubnetAccess: true,
        vnetCidr: "10.240.0.0/16",
        subnetCidr: "10.240.0.0/20",
        podsCidr: "10.244.0.0/16",
        servicesCidr: "10.0.0.0/16",
        dnsServiceIp: "10.0.0.10",
        natIdleTimeoutMinutes: 10,
    },
    apiServer: { openToInternet: false, privateOnly: false },
    localAccounts: false,
    entraId: { azureRbac: true, grantDeployerClusterAdmin: true, kubeloginMode: AksKubeloginMode.AzureCli },
    auditLogs: {
        enabled: true,
        categories: [AksLogCategory.KubeAuditAdmin, AksLogCategory.Guard] as AksLogCategory[],
        retentionDays: 90,
        retainOnDelete: true,
    },
    deletionProtection: true,
    workloadIdentity: false,
    keyVault: { create: false, softDeleteRetentionDays: 90, sku: AksKeyVaultSku.Standard, retainOnDelete: true },
    logStorage: { containerName: "airbyte", sku: AksStorageSku.StandardZrs, retainOnDelete: true },
} as const;

/** One node pool. Defaults in `AKS_DEFAULTS.systemPool` and `.workloadPool`. */
export interface AksNodePoolOptions {
    /** AKS pool name: 1 to 12 lower-case letters and digits, starting with a letter. Required for workload pools; the system pool's is `system`. */
    name?: string;
    /** VM size. Default `Standard_D4ds_v5` (system) or `Standard_D8ds_v5` (workload); at least `minimumNodeSize` where the data plane runs. */
    vmSize?: string;
    /** Autoscaler lower bound, total over the pool's zones. Default 2 (system, at least 1) or 1 (workload). */
    minSize?: number;
    /** Autoscaler upper bound, at least `minSize`. Default 3 (system) or 6 (workload). */
    maxSize?: number;
    /** OS disk size in GiB, 30 to 2048. Default 128 (system) or 256 (workload: connector images and their scratch files). */
    diskSizeGiB?: number;
    /** `Managed` or `Ephemeral`. Default `Managed`. */
    osDiskType?: AksOsDiskType;
    /** Zones of this pool; at least 2 distinct of "1", "2", "3". Default: the cluster's `zones`. */
    zones?: string[];
    /** Node labels. Default none. */
    labels?: Record<string, string>;
    /**
     * Node taints as `key=value:Effect` or `key:Effect`. Default none for workload pools and
     * `CriticalAddonsOnly=true:NoSchedule` for the system pool. At least one pool must stay untainted.
     */
    taints?: string[];
    /** Maximum pods per node, 10 to 250. Default 110. */
    maxPods?: number;
    /**
     * Run connector (job) pods on this pool: the data plane gets a node selector for it and a
     * toleration for each of its taints. At most one workload pool; not the system pool. Default `false`.
     */
    dedicatedToJobs?: boolean;
    /** @deprecated use `minSize`. */
    minCount?: number;
    /** @deprecated use `maxSize`. */
    maxCount?: number;
    /** @deprecated use `diskSizeGiB`. */
    osDiskSizeGB?: number;
    /** @deprecated use `dedicatedToJobs`. */
    runsJobs?: boolean;
}

/** Where the nodes live. Defaults in `AKS_DEFAULTS.network`. */
export interface AksNetworkOptions {
    /**
     * Put the nodes in this existing subnet (ARM id). Nothing else of the network is created: the
     * subnet must already reach the internet as `outboundType` says. Default: a new VNet, subnet and
     * NAT gateway. Excludes `vnetCidr`, `subnetCidr` and `natIdleTimeoutMinutes`.
     */
    existingSubnetId?: string;
    /** Egress: `userDefinedRouting` only with `existingSubnetId`. Default `userAssignedNATGateway`. */
    outboundType?: AksOutboundType;
    /** Grant the cluster identity Network Contributor on the subnet (AKS needs it). Default `true`. */
    grantSubnetAccess?: boolean;
    /** Address space of the new VNet. Default `10.240.0.0/16`. */
    vnetCidr?: string;
    /** Node subnet inside `vnetCidr`, /28 or larger. Default `10.240.0.0/20`. */
    subnetCidr?: string;
    /** Overlay pod range; must overlap neither the VNet nor `servicesCidr`. Default `10.244.0.0/16`. */
    podsCidr?: string;
    /** Kubernetes Service range. Default `10.0.0.0/16`. */
    servicesCidr?: string;
    /** Cluster DNS address inside `servicesCidr`, not its first address. Default `10.0.0.10`. */
    dnsServiceIp?: string;
    /** Idle TCP timeout of the NAT gateway, 4 to 120 minutes. Default 10 (long database reads). */
    natIdleTimeoutMinutes?: number;
    /** @deprecated use `podsCidr`. */
    podCidr?: string;
    /** @deprecated use `servicesCidr`. */
    serviceCidr?: string;
}

/** Who reaches the Kubernetes API server. */
export interface AksApiServerOptions {
    /**
     * Addresses or CIDRs allowed to reach the public API server: those that run Pulumi and kubectl.
     * Required unless `openToInternet` or `privateOnly`; `0.0.0.0/0` only with `openToInternet`.
     */
    authorizedCidrs?: string[];
    /**
     * Accept a public API server every address may reach. Default `false`. The policy pack's
     * `cluster-endpoint-restricted` still fails such a cluster unless the pack's config lowers it.
     */
    openToInternet?: boolean;
    /**
     * An AKS private cluster: the API server has only an address in the node network, so Pulumi and
     * kubectl must run where they reach it (peered network, VPN). Default `false`. Excludes
     * `authorizedCidrs` (they apply to a public API server only) and `openToInternet`.
     */
    privateOnly?: boolean;
}

/** Entra ID sign-in for the Kubernetes API instead of local accounts. Defaults in `AKS_DEFAULTS.entraId`. */
export interface AksEntraIdOptions {
    /** Authorize with Azure RBAC role assignments instead of Kubernetes RBAC bindings. Default `true`. */
    azureRbac?: boolean;
    /** Entra groups (object ids) that become cluster admins. Default none. */
    adminGroupObjectIds?: string[];
    /** Give the identity running Pulumi "Azure Kubernetes Service RBAC Cluster Admin" on the cluster. Default `true` (only with `azureRbac`). */
    grantDeployerClusterAdmin?: boolean;
    /** How kubelogin signs in from the kubeconfig this component builds. Default `azurecli`. */
    kubeloginMode?: AksKubeloginMode;
}

/** The cluster's audit logs in Azure Monitor. Defaults in `AKS_DEFAULTS.auditLogs`. */
export interface AksAuditLogOptions {
    /** Send audit logs. Default `true`. */
    enabled?: boolean;
    /**
     * ARM id of an existing Log Analytics workspace. Default: a new workspace in the component's
     * resource group. Excludes `retentionDays` and `retainOnDelete`.
     */
    workspaceId?: string;
    /** Log categories. Default `kube-audit-admin` and `guard`; `kube-audit` adds every read. */
    categories?: AksLogCategory[];
    /** Days a created workspace keeps the logs, 30 to 730. Default 90. */
    retentionDays?: number;
    /** Keep a created workspace (the audit trail) when the stack is destroyed. Default `true`. */
    retainOnDelete?: boolean;
}

/** Encryption of Kubernetes Secrets in etcd with a key of yours (AKS KMS etcd encryption). */
export interface AksSecretsEncryptionOptions {
    /**
     * Versioned Key Vault key URL, `https://<vault>.vault.azure.net/keys/<name>/<version>`. Required.
     * The vault must allow public network access (AKS KMS `keyVaultNetworkAccess: Public`).
     */
    keyId: string;
    /** ARM id of that vault; the cluster's identity gets "Key Vault Crypto User" on the key. Required. */
    keyVaultResourceId: string;
}

/** The Key Vault of `secretsManager.azure` (ignored unless the store is Azure). Defaults in `AKS_DEFAULTS.keyVault`. */
export interface AksKeyVaultOptions {
    /** Create the vault named by `secretsManager.azure.vaultUrl` here (Azure RBAC model, soft delete, purge protection). Default `false`. */
    create?: boolean;
    /** Resource group of an existing vault: needed when this component creates the service principal and scopes its role to the vault. */
    resourceGroupName?: string;
    /** Days a deleted secret or vault stays recoverable, 7 to 90. Default 90. */
    softDeleteRetentionDays?: number;
    /** `standard` or `premium`. Default `standard`. */
    sku?: AksKeyVaultSku;
    /** Keep a created vault when the stack is destroyed: it holds every connector's secrets. Default `true`. */
    retainOnDelete?: boolean;
    /** Display name of the Entra application created for the data plane. Default `<component>-key-vault`. */
    applicationName?: string;
    /** Expiry of the created client secret, RFC 3339 (checked by the azuread provider at preview). Default: Entra ID's (2 years). */
    clientSecretEndDate?: string;
    /** Change this value to rotate the created client secret. Default none. */
    clientSecretRotationKey?: string;
}

/** Where the data plane writes logs and state. Defaults in `AKS_DEFAULTS.logStorage`. */
export interface AksLogStorageOptions {
    /** Use this storage (s3, gcs or azure) instead of creating an account. Excludes `accountName`, `containerName` and `sku`. */
    existing?: StorageSpec;
    /** Storage account name, 3 to 24 lower-case letters and digits, unique across Azure. Default: the component's name and a hash of project, stack and name. */
    accountName?: string;
    /** Blob container; serves all five of the chart's storage slots. Default `airbyte`. */
    containerName?: string;
    /** Replication. Default `Standard_ZRS` (survives a zone outage, like the cluster). */
    sku?: AksStorageSku;
    /** Keep the account and container (and so their resource group) when the stack is destroyed. Default `true`. */
    retainOnDelete?: boolean;
}

/** Arguments of `AksCluster`. */
export interface AksClusterArgs {
    /** Azure region, e.g. `westeurope`. Required (stacks read it from `azure-native:location`). */
    location: string;
    /** The control plane's secret store: exactly one of `aws`, `gcp`, `azure`. Required. */
    secretsManager: SecretsManagerSpec;
    /** Entra ID tenant of the cluster's users. Default `secretsManager.azure.tenantId`, else the subscription's tenant. */
    tenantId?: string;
    /** Existing resource group for everything. Default: a new one named after the component. */
    resourceGroupName?: string;
    /** Namespace the data plane is installed into. Default `airbyte`. */
    namespace?: string;
    /** Service account of the data plane. Default `airbyte-workload-launcher`. */
    serviceAccountName?: string;
    /** Kubernetes minor (or exact) version in AKS standard support. Default `1.35`. */
    kubernetesVersion?: string;
    /** Minor versions `kubernetesVersion` may name, replacing the built-in table (docs/checks.md). Default: the table. */
    supportedKubernetesVersions?: string[];
    /** AKS tier. Default `Standard`. */
    skuTier?: AksSkuTier;
    /** Cluster auto-upgrade channel. Default `patch`. */
    upgradeChannel?: AksUpgradeChannel;
    /** Availability zones of every pool that names none; at least 2. Default `["1", "2", "3"]`. */
    zones?: string[];
    /**
     * Smallest VM size accepted in `workloadPools` (and in an untainted `systemPool`). Default
     * `{vcpus: 4, memoryGiB: 8}`; sizes the built-in table does not know pass. The system pool must
     * meet AKS's own 2 vCPU and 4 GB in any case.
     */
    minimumNodeSize?: MinimumNodeSize;
    /** The single system pool, inline in the cluster (a list is refused). */
    systemPool?: AksNodePoolOptions;
    /** Pools for Airbyte, each a separate AgentPool resource. Default one pool named `workload`. */
    workloadPools?: AksNodePoolOptions[];
    /** Network. */
    network?: AksNetworkOptions;
    /** Who reaches the API server. Required: `authorizedCidrs`, `privateOnly` or `openToInternet`. */
    apiServer?: AksApiServerOptions;
    /** Entra ID sign-in with local accounts disabled. Default on; Pulumi and kubectl then need kubelogin. */
    entraId?: AksEntraIdOptions;
    /** Keep Kubernetes local accounts (a static admin credential) instead of Entra ID. Default `false`; excludes `entraId`. */
    localAccounts?: boolean;
    /** Audit logs to Log Analytics. Default on, to a new workspace. */
    auditLogs?: AksAuditLogOptions;
    /** Encrypt Secrets in etcd with your Key Vault key. Default: Azure's platform-managed encryption. */
    secretsEncryption?: AksSecretsEncryptionOptions;
    /**
     * A `CanNotDelete` lock on the cluster (covering its node pools) and Pulumi's `protect`: nothing
     * deletes or replaces the cluster until this is turned off and applied. Default `true`.
     */
    deletionProtection?: boolean;
    /** Enable AKS workload identity (the OIDC issuer is always on). Default `false`: Airbyte cannot use it yet. */
    workloadIdentity?: boolean;
    /** Key Vault settings (used only when the store is Azure). */
    keyVault?: AksKeyVaultOptions;
    /** Log and state storage. Default: a new storage account and container. */
    logStorage?: AksLogStorageOptions;
    /** Tags on every Azure resource. Default none. */
    tags?: Record<string, string>;
    /** @deprecated use `apiServer.authorizedCidrs`. */
    apiServerAuthorizedIpRanges?: string[];
    /** @deprecated use `apiServer.openToInternet`. */
    apiServerOpenToInternet?: boolean;
    /** @deprecated use `logStorage`. */
    storage?: AksLogStorageOptions;
}

// The names these types had before every cloud's options were named alike; they still work.
/** @deprecated use `AksNodePoolOptions`. */ export type NodePoolArgs = AksNodePoolOptions;
/** @deprecated use `AksNetworkOptions`. */ export type AksNetworkArgs = AksNetworkOptions;
/** @deprecated use `AksEntraIdOptions`. */ export type AksEntraIdArgs = AksEntraIdOptions;
/** @deprecated use `AksAuditLogOptions`. */ export type AksAuditLogArgs = AksAuditLogOptions;
/** @deprecated use `AksSecretsEncryptionOptions`. */ export type AksSecretsEncryptionArgs = AksSecretsEncryptionOptions;
/** @deprecated use `AksKeyVaultOptions`. */ export type AksKeyVaultArgs = AksKeyVaultOptions;
/** @deprecated use `AksLogStorageOptions`. */ export type AksStorageArgs = AksLogStorageOptions;
/** @deprecated use `AksKubeloginMode`. */ export const KubeloginMode = AksKubeloginMode;
/** @deprecated use `AksKubeloginMode`. */ export type KubeloginMode = AksKubeloginMode;
/** @deprecated use `AksOutboundType`. */ export const OutboundType = AksOutboundType;
/** @deprecated use `AksOutboundType`. */ export type OutboundType = AksOutboundType;
/** @deprecated use `AksSkuTier`. */ export const SkuTier = AksSkuTier;
/** @deprecated use `AksSkuTier`. */ export type SkuTier = AksSkuTier;
/** @deprecated use `AksUpgradeChannel`. */ export const UpgradeChannel = AksUpgradeChannel;
/** @deprecated use `AksUpgradeChannel`. */ export type UpgradeChannel = AksUpgradeChannel;
