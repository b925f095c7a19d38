import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as resources from "@pulumi/azure-native/resources";
import { Provider } from "@pulumi/kubernetes/provider";
import type { DataPlaneTarget } from "../shared/types";
import type { AksClusterArgs } from "./args";
import { clusterKubeconfig } from "./kubeconfig";
import { createAuditLogs, grantSecretsKey, lockCluster } from "./hardening";
import { dnsPrefixFor } from "./names";
import { createNetwork } from "./network";
import { createWorkloadPools, jobScheduling, systemPoolProfile } from "./pools";
import { assignRole, BUILT_IN_ROLES } from "./roles";
import { wireSecretsManager } from "./secrets-manager";
import { createStorage } from "./storage";
import { resolveAksCluster, ResolvedAksCluster } from "./validation";

/**
 * An AKS cluster ready for an Airbyte Enterprise Flex data plane: private nodes over at least two
 * zones, Entra ID sign-in without local accounts, audit logs in Log Analytics, NetworkPolicies
 * enforced (Cilium), deletion protection, the Key Vault wiring the platform can use (a service
 * principal with a client secret), and Blob storage for logs. Hand `dataPlaneTarget` to `DataPlane`.
 */
export class AksCluster extends pulumi.ComponentResource {
    readonly resourceGroupName: pulumi.Output<string>;
    readonly clusterName: pulumi.Output<string>;
    readonly clusterId: pulumi.Output<string>;
    /** The cluster user's kubeconfig (secret). With Entra ID it runs kubelogin. */
    readonly kubeconfig: pulumi.Output<string>;
    readonly kubernetesProvider: Provider;
    readonly oidcIssuerUrl: pulumi.Output<string | undefined>;
    /** Principal id of the cluster's user-assigned identity. */
    readonly clusterIdentityPrincipalId: pulumi.Output<string>;
    /** The new VNet's id; `undefined` with an existing subnet. */
    readonly vnetId: pulumi.Output<string | undefined>;
    readonly subnetId: pulumi.Output<string>;
    /** Public address all node traffic leaves from (NAT gateway); `undefined` with an existing subnet. */
    readonly egressIpAddress: pulumi.Output<string | undefined>;
    /** Key Vault URL, checked against Azure when the vault was created or looked up; `undefined` unless the store is Azure. */
    readonly vaultUrl: pulumi.Output<string | undefined>;
    /** Client id of the service principal this component created for Key Vault (secret); `undefined` otherwise. */
    readonly vaultClientId: pulumi.Output<string | undefined>;
    /** Log Analytics workspace that receives the audit logs; `undefined` when they are off. */
    readonly auditWorkspaceId: pulumi.Output<string | undefined>;
    /** Storage account created for logs; `undefined` with `storage.existing`. */
    readonly storageAccountName: pulumi.Output<string | undefined>;
    readonly containerName: pulumi.Output<string | undefined>;
    /** Everything `DataPlane` needs: spread it into `DataPlaneArgs` with the data plane's client id and secret. */
    readonly dataPlaneTarget: DataPlaneTarget;

    constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const s = resolveAksCluster(name, args, { project: pulumi.getProject(), stack: pulumi.getStack() });
        super("flexplane:azure:AksCluster", name, {}, opts);
        const common = { location: s.location, tags: s.tags };
        const armClient = authorization.getClientConfigOutput({ parent: this });

        const retainGroup = s.resourceGroupName === undefined &&
            ((!s.storage.existing && s.storage.retainOnDelete) || (s.keyVault?.create === true && s.keyVault.retainOnDelete) ||
                (s.auditLogs !== undefined && s.auditLogs.workspaceId === undefined && s.auditLogs.retainOnDelete));
        // Deleting a resource group deletes what is in it, so it stays when anything in it must.
        const resourceGroupName = s.resourceGroupName !== undefined
            ? pulumi.output(s.resourceGroupName)
            : new resources.ResourceGroup(`${name}-rg`, common, { parent: this, retainOnDelete: retainGroup }).name;
        const identity = new managedidentity.UserAssignedIdentity(`${name}-identity`, { resourceGroupName, ...common }, { parent: this });
        const net = createNetwork({
            name, settings: s.network, resourceGroupName, ...common, clusterPrincipalId: identity.principalId,
            subscriptionId: armClient.subscriptionId, parent: this,
        });

        const secretsKeyGrant = s.secretsEncryption
            ? [grantSecretsKey(name, s.secretsEncryption, identity.principalId, armClient.subscriptionId, this)]
            : [];
        const cluster = new containerservice.ManagedCluster(`${name}-aks`, managedClusterArgs(name, s, {
            resourceGroupName, identityId: identity.id, subnetId: net.subnetId,
        }), {
            parent: this, dependsOn: [...net.dependencies, ...secretsKeyGrant], ignoreChanges: ["agentPoolProfiles[0].count"],
            protect: s.deletionProtection,
        });
        if (s.deletionProtection) {
            lockCluster(name, cluster.id, this);
        }
        const audit = s.auditLogs ? createAuditLogs(name, s.auditLogs, cluster.id, { resourceGroupName, ...common }, this) : undefined;
        const clusterRef = { resourceGroupName, clusterName: cluster.name };
        const pools = createWorkloadPools(name, s.workloadPools, clusterRef, net.subnetId, s.kubernetesVersion, { parent: this });
        const deployerAdmin = s.entraId?.grantDeployerClusterAdmin
            ? assignRole(`${name}-deployer-cluster-admin`, {
                role: BUILT_IN_ROLES.aksRbacClusterAdmin, scope: cluster.id, principalId: armClient.objectId,
                subscriptionId: armClient.subscriptionId, description: "Lets the deployer install the Airbyte data plane.",
            }, { parent: this })
            : undefined;

        const store = wireSecretsManager(name, s, args.secretsManager, { resourceGroupName, ...common, armClient, parent: this });
        const logs = createStorage(name, s.storage, { resourceGroupName, ...common, parent: this });

        this.kubeconfig = clusterKubeconfig({ ...clusterRef, kubeloginMode: s.entraId?.kubeloginMode }, { parent: this, dependsOn: deployerAdmin ? [deployerAdmin] : [] });
        // The cluster's ARM id changes only when the cluster is replaced: a new kubeconfig (credentials,
        // kubelogin mode) then updates the provider instead of replacing everything it deployed.
        this.kubernetesProvider = new Provider(`${name}-kubernetes`, { kubeconfig: this.kubeconfig, clusterIdentifier: cluster.id }, { parent: this });
        this.resourceGroupName = resourceGroupName;
        this.clusterName = cluster.name;
        this.clusterId = cluster.id;
        this.oidcIssuerUrl = cluster.oidcIssuerProfile.apply((p) => p?.issuerURL);
        this.clusterIdentityPrincipalId = identity.principalId;
        this.vnetId = net.vnetId;
        this.subnetId = net.subnetId;
        this.egressIpAddress = net.egressIpAddress;
        this.vaultUrl = store.vaultUrl;
        this.vaultClientId = store.createdClientId;
        this.auditWorkspaceId = audit ? audit.workspaceId : pulumi.output(undefined);
        this.storageAccountName = logs.accountName;
        this.containerName = logs.containerName;
        this.dataPlaneTarget = {
            kubernetesProvider: this.kubernetesProvider,
            namespace: s.namespace,
            serviceAccountName: s.serviceAccountName,
            secretsManager: store.spec,
            storage: logs.spec,
            jobs: jobScheduling(s.workloadPools),
            dependsOn: [...pools, ...store.dependencies, ...(deployerAdmin ? [deployerAdmin] : [])],
        };
        this.registerOutputs({
            resourceGroupName: this.resourceGroupName,
            clusterName: this.clusterName,
            clusterId: this.clusterId,
            kubeconfig: this.kubeconfig,
            oidcIssuerUrl: this.oidcIssuerUrl,
            clusterIdentityPrincipalId: this.clusterIdentityPrincipalId,
            vnetId: this.vnetId,
            subnetId: this.subnetId,
            egressIpAddress: this.egressIpAddress,
            vaultUrl: this.vaultUrl,
            vaultClientId: this.vaultClientId,
            auditWorkspaceId: this.auditWorkspaceId,
            storageAccountName: this.storageAccountName,
            containerName: this.containerName,
        });
    }
}

/** The cluster resource's arguments: one inline system pool, private networking, OIDC issuer on. */
export function managedClusterArgs(
    name: string,
    s: ResolvedAksCluster,
    refs: { resourceGroupName: pulumi.Input<string>; identityId: pulumi.Input<string>; subnetId: pulumi.Input<string> },
): containerservice.ManagedClusterArgs {
    const n = s.network;
    return {
        resourceGroupName: refs.resourceGroupName,
        location: s.location,
        tags: s.tags,
        dnsPrefix: dnsPrefixFor(name),
        kubernetesVersion: s.kubernetesVersion,
        sku: { name: "Base", tier: s.skuTier },
        identity: { type: "UserAssigned", userAssignedIdentities: [refs.identityId] },
        agentPoolProfiles: [systemPoolProfile(s.systemPool, refs.subnetId, s.kubernetesVersion)],
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
            podCidr: n.podCidr,
            serviceCidr: n.serviceCidr,
            dnsServiceIP: n.dnsServiceIp,
            outboundType: n.outboundType,
            loadBalancerSku: "standard",
        },
        // Empty only with apiServerOpenToInternet (checked).
        apiServerAccessProfile: s.apiServerAuthorizedIpRanges.length > 0 ? { authorizedIPRanges: s.apiServerAuthorizedIpRanges } : undefined,
        autoUpgradeProfile: { upgradeChannel: s.upgradeChannel, nodeOSUpgradeChannel: "NodeImage" },
        autoScalerProfile: { balanceSimilarNodeGroups: "true" },
    };
}
