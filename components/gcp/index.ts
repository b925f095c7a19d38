/**
 * `flexplane/gcp`: the Google Cloud part of Flexplane. Loads only the GCP and Kubernetes SDKs.
 * Exports the component, its argument types and the documented helpers; everything else is internal.
 */
import "./require-peers";
export { GkeCluster } from "./component";
export { GkeMode, GkeReleaseChannel } from "./args";
export type {
    GkeApiServerOptions,
    GkeAuthorizedNetwork,
    GkeClusterArgs,
    GkeExistingNetworkArgs,
    GkeLogStorageArgs,
    GkeNewNetworkArgs,
    GkeNodePoolArgs,
    GkeSecretsEncryptionArgs,
} from "./args";
export type { MinimumNodeSize } from "../shared/node-size";
export type {
    AwsAccessKeys,
    AwsSecretsManagerSpec,
    AzureKeyVaultSpec,
    DataPlaneTarget,
    GcpSecretManagerSpec,
    SecretsManagerSpec,
} from "../shared/types";
export { fitsAutopilotEphemeralStorage } from "./quantities";
