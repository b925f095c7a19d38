import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import type { Provider } from "@pulumi/kubernetes/provider";
import type { DataPlaneTarget, Toleration } from "../shared/types";
import { createAccess } from "./access";
import type { AksClusterArgs } from "./args";
import { createAuditLogs } from "./audit-logs";
import { createCluster, createClusterIdentity } from "./cluster";
import { createIdentity } from "./identity";
import { createLogStorage } from "./log-storage";
import { createNetwork } from "./network";
import { createWorkloadPools, jobScheduling } from "./nodes";
import { resolveAksCluster } from "./resolve";

/** The type token AksCluster registers, the one a component plugin's schema publishes. */
export const AKS_CLUSTER_TYPE = "flexplane:index:AksCluster";
/** The token AksCluster registered before; an alias to it keeps existing stacks' resources in place. */
export const AKS_CLUSTER_LEGACY_TYPE = "flexplane:azure:AksCluster";

/**
 * The members only TypeScript can use (the provider, the DataPlane hand-over). They are kept here rather
 * than in fields: Pulumi's component-schema analyzer publishes every field of a component as an output,
 * and a provider cannot be one. The class reads them through getters.
 */
interface AksClusterResources {
    kubernetesProvider: Provider;
    dataPlaneTarget: DataPlaneTarget;
}
const resourcesOf = new WeakMap<AksCluster, AksClusterResources>();

/**
 * An AKS cluster ready for an Airbyte Enterprise Flex data plane: private nodes over at least two
 * zones, Entra ID sign-in without local accounts, audit logs in Log Analytics, NetworkPolicies
 * enforced (Cilium), deletion protection, the Key Vault wiring the platform can use (a service
 * principal with a client secret), and Blob storage for logs. Hand `dataPlaneTarget` to `DataPlane`;
 * outside TypeScript the outputs below carry the same values.
 */
export class AksCluster extends pulumi.ComponentResource {
    readonly resourceGroupName: pulumi.Output<string>;
    readonly clusterName: pulumi.Output<string>;
    readonly clusterId: pulumi.Output<string>;
    /**
     * The cluster user's kubeconfig (JSON). With Entra ID it runs kubelogin.
     * @secret
     */
    readonly kubeconfig: pulumi.Output<string>;
    readonly oidcIssuerUrl: pulumi.Output<string | undefined>;
    /** Principal id of the cluster's user-assigned identity. */
    readonly clusterIdentityPrincipalId: pulumi.Output<string>;
    /** The new VNet's id; `undefined` with an existing subnet. */
    readonly vnetId: pulumi.Output<string | undefined>;
    readonly subnetId: pulumi.Output<string>;
    /** Public address all node traffic leaves from (NAT gateway); `undefined` with an existing subnet. */
    readonly egressIpAddress: pulumi.Output<string | undefined>;
    /**
     * Key Vault URL, checked against Azure when the vault was created or looked up: DataPlane's
     * `secretsManager.azure.vaultUrl`. `undefined` unless the store is Azure.
     */
    readonly vaultUrl: pulumi.Output<string | undefined>;
    /**
     * Client id of the service principal this component created for Key Vault: DataPlane's
     * `secretsManager.azure.clientId`. `undefined` otherwise (use your own principal's).
     * @secret
     */
    readonly vaultClientId: pulumi.Output<string | undefined>;
    /**
     * Client secret of the service principal this component created for Key Vault: DataPlane's
     * `secretsManager.azure.clientSecret`. `undefined` otherwise (use your own principal's).
     * @secret
     */
    readonly vaultClientSecret: pulumi.Output<string | undefined>;
    /** Log Analytics workspace that receives the audit logs; `undefined` when they are off. */
    readonly auditWorkspaceId: pulumi.Output<string | undefined>;
    /** Storage account created for logs; `undefined` with `logStorage.existing`. */
    readonly storageAccountName: pulumi.Output<string | undefined>;
    /** Blob container for logs: DataPlane's `storage.azure.container`. `undefined` with a non-Azure `logStorage.existing`. */
    readonly containerName: pulumi.Output<string | undefined>;
    /**
     * Connection string of the log storage account: DataPlane's `storage.azure.connectionString`; the
     * created account's, or `logStorage.existing.azure.connectionString`. `undefined` with a non-Azure
     * `logStorage.existing`.
     * @secret
     */
    readonly storageConnectionString: pulumi.Output<string | undefined>;
    /** Namespace the data plane is installed into: DataPlane's `namespace`. */
    readonly namespace: string;
    /** Service account the chart runs under: DataPlane's `serviceAccountName`. */
    readonly serviceAccountName: string;
    /**
     * Node selector of connector (job) pods, DataPlane's `jobs.nodeSelector`: the job pool's name and
     * labels. `undefined` without a workload pool `dedicatedToJobs`.
     */
    readonly jobNodeSelector: pulumi.Output<Record<string, string> | undefined>;
    /**
     * Tolerations of connector (job) pods, DataPlane's `jobs.tolerations`: one per taint of the job
     * pool. `undefined` without a workload pool `dedicatedToJobs`.
     */
    readonly jobTolerations: pulumi.Output<Toleration[] | undefined>;

    /** Provider for the cluster. TypeScript only; other languages build one from `kubeconfig`. */
    get kubernetesProvider(): Provider {
        return resourcesOf.get(this)!.kubernetesProvider;
    }
    /**
     * Everything `DataPlane` needs: spread it into `DataPlaneArgs` with the data plane's client id and
     * secret. TypeScript only; other languages read the same values from this component's outputs.
     */
    get dataPlaneTarget(): DataPlaneTarget {
        return resourcesOf.get(this)!.dataPlaneTarget;
    }

    constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const s = resolveAksCluster(name, args, { project: pulumi.getProject(), stack: pulumi.getStack() });
        // The alias keeps the resources of stacks created under the old token, children included (the engine
        // derives their aliases from the parent's: pulumi/pulumi pkg/resource/deploy/step_generator.go generateAliases).
        super(AKS_CLUSTER_TYPE, name, {}, { ...opts, aliases: [...(opts?.aliases ?? []), { type: AKS_CLUSTER_LEGACY_TYPE }] });
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
        this.vaultClientSecret = pulumi.secret(pulumi.output(store.createdClientSecret));
        this.storageConnectionString = pulumi.secret(pulumi.output(logs.spec.azure?.connectionString));
        this.namespace = s.namespace;
        this.serviceAccountName = s.serviceAccountName;
        const jobs = jobScheduling(s.pools.workload);
        this.jobNodeSelector = pulumi.output(jobs?.nodeSelector);
        this.jobTolerations = pulumi.output(jobs?.tolerations);
        resourcesOf.set(this, {
            kubernetesProvider: access.provider,
            dataPlaneTarget: {
                kubernetesProvider: access.provider,
                namespace: s.namespace,
                serviceAccountName: s.serviceAccountName,
                secretsManager: store.spec,
                storage: logs.spec,
                jobs,
                dependsOn: [...pools, ...store.dependencies, ...(deployerAdmin ? [deployerAdmin] : [])],
            },
        });
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
            vaultClientSecret: this.vaultClientSecret,
            storageConnectionString: this.storageConnectionString,
            namespace: this.namespace,
            serviceAccountName: this.serviceAccountName,
            jobNodeSelector: this.jobNodeSelector,
            jobTolerations: this.jobTolerations,
        });
    }
}
