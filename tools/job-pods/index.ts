/**
 * A model of what Airbyte's data-plane chart and workload launcher give connector (job) pods, and the
 * contract those pods need. Used by the tests and available to the offline plan; not part of the
 * published package (a model of outside systems, kept beside the tools that check plans).
 */
export { renderLauncher, jobPullSecretValue } from "./chart";
export type { ChartValues, EnvSource, LauncherPod, RenderedChart, SecretVolume, ChartSecret } from "./chart";
export { buildJobPod } from "./launcher";
export type { JobContainer, JobContainerKind, JobEnvSource, JobPod } from "./launcher";
export { checkJobPodContract, plannedSecrets } from "./contract";
export type { ContractArea, ContractInput, ContractProblem, ContractResult, PlannedSecrets } from "./contract";
