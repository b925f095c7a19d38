import * as pulumi from "@pulumi/pulumi";
import { HarnessOptions, MockHarness } from "../../tools/harness/runtime";
import type { GkeClusterArgs } from "../../components/gcp/args";

/** Config every GKE test starts from. */
export const BASE_CONFIG: Record<string, string> = {
    "gcp:project": "flexplane-gke",
    "gcp:region": "europe-west1",
};

/** Installs a fresh harness with the base config plus `config`. */
export function installHarness(options: HarnessOptions = {}): MockHarness {
    return MockHarness.install({ ...options, config: { ...BASE_CONFIG, ...(options.config ?? {}) } });
}

/** The smallest valid arguments: Autopilot in europe-west1, secrets in another project. */
export function baseArgs(overrides: Partial<GkeClusterArgs> = {}): GkeClusterArgs {
    return {
        project: "flexplane-gke",
        location: "europe-west1",
        secretsManager: { gcp: { projectId: "airbyte-secrets" } },
        ...overrides,
    };
}

/** Resolves an output (or input) in a mock run. */
export function valueOf<T>(value: pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(value).apply((v) => { resolve(v as T); return v; }));
}

/** Whether an output is marked secret. */
export function isSecret(value: pulumi.Output<unknown>): Promise<boolean> {
    return pulumi.isSecret(value);
}

/** Registration options the harness does not record: retainOnDelete and additionalSecretOutputs per resource name. */
export interface RecordedOptions {
    retainOnDelete: boolean;
    additionalSecretOutputs: string[];
}

/** Records, per resource name, the options sent to the engine. Call right after installing the harness. */
export function recordRegistrationOptions(): Map<string, RecordedOptions> {
    const seen = new Map<string, RecordedOptions>();
    const monitor = pulumi.runtime.getMonitor() as any;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: any) => {
        seen.set(req.getName(), {
            retainOnDelete: req.getRetainondelete?.() === true,
            additionalSecretOutputs: req.getAdditionalsecretoutputsList?.() ?? [],
        });
        return register(req, callback);
    };
    return seen;
}

/** Captures `pulumi.log.warn` messages until `restore` is called. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
    const log = pulumi.log as any;
    const original = log.warn;
    const messages: string[] = [];
    log.warn = (message: string) => {
        messages.push(message);
        return Promise.resolve();
    };
    return { messages, restore: () => { log.warn = original; } };
}

/** Runs `fn` and returns the error it throws; fails when it does not throw. */
export function thrownBy(fn: () => unknown): Error {
    try {
        fn();
    } catch (error) {
        return error as Error;
    }
    throw new Error("expected an error, none was thrown");
}
