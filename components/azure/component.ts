import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import type { Provider } from "@pulumi/kubernetes/provider";
import type { DataPlaneTarget } from "../shared/types";
import { createAccess } from "./access";
import type { AksClusterArgs } from "./args";
import { createAuditLogs } from "./audit-logs";
import { createCluster, createClusterIdentity } from "./cluster";
import { createIdentity } from "./identity";
import { createLogStorage } from "./log-storage";
import { createNetwork } from "./network";
import { createWorkloadPools, jobScheduling } from "./nodes";
import { resolveAksCluster } from "./resolve";

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
    /** The cluster user's kubeconfig (secret, JSON). With Entra ID it runs kubelogin. */
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
    /** Storage account created for logs; `undefined` with `logStorage.existing`. */
    readonly storageAccountName: pulumi.Output<string | undefined>;
    readonly containerName: pulumi.Output<string | undefined>;
    /** Everything `DataPlane` needs: spread it into `DataPlaneArgs` with the data plane's client id and secret. */
    readonly dataPlaneTarget: DataPlaneTarget;

    constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const s = resolveAksCluster(name, args, { project: pulumi.getProject(), stack: pulumi.getStack() });
        super("flexplane:azure:AksCluster", name, {}, opts);
        const common = { location: s.location, tags: s.tags };
        const armClient = authorization.getClientConfigOutput({ parent: this });
        const resourceGroupName =
            s.resourceGroup.name !== undefined
                ? pulumi.output(s.resourceGroup.name)
                : new resources.ResourceGroup(`${name}-rg`, common, { parent: this, retainOnDelete: s.resourceGroup.retainOnDelete }).name;
        const inGroup = { resourceGroupName, ...common };

        const identity = createClusterIdentity(name, inGroup, this);
        const net = createNetwork(name, s.network, {
            ...inGroup,
            clusterPrincipalId: identity.principalId,
            subscriptionId: armClient.subscriptionId,
            parent: this,
        });
        const { cluster, deployerAdmin } = createCluster(
            name,
            s,
            {
                resourceGroupName,
                identityId: identity.id,
                identityPrincipalId: identity.principalId,
                subnetId: net.subnetId,
                subscriptionId: armClient.subscriptionId,
                deployerObjectId: armClient.objectId,
                dependsOn: net.dependencies,
            },
            this,
        );
        const auditWorkspaceId = s.auditLogs ? createAuditLogs(name, s.auditLogs, cluster.id, inGroup, this) : pulumi.output(undefined);
        const pools = createWorkloadPools(
            name,
            s.pools.workload,
            {
                resourceGroupName,
                clusterName: cluster.name,
                subnetId: net.subnetId,
                kubernetesVersion: s.kubernetesVersion,
            },
            this,
        );
        const store = createIdentity(name, s.keyVault, s.secretsManager, { ...inGroup, armClient, parent: this });
        const logs = createLogStorage(name, s.logStorage, { ...inGroup, parent: this });
        const access = createAccess(name, { id: cluster.id, name: cluster.name, resourceGroupName }, s.entraId?.kubeloginMode, {
            parent: this,
            dependsOn: deployerAdmin ? [deployerAdmin] : [],
        });

        this.resourceGroupName = resourceGroupName;
        this.clusterName = cluster.name;
        this.clusterId = cluster.id;
        this.kubeconfig = access.kubeconfig;
        this.kubernetesProvider = access.provider;
        this.oidcIssuerUrl = cluster.oidcIssuerProfile.apply((p) => p?.issuerURL);
        this.clusterIdentityPrincipalId = identity.principalId;
        this.vnetId = net.vnetId;
        this.subnetId = net.subnetId;
        this.egressIpAddress = net.egressIpAddress;
        this.vaultUrl = store.vaultUrl;
        this.vaultClientId = store.createdClientId;
        this.auditWorkspaceId = auditWorkspaceId;
        this.storageAccountName = logs.accountName;
        this.containerName = logs.containerName;
        this.dataPlaneTarget = {
            kubernetesProvider: access.provider,
            namespace: s.namespace,
            serviceAccountName: s.serviceAccountName,
            secretsManager: store.spec,
            storage: logs.spec,
            jobs: jobScheduling(s.pools.workload),
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
