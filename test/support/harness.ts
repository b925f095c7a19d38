/**
 * The one way every area's tests set up Pulumi's mock runtime: a fresh harness before each test, with
 * the area's base config, warnings captured, and a `deploy` that builds the component from the area's
 * smallest valid arguments and waits for everything it registered.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { HarnessOptions, MockHarness } from "../../tools/harness/runtime";

/** `pulumi.log.warn` messages captured until `restore` is called. */
export interface CapturedWarnings {
    messages: string[];
    restore: () => void;
}

/** Captures `pulumi.log.warn` messages until `restore` is called. */
export function captureWarnings(): CapturedWarnings {
    const log = pulumi.log as { warn: (message: string) => Promise<void> };
    const original = log.warn;
    const messages: string[] = [];
    log.warn = (message: string) => {
        messages.push(message);
        return Promise.resolve();
    };
    return {
        messages,
        restore: () => {
            log.warn = original;
        },
    };
}

/** The running test's harness and warnings. */
export interface TestRun {
    /** Installed before each test; `install` replaces it (extra config, canned outputs or invokes). */
    h: MockHarness;
    warnings: CapturedWarnings;
    /** Installs a fresh harness with the area's base config plus `options.config`. */
    install(options?: HarnessOptions): MockHarness;
}

/**
 * Before each test of the calling `describe`: a fresh harness with `config`, and warnings captured
 * (restored after the test, so a failing test leaves `pulumi.log.warn` as it was).
 */
export function mockRuntimeEachTest(config: Record<string, string> = {}): TestRun {
    const run: TestRun = {
        h: undefined as unknown as MockHarness,
        warnings: undefined as unknown as CapturedWarnings,
        install(options: HarnessOptions = {}) {
            run.h = MockHarness.install({ ...options, config: { ...config, ...(options.config ?? {}) } });
            return run.h;
        },
    };
    beforeEach(() => {
        run.install();
        run.warnings = captureWarnings();
    });
    afterEach(() => run.warnings.restore());
    return run;
}

/** How one area's component is built in tests. */
export interface ComponentTestSpec<Args, C> {
    /** Stack config every test of the area starts from (provider regions, projects). */
    config?: Record<string, string>;
    /** The smallest valid arguments, with `overrides` on top. */
    baseArgs(overrides?: Partial<Args>): Args;
    /** Builds the component (loading its module after the harness is installed). */
    create(name: string, args: Args): Promise<C>;
    /** The name `deploy` gives the component. */
    defaultName: string;
}

/** The running test's harness and warnings, and the usual first step of a component test. */
export interface ComponentTestRun<Args, C> extends TestRun {
    /** Builds the component from `baseArgs(overrides)` and waits until everything it started has registered. */
    deploy(overrides?: Partial<Args>, name?: string): Promise<C>;
}

/** `mockRuntimeEachTest` with the area's base config, plus `deploy` for the area's component. */
export function componentTests<Args, C>(spec: ComponentTestSpec<Args, C>): ComponentTestRun<Args, C> {
    const run = mockRuntimeEachTest(spec.config) as ComponentTestRun<Args, C>;
    run.deploy = async (overrides = {}, name = spec.defaultName) => {
        const component = await spec.create(name, spec.baseArgs(overrides));
        await run.h.settle();
        return component;
    };
    return run;
}

/** The problems of an `InputPropertiesError` thrown by `fn`; fails when `fn` throws anything else. */
export function problemsOf(fn: () => unknown): pulumi.InputPropertyErrorDetails[] {
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
    assert.ok(
        found.some((p) => fix.test(p.reason)),
        `problem at ${path} does not match ${fix}: ${JSON.stringify(found)}`,
    );
}
