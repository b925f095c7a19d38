import * as path from "path";
import { InputPropertyError } from "@pulumi/pulumi";
import { MockHarness, RecordedResource } from "../harness/runtime";
import { secretsManagerIdentityOf } from "./facts";
import { evaluatePlanPolicies, PolicyReport } from "./policies";
import { PlanReview, reviewPlan } from "./review";
import { Fixtures, readFixtures, readProject, readStackText, stackConfigFor } from "./stack-file";

/** One resource of the plan, as `--json` prints it. */
export interface PlannedResource {
    type: string;
    name: string;
    parent?: string;
    parentType?: string;
    urn: string;
    inputs: Record<string, any>;
    /** Name of the explicit provider the resource was registered with, if any. */
    provider?: string;
    /** Where it is created: cloud, region or location, account, project or subscription. */
    where?: string;
}

/** The result of one offline plan. */
export interface PlanResult {
    stack: string;
    resources: PlannedResource[];
    /** Helm values of every data-plane release, secrets redacted. */
    helmValues: Record<string, unknown>;
    /** Stack outputs, secrets redacted. */
    outputs: Record<string, unknown>;
    /** Config keys that were secret placeholders. */
    secretConfigKeys: string[];
    /** The ESC environments the stack imports (read from local definitions) and the keys they set. */
    environment?: { imports: string; dir: string; keys: string[] };
    /** Stacks the program read (StackReferences: reads, never registrations). */
    stackReads: string[];
    /** Every policy violation, mandatory and advisory; mandatory ones are also in `errors`. */
    policyViolations: { policy: string; enforcementLevel: string; resource?: string; message: string }[];
    /** Where the policy pack's control-plane store came from. */
    policyControlPlaneSource?: string;
    /** Every policy that ran, its level and its violation count. */
    policies: PolicyReport["evaluated"];
    /** What remote components and Helm create beyond the listed resources; facts; cross-stack checks. */
    review?: PlanReview;
    warnings: string[];
    errors: string[];
}

export interface PlanOptions {
    stack: string;
    /** Folder holding `Pulumi.<stack>.yaml`; default `stacks` in the project root. */
    stacksDir?: string;
    /** The stack file's text, instead of reading `<stacksDir>/Pulumi.<stack>.yaml`. */
    stackText?: string;
    /** The project file; default the project's Pulumi.yaml. */
    projectFile?: string;
    /** Folder holding referenced stacks' outputs; default `<stacksDir>/fixtures`. */
    fixturesDir?: string;
    /** Folder holding the definitions (`<name>.yaml`) of the ESC environments stacks import; default `<stacksDir>/environments`. */
    envDir?: string;
    /** Policy-pack config file (`--policy-pack-config` format); default the pack's own defaults. */
    policyConfig?: string;
}

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Runs the real stack program for one stack's config under Pulumi's mock runtime: no credentials,
 * no backend, no cloud. What it checks is the program's own logic; the clouds' checks happen in
 * `pulumi preview`.
 */
export async function runPlan(options: PlanOptions): Promise<PlanResult> {
    const stacksDir = options.stacksDir ?? path.join(ROOT, "stacks");
    const result: PlanResult = {
        stack: options.stack,
        resources: [],
        helmValues: {},
        outputs: {},
        secretConfigKeys: [],
        stackReads: [],
        policyViolations: [],
        policies: [],
        warnings: [],
        errors: [],
    };
    let harness: MockHarness;
    let orgIdentity: string | undefined;
    let engineConfig: Record<string, string>;
    let fixtures: Fixtures;
    try {
        const project = readProject(options.projectFile ?? path.join(ROOT, "Pulumi.yaml"));
        const stackConfig = stackConfigFor(
            project,
            options.stack,
            options.stackText ?? readStackText(stacksDir, options.stack),
            options.envDir ?? path.join(stacksDir, "environments"),
        );
        result.secretConfigKeys = stackConfig.secretKeys;
        result.environment = stackConfig.environment;
        if (stackConfig.cliErrors.length > 0) {
            // `pulumi preview` stops here, before the program runs.
            result.errors.push(...stackConfig.cliErrors);
            return result;
        }
        engineConfig = stackConfig.config;
        fixtures = readFixtures(options.fixturesDir ?? path.join(stacksDir, "fixtures"));
        const orgStack = stackConfig.config["flexplane:orgStack"];
        orgIdentity = orgStack ? (fixtures.outputs[orgStack]?.secretsManagerIdentity as string | undefined) : undefined;
        harness = MockHarness.install({
            project: "flexplane",
            stack: options.stack,
            config: stackConfig.config,
            secretConfigKeys: stackConfig.secretKeys,
            stackOutputs: fixtures.outputs,
        });
    } catch (err) {
        result.errors.push(messageOf(err));
        return result;
    }
    const restore = captureRuntimeLog(result);
    let outputs: Record<string, unknown> = {};
    try {
        const { runStack } = await import("../../program");
        outputs = (await runStack()) ?? {};
    } catch (err) {
        result.errors.push(messageOf(err));
    }
    try {
        await harness.settle();
    } catch (err) {
        result.errors.push(messageOf(err));
    } finally {
        restore();
    }
    result.resources = harness.resources.map(toPlanned);
    result.stackReads = harness.reads.filter((r) => r.type === "pulumi:pulumi:StackReference").map((r) => r.id);
    for (const release of harness.ofType("kubernetes:helm.sh/v3:Release")) {
        result.helmValues[release.name] = release.inputs.values;
    }
    if (result.errors.length === 0) {
        // Outputs of a failed registration never resolve, so they are only read after a clean run.
        result.outputs = await redactOutputs(outputs);
        const ownIdentity = secretsManagerIdentityOf(result.outputs);
        const report = evaluatePlanPolicies(harness.resources, options.policyConfig, orgIdentity, ownIdentity);
        result.policyViolations = report.violations;
        result.policyControlPlaneSource = report.controlPlaneSource;
        result.policies = report.evaluated;
        for (const v of report.violations.filter((v) => v.enforcementLevel === "mandatory")) {
            result.errors.push(`policy ${v.policy}${v.resource ? ` on ${v.resource}` : ""}: ${v.message}`);
        }
    }
    if (result.errors.length === 0) {
        result.review = reviewPlan(result, engineConfig, fixtures);
    }
    return result;
}

function toPlanned(r: RecordedResource): PlannedResource {
    // A provider reference is `<urn>::<id>`; the URN ends with the provider's name.
    const provider = r.options.provider ? r.options.provider.split("::").slice(-2, -1)[0] : undefined;
    return {
        type: r.type,
        name: r.name,
        ...(r.parent ? { parent: r.parent, parentType: r.parentType } : {}),
        urn: r.urn,
        inputs: r.inputs,
        ...(provider ? { provider } : {}),
    };
}

/** The mock runtime logs through console; errors and warnings belong in the plan's report. */
function captureRuntimeLog(result: PlanResult): () => void {
    const { error, warn } = console;
    const onRejection = (reason: unknown) => result.errors.push(messageOf(reason));
    console.error = (...args: unknown[]) =>
        result.errors.push(
            args
                .map(String)
                .join(" ")
                .replace(/^error: \[runtime\] /, ""),
        );
    console.warn = (...args: unknown[]) =>
        result.warnings.push(
            args
                .map(String)
                .join(" ")
                .replace(/^warning: \[runtime\] /, ""),
        );
    process.on("unhandledRejection", onRejection);
    return () => {
        console.error = error;
        console.warn = warn;
        process.off("unhandledRejection", onRejection);
    };
}

async function redactOutputs(outputs: Record<string, unknown>): Promise<Record<string, unknown>> {
    const pulumi = await import("@pulumi/pulumi");
    const resolved: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(outputs)) {
        resolved[key] = await resolveRedacted(pulumi, value);
    }
    return resolved;
}

async function resolveRedacted(pulumi: typeof import("@pulumi/pulumi"), value: unknown): Promise<unknown> {
    if (pulumi.Output.isInstance(value)) {
        const output = value as any;
        if (await output.isSecret) {
            return "[secret]";
        }
        return resolveRedacted(pulumi, await output.promise());
    }
    if (Array.isArray(value)) {
        return Promise.all(value.map((v) => resolveRedacted(pulumi, v)));
    }
    if (value && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            out[k] = await resolveRedacted(pulumi, v);
        }
        return out;
    }
    return value;
}

function messageOf(err: unknown): string {
    // The engine shows an input error's property beside its reason; the plan has only this line.
    if (InputPropertyError.isInstance(err)) {
        return `${err.propertyPath}: ${err.reason}`;
    }
    if (err instanceof Error) {
        return err.message;
    }
    return String(err);
}
