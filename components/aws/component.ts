import * as pulumi from "@pulumi/pulumi";
import type * as eks from "@pulumi/eks";
import type * as k8s from "@pulumi/kubernetes";
import type { DataPlaneTarget } from "../shared/types";
import type { EksClusterArgs } from "./args";
import { createAccess } from "./access";
import { createControlPlane } from "./cluster";
import { createDataPlaneRole, dataPlaneSecretsManager, IRSA_ROLE_ANNOTATION } from "./identity";
import { createLogBucket, dataPlaneStorage, storageUsesRole } from "./log-storage";
import { createNetwork } from "./network";
import { createNodes, jobPodScheduling } from "./nodes";
import { resolveEksCluster } from "./resolve";

/**
 * An EKS cluster on EC2 ready for an Airbyte data plane: network, cluster, managed node groups in at
 * least two zones, an IRSA role for the chart's service account with the Secrets Manager and S3
 * permissions it needs, and a hardened log bucket. `dataPlaneTarget` is what DataPlane takes.
 */
export class EksCluster extends pulumi.ComponentResource {
    /** EKS cluster name. */
    readonly clusterName: pulumi.Output<string>;
    /** Region the cluster runs in. */
    readonly region: string;
    /** The `@pulumi/eks` cluster. */
    readonly cluster: eks.Cluster;
    /** Kubeconfig (JSON) whose user runs `aws eks get-token`. Secret. */
    readonly kubeconfig: pulumi.Output<string>;
    /** Provider for the cluster. */
    readonly kubernetesProvider: k8s.Provider;
    /** ARN of the cluster's IAM OIDC provider (IRSA). */
    readonly oidcProviderArn: pulumi.Output<string>;
    /** ARN of the data-plane role; undefined when neither secrets nor storage use IRSA. */
    readonly roleArn: pulumi.Output<string | undefined>;
    /** Log bucket name (created or the caller's). */
    readonly bucketName: pulumi.Output<string>;
    readonly vpcId: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string[]>;
    /** The managed node groups: general, then jobs when `jobNodes` is set. */
    readonly nodeGroups: eks.ManagedNodeGroup[];
    /** Everything DataPlane needs: spread it into DataPlaneArgs with the client id and secret. */
    readonly dataPlaneTarget: DataPlaneTarget;

    constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        // Resolved before anything is registered, so bad arguments leave no trace in the stack.
        const r = resolveEksCluster(name, args, new pulumi.Config("aws").get("region"));
        super("flexplane:aws:EksCluster", name, {}, opts);
        this.region = r.region;

        const network = createNetwork(name, r.network, r.tags, this);
        this.vpcId = network.vpcId;
        this.privateSubnetIds = network.privateSubnetIds;
        this.cluster = createControlPlane(name, r.cluster, r.region, network, r.tags, this);
        const clusterName = r.cluster.clusterName;
        // The name is ours, but reading it through the cluster makes its readers wait for the cluster.
        this.clusterName = this.cluster.kubeconfigJson.apply(() => clusterName);
        this.oidcProviderArn = this.cluster.oidcProviderArn;
        const access = createAccess(name, { cluster: this.cluster, clusterName, region: r.region, auth: r.kubeconfigAuth }, this);
        this.kubeconfig = access.kubeconfig;
        this.kubernetesProvider = access.provider;

        const nodes = createNodes(
            name,
            {
                cluster: this.cluster,
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
        this.nodeGroups = nodes.groups;

        const storage = r.logStorage;
        const bucket = storage.kind === "new" ? createLogBucket(name, storage, r.tags, this) : undefined;
        this.bucketName = bucket ? bucket.bucket.bucket : pulumi.output(storage.kind === "existing" ? storage.name : "");

        const role =
            r.identity.secretsManagerGrant !== undefined || storageUsesRole(storage)
                ? createDataPlaneRole(
                      name,
                      {
                          clusterName,
                          oidcProviderArn: this.cluster.oidcProviderArn,
                          oidcIssuer: this.cluster.oidcIssuer,
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

        this.dataPlaneTarget = {
            kubernetesProvider: this.kubernetesProvider,
            namespace: r.namespace,
            serviceAccountName: r.serviceAccountName,
            ...(role ? { serviceAccountAnnotations: { [IRSA_ROLE_ANNOTATION]: role.role.arn } } : {}),
            secretsManager: dataPlaneSecretsManager(r.identity.secretsManager),
            storage: dataPlaneStorage(storage, this.bucketName),
            ...(r.jobNodes ? { jobs: jobPodScheduling() } : {}),
            // Helm must not wait on a cluster without nodes, nor start pods before their permissions exist.
            dependsOn: [...nodes.groups, ...(role?.policies ?? []), ...(bucket?.hardening ?? [])],
        };

        this.registerOutputs({
            clusterName: this.clusterName,
            kubeconfig: this.kubeconfig,
            oidcProviderArn: this.oidcProviderArn,
            roleArn: this.roleArn,
            bucketName: this.bucketName,
            vpcId: this.vpcId,
            privateSubnetIds: this.privateSubnetIds,
        });
    }
}
