/**
 * `flexplane/aws`: the AWS side of an Airbyte Enterprise Flex data plane. Loads `@pulumi/aws`,
 * `@pulumi/awsx` (only for a new VPC), `@pulumi/eks` and `@pulumi/kubernetes` only; nothing of GCP or Azure.
 */
import "./require-peers";
export { EksCluster, clusterInputs } from "./cluster";
export type {
    EksClusterArgs,
    EksVpcOptions,
    EksNodeGroupOptions,
    EksEndpointOptions,
    EksControlPlaneLogOptions,
    EksLogBucketOptions,
} from "./args";
export {
    ControlPlaneSecretsRole,
    controlPlaneSecretStorageJson,
    controlPlaneAccessKeySecretStorageJson,
    isValidExternalId,
    roleAccountProblem,
} from "./control-plane-role";
export type {
    ControlPlaneSecretsRoleArgs,
    IamRoleSecretStorage,
    AccessKeySecretStorage,
    SecretStorageCommon,
} from "./control-plane-role";
export * from "./constants";
export * from "./arns";
export * from "./policies";
export { eksKubeconfig, clusterConnectionFromKubeconfig } from "./kubeconfig";
export type { KubeconfigAuth, EksKubeconfigInput, ClusterConnection } from "./kubeconfig";
export { subnetProblems, subnetMasks } from "./network";
export type { SubnetFacts } from "./network";
export { NODE_MANAGED_POLICIES, JOB_NODE_TAINT, jobPodScheduling, nodeGroupInputs } from "./nodes";
export { encryptionRule, lifecycleRules } from "./bucket";
export { dataPlaneSecretsManager, dataPlaneStorage, storageUsesRole } from "./target";
export { resolveEksClusterArgs, secretsManagerGrant, fargatePaths, KNOWN_KEYS } from "./validation";
export type { ResolvedEksCluster } from "./validation";
export type {
    DataPlaneTarget,
    SecretsManagerSpec,
    AwsSecretsManagerSpec,
    AwsAccessKeys,
    StorageSpec,
    S3StorageSpec,
    PodScheduling,
} from "../shared/types";
export { DEFAULT_NAMESPACE, DEFAULT_SERVICE_ACCOUNT_NAME, AIRBYTE_MANAGED_TAG } from "../shared/types";
