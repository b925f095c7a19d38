/**
 * Options that were renamed so that the same option has the same name on every cloud. The old name
 * keeps working, with a deprecation warning naming the new one; giving both is refused.
 */
import * as pulumi from "@pulumi/pulumi";
import type { InputProblems } from "./errors";

/** One renamed option, by dotted path from the component's arguments. */
export interface RenamedOption {
    /** The old path, e.g. `logBucket.retainOnDestroy`. */
    from: string;
    /** The new path, e.g. `logStorage.retainOnDelete`. */
    to: string;
    /** Turns the old value into the new one when their shapes differ; default: the value as it is. */
    convert?: (value: unknown) => unknown;
}

/**
 * A copy of `args` with every old path moved to its new one, converted. Logs one warning per old
 * path used, naming it the way the caller wrote it (`prefix`, e.g. `flexplane:aws.` for a stack);
 * records a problem when both the old and the new path are set. `args` is not modified.
 */
export function applyRenamedOptions<T extends object>(
    args: T,
    renames: readonly RenamedOption[],
    problems: InputProblems,
    options: { prefix?: string; warn?: (message: string) => void } = {},
): T {
    const prefix = options.prefix ?? "";
    const warn = options.warn ?? ((message: string) => void pulumi.log.warn(message));
    let out: Record<string, unknown> = args as Record<string, unknown>;
    for (const rename of renames) {
        const old = readPath(out, rename.from);
        if (old === undefined) {
            continue;
        }
        if (readPath(out, rename.to) !== undefined) {
            problems.add(rename.from, `is the old name of ${rename.to}, which is also set: keep ${prefix}${rename.to} only.`);
            continue;
        }
        warn(`${prefix}${rename.from} is deprecated: use ${prefix}${rename.to} instead (same meaning; the old name will be removed in a future release).`);
        out = writePath(deletePath(out, rename.from), rename.to, rename.convert ? rename.convert(old) : old);
    }
    return out as T;
}

function readPath(value: unknown, path: string): unknown {
    return path.split(".").reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** A copy with `path` set, copying each object on the way so the caller's arguments stay as they were. */
function writePath(value: Record<string, unknown>, path: string, leaf: unknown): Record<string, unknown> {
    const [head, ...rest] = path.split(".");
    if (rest.length === 0) {
        return { ...value, [head]: leaf };
    }
    const child = value[head];
    return { ...value, [head]: writePath(child !== null && typeof child === "object" ? (child as Record<string, unknown>) : {}, rest.join("."), leaf) };
}

/** A copy without `path`; a parent left empty by it is removed too. */
function deletePath(value: Record<string, unknown>, path: string): Record<string, unknown> {
    const [head, ...rest] = path.split(".");
    const { [head]: child, ...others } = value;
    if (rest.length === 0 || child === null || typeof child !== "object") {
        return others;
    }
    const remaining = deletePath(child as Record<string, unknown>, rest.join("."));
    return Object.keys(remaining).length > 0 ? { ...others, [head]: remaining } : others;
}
