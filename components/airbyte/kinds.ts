/**
 * Discriminators stored in every Airbyte resource's inputs. The offline plan's canned outputs and any tool
 * reading state recognize the resources by them, whatever the resource type or name.
 */
export const AIRBYTE_REGION_KIND = "airbyte-region" as const;
export const AIRBYTE_DATAPLANE_KIND = "airbyte-dataplane" as const;

/** Pulumi type tokens of the two dynamic resources (distinct, so a region and a data plane may share a name). */
export const AIRBYTE_REGION_TYPE = "pulumi-nodejs:dynamic/flexplane:AirbyteRegion" as const;
export const AIRBYTE_DATAPLANE_TYPE = "pulumi-nodejs:dynamic/flexplane:AirbyteDataplane" as const;

export const AIRBYTE_CREDENTIAL_CHECK_KIND = "airbyte-dataplane-credential-check" as const;
export const AIRBYTE_HEALTH_CHECK_KIND = "airbyte-dataplane-health-check" as const;
export const AIRBYTE_WORKSPACE_REGION_KIND = "airbyte-workspace-region" as const;

export const AIRBYTE_CREDENTIAL_CHECK_TYPE = "pulumi-nodejs:dynamic/flexplane:AirbyteDataplaneCredentialCheck" as const;
export const AIRBYTE_HEALTH_CHECK_TYPE = "pulumi-nodejs:dynamic/flexplane:AirbyteDataplaneHealthCheck" as const;
export const AIRBYTE_WORKSPACE_REGION_TYPE = "pulumi-nodejs:dynamic/flexplane:AirbyteWorkspaceRegion" as const;

/**
 * Type tokens of the same resources served by the Flexplane plugin to every Pulumi language (custom resources of
 * package `flexplane`, handled by the plugin's own provider instead of the engine's `pulumi-nodejs`).
 */
export const AIRBYTE_REGION_TOKEN = "flexplane:index:AirbyteRegion" as const;
export const AIRBYTE_DATAPLANE_TOKEN = "flexplane:index:AirbyteDataplane" as const;
export const AIRBYTE_CREDENTIAL_CHECK_TOKEN = "flexplane:index:AirbyteDataplaneCredentialCheck" as const;
export const AIRBYTE_HEALTH_CHECK_TOKEN = "flexplane:index:AirbyteDataplaneHealthCheck" as const;
export const AIRBYTE_WORKSPACE_REGION_TOKEN = "flexplane:index:AirbyteWorkspaceRegion" as const;
