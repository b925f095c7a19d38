// The `flexplane/azure` entry point. It loads only azure-native submodules and azuread: never the
// AWS or GCP SDKs; azuread only when the component creates a service principal.
import "./require-peers";
export { AksCluster, managedClusterArgs } from "./cluster";
export * from "./args";
export { resolveAksCluster } from "./validation";
export type { ResolvedAksCluster, ResolvedKeyVault } from "./validation";
export type { ResolvedPool } from "./validation-pools";
export { SYSTEM_POOL_TAINT, SYSTEM_POOL_DEFAULTS, WORKLOAD_POOL_DEFAULTS } from "./validation-pools";
export type { ResolvedNetwork } from "./validation-network";
export { NETWORK_DEFAULTS } from "./validation-network";
export { vaultNameFromUrl, defaultStorageAccountName, dnsPrefixFor, isPoolName, KEY_VAULT_DNS_SUFFIXES } from "./names";
export { tolerationForTaint, taintText, schedulingForPool, AGENT_POOL_LABEL } from "./taints";
export { decodeKubeconfig, withKubeloginMode } from "./kubeconfig";
export { connectionString, endpointSuffixOf, DEFAULT_ENDPOINT_SUFFIX } from "./storage";
export { vaultMismatches } from "./keyvault";
export type { ObservedVault } from "./keyvault";
export { BUILT_IN_ROLES, roleDefinitionId } from "./roles";
export type { DataPlaneTarget, SecretsManagerSpec, StorageSpec } from "../shared/types";
