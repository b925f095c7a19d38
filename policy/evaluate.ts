/**
 * Runs the pack's policies over a list of planned resources the way the Pulumi engine runs them in
 * a preview, without the engine: the offline plan calls this with the resources it recorded.
 */
import {
    EnforcementLevel,
    Policies,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationPolicy,
    StackValidationPolicy,
    UnknownValueError,
} from "@pulumi/policy";
import { engineProps, frozenStackTags, notApplicable, NotApplicableError, resourceOptions, typeChecks } from "./engine-args";
import { allPolicies, CONFIG_OWNERS, CONFIG_PROPERTIES, PolicyConfig } from "./policies";

export interface PlannedResource {
    type: string;
    name: string;
    urn: string;
    /** Inputs; `"[secret]"` stands for a secret value and `"[unknown]"` for a value not known yet. */
    props: Record<string, any>;
    /** URN or name of the parent resource. */
    parent?: string;
    /**
     * The resource's id when the runner knows it (the mock runtime returns one). Used, with URNs, to
     * tell which resource a property's value came from, as the engine's property dependencies do.
     */
    id?: string;
    /** Property dependencies as URNs, when the runner recorded them; they take precedence over inference. */
    propertyDependencies?: Record<string, string[]>;
    /** The resource's `protect` option, when the runner recorded it. */
    protect?: boolean;
}

export interface PolicyViolation {
    policy: string;
    enforcementLevel: "mandatory" | "advisory";
    /** URN (or, without one, the name) of the resource in violation; absent for the stack as a whole. */
    resource?: string;
    message: string;
}

export interface EvaluateOptions {
    /** Per-policy levels (and `all`), as a policy-pack config file sets them. */
    enforcementLevels?: Record<string, EnforcementLevel>;
    stackTags?: Record<string, string>;
    /** The policies to run. Default: the whole pack. */
    policies?: Policies;
}

/**
 * Every violation the pack reports for these resources, in policy order then resource order.
 * Unknown values never produce a violation; a policy that trips over one is skipped, as the engine
 * turns it into a "can't run during preview" notice.
 */
export function evaluatePolicies(
    resources: PlannedResource[],
    config: Partial<PolicyConfig> = {},
    options: EvaluateOptions = {},
): PolicyViolation[] {
    const violations: PolicyViolation[] = [];
    const stackTags = frozenStackTags(options.stackTags);
    for (const policy of options.policies ?? allPolicies) {
        const level = levelOf(policy.name, policy.enforcementLevel, options.enforcementLevels);
        if (level === undefined) {
            continue;
        }
        const getConfig = <T extends object>() => configFor(policy.configSchema?.properties ?? {}, config) as T;
        const record = (resource?: string) => (message: string) =>
            violations.push({ policy: policy.name, enforcementLevel: level, ...(resource ? { resource } : {}), message });
        if ("validateStack" in policy) {
            const stack = stackResources(resources);
            run(policy, () =>
                (policy as StackValidationPolicy).validateStack({ resources: stack, stackTags, getConfig, notApplicable }, (message, urn) =>
                    record(urn)(message),
                ),
            );
            continue;
        }
        const validations = [(policy as ResourceValidationPolicy).validateResource ?? []].flat();
        for (const r of resources) {
            for (const validate of validations) {
                const props = engineProps(r.props);
                run(
                    policy,
                    () =>
                        validate(
                            {
                                type: r.type,
                                props,
                                urn: r.urn,
                                name: r.name,
                                opts: optionsOf(r, resources),
                                stackTags,
                                ...typeChecks(r.type, props),
                                getConfig,
                                notApplicable,
                            },
                            (message) => record(r.urn || r.name)(message),
                        ),
                    r.urn,
                );
            }
        }
    }
    return violations;
}

function run(policy: { name: string }, validate: () => unknown, urn?: string): void {
    try {
        const result = validate();
        if (result && typeof (result as Promise<void>).then === "function") {
            throw new Error("returned a promise; evaluatePolicies runs synchronous policies only");
        }
    } catch (e) {
        if (e instanceof NotApplicableError || e instanceof UnknownValueError) {
            return;
        }
        const where = urn ? ` on ${urn}` : "";
        throw new Error(`Policy "${policy.name}" failed${where}: ${(e as Error).message}`);
    }
}

/** The level a policy runs at, as the engine resolves it; `undefined` when disabled. */
export function levelOf(
    name: string,
    own: EnforcementLevel | undefined,
    overrides: Record<string, EnforcementLevel> = {},
): "mandatory" | "advisory" | undefined {
    const level = overrides[name] ?? overrides.all ?? own ?? "advisory";
    if (level === "disabled") {
        return undefined;
    }
    return level === "advisory" ? "advisory" : "mandatory"; // the engine reports "remediate" as mandatory
}

/** What `getConfig` returns for a policy: its declared keys, given values over schema defaults. */
function configFor(properties: Record<string, any>, config: Partial<PolicyConfig>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(properties)) {
        const value = (config as Record<string, unknown>)[key] ?? schema?.default;
        if (value !== undefined) {
            out[key] = value;
        }
    }
    return out;
}

function optionsOf(r: PlannedResource, all: PlannedResource[]): PolicyResourceOptions {
    return resourceOptions(parentOf(r, all)?.urn, r.protect === true);
}

/** The parent a planned resource names, by URN or else by name. */
function parentOf(r: PlannedResource, all: PlannedResource[]): PlannedResource | undefined {
    return all.find((p) => p.urn === r.parent) ?? all.find((p) => p.name === r.parent);
}

function stackResources(planned: PlannedResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const resources = planned.map((r) => {
        const props = engineProps(r.props);
        const resource: PolicyResource = {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props,
            opts: optionsOf(r, planned),
            dependencies: [],
            propertyDependencies: {},
            ...typeChecks(r.type, props),
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    const byValue = new Map<string, string>();
    for (const r of planned) {
        byValue.set(r.urn, r.urn);
        if (r.id) {
            byValue.set(r.id, r.urn);
        }
    }
    planned.forEach((r, i) => {
        const deps = r.propertyDependencies ?? inferDependencies(r.props, byValue, r.urn);
        const resource = resources[i];
        for (const [key, urns] of Object.entries(deps)) {
            resource.propertyDependencies[key] = urns.map((u) => byUrn.get(u)).filter((d): d is PolicyResource => !!d);
        }
        resource.dependencies = [...new Set(Object.values(resource.propertyDependencies).flat())];
        const parent = parentOf(r, planned);
        if (parent) {
            resource.parent = byUrn.get(parent.urn);
        }
    });
    return resources;
}

/** For each top-level property, the resources whose id or URN appears in its value. */
function inferDependencies(props: Record<string, any>, byValue: Map<string, string>, self: string): Record<string, string[]> {
    const deps: Record<string, string[]> = {};
    const scan = (v: any, into: Set<string>) => {
        if (typeof v === "string") {
            const urn = byValue.get(v);
            if (urn && urn !== self) {
                into.add(urn);
            }
        } else if (v && typeof v === "object") {
            Object.values(v).forEach((x) => scan(x, into));
        }
    };
    for (const [key, value] of Object.entries(props ?? {})) {
        const found = new Set<string>();
        scan(value, found);
        if (found.size > 0) {
            deps[key] = [...found];
        }
    }
    return deps;
}

/** A policy-pack config file (the `--policy-pack-config` JSON) read back into flat config and levels. */
export function readPolicyPackConfig(file: Record<string, unknown>): {
    config: Partial<PolicyConfig>;
    enforcementLevels: Record<string, EnforcementLevel>;
} {
    const config: Record<string, unknown> = {};
    const enforcementLevels: Record<string, EnforcementLevel> = {};
    const known = new Map(allPolicies.map((p) => [p.name, p]));
    for (const [name, entry] of Object.entries(file)) {
        const policy = known.get(name);
        if (!policy && name !== "all") {
            throw new Error(`Policy-pack config names unknown policy "${name}"; the pack has: ${[...known.keys()].join(", ")}.`);
        }
        const { enforcementLevel, ...values } =
            typeof entry === "string" ? { enforcementLevel: entry as EnforcementLevel } : ((entry ?? {}) as Record<string, any>);
        if (enforcementLevel) {
            enforcementLevels[name] = enforcementLevel;
        }
        for (const [key, value] of Object.entries(values)) {
            if (!policy?.configSchema?.properties[key]) {
                const owner = CONFIG_OWNERS[key as keyof PolicyConfig];
                const hint = owner ? `; it belongs under "${owner}"` : "";
                throw new Error(`Policy-pack config key "${key}" is not declared by policy "${name}"${hint}.`);
            }
            config[key] = value;
        }
    }
    return { config: config as Partial<PolicyConfig>, enforcementLevels };
}

/** The policy-pack config file for flat config: each key under the policy that declares it. */
export function policyPackConfigFor(config: Partial<PolicyConfig>): Record<string, Record<string, unknown>> {
    const file: Record<string, Record<string, unknown>> = {};
    for (const key of Object.keys(CONFIG_PROPERTIES) as (keyof PolicyConfig)[]) {
        if (config[key] !== undefined) {
            (file[CONFIG_OWNERS[key]] ??= {})[key] = config[key];
        }
    }
    return file;
}
