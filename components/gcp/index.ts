/**
 * `flexplane/gcp`: the Google Cloud part of Flexplane. Loads only the GCP and Kubernetes SDKs.
 */
import "./require-peers";
export { GkeCluster } from "./gke-cluster";
export * from "./args";
export { resolveGkeSettings, GCP_PROJECT_ID } from "./validation";
export type { GkeSettings, NetworkPlan } from "./validation";
export { checkNodePools, resolveNodePool, NODE_POOL_NAME } from "./node-pool-validation";
export type { ResolvedNodePool } from "./node-pool-validation";
export { clusterInputs, AUTOPILOT_FORBIDDEN_INPUTS, CLOUD_PLATFORM_SCOPE } from "./cluster";
export { nodePoolInputs, jobScheduling, NODE_POOL_LABEL, JOBS_TAINT } from "./nodes";
export { planIdentity, fillSecretsManager, decodeKey, LONG_LIVED_KEY_WARNING } from "./identity";
export type { IdentityPlan } from "./identity";
export { bucketInputs, bucketResourceOptions } from "./bucket";
export { buildKubeconfig, GKE_AUTH_PLUGIN } from "./kubeconfig";
export { PODS_RANGE_NAME, SERVICES_RANGE_NAME } from "./network";
export { parseLocation, bucketLocationServesRegion, PREDEFINED_DUAL_REGIONS, GCP_REGION, GCP_ZONE } from "./locations";
export { resourceBaseName, serviceAccountId, toGcpLabels, MAX_BASE_NAME_LENGTH, SERVICE_ACCOUNT_ID } from "./names";
export {
    quantityBytes,
    fitsAutopilotEphemeralStorage,
    AUTOPILOT_MAX_POD_EPHEMERAL_STORAGE,
    DEFAULT_JOB_EPHEMERAL_STORAGE,
} from "./quantities";
