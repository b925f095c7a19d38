/**
 * The parts of a policy's arguments that @pulumi/policy 1.21's analyzer server builds
 * (server.ts `makeAnalyzeRpcFun` / `makeAnalyzeStackRpcFun`), rebuilt without the engine. The
 * offline runner (evaluate.ts) and the pack's tests both hand policies these, so that a policy sees
 * the same shapes there as in a preview.
 */
import { PolicyResourceOptions, unknownCheckingProxy } from "@pulumi/policy";
import { UNKNOWN } from "./policies/values";

/** The engine's wire sentinel for an unknown string: the pack's props reader (`plain`) maps it back. */
export const ENGINE_UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** What `notApplicable` throws; runners catch it and record the reason. */
export class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

/** The `notApplicable` callback of the engine's arguments. */
export function notApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

/**
 * Props as the engine hands them over: properties whose value is undefined dropped, `"[unknown]"`
 * turned into the wire sentinel, the whole behind the unknown-checking proxy.
 */
export function engineProps(props: Record<string, any>): Record<string, any> {
    const toWire = (v: any): any =>
        v === UNKNOWN
            ? ENGINE_UNKNOWN_STRING
            : Array.isArray(v)
              ? v.map(toWire)
              : v && typeof v === "object"
                ? Object.fromEntries(
                      Object.entries(v)
                          .filter(([, x]) => x !== undefined)
                          .map(([k, x]) => [k, toWire(x)]),
                  )
                : v;
    return unknownCheckingProxy(toWire(props ?? {}));
}

/** `stackTags` as the engine hands them over: a frozen, read-only map. */
export function frozenStackTags(tags: Record<string, string> = {}): ReadonlyMap<string, string> {
    const map = new Map(Object.entries(tags));
    return Object.freeze({
        entries: map.entries.bind(map),
        forEach: map.forEach.bind(map),
        get: map.get.bind(map),
        has: map.has.bind(map),
        keys: map.keys.bind(map),
        size: map.size,
        values: map.values.bind(map),
        [Symbol.iterator]: map[Symbol.iterator].bind(map),
    });
}

/** Resource options as a preview reports them for a resource that sets none but its parent (and `protect`). */
export function resourceOptions(parentUrn?: string, protect = false): PolicyResourceOptions {
    return {
        protect,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...(parentUrn ? { parent: parentUrn } : {}),
    };
}

/**
 * `isType` and `asType` for a resource of `type` whose (engine) props are `props`. Loosely typed:
 * resource and stack arguments declare `asType` with different generic signatures.
 */
export function typeChecks(type: string, props: Record<string, any>): { isType(cls: unknown): boolean; asType(cls: unknown): any } {
    const typeOf = (cls: unknown) => (cls as { __pulumiType?: string })?.__pulumiType;
    return {
        isType: (cls) => typeOf(cls) === type,
        asType: (cls) => (typeOf(cls) === type ? props : undefined),
    };
}
