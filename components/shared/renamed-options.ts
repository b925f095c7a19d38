/**
 * Options that were renamed so that the same option has the same name on every cloud. The old name
 * keeps working, with a deprecation warning naming the new one; giving both is refused.
 */
import * as pulumi from "@pulumi/pulumi";
import type { InputProblems } from "./errors";

/**
 * One renamed option, by dotted path from the component's arguments. `[]` stands for every element
 * of an array: `nodePools[].diskSizeGb` renames the setting in each node pool.
 */
export interface RenamedOption {
    /** The old path, e.g. `logBucket.retainOnDestroy`. */
    from: string;
    /** The new path, e.g. `logStorage.retainOnDelete`; a `[]` in it must match the one in `from`. */
    to: string;
    /** Turns the old value into the new one when their shapes differ; default: the value as it is. */
    convert?: (value: unknown) => unknown;
    /** Added to the warning when the new option does not mean exactly the same (e.g. an inverted flag). */
    note?: string;
}

/** How the caller wrote the arguments: `prefix` starts every path in warnings and problems (`flexplane:aws.` for a stack). */
export interface RenameOptions {
    prefix?: string;
    warn?: (message: string) => void;
}

/**
 * A copy of `args` with every old path moved to its new one, converted. Logs one warning per old
 * path used and records a problem when both the old and the new path are set, each under the path
 * as the caller wrote it (`prefix` + path, array elements as `[i]`). `args` is not modified.
 */
export function applyRenamedOptions<T extends object>(
    args: T,
    renames: readonly RenamedOption[],
    problems: InputProblems,
    options: RenameOptions = {},
): T {
    const prefix = options.prefix ?? "";
    const warn = options.warn ?? ((message: string) => void pulumi.log.warn(message));
    let out = args as Record<string, unknown>;
    for (const rename of renames) {
        out = renameIn(out, rename.from, rename.to, rename, { problems, warn, at: prefix });
    }
    return out as T;
}

interface RenameContext {
    problems: InputProblems;
    warn: (message: string) => void;
    /** The path of `value` as the caller wrote it, ending in "." or empty. */
    at: string;
}

function renameIn(
    value: Record<string, unknown>,
    from: string,
    to: string,
    rename: RenamedOption,
    ctx: RenameContext,
): Record<string, unknown> {
    const split = from.indexOf("[]");
    if (split >= 0) {
        // Rename inside every element of the array at the part before `[]`.
        const arrayPath = from.slice(0, split);
        const elements = readPath(value, arrayPath);
        if (!Array.isArray(elements)) {
            return value;
        }
        const [fromRest, toRest] = [from.slice(split + 3), to.slice(to.indexOf("[]") + 3)];
        const renamed = elements.map((element, i) =>
            element !== null && typeof element === "object"
                ? renameIn(element as Record<string, unknown>, fromRest, toRest, rename, { ...ctx, at: `${ctx.at}${arrayPath}[${i}].` })
                : element,
        );
        return renamed.every((e, i) => e === elements[i]) ? value : writePath(value, arrayPath, renamed);
    }
    const old = readPath(value, from);
    if (old === undefined) {
        return value;
    }
    if (readPath(value, to) !== undefined) {
        ctx.problems.add(`${ctx.at}${from}`, `is the old name of ${ctx.at}${to}, which is also set: keep ${ctx.at}${to} only.`);
        return value;
    }
    const meaning = rename.note ?? "same meaning";
    ctx.warn(`${ctx.at}${from} is deprecated: use ${ctx.at}${to} instead (${meaning}; the old name will be removed in a future release).`);
    return writePath(deletePath(value, from), to, rename.convert ? rename.convert(old) : old);
}

function readPath(value: unknown, path: string): unknown {
    return path
        .split(".")
        .reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** A copy with `path` set, copying each object on the way so the caller's arguments stay as they were. */
function writePath(value: Record<string, unknown>, path: string, leaf: unknown): Record<string, unknown> {
    const [head, ...rest] = path.split(".");
    if (rest.length === 0) {
        return { ...value, [head]: leaf };
    }
    const child = value[head];
    return {
        ...value,
        [head]: writePath(child !== null && typeof child === "object" ? (child as Record<string, unknown>) : {}, rest.join("."), leaf),
    };
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
