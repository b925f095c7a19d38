import * as pulumi from "@pulumi/pulumi";
import { HarnessOptions, MockHarness } from "../../tools/harness/runtime";
import type { GkeCluster } from "../../components/gcp";
import type { GkeClusterArgs } from "../../components/gcp/args";

export { isSecret, reasons, thrown, valueOf } from "../support/outputs";

/** Config every GKE test starts from. */
export const BASE_CONFIG: Record<string, string> = {
    "gcp:project": "flexplane-gke",
    "gcp:region": "europe-west1",
};

/** Installs a fresh harness with the base config plus `config`. */
export function installHarness(options: HarnessOptions = {}): MockHarness {
    return MockHarness.install({ ...options, config: { ...BASE_CONFIG, ...(options.config ?? {}) } });
}

/** The deployers' network every test cluster's public endpoint admits (TEST-NET-3). */
export const DEPLOYERS = [{ cidrBlock: "203.0.113.0/24", displayName: "deployers" }];

/** The smallest valid arguments: Autopilot in europe-west1, secrets in another project, the deployers' network. */
export function baseArgs(overrides: Partial<GkeClusterArgs> = {}): GkeClusterArgs {
    return {
        project: "flexplane-gke",
        location: "europe-west1",
        secretsManager: { gcp: { projectId: "airbyte-secrets" } },
        masterAuthorizedNetworks: DEPLOYERS,
        ...overrides,
    };
}

/** `pulumi.log.warn` messages captured until `restore` is called. */
export interface CapturedWarnings {
    messages: string[];
    restore: () => void;
}

/** Captures `pulumi.log.warn` messages until `restore` is called. */
export function captureWarnings(): CapturedWarnings {
    const log = pulumi.log as any;
    const original = log.warn;
    const messages: string[] = [];
    log.warn = (message: string) => {
        messages.push(message);
        return Promise.resolve();
    };
    return { messages, restore: () => { log.warn = original; } };
}

/** The running test's harness, the warnings logged so far, and the usual first step of a test. */
export interface GkeTestRun {
    h: MockHarness;
    warnings: CapturedWarnings;
    /** Creates GkeCluster `name` from `baseArgs(overrides)` and waits until everything it started has registered. */
    deploy(overrides?: Partial<GkeClusterArgs>, name?: string): Promise<GkeCluster>;
}

/**
 * Before each test of the calling `describe`: a fresh harness with the base config, and warnings
 * captured (restored after the test, so a failing test leaves `pulumi.log.warn` as it was).
 */
export function harnessEachTest(): GkeTestRun {
    const run: GkeTestRun = {
        h: undefined as unknown as MockHarness,
        warnings: undefined as unknown as CapturedWarnings,
        async deploy(overrides = {}, name = "eu") {
            const { GkeCluster } = await import("../../components/gcp");
            const cluster = new GkeCluster(name, baseArgs(overrides));
            await run.h.settle();
            return cluster;
        },
    };
    beforeEach(() => {
        run.h = installHarness();
        run.warnings = captureWarnings();
    });
    afterEach(() => run.warnings.restore());
    return run;
}
