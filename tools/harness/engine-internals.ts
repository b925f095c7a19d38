/**
 * The only place the mock harness uses parts of `@pulumi/pulumi` that are not its public API. Everything
 * else in the harness goes through `pulumi.runtime.setMocks` and the exported wire-format constants.
 *
 * What the public mocks cannot give (pulumi/pulumi `sdk/nodejs/runtime/mocks.ts`, 3.276.0): `newResource`
 * receives `MockResourceArgs` = type, name, inputs, provider, custom, id (and the resource's own
 * transforms). Its `inputs` went through `deserializeProperties` (`runtime/rpc.ts`), which lifts secrecy
 * to the top-level property ("we can't set sub-properties to secret") and drops unknowns outside
 * previews. Nothing in it carries the parent, `protect`, `retainOnDelete`, `ignoreChanges`,
 * `additionalSecretOutputs`, `dependsOn` or the per-property dependencies, and the mock's URN is not
 * returned either. The engine receives all of them in a `RegisterResourceRequest` (pulumi/pulumi
 * `proto/pulumi/resource.proto`), so the harness reads that request:
 *
 * 1. `tapRegistrations` wraps `registerResource` of the monitor `pulumi.runtime.getMonitor()` returns
 *    (public) and reads the request through its protobuf getters (generated from resource.proto, typed
 *    in `@pulumi/pulumi/proto/resource_pb`, whose fields are only ever added to).
 * 2. `waitForPendingRpcs` calls `waitForRPCs` (`runtime/settings.ts`): exported by the JavaScript module
 *    but marked `@internal`, so missing from the typings. No public call waits for registrations that
 *    `apply` callbacks start later; `disconnect` waits too, but closes the monitor for good.
 *
 * `test/harness/engine-internals.test.ts` fails with the SDK's version and this file's name when an
 * upgrade changes any of it.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Alias } from "@pulumi/pulumi/proto/alias_pb";
import type { RegisterResourceRequest, RegisterResourceResponse } from "@pulumi/pulumi/proto/resource_pb";

/**
 * One alias as the engine receives it (`proto/pulumi/alias.proto`): an old URN, or the parts of the old
 * identity that differ (empty parts mean "as now"). The mock monitor supports alias specs, so the SDK
 * sends specs.
 */
export interface EngineAlias {
    urn?: string;
    name?: string;
    type?: string;
    stack?: string;
    project?: string;
    parentUrn?: string;
    noParent?: boolean;
}

/** What the engine receives for one registration, as plain data. */
export interface EngineRegistration {
    type: string;
    name: string;
    /** URN of the parent; empty for children of the stack (or of nothing, under mocks). */
    parent: string;
    custom: boolean;
    /** The inputs in wire form: secrets, resource references and unknowns keep their signatures. */
    object: Record<string, unknown>;
    protect: boolean;
    retainOnDelete: boolean;
    ignoreChanges: string[];
    additionalSecretOutputs: string[];
    /** URNs of every resource this one depends on (`dependsOn` and its inputs' resources). */
    dependencies: string[];
    /** Input property -> URNs it depends on. */
    propertyDependencies: Record<string, string[]>;
    /** Provider reference `<urn>::<id>`; empty for the default provider. */
    provider: string;
    /** The resource's aliases (its own and the ones the SDK adds). */
    aliases: EngineAlias[];
    /** The provider plugin version asked for (the engine's default provider is chosen by package and version). */
    version: string;
}

/** Called with the registration's URN and id once the monitor answered. */
export type RegistrationAnswered = (urn: string, id: string) => void;

type Callback<T> = (err: unknown, response?: T) => void;
interface TappableMonitor {
    registerResource(request: RegisterResourceRequest, callback: Callback<RegisterResourceResponse>): unknown;
}

/** The version of `@pulumi/pulumi` in use, for messages that say what an upgrade broke. */
export function sdkVersion(): string {
    return (require("@pulumi/pulumi/package.json") as { version: string }).version;
}

function broken(what: string): Error {
    return new Error(
        `The mock harness cannot use @pulumi/pulumi ${sdkVersion()}: ${what}. ` +
            "Adapt tools/harness/engine-internals.ts to this SDK version.",
    );
}

/** A protobuf getter, or a loud failure naming it when the generated request no longer has it. */
function getter<T>(request: object, name: string): () => T {
    const fn = (request as Record<string, unknown>)[name];
    if (typeof fn !== "function") {
        throw broken(`RegisterResourceRequest has no ${name}()`);
    }
    return (fn as () => T).bind(request);
}

/** The request as plain data. */
export function readRegistration(request: RegisterResourceRequest): EngineRegistration {
    const dependencies: Record<string, string[]> = {};
    getter<ReturnType<RegisterResourceRequest["getPropertydependenciesMap"]>>(request, "getPropertydependenciesMap")().forEach(
        (value, key) => {
            dependencies[key] = value.getUrnsList();
        },
    );
    const object = getter<ReturnType<RegisterResourceRequest["getObject"]>>(request, "getObject")();
    return {
        type: getter<string>(request, "getType")(),
        name: getter<string>(request, "getName")(),
        parent: getter<string>(request, "getParent")(),
        custom: getter<boolean>(request, "getCustom")(),
        object: (object?.toJavaScript() ?? {}) as Record<string, unknown>,
        protect: getter<boolean | undefined>(request, "getProtect")() === true,
        retainOnDelete: getter<boolean | undefined>(request, "getRetainondelete")() === true,
        ignoreChanges: getter<string[]>(request, "getIgnorechangesList")(),
        additionalSecretOutputs: getter<string[]>(request, "getAdditionalsecretoutputsList")(),
        dependencies: getter<string[]>(request, "getDependenciesList")(),
        propertyDependencies: dependencies,
        provider: getter<string>(request, "getProvider")(),
        aliases: getter<Alias[]>(request, "getAliasesList")().map(readAlias),
        version: getter<string>(request, "getVersion")(),
    };
}

/** An alias as plain data, with only the parts it sets. */
function readAlias(alias: Alias): EngineAlias {
    const urn = getter<string>(alias, "getUrn")();
    if (urn) {
        return { urn };
    }
    const spec = getter<Alias.Spec | undefined>(alias, "getSpec")();
    if (!spec) {
        return {};
    }
    const parts: EngineAlias = {
        name: getter<string>(spec, "getName")(),
        type: getter<string>(spec, "getType")(),
        stack: getter<string>(spec, "getStack")(),
        project: getter<string>(spec, "getProject")(),
        parentUrn: getter<string>(spec, "getParenturn")(),
        noParent: getter<boolean>(spec, "getNoparent")(),
    };
    return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== "" && v !== false)) as EngineAlias;
}

/**
 * Calls `onRegister` with every registration the program sends to the mock monitor, before the mocks
 * see it; the function it returns gets the URN and id of the answer. Install after `setMocks`.
 */
export function tapRegistrations(onRegister: (registration: EngineRegistration) => RegistrationAnswered): void {
    const monitor = pulumi.runtime.getMonitor() as unknown as TappableMonitor | undefined;
    if (typeof monitor?.registerResource !== "function") {
        throw broken("pulumi.runtime.getMonitor() has no registerResource after setMocks");
    }
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request, callback) => {
        const answered = onRegister(readRegistration(request));
        return register(request, (err, response) => {
            answered(response?.getUrn() ?? "", response?.getId() ?? "");
            callback(err, response);
        });
    };
}

/** Lets queued promise callbacks run, without yielding to timers or I/O. */
async function drainMicrotasks(rounds = 1000): Promise<void> {
    for (let i = 0; i < rounds; i++) {
        await Promise.resolve();
    }
}

/** Resolves once every registration, invoke and read the program started (even from `apply`) has finished. */
export async function waitForPendingRpcs(): Promise<void> {
    const wait = (pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> }).waitForRPCs;
    if (typeof wait !== "function") {
        throw broken("pulumi.runtime.waitForRPCs is gone");
    }
    // `waitForRPCs` returns when the calls it saw are done, but a registration's outputs resolve just
    // after its call ends, and `apply` callbacks on them may start new calls. So: wait, let those
    // callbacks run, and stop only when a fresh wait has nothing left to wait for. Only promise
    // callbacks run in between (no timer turn), so rejections nobody handles still surface after
    // the caller's own handling, as they did with a single wait.
    for (;;) {
        await wait();
        await drainMicrotasks();
        const idle = await Promise.race([wait().then(() => true), drainMicrotasks().then(() => false)]);
        if (idle) {
            return;
        }
    }
}
