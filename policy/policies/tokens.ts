import { CHART_NAME } from "../../components/dataplane/args";

/**
 * Type tokens of the resources the policies look at, as they appear in a preview: remote
 * components (`eks:index:*`) register their inputs under their own token, and their children
 * appear under the cloud providers' tokens.
 */
export const T = {
    eksCluster: "eks:index:Cluster",
    eksManagedNodeGroup: "eks:index:ManagedNodeGroup",
    eksNodeGroup: "eks:index:NodeGroup",
    eksNodeGroupV2: "eks:index:NodeGroupV2",
    awsEksCluster: "aws:eks/cluster:Cluster",
    awsEksNodeGroup: "aws:eks/nodeGroup:NodeGroup",
    awsFargateProfile: "aws:eks/fargateProfile:FargateProfile",
    awsLaunchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    iamRole: "aws:iam/role:Role",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamPolicy: "aws:iam/policy:Policy",
    iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
    iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    s3Encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3EncryptionV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    s3BucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    s3Lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    s3LifecycleV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    s3Logging: "aws:s3/bucketLogging:BucketLogging",
    s3LoggingV2: "aws:s3/bucketLoggingV2:BucketLoggingV2",
    gkeCluster: "gcp:container/cluster:Cluster",
    gkeNodePool: "gcp:container/nodePool:NodePool",
    gcsBucket: "gcp:storage/bucket:Bucket",
    gcpServiceAccountKey: "gcp:serviceaccount/key:Key",
    aksCluster: "azure-native:containerservice:ManagedCluster",
    azureLockByScope: "azure-native:authorization:ManagementLockByScope",
    azureLockAtResource: "azure-native:authorization:ManagementLockAtResourceLevel",
    azureDiagnosticSetting: "azure-native:monitor:DiagnosticSetting",
    azureInsightsDiagnosticSetting: "azure-native:insights:DiagnosticSetting",
    aksAgentPool: "azure-native:containerservice:AgentPool",
    azureStorageAccount: "azure-native:storage:StorageAccount",
    azureBlobContainer: "azure-native:storage:BlobContainer",
    k8sProvider: "pulumi:providers:kubernetes",
    k8sSecret: "kubernetes:core/v1:Secret",
    k8sService: "kubernetes:core/v1:Service",
    k8sNetworkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    k8sServicePatch: "kubernetes:core/v1:ServicePatch",
    helmRelease: "kubernetes:helm.sh/v3:Release",
    helmChartV4: "kubernetes:helm.sh/v4:Chart",
} as const;

/** Ingress in every API group that ever served it, and its patch forms. */
export const INGRESS_TYPES: string[] = ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"].flatMap((group) => [
    `kubernetes:${group}:Ingress`,
    `kubernetes:${group}:IngressPatch`,
]);

/**
 * The chart every data plane installs, and the label and annotation the DataPlane component puts on
 * the Secret it creates: the component's own constants (args.ts loads no SDK at run time).
 */
export { CHART_NAME, MANAGED_BY_LABEL, MANAGED_BY_VALUE, SECRETS_MANAGER_IDENTITY_ANNOTATION } from "../../components/dataplane/args";

/**
 * Whether a Helm `chart` reference names the data-plane chart: `airbyte-data-plane`,
 * `airbyte/airbyte-data-plane`, `oci://…/airbyte-data-plane` or a `…/airbyte-data-plane-<v>.tgz` URL.
 */
export function isDataPlaneChart(chart: unknown): boolean {
    if (typeof chart !== "string") {
        return false;
    }
    const last = chart.trim().replace(/\/+$/, "").split("/").pop() ?? "";
    return last === CHART_NAME || new RegExp(`^${CHART_NAME}-\\d[^/]*\\.tgz$`).test(last);
}

export const HELM_TYPES: string[] = [T.helmRelease, T.helmChartV4];
