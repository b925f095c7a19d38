// The `flexplane` entry point: the cloud-agnostic DataPlane, the Airbyte API resources and the types
// they take. It loads no AWS, Google Cloud or Azure SDK; those live behind `flexplane/aws`,
// `flexplane/gcp` and `flexplane/azure`. Everything else is internal: docs/packaging.md lists this
// surface, and a test keeps the two equal.

import type * as pulumi from "@pulumi/pulumi";
import { DataPlane as DataPlaneComponent } from "./dataplane/component";
import type { DataPlaneTypeScriptArgs } from "./dataplane/args";

// DataPlane: the chart on any cluster (docs/dataplane.md).
/**
 * The component class the plugin serves to every language, typed so that TypeScript arguments may
 * still carry the deprecated `kubernetesProvider` and `dependsOn` (a spread `dataPlaneTarget` does).
 */
export const DataPlane: typeof DataPlaneComponent & {
    new (name: string, args: DataPlaneTypeScriptArgs, opts?: pulumi.ComponentResourceOptions): DataPlaneComponent;
} = DataPlaneComponent;
export type DataPlane = DataPlaneComponent;
export type { DataPlaneArgs, DataPlaneChartArgs, DataPlaneTypeScriptArgs } from "./dataplane/args";
export { DEFAULT_AIRBYTE_URL, DEFAULT_CHART_VERSION, SUPPORTED_CHART_VERSIONS } from "./dataplane/args";
export { Edition } from "./dataplane/edition";
export { MetadataNetworkPolicyMode } from "./dataplane/metadata-policy";
export { buildValues } from "./dataplane/values";
export type { ChartValues, ValuesPlan } from "./dataplane/values";

// What every cluster component hands DataPlane, and the specs it is made of.
export { DEFAULT_NAMESPACE, DEFAULT_SERVICE_ACCOUNT_NAME, TolerationEffect, TolerationOperator } from "./shared/types";
export type {
    AwsAccessKeys,
    AwsSecretsManagerSpec,
    AzureBlobStorageSpec,
    AzureKeyVaultSpec,
    DataPlaneTarget,
    GcpSecretManagerSpec,
    GcsStorageSpec,
    PodScheduling,
    ResourceQuantities,
    ResourceRequirements,
    S3StorageSpec,
    SecretsManagerSpec,
    StorageSpec,
    Toleration,
} from "./shared/types";
export type { ClusterAccess } from "./shared/access";

// Airbyte's control plane (docs/airbyte-api.md).
export { AirbyteRegion } from "./airbyte/region";
export type { AirbyteRegionArgs } from "./airbyte/region";
export { AirbyteDataplane } from "./airbyte/dataplane";
export type { AirbyteDataplaneArgs } from "./airbyte/dataplane";
export { AirbyteWorkspaceRegion } from "./airbyte/workspace";
export type { AirbyteWorkspaceRegionArgs } from "./airbyte/workspace";
export { AirbyteDataplaneCredentialCheck } from "./airbyte/credential-check";
export type { AirbyteDataplaneCredentialCheckArgs } from "./airbyte/credential-check";
export { AirbyteDataplaneHealthCheck } from "./airbyte/health-check";
export type { AirbyteDataplaneHealthCheckArgs } from "./airbyte/health-check";
export type { DataPlaneConnectionArgs, DataPlaneHealthWaitArgs } from "./airbyte/connection-proof";
export type { AirbyteApplicationArgs, AirbyteConnectionArgs } from "./airbyte/resource-common";
export { AirbyteClient } from "./airbyte/client";
export type { AirbyteClientOptions } from "./airbyte/http";
export { AirbyteApiError } from "./airbyte/errors";
export type { AirbyteErrorKind } from "./airbyte/errors";
export { apiUrlForAirbyteUrl } from "./airbyte/url";

// Airbyte's two cross-stack rules, for programs that check them themselves (docs/cross-stack.md).
export { secretsManagerIdentity } from "./shared/identity";
export { checkControlPlaneStore, checkHaPeer } from "./shared/rules";
export type { DataPlaneDescriptor, RuleViolation } from "./shared/rules";
