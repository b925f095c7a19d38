/**
 * The AKS cluster itself: who reaches its API server, how users sign in (Entra ID or local
 * accounts), the key that encrypts its Secrets, and the cluster resource with its deletion lock.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { isWholeInternet, parseCidr, parseIpv4 } from "../shared/cidr";
import type { InputProblems } from "../shared/errors";
import { AKS_DEFAULTS, AksApiServerOptions, AksEntraIdOptions, AksKubeloginMode, AksSecretsEncryptionOptions, isEnumValue } from "./args";
import { dnsPrefixFor, isGuid } from "./names";
import { systemPoolProfile } from "./nodes";
import type { ResolvedAksCluster } from "./resolve";
import { assignRole, BUILT_IN_ROLES } from "./roles";

/** Who reaches the API server. */
export interface ResolvedApiServer {
    /** Empty only with `openToInternet` or `privateOnly`. */
    authorizedCidrs: string[];
    openToInternet: boolean;
    privateOnly: boolean;
}

/** Entra ID sign-in, defaults applied. */
export interface ResolvedEntraId {
    azureRbac: boolean;
    adminGroupObjectIds: string[];
    grantDeployerClusterAdmin: boolean;
    kubeloginMode: AksKubeloginMode;
}

/** The Secrets key, with the key's name read from its URL. */
export interface ResolvedSecretsEncryption {
    keyId: string;
    keyVaultResourceId: string;
    keyName: string;
}

/**
 * The API server's reach: never every address unless `openToInternet` says so. A private cluster
 * takes no authorized ranges: "IP authorized ranges can't be applied to the private API server
 * endpoint, they only apply to the public API server" (https://learn.microsoft.com/azure/aks/private-clusters, Limitations).
 */
export function resolveApiServer(problems: InputProblems, given: AksApiServerOptions = {}): ResolvedApiServer {
    const openToInternet = given.openToInternet ?? AKS_DEFAULTS.apiServer.openToInternet;
    const privateOnly = given.privateOnly ?? AKS_DEFAULTS.apiServer.privateOnly;
    problems.check(typeof openToInternet === "boolean", "apiServer.openToInternet", "set true or false (default false).");
    problems.check(typeof privateOnly === "boolean", "apiServer.privateOnly", "set true or false (default false).");
    const cidrs = given.authorizedCidrs ?? [];
    if (privateOnly === true) {
        problems.check(
            openToInternet !== true,
            "apiServer.openToInternet",
            "contradicts privateOnly: a private API server has no public address. Remove one of them.",
        );
        problems.check(
            cidrs.length === 0,
            "apiServer.authorizedCidrs",
            "apply only to a public API server, which a private cluster does not have: remove them, or remove privateOnly.",
        );
    } else if (cidrs.length === 0) {
        problems.check(
            openToInternet === true,
            "apiServer.authorizedCidrs",
            'is required: list the addresses or CIDRs that run Pulumi and kubectl (e.g. ["203.0.113.0/24"]), set apiServer.privateOnly: true for a private cluster, or apiServer.openToInternet: true to let every address reach the API server.',
        );
    }
    cidrs.forEach((r, i) => {
        problems.check(
            parseCidr(r) !== undefined || parseIpv4(r) !== undefined,
            `apiServer.authorizedCidrs[${i}]`,
            `"${r}" is not an IPv4 address or CIDR: write it like 203.0.113.0/24. Include the address Pulumi runs from.`,
        );
        problems.check(
            openToInternet === true || !isWholeInternet(r),
            `apiServer.authorizedCidrs[${i}]`,
            "is 0.0.0.0/0, which opens the API server to the whole internet: list your deployers' addresses, or set apiServer.openToInternet: true to accept that deliberately.",
        );
    });
    return {
        authorizedCidrs: privateOnly === true ? [] : cidrs,
        openToInternet: openToInternet === true,
        privateOnly: privateOnly === true,
    };
}

/** Entra ID sign-in, unless `localAccounts`; undefined then. */
export function resolveEntraId(
    problems: InputProblems,
    given: { localAccounts?: boolean; entraId?: AksEntraIdOptions },
): ResolvedEntraId | undefined {
    const defaults = AKS_DEFAULTS.entraId;
    problems.check(
        given.localAccounts === undefined || typeof given.localAccounts === "boolean",
        "localAccounts",
        "set true (keep local accounts, no Entra ID) or false (the default).",
    );
    if (given.localAccounts ?? AKS_DEFAULTS.localAccounts) {
        problems.check(
            given.entraId === undefined,
            "localAccounts",
            "contradicts entraId: Entra ID disables local accounts. Remove localAccounts (recommended) or entraId.",
        );
        return undefined;
    }
    const e = given.entraId ?? {};
    const groups = e.adminGroupObjectIds ?? [];
    groups.forEach((g, i) =>
        problems.check(
            isGuid(g),
            `entraId.adminGroupObjectIds[${i}]`,
            `"${g}" is not an object id: give the GUID of an Entra ID group (az ad group show --group <name> --query id).`,
        ),
    );
    const mode = e.kubeloginMode ?? defaults.kubeloginMode;
    problems.check(
        isEnumValue(AksKubeloginMode, mode),
        "entraId.kubeloginMode",
        `"${mode}" is not a kubelogin login mode: use ${Object.values(AksKubeloginMode).join(", ")}.`,
    );
    const azureRbac = e.azureRbac ?? defaults.azureRbac;
    return {
        azureRbac,
        adminGroupObjectIds: groups,
        grantDeployerClusterAdmin: azureRbac && (e.grantDeployerClusterAdmin ?? defaults.grantDeployerClusterAdmin),
        kubeloginMode: mode,
    };
}

const KEY_ID = /^https:\/\/([a-z0-9-]{3,24})\.vault\.azure\.net\/keys\/([\w-]{1,127})\/([0-9a-f]{32})$/i;
const KEY_VAULT_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i;

/** The Secrets key: a versioned key URL (AKS needs the version) in the vault the resource id names. */
export function resolveSecretsEncryption(
    problems: InputProblems,
    given: AksSecretsEncryptionOptions | undefined,
): ResolvedSecretsEncryption | undefined {
    if (given === undefined) {
        return undefined;
    }
    const key = KEY_ID.exec(given.keyId ?? "");
    const vault = KEY_VAULT_ID.exec(given.keyVaultResourceId ?? "");
    problems.check(
        key !== null,
        "secretsEncryption.keyId",
        `"${given.keyId ?? ""}" is not a versioned Key Vault key id: give https://<vault>.vault.azure.net/keys/<name>/<version> (AKS needs the version).`,
    );
    problems.check(
        vault !== null,
        "secretsEncryption.keyVaultResourceId",
        `"${given.keyVaultResourceId ?? ""}" is not a Key Vault resource id: give /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>.`,
    );
    if (key && vault) {
        problems.check(
            key[1].toLowerCase() === vault[1].toLowerCase(),
            "secretsEncryption.keyVaultResourceId",
            `names vault "${vault[1]}", but the key is in "${key[1]}": give the resource id of the key's vault.`,
        );
    }
    return { keyId: given.keyId, keyVaultResourceId: given.keyVaultResourceId, keyName: key?.[2] ?? "" };
}

/** The cluster's control-plane identity: user-assigned, so its roles exist before the cluster does. */
export function createClusterIdentity(
    name: string,
    common: { resourceGroupName: pulumi.Input<string>; location: string; tags: Record<string, string> },
    parent: pulumi.Resource,
): managedidentity.UserAssignedIdentity {
    return new managedidentity.UserAssignedIdentity(`${name}-identity`, common, { parent });
}

/** What the cluster resource refers to. */
export interface ClusterRefs {
    resourceGroupName: pulumi.Input<string>;
    identityId: pulumi.Input<string>;
    subnetId: pulumi.Input<string>;
}

/** The cluster resource's arguments: one inline system pool, private nodes, OIDC issuer on. */
export function managedClusterArgs(name: string, s: ResolvedAksCluster, refs: ClusterRefs): containerservice.ManagedClusterArgs {
    const n = s.network;
    const api = s.apiServer;
    return {
        resourceGroupName: refs.resourceGroupName,
        location: s.location,
        tags: s.tags,
        dnsPrefix: dnsPrefixFor(name),
        kubernetesVersion: s.kubernetesVersion,
        sku: { name: "Base", tier: s.skuTier },
        identity: { type: "UserAssigned", userAssignedIdentities: [refs.identityId] },
        agentPoolProfiles: [systemPoolProfile(s.pools.system, refs.subnetId, s.kubernetesVersion)],
        enableRBAC: true,
        disableLocalAccounts: s.entraId !== undefined,
        aadProfile: s.entraId
            ? {
                  managed: true,
                  enableAzureRBAC: s.entraId.azureRbac,
                  ...(s.tenantId ? { tenantID: s.tenantId } : {}),
                  adminGroupObjectIDs: s.entraId.adminGroupObjectIds,
              }
            : undefined,
        oidcIssuerProfile: { enabled: true },
        securityProfile: {
            workloadIdentity: { enabled: s.workloadIdentity },
            ...(s.secretsEncryption
                ? { azureKeyVaultKms: { enabled: true, keyId: s.secretsEncryption.keyId, keyVaultNetworkAccess: "Public" } }
                : {}),
        },
        networkProfile: {
            networkPlugin: "azure",
            networkPluginMode: "overlay",
            networkDataplane: "cilium",
            networkPolicy: "cilium",
            podCidr: n.podsCidr,
            serviceCidr: n.servicesCidr,
            dnsServiceIP: n.dnsServiceIp,
            outboundType: n.outboundType,
            loadBalancerSku: "standard",
        },
        apiServerAccessProfile: api.privateOnly
            ? { enablePrivateCluster: true }
            : api.authorizedCidrs.length > 0
              ? { authorizedIPRanges: api.authorizedCidrs }
              : undefined,
        autoUpgradeProfile: { upgradeChannel: s.upgradeChannel, nodeOSUpgradeChannel: "NodeImage" },
        autoScalerProfile: { balanceSimilarNodeGroups: "true" },
    };
}

/** The created cluster and the deployer's admin grant the data plane's install waits for. */
export interface AksClusterResources {
    cluster: containerservice.ManagedCluster;
    deployerAdmin?: authorization.RoleAssignment;
}

/**
 * Creates the cluster after what it needs (the subnet role, the Secrets key grant), then its
 * `CanNotDelete` lock and the deployer's cluster-admin role.
 */
export function createCluster(
    name: string,
    s: ResolvedAksCluster,
    refs: ClusterRefs & {
        identityPrincipalId: pulumi.Output<string>;
        subscriptionId: pulumi.Output<string>;
        deployerObjectId: pulumi.Output<string>;
        dependsOn: pulumi.Resource[];
    },
    parent: pulumi.Resource,
): AksClusterResources {
    // "Key Vault Crypto User" on the one key: AKS KMS wraps and unwraps the data-encryption keys with it.
    const keyGrant = s.secretsEncryption
        ? [
              assignRole(
                  `${name}-secrets-key`,
                  {
                      role: BUILT_IN_ROLES.keyVaultCryptoUser,
                      scope: `${s.secretsEncryption.keyVaultResourceId}/keys/${s.secretsEncryption.keyName}`,
                      principalId: refs.identityPrincipalId,
                      principalType: "ServicePrincipal",
                      subscriptionId: refs.subscriptionId,
                      description: "Lets the AKS cluster encrypt its Secrets with this key (KMS etcd encryption).",
                  },
                  { parent },
              ),
          ]
        : [];
    const cluster = new containerservice.ManagedCluster(`${name}-aks`, managedClusterArgs(name, s, refs), {
        parent,
        dependsOn: [...refs.dependsOn, ...keyGrant],
        ignoreChanges: ["agentPoolProfiles[0].count"],
        protect: s.deletionProtection,
    });
    if (s.deletionProtection) {
        new authorization.ManagementLockByScope(
            `${name}-no-delete`,
            {
                scope: cluster.id,
                level: "CanNotDelete",
                notes: "Airbyte data plane (Flexplane): set deletionProtection to false and apply before deleting the cluster or a node pool.",
            },
            { parent },
        );
    }
    const deployerAdmin = s.entraId?.grantDeployerClusterAdmin
        ? assignRole(
              `${name}-deployer-cluster-admin`,
              {
                  role: BUILT_IN_ROLES.aksRbacClusterAdmin,
                  scope: cluster.id,
                  principalId: refs.deployerObjectId,
                  subscriptionId: refs.subscriptionId,
                  description: "Lets the deployer install the Airbyte data plane.",
              },
              { parent },
          )
        : undefined;
    return { cluster, deployerAdmin };
}
