/**
 * The one check of an argument block's setting names, for every component: a block that is not a
 * map is refused, and a name its interface lacks is most likely a typo (reported with the closest
 * name). Old names that `applyRenamedOptions` left in place (because the new name is set too, which
 * it reports) are not reported twice.
 */
import type { InputProblems } from "./errors";
import type { RenamedOption } from "./renamed-options";

export interface SettingsCheck {
    /** The renames applied to the arguments; their old names in this block are not typos. */
    renames?: readonly RenamedOption[];
    /** A dedicated refusal for some names (e.g. Fargate on EKS), instead of "is not a setting". */
    refuse?: (key: string) => string | undefined;
}

/** True for a plain map (not an array, not null). */
export function isSettingsMap(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Checks the block at `path` (`""` for the arguments themselves, `nodePools[2]` for an element)
 * against `names`; returns it when it is a map.
 */
export function checkSettings(
    problems: InputProblems,
    path: string,
    value: unknown,
    names: readonly string[],
    check: SettingsCheck = {},
): Record<string, unknown> | undefined {
    if (value === undefined) {
        return undefined;
    }
    const old = oldNamesIn(check.renames ?? [], path);
    const current = names.filter((n) => !old.includes(n));
    if (!isSettingsMap(value)) {
        problems.add(path, `must be a map of settings (${current.join(", ")}), got ${JSON.stringify(value)}.`);
        return undefined;
    }
    const refused = (key: string) => check.refuse?.(key);
    problems.unknownKeys(path, value, current, (key) => old.includes(key) || refused(key) !== undefined);
    for (const key of Object.keys(value).filter((k) => !current.includes(k) && refused(k) !== undefined)) {
        problems.add(path ? `${path}.${key}` : key, refused(key)!);
    }
    return value;
}

/** The old names directly inside the block at `path` (array indexes match `[]` in the renames). */
function oldNamesIn(renames: readonly RenamedOption[], path: string): string[] {
    const block = path.replace(/\[\d+\]/g, "[]");
    const prefix = block === "" ? "" : `${block}.`;
    return renames
        .map((r) => r.from)
        .filter((from) => from.startsWith(prefix) && !from.slice(prefix.length).includes("."))
        .map((from) => from.slice(prefix.length));
}

/**
 * The setting names of an argument interface, each once: `settingNames<EksNodeGroupOptions>({...})`
 * fails to compile when the list misses a setting of the interface or names one it lacks. `Omitted`
 * names settings left out on purpose (deprecated ones, renamed before the names are checked).
 */
export function settingNames<T, Omitted extends keyof T = never>(names: Record<Exclude<keyof T, Omitted>, true>): readonly string[] {
    return Object.keys(names);
}
