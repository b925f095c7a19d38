import { exactlyOne, InputProblems } from "../shared/errors";
import { kubernetesVersionProblem, supportedVersionsProblem } from "../shared/kubernetes-versions";
import { namespaceProblem } from "../shared/namespaces";
import { checkMinimumNodeSize } from "../shared/node-size";
import { installCommand, isPeerInstalled, PeerResolver } from "../shared/peers";
import { checkSecretsManager } from "../shared/secrets-manager-checks";
import { DEFAULT_NAMESPACE, DEFAULT_SERVICE_ACCOUNT_NAME, StorageSpec } from "../shared/types";
import {
    AKS_LOG_CATEGORIES, AksClusterArgs, AUDIT_LOG_DEFAULTS, DEFAULT_KUBERNETES_VERSION, DEFAULT_ZONES, KubeloginMode, SkuTier, UpgradeChannel,
} from "./args";
import { defaultStorageAccountName, isGuid, vaultNameFromUrl } from "./names";
import { azureContainerNameProblem, storageAccountNameProblem } from "../shared/storage-names";
import { checkZones, resolvePools, ResolvedPool } from "./validation-pools";
import { checkAuthorizedRanges, resolveNetwork, ResolvedNetwork } from "./validation-network";

/** The Key Vault work for an Azure store. */
export interface ResolvedKeyVault {
    vaultUrl: string;
    vaultName: string;
    tenantId: string;
    create: boolean;
    /** Create an Entra application and service principal (the caller gave no credentials). */
    createPrincipal: boolean;
    resourceGroupName?: string;
    softDeleteRetentionDays: number;
    sku: "standard" | "premium";
    retainOnDelete: boolean;
    applicationName: string;
    clientSecretEndDate?: string;
    clientSecretRotationKey?: string;
}

/** AksCluster arguments after validation, with every default applied. */
export interface ResolvedAksCluster {
    location: string;
    tenantId?: string;
    resourceGroupName?: string;
    namespace: string;
    serviceAccountName: string;
    kubernetesVersion: string;
    skuTier: SkuTier;
    upgradeChannel: UpgradeChannel;
    systemPool: ResolvedPool;
    workloadPools: ResolvedPool[];
    network: ResolvedNetwork;
    apiServerAuthorizedIpRanges: string[];
    entraId?: { azureRbac: boolean; adminGroupObjectIds: string[]; grantDeployerClusterAdmin: boolean; kubeloginMode: KubeloginMode };
    /** Undefined when audit logs are off. */
    auditLogs?: { workspaceId?: string; categories: string[]; retentionDays: number; retainOnDelete: boolean };
    secretsEncryption?: { keyId: string; keyVaultResourceId: string; keyName: string };
    deletionProtection: boolean;
    workloadIdentity: boolean;
    secretsManagerKind: "aws" | "gcp" | "azure";
    /** Present only when the store is Azure Key Vault. */
    keyVault?: ResolvedKeyVault;
    storage: { existing?: StorageSpec; accountName: string; containerName: string; sku: string; retainOnDelete: boolean };
    tags: Record<string, string>;
}

const STORAGE_SKUS = ["Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_GZRS"];

/**
 * Checks every plain AksCluster argument and applies the defaults. Throws one
 * `pulumi.InputPropertiesError` listing every problem, before any resource is registered.
 * `naming` (project and stack) only seeds the default storage account name.
 */
export function resolveAksCluster(
    name: string,
    args: AksClusterArgs,
    naming: { project: string; stack: string },
    peerInstalled: PeerResolver = isPeerInstalled,
): ResolvedAksCluster {
    const problems = new InputProblems(`AksCluster "${name}"`);
    problems.check(typeof args.location === "string" && /^[a-z0-9]+$/.test(args.location), "location",
        `"${args.location ?? ""}" is not an Azure region name: give one such as westeurope (stacks set azure-native:location).`);
    // A missing service principal is created here; every other credential must be given.
    const kind = checkSecretsManager(problems, args.secretsManager, { createsCredentialsFor: "azure" });
    const keyVault = kind === "azure" ? resolveKeyVault(problems, name, args) : undefined;
    if (keyVault?.createPrincipal && !peerInstalled("@pulumi/azuread")) {
        problems.add("secretsManager.azure", "the service principal for Key Vault is created with @pulumi/azuread, an optional peer dependency " +
            `that is not installed: run \`${installCommand(["@pulumi/azuread"])}\`, or pass the clientId and clientSecret of an existing one.`);
    }
    if (kind !== undefined && kind !== "azure" && args.keyVault?.create) {
        problems.add("keyVault.create", `the control plane's secrets are in ${String(kind)}, so a Key Vault here would hold nothing: remove keyVault.`);
    }
    // Without one, AKS uses the tenant of the deployment's subscription.
    const tenantId = args.tenantId ?? args.secretsManager?.azure?.tenantId;
    problems.check(args.tenantId === undefined || isGuid(args.tenantId), "tenantId",
        `"${args.tenantId}" is not a tenant id: give the Entra ID tenant GUID (az account show --query tenantId).`);

    problems.addIfAny("namespace", namespaceProblem(args.namespace ?? DEFAULT_NAMESPACE, { creates: false }));
    const kubernetesVersion = args.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    problems.check(/^\d+\.\d+(\.\d+)?$/.test(kubernetesVersion), "kubernetesVersion",
        `"${kubernetesVersion}" is not a Kubernetes version: give a minor version such as ${DEFAULT_KUBERNETES_VERSION} (AKS picks its newest patch).`);
    problems.addIfAny("kubernetesVersion", kubernetesVersionProblem("AKS", kubernetesVersion, { extended: false, supported: args.supportedKubernetesVersions }));
    if (args.supportedKubernetesVersions !== undefined) {
        problems.addIfAny("supportedKubernetesVersions", supportedVersionsProblem(args.supportedKubernetesVersions));
    }
    const skuTier = args.skuTier ?? SkuTier.Standard;
    problems.check((Object.values(SkuTier) as string[]).includes(skuTier), "skuTier", `"${skuTier}" is not an AKS tier: use Free, Standard or Premium.`);
    const upgradeChannel = args.upgradeChannel ?? UpgradeChannel.Patch;
    problems.check((Object.values(UpgradeChannel) as string[]).includes(upgradeChannel), "upgradeChannel",
        `"${upgradeChannel}" is not an upgrade channel: use ${Object.values(UpgradeChannel).join(", ")}.`);
    const zones = args.zones === undefined ? [...DEFAULT_ZONES] : checkZones(problems, "zones", args.zones);
    const pools = resolvePools(problems, args.systemPool, args.workloadPools, zones, checkMinimumNodeSize(problems, args.minimumNodeSize));
    const network = resolveNetwork(problems, args.network);
    const apiServerAuthorizedIpRanges = checkAuthorizedRanges(problems, args.apiServerAuthorizedIpRanges, args.apiServerOpenToInternet);
    const entraId = resolveEntraId(problems, args);
    const auditLogs = resolveAuditLogs(problems, args.auditLogs);
    const secretsEncryption = resolveSecretsEncryption(problems, args.secretsEncryption);
    problems.check(args.deletionProtection === undefined || typeof args.deletionProtection === "boolean", "deletionProtection",
        "set true (the default: a CanNotDelete lock and Pulumi protection) or false (before destroying the cluster or removing a node pool).");
    const storage = resolveStorage(problems, name, args, naming);
    const tags = args.tags ?? {};
    for (const [key, value] of Object.entries(tags)) {
        problems.check(key.length <= 512 && !/[<>%&\\?/]/.test(key) && typeof value === "string" && value.length <= 256, `tags.${key}`,
            "is not a valid Azure tag: names take up to 512 characters without <>%&\\?/ and values are strings of up to 256.");
    }
    problems.throwIfAny();

    return {
        location: args.location,
        tenantId,
        resourceGroupName: args.resourceGroupName,
        namespace: args.namespace ?? DEFAULT_NAMESPACE,
        serviceAccountName: args.serviceAccountName ?? DEFAULT_SERVICE_ACCOUNT_NAME,
        kubernetesVersion,
        skuTier,
        upgradeChannel,
        systemPool: pools.system,
        workloadPools: pools.workload,
        network,
        apiServerAuthorizedIpRanges,
        entraId,
        ...(auditLogs ? { auditLogs } : {}),
        ...(secretsEncryption ? { secretsEncryption } : {}),
        deletionProtection: args.deletionProtection ?? true,
        workloadIdentity: args.workloadIdentity === true,
        secretsManagerKind: kind as ResolvedAksCluster["secretsManagerKind"],
        keyVault,
        storage,
        tags,
    };
}

function resolveKeyVault(problems: InputProblems, name: string, args: AksClusterArgs): ResolvedKeyVault {
    const azure = args.secretsManager.azure!;
    const kv = args.keyVault ?? {};
    const vaultName = vaultNameFromUrl(azure.vaultUrl ?? "");
    const createPrincipal = azure.clientId === undefined && azure.clientSecret === undefined;
    const create = kv.create === true;
    if (createPrincipal && !create && kv.resourceGroupName === undefined) {
        problems.add("keyVault.resourceGroupName",
            "is required to create the service principal: its Key Vault Secrets Officer role is scoped to the vault, so name the vault's resource group. Or pass secretsManager.azure.clientId and clientSecret, or set keyVault.create.");
    }
    const softDeleteRetentionDays = kv.softDeleteRetentionDays ?? 90;
    problems.check(Number.isInteger(softDeleteRetentionDays) && softDeleteRetentionDays >= 7 && softDeleteRetentionDays <= 90,
        "keyVault.softDeleteRetentionDays", `${softDeleteRetentionDays} is out of range: give 7 to 90 days.`);
    const sku = kv.sku ?? "standard";
    problems.check(sku === "standard" || sku === "premium", "keyVault.sku", `"${sku}" is not a Key Vault SKU: use standard or premium.`);
    problems.check(kv.clientSecretEndDate === undefined || !Number.isNaN(Date.parse(kv.clientSecretEndDate)), "keyVault.clientSecretEndDate",
        `"${kv.clientSecretEndDate}" is not a date: use RFC 3339, e.g. 2028-01-01T00:00:00Z.`);
    return {
        vaultUrl: azure.vaultUrl,
        vaultName: vaultName ?? "",
        tenantId: azure.tenantId,
        create,
        createPrincipal,
        resourceGroupName: kv.resourceGroupName,
        softDeleteRetentionDays,
        sku,
        retainOnDelete: kv.retainOnDelete ?? true,
        applicationName: kv.applicationName ?? `${name}-key-vault`,
        clientSecretEndDate: kv.clientSecretEndDate,
        clientSecretRotationKey: kv.clientSecretRotationKey,
    };
}

function resolveEntraId(problems: InputProblems, args: AksClusterArgs): ResolvedAksCluster["entraId"] {
    problems.check(args.localAccounts === undefined || typeof args.localAccounts === "boolean", "localAccounts",
        "set true (keep local accounts, no Entra ID) or false (the default).");
    if (args.localAccounts === true) {
        problems.check(args.entraId === undefined, "localAccounts",
            "contradicts entraId: Entra ID disables local accounts. Remove localAccounts (recommended) or entraId.");
        return undefined;
    }
    const e = args.entraId ?? {};
    const groups = e.adminGroupObjectIds ?? [];
    groups.forEach((g, i) => problems.check(isGuid(g), `entraId.adminGroupObjectIds[${i}]`,
        `"${g}" is not an object id: give the GUID of an Entra ID group (az ad group show --group <name> --query id).`));
    const mode = e.kubeloginMode ?? KubeloginMode.AzureCli;
    problems.check((Object.values(KubeloginMode) as string[]).includes(mode), "entraId.kubeloginMode",
        `"${mode}" is not a kubelogin login mode: use ${Object.values(KubeloginMode).join(", ")}.`);
    const azureRbac = e.azureRbac ?? true;
    return { azureRbac, adminGroupObjectIds: groups, grantDeployerClusterAdmin: azureRbac && (e.grantDeployerClusterAdmin ?? true), kubeloginMode: mode };
}

const WORKSPACE_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.OperationalInsights\/workspaces\/[^/]+$/i;
const KEY_VAULT_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i;

function resolveAuditLogs(problems: InputProblems, given: AksClusterArgs["auditLogs"]): ResolvedAksCluster["auditLogs"] {
    const a = given ?? {};
    problems.unknownKeys("auditLogs", a, ["enabled", "workspaceId", "categories", "retentionDays", "retainOnDelete"]);
    problems.check(a.enabled === undefined || typeof a.enabled === "boolean", "auditLogs.enabled", "set true (the default) or false.");
    if (a.enabled === false) {
        return undefined;
    }
    problems.check(a.workspaceId === undefined || WORKSPACE_ID.test(a.workspaceId), "auditLogs.workspaceId",
        `"${a.workspaceId}" is not a Log Analytics workspace id: give /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>, or leave it out to create one.`);
    const categories = a.categories ?? [...AUDIT_LOG_DEFAULTS.categories];
    problems.check(Array.isArray(categories) && categories.length > 0 && categories.every((c) => (AKS_LOG_CATEGORIES as readonly string[]).includes(c)),
        "auditLogs.categories", `list one or more of ${AKS_LOG_CATEGORIES.join(", ")}.`);
    const retentionDays = a.retentionDays ?? AUDIT_LOG_DEFAULTS.retentionDays;
    problems.check(Number.isInteger(retentionDays) && retentionDays >= 30 && retentionDays <= 730, "auditLogs.retentionDays",
        `${retentionDays} is out of range: give 30 to 730 days.`);
    if (a.workspaceId !== undefined) {
        for (const key of ["retentionDays", "retainOnDelete"] as const) {
            problems.check(a[key] === undefined, `auditLogs.${key}`, "applies only to a workspace this component creates: set it on your workspace, or remove workspaceId.");
        }
    }
    return { workspaceId: a.workspaceId, categories, retentionDays, retainOnDelete: a.retainOnDelete ?? AUDIT_LOG_DEFAULTS.retainOnDelete };
}

function resolveSecretsEncryption(problems: InputProblems, given: AksClusterArgs["secretsEncryption"]): ResolvedAksCluster["secretsEncryption"] {
    if (given === undefined) {
        return undefined;
    }
    problems.unknownKeys("secretsEncryption", given, ["keyId", "keyVaultResourceId"]);
    const key = /^https:\/\/([a-z0-9-]{3,24})\.vault\.azure\.net\/keys\/([\w-]{1,127})\/([0-9a-f]{32})$/i.exec(given.keyId ?? "");
    const vault = KEY_VAULT_ID.exec(given.keyVaultResourceId ?? "");
    problems.check(key !== null, "secretsEncryption.keyId",
        `"${given.keyId ?? ""}" is not a versioned Key Vault key id: give https://<vault>.vault.azure.net/keys/<name>/<version> (AKS needs the version).`);
    problems.check(vault !== null, "secretsEncryption.keyVaultResourceId",
        `"${given.keyVaultResourceId ?? ""}" is not a Key Vault resource id: give /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>.`);
    if (key && vault) {
        problems.check(key[1].toLowerCase() === vault[1].toLowerCase(), "secretsEncryption.keyVaultResourceId",
            `names vault "${vault[1]}", but the key is in "${key[1]}": give the resource id of the key's vault.`);
    }
    return { keyId: given.keyId, keyVaultResourceId: given.keyVaultResourceId, keyName: key?.[2] ?? "" };
}

function resolveStorage(problems: InputProblems, name: string, args: AksClusterArgs, naming: { project: string; stack: string }): ResolvedAksCluster["storage"] {
    const s = args.storage ?? {};
    if (s.existing !== undefined) {
        exactlyOne(problems, "storage.existing", s.existing, "storage (s3, gcs or azure)");
        for (const key of ["accountName", "containerName", "sku"] as const) {
            problems.check(s[key] === undefined, `storage.${key}`, "applies only to storage this component creates: remove it, or remove storage.existing.");
        }
    }
    const accountName = s.accountName ?? defaultStorageAccountName(naming.project, naming.stack, name);
    problems.addIfAny("storage.accountName", storageAccountNameProblem(String(accountName)));
    const containerName = s.containerName ?? "airbyte";
    problems.addIfAny("storage.containerName", azureContainerNameProblem(String(containerName)));
    const sku = s.sku ?? "Standard_ZRS";
    problems.check(STORAGE_SKUS.includes(sku), "storage.sku", `"${sku}" is not offered: use ${STORAGE_SKUS.join(", ")}.`);
    return { existing: s.existing, accountName, containerName, sku, retainOnDelete: s.retainOnDelete ?? true };
}
