import type { GkeCluster } from "../../components/gcp";
import type { GkeClusterArgs } from "../../components/gcp/args";
import { ComponentTestRun, componentTests } from "../support/harness";

export { isSecret, reasons, thrown, valueOf } from "../support/outputs";

/** Config every GKE test starts from. */
export const BASE_CONFIG: Record<string, string> = {
    "gcp:project": "flexplane-gke",
    "gcp:region": "europe-west1",
};

/** The deployers' network every test cluster's public endpoint admits (TEST-NET-3). */
export const DEPLOYERS = ["203.0.113.0/24"];

/** The smallest valid arguments: Autopilot in europe-west1, secrets in another project, the deployers' network. */
export function baseArgs(overrides: Partial<GkeClusterArgs> = {}): GkeClusterArgs {
    return {
        project: "flexplane-gke",
        location: "europe-west1",
        secretsManager: { gcp: { projectId: "airbyte-secrets" } },
        apiServer: { authorizedCidrs: DEPLOYERS },
        ...overrides,
    };
}

/** A fresh harness with the base config before each test; `deploy` builds GkeCluster `eu` from `baseArgs`. */
export function gkeTests(): ComponentTestRun<GkeClusterArgs, GkeCluster> {
    return componentTests<GkeClusterArgs, GkeCluster>({
        config: BASE_CONFIG,
        baseArgs,
        defaultName: "eu",
        create: async (name, args) => new (await import("../../components/gcp")).GkeCluster(name, args),
    });
}
