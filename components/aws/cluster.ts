import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as k8s from "@pulumi/kubernetes";
import type { DataPlaneTarget } from "../shared/types";
import type { EksClusterArgs } from "./args";
import { accessEntryKey, eksAccessPolicyArn, eksClusterArn } from "./arns";
import { createLogBucket } from "./bucket";
import { IRSA_ROLE_ANNOTATION, KMS_DELETION_WINDOW_DAYS } from "./constants";
import { createDataPlaneRole } from "./irsa";
import { clusterConnectionFromKubeconfig, eksKubeconfig } from "./kubeconfig";
import { createNetwork } from "./network";
import { createNodes, jobPodScheduling } from "./nodes";
import { dataPlaneSecretsManager, dataPlaneStorage, storageUsesRole } from "./target";
import { ResolvedEksCluster, resolveEksClusterArgs } from "./validation";

/** The inputs of `eks.Cluster`, as a pure function of the resolved arguments. */
export function clusterInputs(
    r: ResolvedEksCluster,
    network: { vpcId: pulumi.Input<string>; privateSubnetIds: pulumi.Input<string[]> },
    encryptionKeyArn: pulumi.Input<string>,
): eks.ClusterArgs {
    const adminPolicyArn = eksAccessPolicyArn(r.region, "AmazonEKSClusterAdminPolicy");
    return {
        name: r.clusterName,
        version: r.kubernetesVersion,
        vpcId: network.vpcId,
        privateSubnetIds: network.privateSubnetIds,
        nodeAssociatePublicIpAddress: false,
        authenticationMode: eks.AuthenticationMode.Api,
        accessEntries: Object.fromEntries(
            r.adminPrincipalArns.map((principalArn) => [
                accessEntryKey(principalArn),
                {
                    principalArn,
                    type: eks.AccessEntryType.Standard,
                    accessPolicies: { clusterAdmin: { policyArn: adminPolicyArn, accessScope: { type: "cluster" } } },
                },
            ]),
        ),
        skipDefaultNodeGroup: true,
        // Managed node groups use the security group EKS creates; the component's own would be unused.
        skipDefaultSecurityGroups: true,
        createOidcProvider: true,
        // Without a default node group the managed CoreDNS add-on would wait for nodes that come later
        // and time out; the self-managed CoreDNS that EKS bootstraps serves the cluster instead.
        corednsAddonOptions: { enabled: false },
        // The VPC CNI's network policy agent, so that NetworkPolicies (DataPlane's metadata block) are enforced.
        vpcCniOptions: { enableNetworkPolicy: true },
        deletionProtection: r.deletionProtection,
        endpointPublicAccess: r.endpoint.publicAccess,
        endpointPrivateAccess: r.endpoint.privateAccess,
        ...(r.endpoint.publicAccess ? { publicAccessCidrs: r.endpoint.publicAccessCidrs } : {}),
        enabledClusterLogTypes: r.logs.types,
        encryptionConfigKeyArn: encryptionKeyArn,
        tags: r.tags,
    };
}

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
        // Validated before anything is registered, so bad arguments leave no trace in the stack.
        const r = resolveEksClusterArgs(name, args, new pulumi.Config("aws").get("region"));
        super("flexplane:aws:EksCluster", name, {}, opts);
        this.region = r.region;

        let encryptionKeyArn: pulumi.Input<string>;
        if (r.secretsEncryptionKeyArn) {
            encryptionKeyArn = r.secretsEncryptionKeyArn;
        } else {
            const key = new aws.kms.Key(
                `${name}-secrets`,
                {
                    description: `Envelope encryption of Kubernetes secrets in EKS cluster ${r.clusterName}`,
                    enableKeyRotation: true,
                    deletionWindowInDays: KMS_DELETION_WINDOW_DAYS,
                    tags: r.tags,
                },
                { parent: this },
            );
            new aws.kms.Alias(`${name}-secrets`, { name: `alias/${r.clusterName}-secrets`, targetKeyId: key.keyId }, { parent: this });
            encryptionKeyArn = key.arn;
        }
        // EKS would create this group itself with no expiry; creating it first sets the retention.
        const logGroups =
            r.logs.types.length > 0
                ? [
                      new aws.cloudwatch.LogGroup(
                          `${name}-control-plane-logs`,
                          { name: `/aws/eks/${r.clusterName}/cluster`, retentionInDays: r.logs.retentionDays, tags: r.tags },
                          { parent: this },
                      ),
                  ]
                : [];

        const network = createNetwork(name, r.network, r.tags, this);
        this.vpcId = network.vpcId;
        this.privateSubnetIds = network.privateSubnetIds;
        this.cluster = new eks.Cluster(`${name}-cluster`, clusterInputs(r, network, encryptionKeyArn), { parent: this, dependsOn: logGroups });
        // The name is ours, but reading it through the cluster makes its readers wait for the cluster.
        this.clusterName = this.cluster.kubeconfigJson.apply(() => r.clusterName);
        this.oidcProviderArn = this.cluster.oidcProviderArn;
        this.kubeconfig = pulumi.secret(
            this.cluster.kubeconfigJson.apply((json) =>
                eksKubeconfig({ ...clusterConnectionFromKubeconfig(json), clusterName: r.clusterName, region: r.region, ...r.kubeconfigAuth }),
            ),
        );
        // The cluster's ARN, known before the cluster is: a new kubeconfig (endpoint, token command)
        // updates the provider instead of replacing it and everything it deployed.
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        this.kubernetesProvider = new k8s.Provider(
            `${name}-k8s`,
            { kubeconfig: this.kubeconfig, clusterIdentifier: account.apply((id) => eksClusterArn(r.region, id, r.clusterName)) },
            { parent: this },
        );

        const nodes = createNodes(
            name,
            {
                cluster: this.cluster,
                clusterName: r.clusterName,
                region: r.region,
                kubernetesVersion: r.kubernetesVersion,
                privateSubnetIds: network.privateSubnetIds,
                nodes: r.nodes,
                jobNodes: r.jobNodes,
                tags: r.tags,
            },
            this,
        );
        this.nodeGroups = nodes.groups;

        const bucket = r.bucket.kind === "new" ? createLogBucket(name, r.bucket, r.tags, this) : undefined;
        this.bucketName = bucket ? bucket.bucket.bucket : pulumi.output(r.bucket.kind === "existing" ? r.bucket.name : "");

        const needsRole = r.secretsManagerGrant !== undefined || storageUsesRole(r.bucket);
        const role = needsRole
            ? createDataPlaneRole(
                  name,
                  {
                      clusterName: r.clusterName,
                      oidcProviderArn: this.cluster.oidcProviderArn,
                      oidcIssuer: this.cluster.oidcIssuer,
                      namespace: r.namespace,
                      serviceAccountName: r.serviceAccountName,
                      secretsManager: r.secretsManagerGrant,
                      controlPlaneRoleArn: r.controlPlaneRoleArn,
                      storage: storageUsesRole(r.bucket)
                          ? { bucket: this.bucketName, region: r.bucket.region, kmsKeyArn: r.bucket.kind === "new" ? r.bucket.kmsKeyArn : undefined }
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
            secretsManager: dataPlaneSecretsManager(r.secretsManager),
            storage: dataPlaneStorage(r.bucket, this.bucketName),
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
