export { AirbyteClient } from "./client";
export type {
    AirbyteDataplaneCredentials,
    AirbyteDataplaneHealth,
    AirbyteDataplaneInfo,
    AirbyteObjectInfo,
    AirbyteRegionInfo,
    AirbyteWorkspaceInfo,
    CreateDataplaneRequest,
    CreateRegionRequest,
    NameEnabledPatch,
} from "./client";
export { AirbyteApiError } from "./errors";
export type { AirbyteErrorKind } from "./errors";
export type { AirbyteClientOptions } from "./http";
export { DEFAULT_RETRY_POLICY } from "./retry";
export type { RetryPolicy } from "./retry";
export { apiUrlForAirbyteUrl, checkAirbyteUrl, checkApiUrl, DEFAULT_AIRBYTE_API_URL, normalizeApiUrl } from "./url";
export {
    AIRBYTE_CREDENTIAL_CHECK_KIND,
    AIRBYTE_CREDENTIAL_CHECK_TYPE,
    AIRBYTE_DATAPLANE_KIND,
    AIRBYTE_DATAPLANE_TYPE,
    AIRBYTE_HEALTH_CHECK_KIND,
    AIRBYTE_HEALTH_CHECK_TYPE,
    AIRBYTE_REGION_KIND,
    AIRBYTE_REGION_TYPE,
    AIRBYTE_WORKSPACE_REGION_KIND,
    AIRBYTE_WORKSPACE_REGION_TYPE,
} from "./kinds";
export type { AirbyteApplicationArgs, AirbyteConnectionArgs, AirbyteObjectArgs } from "./resource-common";
export type { AirbyteObjectResource } from "./resource-common";
export { AirbyteRegion, createRegionProvider, RESERVED_REGION_NAMES } from "./region";
export type { AirbyteRegionArgs, AirbyteRegionState } from "./region";
export { AirbyteDataplane, createDataplaneProvider } from "./dataplane";
export type { AirbyteDataplaneArgs, AirbyteDataplaneState } from "./dataplane";
export { AirbyteDataplaneCredentialCheck, createCredentialCheckProvider, exchangeDataplaneCredentials } from "./credential-check";
export type { AirbyteDataplaneCredentialCheckArgs } from "./credential-check";
export { AirbyteDataplaneHealthCheck, createHealthCheckProvider, DEFAULT_HEALTH_TIMEOUT_SECONDS } from "./health-check";
export type { AirbyteDataplaneHealthCheckArgs } from "./health-check";
export { AirbyteWorkspaceRegion, createWorkspaceRegionProvider } from "./workspace";
export type { AirbyteWorkspaceRegionArgs } from "./workspace";
export type { DataPlaneConnectionArgs, DataPlaneHealthWaitArgs } from "./connection-proof";
export type { ProviderClientOptions } from "./provider-common";
