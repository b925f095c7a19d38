/**
 * Pulumi's mock runtime with a record of what the program registered, read, and invoked. Public API for
 * everything the mocks give (`pulumi.runtime.setMocks`: canned outputs, invokes, reads; the wire
 * format's signature constants exported by `pulumi.runtime`); what only the engine's request carries
 * (parent, options, dependencies, secrets below the top level) and waiting for pending work come from
 * `./engine-internals`, the one adapter over SDK internals.
 */
import * as pulumi from "@pulumi/pulumi";
import { cannedInvoke, cannedOutputs, CannedInvokes, CannedOutputs } from "./canned";
import { EngineAlias, EngineRegistration, tapRegistrations, waitForPendingRpcs } from "./engine-internals";

/** The placeholder that stands for every secret value the harness sees. */
export const REDACTED = "[secret]";
/**
 * The value the offline plan gives secret config it cannot decrypt. Plain letters and dashes, so it
 * passes format checks made on secrets (external ids, names); what is shown is always `REDACTED`.
 */
export const SECRET_CONFIG_PLACEHOLDER = "redacted-by-plan";
/** The placeholder for values that are unknown during the run. */
export const UNKNOWN = "[unknown]";

// The property-value wire format's signatures (pulumi/pulumi `sdk/nodejs/runtime/rpc.ts`, the same in
// every SDK and the engine's `sdk/go/common/resource/properties.go`), as `pulumi.runtime` exports them.
const SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;
const RESOURCE_SIG = pulumi.runtime.specialResourceSig;
const UNKNOWN_VALUE = pulumi.runtime.unknownValue;

/** One resource the program registered, with its inputs as the engine would have received them. */
export interface RecordedResource {
    type: string;
    name: string;
    urn: string;
    /** Name of the parent resource; undefined for children of the stack. */
    parent?: string;
    parentType?: string;
    /** Inputs with secrets replaced by `REDACTED` and resource references by their URN. */
    inputs: Record<string, any>;
    /** Inputs with secrets in clear text, for tests that check where a secret went. */
    plainInputs: Record<string, any>;
    /** Dotted paths of inputs that were marked secret. */
    secretPaths: string[];
    custom: boolean;
    /** Id the mock returned; the same `<name>-id` the program sees. */
    id: string;
    /** URNs each input property depends on, as the engine records them. */
    propertyDependencies: Record<string, string[]>;
    /** Resource options as the engine receives them. */
    options: RecordedOptions;
}

/** The registration options tests check: retention, protection, ignored changes, secret outputs, dependencies. */
export interface RecordedOptions {
    retainOnDelete: boolean;
    protect: boolean;
    ignoreChanges: string[];
    additionalSecretOutputs: string[];
    /** URNs of the resources this one depends on. */
    dependencies: string[];
    /** Provider reference (`urn::id`) the resource was registered with; empty for the default. */
    provider: string;
    /** Aliases: earlier identities the engine treats as this resource. */
    aliases: EngineAlias[];
    /** The provider plugin version the registration asks for; empty when it leaves the choice to the engine. */
    version: string;
}

/**
 * One resource the program read (a StackReference): reads register nothing. Seen by the public mocks as a
 * `newResource` call with an id ("the physical identifier of an existing resource to read or import");
 * the program imports nothing, so every such call is a read.
 */
export interface RecordedRead {
    type: string;
    name: string;
    /** The id read: for a StackReference, the stack's name. */
    id: string;
}

/** One invoke the program made. */
export interface RecordedInvoke {
    token: string;
    args: Record<string, any>;
}

export interface HarnessOptions {
    project?: string;
    stack?: string;
    /** Stack configuration, keyed `namespace:key`; values are strings as in the Pulumi engine. */
    config?: Record<string, string>;
    /** Config keys whose values are secret. */
    secretConfigKeys?: string[];
    /** Outputs of stacks that `StackReference`s read, keyed by the referenced stack name. */
    stackOutputs?: Record<string, Record<string, unknown>>;
    /** Extra canned outputs consulted before the built-in ones. */
    outputs?: CannedOutputs;
    /** Extra canned invokes consulted before the built-in ones. */
    invokes?: CannedInvokes;
}

/**
 * Pulumi's mock runtime with a record of everything the program registered. Install it before
 * loading any module that creates resources.
 */
export class MockHarness {
    readonly resources: RecordedResource[] = [];
    readonly invokes: RecordedInvoke[] = [];
    readonly reads: RecordedRead[] = [];

    private constructor(private readonly options: HarnessOptions) {}

    static install(options: HarnessOptions = {}): MockHarness {
        const harness = new MockHarness(options);
        const project = options.project ?? "flexplane";
        const stack = options.stack ?? "test";
        pulumi.runtime.setAllConfig(options.config ?? {}, options.secretConfigKeys ?? []);
        pulumi.runtime.setMocks(
            {
                newResource: (args) => harness.newResource(args),
                call: (args) => harness.call(args),
            },
            project,
            stack,
            false,
        );
        tapRegistrations((registration) => harness.record(registration));
        return harness;
    }

    /** Waits until every registration and invoke the program started has finished. */
    async settle(): Promise<void> {
        await waitForPendingRpcs();
    }

    /** Resources of one type, in registration order. */
    ofType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The single resource of `type` (and `name`, when given); throws when there is not exactly one. */
    one(type: string, name?: string): RecordedResource {
        const found = this.ofType(type).filter((r) => name === undefined || r.name === name);
        if (found.length !== 1) {
            const names = found.map((r) => r.name).join(", ") || "none";
            throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length} (${names})`);
        }
        return found[0];
    }

    private newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        if (args.id) {
            this.reads.push({ type: args.type, name: args.name, id: args.id });
        }
        if (args.type === "pulumi:pulumi:StackReference") {
            const name = String(args.inputs.name ?? args.name);
            const outputs = this.options.stackOutputs?.[name];
            if (!outputs) {
                // The backend's own words for a stack it does not have (pulumi/pulumi pkg/backend/backend.go,
                // GetStackOutputs), so a missing fixture reads as a missing stack does in `pulumi preview`.
                throw new Error(`unknown stack "${name}"`);
            }
            return { id: name, state: { name, outputs, secretOutputNames: [] } };
        }
        const extra = this.options.outputs?.(args) ?? cannedOutputs(args) ?? {};
        return { id: args.id || `${args.name}-id`, state: { ...args.inputs, ...extra } };
    }

    private call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        this.invokes.push({ token: args.token, args: args.inputs });
        const result = this.options.invokes?.(args) ?? cannedInvoke(args);
        if (result === undefined) {
            throw new Error(
                `Unmocked invoke ${args.token}: the offline harness has no canned answer for it. ` + `Add one in tools/harness/canned/.`,
            );
        }
        return result;
    }

    /** Records one registration as the engine receives it; fills in URN and id once the monitor answers. */
    private record(registration: EngineRegistration): (urn: string, id: string) => void {
        const raw = registration.object as Record<string, any>;
        const parentUrn = registration.parent;
        const parentType = parentUrn ? urnType(parentUrn) : undefined;
        const secretPaths: string[] = [];
        const record: RecordedResource = {
            type: registration.type,
            name: registration.name,
            urn: "",
            parent: parentUrn && parentType !== "pulumi:pulumi:Stack" ? urnName(parentUrn) : undefined,
            parentType: parentType === "pulumi:pulumi:Stack" ? undefined : parentType,
            inputs: keepSecretDataKeys(registration.type, raw, decode(raw, true, "", secretPaths)),
            plainInputs: decode(raw, false, "", []),
            secretPaths,
            custom: registration.custom,
            id: "",
            propertyDependencies: registration.propertyDependencies,
            options: {
                retainOnDelete: registration.retainOnDelete,
                protect: registration.protect,
                ignoreChanges: registration.ignoreChanges,
                additionalSecretOutputs: registration.additionalSecretOutputs,
                dependencies: registration.dependencies,
                provider: registration.provider,
                aliases: registration.aliases,
                version: registration.version,
            },
        };
        this.resources.push(record);
        return (urn, id) => {
            record.urn = urn;
            record.id = id;
        };
    }
}

function urnName(urn: string): string {
    return urn.split("::").pop() ?? urn;
}

function urnType(urn: string): string {
    const typePath = urn.split("::")[2] ?? "";
    return typePath.split("$").pop() ?? typePath;
}

/** Inputs whose key names stay visible when the whole map is secret: a reviewer sees which keys a Secret holds. */
const SECRET_DATA_FIELDS: Record<string, readonly string[]> = { "kubernetes:core/v1:Secret": ["data", "stringData"] };

/**
 * The redacted inputs, with a secret `data`/`stringData` map of a Kubernetes Secret shown as its keys,
 * each value `REDACTED`. No value is ever shown, only which keys exist.
 */
function keepSecretDataKeys(type: string, raw: Record<string, any>, redacted: Record<string, any>): Record<string, any> {
    for (const field of SECRET_DATA_FIELDS[type] ?? []) {
        const wire = raw[field];
        const map = wire?.[SIG_KEY] === SECRET_SIG ? wire.value : undefined;
        if (map && typeof map === "object" && !Array.isArray(map)) {
            redacted[field] = Object.fromEntries(Object.keys(map).map((key) => [key, REDACTED]));
        }
    }
    return redacted;
}

/** Turns the wire form of inputs back into plain JSON, redacting secrets when asked. */
function decode(value: any, redact: boolean, path: string, secretPaths: string[]): any {
    if (value === UNKNOWN_VALUE) {
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        return value.map((v, i) => decode(v, redact, `${path}[${i}]`, secretPaths));
    }
    if (value && typeof value === "object") {
        if (value[SIG_KEY] === SECRET_SIG) {
            secretPaths.push(path);
            return redact ? REDACTED : decode(value.value, redact, path, []);
        }
        if (value[SIG_KEY] === RESOURCE_SIG) {
            return value.urn;
        }
        const out: Record<string, any> = {};
        for (const [key, inner] of Object.entries(value)) {
            out[key] = decode(inner, redact, path ? `${path}.${key}` : key, secretPaths);
        }
        return out;
    }
    return value;
}
