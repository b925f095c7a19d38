/**
 * `AksCluster`'s arguments to resolved settings, once, before any resource: old option names moved
 * to their new ones, unknown keys refused, every concern's checks run, every default applied. All
 * problems are collected and thrown as one `InputPropertiesError`. Pure; no SDK is loaded.
 */
import { InputProblems } from "../shared/errors";
import { kubernetesVersionProblem, supportedVersionsProblem } from "../shared/kubernetes-versions";
import { checkMinimumNodeSize } from "../shared/node-size";
import { isPeerInstalled, PeerResolver } from "../shared/peers";
import { applyRenamedOptions, RenamedOption, RenameOptions } from "../shared/renamed-options";
import { checkSettings, settingNames } from "../shared/settings";
import { checkSecretsManager } from "../shared/secrets-manager-checks";
import type { SecretsManagerSpec } from "../shared/types";
import { resolveWorkload } from "../shared/workload";
import {
    AKS_DEFAULTS,
    AksApiServerOptions,
    AksAuditLogOptions,
    AksClusterArgs,
    AksEntraIdOptions,
    AksKeyVaultOptions,
    AksLogStorageOptions,
    AksNetworkOptions,
    AksNodePoolOptions,
    AksSecretsEncryptionOptions,
    AksSkuTier,
    AksUpgradeChannel,
    isEnumValue,
} from "./args";
import { resolveAuditLogs, ResolvedAuditLogs } from "./audit-logs";
import {
    resolveApiServer,
    ResolvedApiServer,
    ResolvedEntraId,
    ResolvedSecretsEncryption,
    resolveEntraId,
    resolveSecretsEncryption,
} from "./cluster";
import { resolveIdentity, ResolvedKeyVault } from "./identity";
import { ResolvedLogStorage, resolveLogStorage } from "./log-storage";
import { isGuid } from "./names";
import { resolveNetwork, ResolvedNetwork } from "./network";
import { ResolvedPools, resolvePools, resolveZones } from "./nodes";

/** The old name of a pool option, per pool: `systemPool.<from>` and `workloadPools[i].<from>`. */
const POOL_RENAMED_OPTIONS: readonly RenamedOption[] = [
    { from: "minCount", to: "minSize" },
    { from: "maxCount", to: "maxSize" },
    { from: "osDiskSizeGB", to: "diskSizeGiB" },
    { from: "runsJobs", to: "dedicatedToJobs" },
];

/** Options renamed so that the same option has the same name on every cloud; the old names still work, with a warning. */
export const RENAMED_OPTIONS: readonly RenamedOption[] = [
    { from: "storage", to: "logStorage" },
    { from: "apiServerAuthorizedIpRanges", to: "apiServer.authorizedCidrs" },
    { from: "apiServerOpenToInternet", to: "apiServer.openToInternet" },
    { from: "network.podCidr", to: "network.podsCidr" },
    { from: "network.serviceCidr", to: "network.servicesCidr" },
    ...POOL_RENAMED_OPTIONS.map((r) => ({ from: `systemPool.${r.from}`, to: `systemPool.${r.to}` })),
    ...POOL_RENAMED_OPTIONS.map((r) => ({ from: `workloadPools[].${r.from}`, to: `workloadPools[].${r.to}` })),
];

/**
 * A copy of `args` with every old option name moved to its new one. One warning per old name used,
 * named the way the caller wrote it (`prefix`: `""` for library users, `flexplane:azure.` for a stack's
 * block); old and new together are a problem.
 */
export function renameAksOptions<T extends object>(args: T, problems: InputProblems, options: RenameOptions = {}): T {
    return applyRenamedOptions(args, RENAMED_OPTIONS, problems, options);
}

/** Every key of each argument interface; the compiler checks each list is complete. */
const KEYS = {
    cluster: settingNames<AksClusterArgs>({
        location: true,
        secretsManager: true,
        tenantId: true,
        resourceGroupName: true,
        namespace: true,
        serviceAccountName: true,
        kubernetesVersion: true,
        supportedKubernetesVersions: true,
        skuTier: true,
        upgradeChannel: true,
        zones: true,
        minimumNodeSize: true,
        systemPool: true,
        workloadPools: true,
        network: true,
        apiServer: true,
        entraId: true,
        localAccounts: true,
        auditLogs: true,
        secretsEncryption: true,
        deletionProtection: true,
        workloadIdentity: true,
        keyVault: true,
        logStorage: true,
        tags: true,
        apiServerAuthorizedIpRanges: true,
        apiServerOpenToInternet: true,
        storage: true,
    }),
    pool: settingNames<AksNodePoolOptions>({
        name: true,
        vmSize: true,
        minSize: true,
        maxSize: true,
        diskSizeGiB: true,
        osDiskType: true,
        zones: true,
        labels: true,
        taints: true,
        maxPods: true,
        dedicatedToJobs: true,
        minCount: true,
        maxCount: true,
        osDiskSizeGB: true,
        runsJobs: true,
    }),
    network: settingNames<AksNetworkOptions>({
        existingSubnetId: true,
        outboundType: true,
        grantSubnetAccess: true,
        vnetCidr: true,
        subnetCidr: true,
        podsCidr: true,
        servicesCidr: true,
        dnsServiceIp: true,
        natIdleTimeoutMinutes: true,
        podCidr: true,
        serviceCidr: true,
    }),
    apiServer: settingNames<AksApiServerOptions>({ authorizedCidrs: true, openToInternet: true, privateOnly: true }),
    entraId: settingNames<AksEntraIdOptions>({
        azureRbac: true,
        adminGroupObjectIds: true,
        grantDeployerClusterAdmin: true,
        kubeloginMode: true,
    }),
    auditLogs: settingNames<AksAuditLogOptions>({
        enabled: true,
        workspaceId: true,
        categories: true,
        retentionDays: true,
        retainOnDelete: true,
    }),
    secretsEncryption: settingNames<AksSecretsEncryptionOptions>({ keyId: true, keyVaultResourceId: true }),
    keyVault: settingNames<AksKeyVaultOptions>({
        create: true,
        resourceGroupName: true,
        softDeleteRetentionDays: true,
        sku: true,
        retainOnDelete: true,
        applicationName: true,
        clientSecretEndDate: true,
        clientSecretRotationKey: true,
    }),
    logStorage: settingNames<AksLogStorageOptions>({
        existing: true,
        accountName: true,
        containerName: true,
        sku: true,
        retainOnDelete: true,
    }),
};

/** Records each key of the block at `path` that its interface does not have, and a block that is not a map at all. */
function checkKeys(problems: InputProblems, path: string, value: unknown, keys: readonly string[]): void {
    checkSettings(problems, path, value, keys, { renames: RENAMED_OPTIONS });
}

/** AksCluster arguments with every default applied. */
export interface ResolvedAksCluster {
    location: string;
    /** Undefined: AKS uses the tenant of the deployment's subscription. */
    tenantId?: string;
    /** An existing group (`name`), or a new one kept on destroy while it holds something kept. */
    resourceGroup: { name?: string; retainOnDelete: boolean };
    namespace: string;
    serviceAccountName: string;
    kubernetesVersion: string;
    skuTier: AksSkuTier;
    upgradeChannel: AksUpgradeChannel;
    pools: ResolvedPools;
    network: ResolvedNetwork;
    apiServer: ResolvedApiServer;
    /** Undefined with local accounts. */
    entraId?: ResolvedEntraId;
    /** Undefined when audit logs are off. */
    auditLogs?: ResolvedAuditLogs;
    secretsEncryption?: ResolvedSecretsEncryption;
    deletionProtection: boolean;
    workloadIdentity: boolean;
    /** The declared store, as given. */
    secretsManager: SecretsManagerSpec;
    /** Present only when the store is Azure Key Vault. */
    keyVault?: ResolvedKeyVault;
    logStorage: ResolvedLogStorage;
    tags: Record<string, string>;
}

/**
 * Checks every plain AksCluster argument and applies the defaults. Throws one
 * `pulumi.InputPropertiesError` listing every problem, before any resource is registered.
 * `naming` (project and stack) only seeds the default storage account name.
 */
export function resolveAksCluster(
    name: string,
    given: AksClusterArgs,
    naming: { project: string; stack: string },
    peerInstalled: PeerResolver = isPeerInstalled,
): ResolvedAksCluster {
    const problems = new InputProblems(`AksCluster "${name}"`);
    const args = renameAksOptions(given, problems);
    checkKeys(problems, "", args, KEYS.cluster);
    for (const key of ["network", "apiServer", "entraId", "auditLogs", "secretsEncryption", "keyVault", "logStorage"] as const) {
        checkKeys(problems, key, args[key], KEYS[key]);
    }
    // A list of system pools and a workload pool list that is not one are refused by resolvePools.
    const poolBlocks: [string, unknown][] = Array.isArray(args.systemPool) ? [] : [["systemPool", args.systemPool]];
    (Array.isArray(args.workloadPools) ? args.workloadPools : []).forEach((pool, i) => poolBlocks.push([`workloadPools[${i}]`, pool]));
    for (const [path, pool] of poolBlocks) {
        checkKeys(problems, path, pool, KEYS.pool);
    }

    problems.check(
        typeof args.location === "string" && args.location !== "",
        "location",
        "is required: set the cluster's region, e.g. westeurope (stacks: pulumi config set azure-native:location westeurope).",
    );
    problems.check(
        typeof args.location !== "string" || args.location === "" || /^[a-z0-9]+$/.test(args.location),
        "location",
        `"${args.location}" is not an Azure region name: use the lower-case name without spaces, e.g. westeurope (az account list-locations -o table).`,
    );
    // A missing service principal is created here; every other credential must be given.
    const kind = checkSecretsManager(problems, args.secretsManager, { createsCredentialsFor: "azure" });
    const keyVault = resolveIdentity(problems, name, args, kind, peerInstalled);
    problems.check(
        args.tenantId === undefined || isGuid(args.tenantId),
        "tenantId",
        `"${args.tenantId}" is not a tenant id: give the Entra ID tenant GUID (az account show --query tenantId).`,
    );
    const workload = resolveWorkload(problems, args, { createsNamespace: false });

    const kubernetesVersion = args.kubernetesVersion ?? AKS_DEFAULTS.kubernetesVersion;
    problems.check(
        /^\d+\.\d+(\.\d+)?$/.test(kubernetesVersion),
        "kubernetesVersion",
        `"${kubernetesVersion}" is not a Kubernetes version: give a minor version such as ${AKS_DEFAULTS.kubernetesVersion} (AKS picks its newest patch).`,
    );
    problems.addIfAny(
        "kubernetesVersion",
        kubernetesVersionProblem("AKS", kubernetesVersion, { extended: false, supported: args.supportedKubernetesVersions }),
    );
    if (args.supportedKubernetesVersions !== undefined) {
        problems.addIfAny("supportedKubernetesVersions", supportedVersionsProblem(args.supportedKubernetesVersions));
    }
    const skuTier = args.skuTier ?? AKS_DEFAULTS.skuTier;
    problems.check(
        isEnumValue(AksSkuTier, skuTier),
        "skuTier",
        `"${skuTier}" is not an AKS tier: use ${Object.values(AksSkuTier).join(", ")}.`,
    );
    const upgradeChannel = args.upgradeChannel ?? AKS_DEFAULTS.upgradeChannel;
    problems.check(
        isEnumValue(AksUpgradeChannel, upgradeChannel),
        "upgradeChannel",
        `"${upgradeChannel}" is not an upgrade channel: use ${Object.values(AksUpgradeChannel).join(", ")}.`,
    );
    const zones = args.zones === undefined ? [...AKS_DEFAULTS.zones] : resolveZones(problems, "zones", args.zones);
    const pools = resolvePools(problems, args, zones, checkMinimumNodeSize(problems, args.minimumNodeSize));
    const network = resolveNetwork(problems, args.network);
    const apiServer = resolveApiServer(problems, args.apiServer);
    const entraId = resolveEntraId(problems, args);
    const auditLogs = resolveAuditLogs(problems, args.auditLogs);
    const secretsEncryption = resolveSecretsEncryption(problems, args.secretsEncryption);
    const deletionProtection = args.deletionProtection ?? AKS_DEFAULTS.deletionProtection;
    problems.check(
        typeof deletionProtection === "boolean",
        "deletionProtection",
        "set true (the default: a CanNotDelete lock and Pulumi protection) or false (before destroying the cluster or removing a node pool).",
    );
    const logStorage = resolveLogStorage(problems, name, args.logStorage, naming);
    const tags = args.tags ?? {};
    for (const [key, value] of Object.entries(tags)) {
        problems.check(
            key.length <= 512 && !/[<>%&\\?/]/.test(key) && typeof value === "string" && value.length <= 256,
            `tags.${key}`,
            "is not a valid Azure tag: names take up to 512 characters without <>%&\\?/ and values are strings of up to 256.",
        );
    }
    problems.throwIfAny();

    // Deleting a resource group deletes what is in it, so a new group stays when anything in it must.
    const keepsGroup =
        (!logStorage.existing && logStorage.retainOnDelete) ||
        (keyVault?.create === true && keyVault.retainOnDelete) ||
        (auditLogs !== undefined && auditLogs.workspaceId === undefined && auditLogs.retainOnDelete);
    return {
        location: args.location,
        tenantId: args.tenantId ?? args.secretsManager.azure?.tenantId,
        resourceGroup: { name: args.resourceGroupName, retainOnDelete: args.resourceGroupName === undefined && keepsGroup },
        ...workload,
        kubernetesVersion,
        skuTier,
        upgradeChannel,
        pools,
        network,
        apiServer,
        entraId,
        auditLogs,
        secretsEncryption,
        deletionProtection,
        workloadIdentity: (args.workloadIdentity ?? AKS_DEFAULTS.workloadIdentity) === true,
        secretsManager: args.secretsManager,
        keyVault,
        logStorage,
        tags,
    };
}
