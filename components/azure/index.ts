// The `flexplane/azure` entry point: the AksCluster component and its argument types. It loads only
// azure-native submodules and, when the component creates a service principal, azuread: never the
// AWS or GCP SDKs. Internals (resolvers, input builders) are imported by path in tests, not exported.
import "./require-peers";
export { AksCluster } from "./component";
export {
    AksKubeloginMode,
    AksOutboundType,
    AksSkuTier,
    AksUpgradeChannel,
    AksOsDiskType,
    AksKeyVaultSku,
    AksStorageSku,
    AksLogCategory,
    KubeloginMode,
    OutboundType,
    SkuTier,
    UpgradeChannel,
} from "./args";
export type {
    AksClusterArgs,
    AksNodePoolOptions,
    AksNetworkOptions,
    AksApiServerOptions,
    AksEntraIdOptions,
    AksAuditLogOptions,
    AksSecretsEncryptionOptions,
    AksKeyVaultOptions,
    AksLogStorageOptions,
    NodePoolArgs,
    AksNetworkArgs,
    AksEntraIdArgs,
    AksAuditLogArgs,
    AksSecretsEncryptionArgs,
    AksKeyVaultArgs,
    AksStorageArgs,
} from "./args";
export type { MinimumNodeSize } from "../shared/node-size";
export type {
    DataPlaneTarget,
    SecretsManagerSpec,
    AwsSecretsManagerSpec,
    AwsAccessKeys,
    GcpSecretManagerSpec,
    AzureKeyVaultSpec,
    StorageSpec,
    S3StorageSpec,
    GcsStorageSpec,
    AzureBlobStorageSpec,
    PodScheduling,
    Toleration,
} from "../shared/types";
