/**
 * Builds `ResourceValidationArgs` and `StackValidationArgs` the way @pulumi/policy 1.21's analyzer
 * server does (server.ts `makeAnalyzeRpcFun` / `makeAnalyzeStackRpcFun`): props deserialized to
 * plain JSON (secrets already decrypted), unknowns as wire sentinels behind `unknownCheckingProxy`,
 * frozen `stackTags`, `getConfig` returning the policy's config with the schema defaults the CLI
 * fills in, and `notApplicable` throwing.
 */
import {
    PolicyProviderResource,
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import {
    engineProps as toEngineProps,
    frozenStackTags,
    notApplicable,
    NotApplicableError,
    resourceOptions,
    typeChecks,
} from "../../engine-args";

/** How tests write an unknown value; turned into the engine's sentinel. */
export { UNKNOWN } from "../../policies/values";

export interface ArgsOptions {
    name?: string;
    urn?: string;
    /** Policy config as the policy-pack config file gives it (schema defaults are added). */
    config?: Record<string, unknown>;
    stackTags?: Record<string, string>;
    parent?: string;
    provider?: { type: string; name: string; props: Record<string, any> };
    /** The policy whose schema defaults `getConfig` fills in. */
    policy?: { configSchema?: { properties: Record<string, any> } };
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::flexplane::${type}::${name}`;
}

/** Props as the engine hands them over after deserializing them to plain JSON. */
export function engineProps(props: Record<string, any>): Record<string, any> {
    return toEngineProps(JSON.parse(JSON.stringify(props ?? {})));
}

function providerOf(p: ArgsOptions["provider"]): PolicyProviderResource | undefined {
    return p && { type: p.type, name: p.name, urn: urnOf(p.type, p.name), props: engineProps(p.props) };
}

function getConfigOf(options: ArgsOptions) {
    const defaults: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(options.policy?.configSchema?.properties ?? {})) {
        if (schema?.default !== undefined) {
            defaults[key] = schema.default;
        }
    }
    return <T extends object>() => ({ ...defaults, ...(options.config ?? {}) }) as T;
}

export function resourceArgs(type: string, props: Record<string, any>, options: ArgsOptions = {}): ResourceValidationArgs {
    const name = options.name ?? "subject";
    const proxied = engineProps(props);
    const provider = providerOf(options.provider);
    return {
        type,
        props: proxied,
        urn: options.urn ?? urnOf(type, name),
        name,
        opts: resourceOptions(options.parent),
        ...(provider ? { provider } : {}),
        stackTags: frozenStackTags(options.stackTags),
        ...typeChecks(type, proxied),
        getConfig: getConfigOf(options),
        notApplicable,
    };
}

/** A resource of a stack under test; `propertyDependencies` name other resources by name. */
export interface StackEntry {
    type: string;
    name: string;
    props: Record<string, any>;
    propertyDependencies?: Record<string, string[]>;
    provider?: ArgsOptions["provider"];
    /** The `protect` resource option. */
    protect?: boolean;
}

export function stackArgs(entries: StackEntry[], options: ArgsOptions = {}): StackValidationArgs {
    const resources: PolicyResource[] = entries.map((e) => {
        const props = engineProps(e.props);
        const provider = providerOf(e.provider);
        return {
            type: e.type,
            name: e.name,
            urn: urnOf(e.type, e.name),
            props,
            opts: resourceOptions(undefined, e.protect === true),
            ...(provider ? { provider } : {}),
            dependencies: [],
            propertyDependencies: {},
            ...typeChecks(e.type, props),
        };
    });
    entries.forEach((e, i) => {
        for (const [key, names] of Object.entries(e.propertyDependencies ?? {})) {
            resources[i].propertyDependencies[key] = names.map((n) => resources.find((r) => r.name === n)!);
        }
        resources[i].dependencies = Object.values(resources[i].propertyDependencies).flat();
    });
    return { resources, stackTags: frozenStackTags(options.stackTags), getConfig: getConfigOf(options), notApplicable };
}

export interface Outcome {
    violations: { message: string; urn?: string }[];
    /** The reason, when the policy declared itself not applicable. */
    notApplicable?: string;
}

/** Runs every validation of a resource policy over one resource, as the engine's `analyze` does. */
export function checkResource(
    policy: ResourceValidationPolicy,
    type: string,
    props: Record<string, any>,
    options: ArgsOptions = {},
): Outcome {
    const outcome: Outcome = { violations: [] };
    for (const validate of [policy.validateResource ?? []].flat()) {
        try {
            validate(resourceArgs(type, props, { policy, ...options }), (message) => outcome.violations.push({ message }));
        } catch (e) {
            if (!(e instanceof NotApplicableError)) {
                throw e;
            }
            outcome.notApplicable = e.reason;
        }
    }
    return outcome;
}

/** Runs a stack policy over the entries, as the engine's `analyzeStack` does. */
export function checkStack(policy: StackValidationPolicy, entries: StackEntry[], options: ArgsOptions = {}): Outcome {
    const outcome: Outcome = { violations: [] };
    try {
        policy.validateStack(stackArgs(entries, { policy, ...options }), (message, urn) =>
            outcome.violations.push({ message, ...(urn ? { urn } : {}) }),
        );
    } catch (e) {
        if (!(e instanceof NotApplicableError)) {
            throw e;
        }
        outcome.notApplicable = e.reason;
    }
    return outcome;
}

/** Messages only, for compact assertions. */
export function messages(outcome: Outcome): string[] {
    return outcome.violations.map((v) => v.message);
}

/** A deep copy of `value` with the dotted `path` set (or removed when `next` is undefined). */
export function mutate<T>(value: T, path: string, next: unknown): T {
    const copy = JSON.parse(JSON.stringify(value));
    const keys = path.split(".");
    let at = copy;
    for (const key of keys.slice(0, -1)) {
        at[key] ??= {};
        at = at[key];
    }
    const last = keys[keys.length - 1];
    if (next === undefined) {
        delete at[last];
    } else {
        at[last] = next;
    }
    return copy;
}
