/**
 * A stack's plan reduced to what decides what Pulumi would do with each resource: its URN (identity),
 * type, name, provider and inputs. Two snapshots of the same stack compare leaf by leaf, so a refactor
 * can prove it changed only what it meant to change.
 */
import type { PlanResult } from "../../tools/plan/plan";

export interface SnapshotResource {
    type: string;
    name: string;
    provider?: string;
    inputs: Record<string, unknown>;
}

/** URN -> resource, for every resource the plan registered. */
export type PlanSnapshot = Record<string, SnapshotResource>;

export function planSnapshot(plan: PlanResult): PlanSnapshot {
    const snapshot: PlanSnapshot = {};
    for (const r of [...plan.resources].sort((a, b) => a.urn.localeCompare(b.urn))) {
        // A dynamic resource's `__provider` is its provider's serialized code: it changes with every edit of
        // that code and never makes Pulumi replace or update the resource.
        const { __provider: _code, ...inputs } = r.inputs;
        snapshot[r.urn] = { type: r.type, name: r.name, ...(r.provider ? { provider: r.provider } : {}), inputs };
    }
    return snapshot;
}

/** One difference between two snapshots: a resource added or removed, or one input leaf changed. */
export interface SnapshotDifference {
    urn: string;
    /** `""` for the resource itself; else the dotted input path, e.g. `inputs.tags.owner`. */
    path: string;
    kind: "added" | "removed" | "changed";
    before?: unknown;
    after?: unknown;
}

export function diffSnapshots(before: PlanSnapshot, after: PlanSnapshot): SnapshotDifference[] {
    const differences: SnapshotDifference[] = [];
    for (const urn of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (!(urn in after)) {
            differences.push({ urn, path: "", kind: "removed" });
        } else if (!(urn in before)) {
            differences.push({ urn, path: "", kind: "added" });
        } else {
            diffValues(urn, "", before[urn], after[urn], differences);
        }
    }
    return differences;
}

function diffValues(urn: string, path: string, before: unknown, after: unknown, out: SnapshotDifference[]): void {
    if (isObject(before) && isObject(after)) {
        for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
            diffValues(urn, path ? `${path}.${key}` : key, before[key], after[key], out);
        }
        return;
    }
    if (JSON.stringify(before) !== JSON.stringify(after)) {
        out.push({ urn, path, kind: before === undefined ? "added" : after === undefined ? "removed" : "changed", before, after });
    }
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
