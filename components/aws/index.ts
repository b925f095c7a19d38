/**
 * `flexplane/aws`: the AWS side of an Airbyte Enterprise Flex data plane. Loads `@pulumi/aws`,
 * `@pulumi/awsx` (only for a new VPC), `@pulumi/eks` and `@pulumi/kubernetes` only; nothing of GCP or Azure.
 * The components, their argument types and the control-plane JSON builders; internals are not exported.
 */
import "./require-peers";
export { EksCluster } from "./component";
export { EksCapacityType, EksControlPlaneLogType, EksNatGatewayStrategy } from "./args";
export type {
    EksApiServerOptions,
    EksBucketAccessLogOptions,
    EksClusterArgs,
    EksControlPlaneLogOptions,
    EksEndpointOptions,
    EksKubeconfigAuth,
    EksLogBucketOptions,
    EksLogStorageOptions,
    EksNetworkOptions,
    EksNodeGroupOptions,
    EksSecretsEncryptionOptions,
} from "./args";
export { ControlPlaneSecretsRole, controlPlaneAccessKeySecretStorageJson, controlPlaneSecretStorageJson } from "./control-plane-role";
export type {
    AccessKeySecretStorage,
    ControlPlaneSecretsRoleArgs,
    ControlPlaneSecretsStoreOptions,
    IamRoleSecretStorage,
    SecretStorageCommon,
} from "./control-plane-role";
export type {
    AwsAccessKeys,
    AwsSecretsManagerSpec,
    AzureKeyVaultSpec,
    DataPlaneTarget,
    GcpSecretManagerSpec,
    SecretsManagerSpec,
} from "../shared/types";
export type { MinimumNodeSize } from "../shared/node-size";
