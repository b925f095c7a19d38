/**
 * Reading resource properties the way both places that run these policies hand them over:
 * `pulumi preview` (the engine wraps props in a proxy that throws on any unknown value and spells
 * unknowns as sentinel strings) and the offline plan (`"[unknown]"` and `"[secret]"` placeholders).
 * Every policy first takes a `plain` copy, so one unknown value never aborts a whole check.
 */
import { isWholeInternet } from "../../components/shared/cidr";

/** How an unknown value looks after `plain`, whichever runner produced it. */
export const UNKNOWN = "[unknown]";
/** How the offline plan spells a value that was marked secret. */
export const SECRET = "[secret]";

/**
 * The engine's wire sentinels for unknown booleans, numbers, strings, arrays, assets, archives and
 * objects (@pulumi/policy proxy.ts). They are part of Pulumi's RPC protocol, so they do not change.
 */
const ENGINE_UNKNOWNS = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/**
 * A plain JSON copy of `value` with every unknown replaced by `UNKNOWN`. It reads through property
 * descriptors, which the engine's unknown-checking proxy passes through to its target untouched:
 * a plain `get` on an unknown property would throw and turn the whole policy into a "can't run
 * during preview" notice.
 */
export function plain(value: unknown): any {
    if (typeof value === "string") {
        return ENGINE_UNKNOWNS.has(value) ? UNKNOWN : value;
    }
    if (value === null || typeof value !== "object") {
        return value;
    }
    const read = (key: string | number) => Object.getOwnPropertyDescriptor(value, key)?.value;
    if (Array.isArray(value)) {
        const length = Number(read("length") ?? 0);
        return Array.from({ length }, (_, i) => plain(read(i)));
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
        return value; // assets and archives: no policy looks inside them
    }
    const copy: Record<string, any> = {};
    for (const key of Object.keys(value)) {
        copy[key] = plain(read(key));
    }
    return copy;
}

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

export function isSecretPlaceholder(value: unknown): boolean {
    return value === SECRET;
}

/**
 * The value at a dotted path of a `plain` copy: `UNKNOWN` as soon as any step is unknown,
 * `undefined` when a step is missing.
 */
export function at(obj: unknown, path: string): any {
    let current: any = obj;
    for (const key of path.split(".")) {
        if (isUnknown(current)) {
            return UNKNOWN;
        }
        if (current === null || typeof current !== "object") {
            return undefined;
        }
        current = current[key];
    }
    return current;
}

/**
 * A boolean the providers may spell as `true` or `"true"` (the AWS launch template takes a string);
 * `UNKNOWN` stays unknown, anything else is `undefined`.
 */
export function flag(value: unknown): boolean | typeof UNKNOWN | undefined {
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    if (value === true || value === "true") {
        return true;
    }
    if (value === false || value === "false") {
        return false;
    }
    return undefined;
}

/**
 * How many different entries a list may hold at most: known entries counted once each, unknown
 * entries as possibly distinct. `undefined` when the list itself is missing or unknown, because
 * then nothing can be said.
 */
export function mostDistinct(list: unknown): number | undefined {
    if (!Array.isArray(list)) {
        return undefined;
    }
    const known = new Set(list.filter((v) => !isUnknown(v)).map((v) => String(v).trim().toLowerCase()));
    return known.size + list.filter(isUnknown).length;
}

/** A known, non-empty string, or `undefined`. */
export function knownString(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && !isUnknown(value) ? value : undefined;
}

/** CIDRs that open an endpoint to the whole internet. */
export function opensToWorld(cidrs: unknown[]): boolean {
    return cidrs.some(isWholeInternet);
}
