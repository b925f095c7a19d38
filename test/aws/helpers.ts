import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { HarnessOptions, MockHarness, RecordedOptions } from "../../tools/harness/runtime";
import type { EksClusterArgs } from "../../components/aws/args";

/** Config every EKS test starts from: the cluster in eu-west-1. */
export const BASE_CONFIG: Record<string, string> = { "aws:region": "eu-west-1" };

/** The control plane's declared store: Secrets Manager in another region and account than the cluster's. */
export const DECLARED_STORE = { region: "us-east-1", accountId: "210987654321" } as const;

/** Installs a fresh harness with the base config plus `options.config`. */
export function installHarness(options: HarnessOptions = {}): MockHarness {
    return MockHarness.install({ ...options, config: { ...BASE_CONFIG, ...(options.config ?? {}) } });
}

/** The deployers' addresses every test cluster's public endpoint admits (TEST-NET-3). */
export const DEPLOYER_CIDRS = ["203.0.113.0/24"];

/** The smallest valid arguments: IRSA for the declared store, the deployers' addresses, everything else default. */
export function baseArgs(overrides: Partial<EksClusterArgs> = {}): EksClusterArgs {
    return {
        secretsManager: { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true } },
        endpoint: { publicAccessCidrs: DEPLOYER_CIDRS },
        ...overrides,
    };
}

export { valueOf } from "../support/outputs";

/** The problems of an `InputPropertiesError` thrown by `fn`; fails when `fn` throws anything else. */
export function problemsOf(fn: () => unknown): { propertyPath: string; reason: string }[] {
    try {
        fn();
    } catch (err) {
        assert.ok(pulumi.InputPropertiesError.isInstance(err), `expected InputPropertiesError, got ${err}`);
        return (err as pulumi.InputPropertiesError).errors;
    }
    throw new Error("expected an InputPropertiesError, but nothing was thrown");
}

/** Asserts that `fn` reports a problem at `path` whose reason matches `fix`. */
export function expectProblem(fn: () => unknown, path: string, fix: RegExp): void {
    const problems = problemsOf(fn);
    const found = problems.filter((p) => p.propertyPath === path);
    assert.ok(found.length > 0, `no problem at ${path}; got ${JSON.stringify(problems, null, 1)}`);
    assert.ok(found.some((p) => fix.test(p.reason)), `problem at ${path} does not match ${fix}: ${JSON.stringify(found)}`);
}

export type { RecordedOptions };

/** Registration options of what `h` recorded, by resource name or by `type::name`. */
export function registrationOptions(h: MockHarness): { get(key: string): RecordedOptions | undefined } {
    return { get: (key) => h.resources.find((r) => r.name === key || `${r.type}::${r.name}` === key)?.options };
}

/** Parses a JSON policy input recorded by the harness. */
export function policyOf(json: unknown): any {
    assert.equal(typeof json, "string", `expected a JSON policy string, got ${JSON.stringify(json)}`);
    return JSON.parse(json as string);
}
