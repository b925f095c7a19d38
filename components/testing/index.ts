/**
 * `flexplane/testing`: canned outputs for unit tests of programs that use Flexplane, under Pulumi's
 * mock runtime (`pulumi.runtime.setMocks`, https://www.pulumi.com/docs/iac/guides/testing/unit/).
 *
 * `@pulumi/eks`'s Cluster and ManagedNodeGroup, `@pulumi/awsx`'s Vpc and `helm.v4.Chart` are remote
 * components: under mocks they are one resource with no children and no outputs, so EksCluster
 * would read an undefined kubeconfig. These tables answer them, and the other resources and data
 * sources the components read back, with values shaped like the real ones. Loads no cloud SDK.
 * This repository's offline plan and tests use the same tables (tools/harness/canned).
 */
export { cannedInvoke, cannedOutputs, flexplaneMocks, remoteComponentOutputs } from "./tables";
export type { FlexplaneMockOptions } from "./tables";
export type { CannedInvokes, CannedOutputs } from "./types";
export { awsInvokes, awsOutputs, awsxVpcOutputs, eksClusterOutputs } from "./aws";
export { gcpInvokes, gcpOutputs } from "./gcp";
export { azureInvokes, azureOutputs } from "./azure";
export { kubernetesOutputs } from "./kubernetes";
