import type { Policies } from "@pulumi/policy";
import { gcpNoLongLivedServiceAccountKeys } from "./advisory";
import { clusterEndpointRestricted } from "./endpoints";
import { eksNoFargate, nodesSpanTwoZones } from "./clusters";
import { eksNodesHardened } from "./nodes";
import { aksClusterHardened, clustersDeletionProtected, gkeSecretsEncrypted, kubernetesProvidersIdentified } from "./protection";
import { lifecycleDeletesJobLogsOnly, s3AccessLogged } from "./storage-lifecycle";
import { dataPlaneChartPinned, helmValuesNoPlaintextSecrets } from "./helm";
import { dataPlaneEgressOnly, nodesWithoutPublicIps } from "./network";
import { clusterNetworkPolicyEnforced, connectorPodsOffMetadata } from "./network-policies";
import { secretsManagerAccessTagScoped } from "./secrets-access";
import { secretsManagerMatchesControlPlane } from "./secrets-manager";
import { azureLogStoragePrivate, gcsLogBucketsPrivate, s3LogBucketsProtected } from "./storage";

export * from "./config";
export * from "./identity";
export { CREDENTIAL_PATTERNS, CREDENTIAL_VALUE_KEYS, credentialLookalikes } from "./helm";
export { SECRETS_MANAGER_IDENTITY_ANNOTATION, MANAGED_BY_LABEL, MANAGED_BY_VALUE, CHART_NAME, isDataPlaneChart } from "./tokens";

/** Cluster shape: where the data plane's pods may run, on nodes that keep their credentials to themselves. */
export const clusterPolicies = [
    eksNoFargate,
    nodesSpanTwoZones,
    eksNodesHardened,
    clustersDeletionProtected,
    aksClusterHardened,
    gkeSecretsEncrypted,
    kubernetesProvidersIdentified,
];
/** Network exposure: nothing reaches in; connector pods do not reach the node's credentials. */
export const networkPolicies = [
    dataPlaneEgressOnly,
    nodesWithoutPublicIps,
    clusterEndpointRestricted,
    clusterNetworkPolicyEnforced,
    connectorPodsOffMetadata,
];
/** Secrets: the control plane's store, reached only under the AirbyteManaged tag, no credential in Helm values. */
export const secretPolicies = [secretsManagerMatchesControlPlane, secretsManagerAccessTagScoped, helmValuesNoPlaintextSecrets];
/** Log storage: private, encrypted, TLS only; only job logs expire. */
export const storagePolicies = [s3LogBucketsProtected, gcsLogBucketsPrivate, azureLogStoragePrivate, lifecycleDeletesJobLogsOnly];
/** Release hygiene. */
export const releasePolicies = [dataPlaneChartPinned];
/** Advisory: worth a look, never blocking. */
export const advisoryPolicies = [gcpNoLongLivedServiceAccountKeys, s3AccessLogged];

/** Every policy of the pack, in the order they report. */
export const allPolicies: Policies = [
    ...clusterPolicies,
    ...networkPolicies,
    ...secretPolicies,
    ...storagePolicies,
    ...releasePolicies,
    ...advisoryPolicies,
];
