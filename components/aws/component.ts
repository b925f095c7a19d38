import * as pulumi from "@pulumi/pulumi";
import type * as eks from "@pulumi/eks";
import type * as k8s from "@pulumi/kubernetes";
import type { DataPlaneTarget, Toleration } from "../shared/types";
import type { EksClusterArgs } from "./args";
import { createAccess } from "./access";
import { createControlPlane } from "./cluster";
import { createDataPlaneRole, dataPlaneSecretsManager, IRSA_ROLE_ANNOTATION } from "./identity";
import { createLogBucket, dataPlaneStorage, storageUsesRole } from "./log-storage";
import { createNetwork } from "./network";
import { createNodes, jobPodScheduling } from "./nodes";
import { resolveEksCluster } from "./resolve";

/** The type token EksCluster registers, the one a component plugin's schema publishes. */
export const EKS_CLUSTER_TYPE = "flexplane:index:EksCluster";
/** The token EksCluster registered before; an alias to it keeps existing stacks' resources in place. */
export const EKS_CLUSTER_LEGACY_TYPE = "flexplane:aws:EksCluster";

/**
 * The members only TypeScript can use (resources, the provider, the DataPlane hand-over). They are kept
 * here rather than in fields: Pulumi's component-schema analyzer publishes every field of a component as
 * an output, and a resource cannot be one. The class reads them through getters.
 */
interface EksClusterResources {
    cluster: eks.Cluster;
    kubernetesProvider: k8s.Provider;
    nodeGroups: eks.ManagedNodeGroup[];
    dataPlaneTarget: DataPlaneTarget;
}
const resourcesOf = new WeakMap<EksCluster, EksClusterResources>();

/**
 * An EKS cluster on EC2 ready for an Airbyte data plane: network, cluster, managed node groups in at
 * least two zones, an IRSA role for the chart's service account with the Secrets Manager and S3
 * permissions it needs, and a hardened log bucket. `dataPlaneTarget` is what DataPlane takes; outside
 * TypeScript the outputs below carry the same values.
 */
export class EksCluster extends pulumi.ComponentResource {
    /** EKS cluster name. */
    readonly clusterName: pulumi.Output<string>;
    /** Region the cluster runs in. */
    readonly region: string;
    /**
     * Kubeconfig (JSON) whose user runs `aws eks get-token`.
     * @secret
     */
    readonly kubeconfig: pulumi.Output<string>;
    /** ARN of the cluster's IAM OIDC provider (IRSA). */
    readonly oidcProviderArn: pulumi.Output<string>;
    /** ARN of the data-plane role; undefined when neither secrets nor storage use IRSA. */
    readonly roleArn: pulumi.Output<string | undefined>;
    /** Log bucket name (created or the caller's). */
    readonly bucketName: pulumi.Output<string>;
    /** Region of the log bucket: the cluster's for a new bucket, `logStorage.region` for the caller's. */
    readonly bucketRegion: string;
    readonly vpcId: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string[]>;
    /** Namespace the data-plane role trusts: DataPlane's `namespace`. */
    readonly namespace: string;
    /** Service account the data-plane role trusts: DataPlane's `serviceAccountName`. */
    readonly serviceAccountName: string;
    /**
     * Annotations for the chart's service account: DataPlane's `serviceAccountAnnotations`. The IRSA
     * annotation `eks.amazonaws.com/role-arn` with `roleArn`; empty when there is no role.
     */
    readonly serviceAccountAnnotations: pulumi.Output<Record<string, string>>;
    /**
     * Node selector of connector (job) pods, DataPlane's `jobs.nodeSelector`: the job node group's
     * label. Undefined without `jobNodes`.
     */
    readonly jobNodeSelector: pulumi.Output<Record<string, string> | undefined>;
    /**
     * Tolerations of connector (job) pods, DataPlane's `jobs.tolerations`: the job node group's taint.
     * Undefined without `jobNodes`.
     */
    readonly jobTolerations: pulumi.Output<Toleration[] | undefined>;

    /** The `@pulumi/eks` cluster. TypeScript only. */
    get cluster(): eks.Cluster {
        return resourcesOf.get(this)!.cluster;
    }
    /** Provider for the cluster. TypeScript only; other languages build one from `kubeconfig`. */
    get kubernetesProvider(): k8s.Provider {
        return resourcesOf.get(this)!.kubernetesProvider;
    }
    /** The managed node groups: general, then jobs when `jobNodes` is set. TypeScript only. */
    get nodeGroups(): eks.ManagedNodeGroup[] {
        return resourcesOf.get(this)!.nodeGroups;
    }
    /**
     * Everything DataPlane needs: spread it into DataPlaneArgs with the client id and secret.
     * TypeScript only; other languages read the same values from this component's outputs.
     */
    get dataPlaneTarget(): DataPlaneTarget {
        return resourcesOf.get(this)!.dataPlaneTarget;
    }

    constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        // Resolved before anything is registered, so bad arguments leave no trace in the stack.
        const r = resolveEksCluster(name, args, new pulumi.Config("aws").get("region"));
        // The alias keeps the resources of stacks created under the old token, children included (the engine
        // derives their aliases from the parent's: pulumi/pulumi pkg/resource/deploy/step_generator.go generateAliases).
        super(EKS_CLUSTER_TYPE, name, {}, { ...opts, aliases: [...(opts?.aliases ?? []), { type: EKS_CLUSTER_LEGACY_TYPE }] });
        this.region = r.region;

        const network = createNetwork(name, r.network, r.tags, this);
        this.vpcId = network.vpcId;
        this.privateSubnetIds = network.privateSubnetIds;
        const cluster = createControlPlane(name, r.cluster, r.region, network, r.tags, this);
        const clusterName = r.cluster.clusterName;
        // The name is ours, but reading it through the cluster makes its readers wait for the cluster.
        this.clusterName = cluster.kubeconfigJson.apply(() => clusterName);
        this.oidcProviderArn = cluster.oidcProviderArn;
        const access = createAccess(name, { cluster, clusterName, region: r.region, auth: r.kubeconfigAuth }, this);
        this.kubeconfig = access.kubeconfig;

        const nodes = createNodes(
            name,
            {
                cluster,
                clusterName,
                region: r.region,
                kubernetesVersion: r.cluster.kubernetesVersion,
                privateSubnetIds: network.privateSubnetIds,
                nodes: r.nodes,
                jobNodes: r.jobNodes,
                tags: r.tags,
            },
            this,
        );

        const storage = r.logStorage;
        const bucket = storage.kind === "new" ? createLogBucket(name, storage, r.tags, this) : undefined;
        this.bucketName = bucket ? bucket.bucket.bucket : pulumi.output(storage.kind === "existing" ? storage.name : "");

        const role =
            r.identity.secretsManagerGrant !== undefined || storageUsesRole(storage)
                ? createDataPlaneRole(
                      name,
                      {
                          clusterName,
                          oidcProviderArn: cluster.oidcProviderArn,
                          oidcIssuer: cluster.oidcIssuer,
                          namespace: r.namespace,
                          serviceAccountName: r.serviceAccountName,
                          secretsManager: r.identity.secretsManagerGrant,
                          controlPlaneRoleArn: r.identity.controlPlaneRoleArn,
                          storage: storageUsesRole(storage)
                              ? {
                                    bucket: this.bucketName,
                                    region: storage.region,
                                    kmsKeyArn: storage.kind === "new" ? storage.kmsKeyArn : undefined,
                                }
                              : undefined,
                          tags: r.tags,
                      },
                      this,
                  )
                : undefined;
        this.roleArn = role ? role.role.arn : pulumi.output(undefined);

        this.bucketRegion = storage.region;
        this.namespace = r.namespace;
        this.serviceAccountName = r.serviceAccountName;
        const serviceAccountAnnotations = role ? { [IRSA_ROLE_ANNOTATION]: role.role.arn } : undefined;
        this.serviceAccountAnnotations = role
            ? role.role.arn.apply((arn): Record<string, string> => ({ [IRSA_ROLE_ANNOTATION]: arn }))
            : pulumi.output<Record<string, string>>({});
        const jobs = r.jobNodes ? jobPodScheduling() : undefined;
        this.jobNodeSelector = pulumi.output(jobs?.nodeSelector);
        this.jobTolerations = pulumi.output(jobs?.tolerations);

        resourcesOf.set(this, {
            cluster,
            kubernetesProvider: access.provider,
            nodeGroups: nodes.groups,
            dataPlaneTarget: {
                kubernetesProvider: access.provider,
                namespace: r.namespace,
                serviceAccountName: r.serviceAccountName,
                ...(serviceAccountAnnotations ? { serviceAccountAnnotations } : {}),
                secretsManager: dataPlaneSecretsManager(r.identity.secretsManager),
                storage: dataPlaneStorage(storage, this.bucketName),
                ...(jobs ? { jobs } : {}),
                // Helm must not wait on a cluster without nodes, nor start pods before their permissions exist.
                dependsOn: [...nodes.groups, ...(role?.policies ?? []), ...(bucket?.hardening ?? [])],
            },
        });

        this.registerOutputs({
            clusterName: this.clusterName,
            kubeconfig: this.kubeconfig,
            oidcProviderArn: this.oidcProviderArn,
            roleArn: this.roleArn,
            bucketName: this.bucketName,
            vpcId: this.vpcId,
            privateSubnetIds: this.privateSubnetIds,
            bucketRegion: this.bucketRegion,
            namespace: this.namespace,
            serviceAccountName: this.serviceAccountName,
            serviceAccountAnnotations: this.serviceAccountAnnotations,
            jobNodeSelector: this.jobNodeSelector,
            jobTolerations: this.jobTolerations,
        });
    }
}
