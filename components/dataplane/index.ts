export * from "./args";
export { DataPlane, valuesPlan } from "./dataplane";
export { resolveDataPlaneSettings, normalizeAirbyteUrl } from "./validate";
export type { DataPlaneSettings } from "./validate";
export * from "./values";
export { extraValuesProblems, mergeValues, INLINE_SECRET_KEYS } from "./extra-values";
export { gcsKeySecretData, secretData } from "./secret-data";
export { defaultEdition, EDITIONS, isEdition, AIRBYTE_CLOUD_HOSTS } from "./edition";
export type { Edition } from "./edition";
export { launcherExtraEnv, LAUNCHER_ENV } from "./launcher-env";
export type { LauncherEnvVar } from "./launcher-env";
export { createMetadataNetworkPolicies, resolveMetadataNetworkPolicy } from "./network-policy";
export {
    DEFAULT_METADATA_NETWORK_POLICY,
    JOB_POD_LABEL,
    METADATA_IPV4_CIDRS,
    METADATA_IPV6_CIDRS,
    METADATA_NETWORK_POLICY_MODES,
    metadataPolicySpec,
} from "./metadata-policy";
export type { MetadataNetworkPolicyMode } from "./metadata-policy";
