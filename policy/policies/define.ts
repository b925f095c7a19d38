import type {
    PolicyConfigSchema,
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { CONFIG_PROPERTIES, configOf, PolicyConfig } from "./config";
import { plain } from "./values";

/** The two levels this pack uses; the engine also knows "remediate" and "disabled". */
export type Level = "mandatory" | "advisory";

/** What a per-type check receives. */
export interface ResourceCheckContext {
    /** A plain copy of the resource's inputs (see `plain`): unknowns are `"[unknown]"`. */
    props: any;
    /** The arguments as the engine passed them, for `name`, `urn`, `provider` and `stackTags`. */
    args: ResourceValidationArgs;
    config: PolicyConfig;
    report(message: string): void;
}

export type ResourceCheck = (ctx: ResourceCheckContext) => void;

interface PolicyMetadata {
    /** Unique, kebab-case; the key of the policy's block in a policy-pack config file. */
    name: string;
    description: string;
    enforcementLevel: Level;
    /** What to change to comply, shown by the Pulumi Cloud console. */
    remediationSteps: string;
    /** Config keys this policy declares in its schema (each key belongs to exactly one policy). */
    configKeys?: (keyof PolicyConfig)[];
}

/** A resource policy made of one check per resource type; other types are marked not applicable. */
export function resourcePolicy(def: PolicyMetadata & { checks: Record<string, ResourceCheck> }): ResourceValidationPolicy {
    const types = Object.keys(def.checks);
    return {
        ...metadata(def),
        validateResource: (args, reportViolation) => {
            const check = def.checks[args.type];
            if (!check) {
                return args.notApplicable(`Policy only applies to resources of type ${types.join(", ")}`);
            }
            check({ props: plain(args.props), args, config: configOf(args), report: (m) => reportViolation(m) });
        },
    };
}

/** A stack resource with plain props and its property dependencies as URNs. */
export interface StackResource {
    type: string;
    name: string;
    urn: string;
    props: any;
    /** Plain props of the resource's provider, when the runner passes it (e.g. its default `namespace`). */
    providerProps?: any;
    /** For each input property, the URNs of the resources its value came from. */
    propertyDependencies: Record<string, string[]>;
    /** The resource's `protect` option, as the engine reports it. */
    protect: boolean;
}

export interface StackCheckContext {
    resources: StackResource[];
    config: PolicyConfig;
    report(message: string, urn?: string): void;
}

/** A stack policy that only runs when at least one resource of `appliesTo` is in the stack. */
export function stackPolicy(def: PolicyMetadata & { appliesTo: string[]; validate(ctx: StackCheckContext): void }): StackValidationPolicy {
    return {
        ...metadata(def),
        validateStack: (args, reportViolation) => {
            if (!args.resources.some((r) => def.appliesTo.includes(r.type))) {
                return args.notApplicable(`No resource of type ${def.appliesTo.join(", ")} in the stack`);
            }
            def.validate({
                resources: args.resources.map(stackResource),
                config: configOf(args),
                report: (message, urn) => reportViolation(message, urn),
            });
        },
    };
}

function stackResource(r: PolicyResource): StackResource {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) {
        propertyDependencies[key] = deps.map((d) => d.urn);
    }
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: plain(r.props),
        providerProps: r.provider ? plain(r.provider.props) : undefined,
        propertyDependencies,
        protect: r.opts?.protect === true,
    };
}

function metadata(def: PolicyMetadata) {
    const configSchema: PolicyConfigSchema | undefined = def.configKeys?.length
        ? { properties: Object.fromEntries(def.configKeys.map((k) => [k, CONFIG_PROPERTIES[k]])) }
        : undefined;
    return {
        name: def.name,
        description: def.description,
        enforcementLevel: def.enforcementLevel,
        remediationSteps: def.remediationSteps,
        ...(configSchema ? { configSchema } : {}),
    };
}
