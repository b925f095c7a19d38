import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { runPlan } from "../../tools/plan/plan";
import { listStacks } from "../../tools/plan/stack-file";
import { DELIBERATE_DIFFERENCES, DeliberateDifference } from "./golden/differences";
import { diffSnapshots, PlanSnapshot, planSnapshot, SnapshotDifference } from "./snapshot";

/**
 * The example stacks plan as recorded in test/plan/golden/<stack>.json, except for the deliberate
 * differences listed in golden/differences.ts. `UPDATE_PLAN_GOLDEN=1` rewrites the recorded plans
 * (only when a change is meant to become the new baseline).
 */
const root = path.resolve(__dirname, "..", "..");
const goldenDir = path.join(__dirname, "golden");

function explains(entry: DeliberateDifference, stack: string, d: SnapshotDifference): boolean {
    return (
        (entry.stacks === "*" || entry.stacks.includes(stack)) && entry.kind === d.kind && entry.urn.test(d.urn) && entry.path.test(d.path)
    );
}

describe("example stacks against their recorded plans", () => {
    const used = new Set<DeliberateDifference>();

    for (const stack of listStacks(path.join(root, "stacks"))) {
        it(`${stack}: every difference from the recorded plan is a listed, deliberate one`, async () => {
            const plan = await runPlan({ stack });
            assert.deepEqual(plan.errors, []);
            const file = path.join(goldenDir, `${stack}.json`);
            const now = planSnapshot(plan);
            if (process.env.UPDATE_PLAN_GOLDEN === "1") {
                fs.writeFileSync(file, `${JSON.stringify(now, null, 2)}\n`);
            }
            const recorded = JSON.parse(fs.readFileSync(file, "utf8")) as PlanSnapshot;
            const unexplained = diffSnapshots(recorded, now).filter((d) => {
                const entry = DELIBERATE_DIFFERENCES.find((e) => explains(e, stack, d));
                if (entry) {
                    used.add(entry);
                }
                return entry === undefined;
            });
            assert.deepEqual(
                unexplained,
                [],
                `unlisted differences in ${stack}: list them in test/plan/golden/differences.ts with the reason`,
            );
        });
    }

    it("every listed difference explains at least one real difference", () => {
        const stale = DELIBERATE_DIFFERENCES.filter((e) => !used.has(e)).map((e) => e.reason);
        assert.deepEqual(stale, [], "remove entries that no longer explain anything");
    });
});

describe("plan snapshots", () => {
    it("tell added, removed and changed leaves apart, by URN and input path", () => {
        const before = {
            "urn:a": { type: "t", name: "a", inputs: { tags: { owner: "x" }, size: 1 } },
            "urn:gone": { type: "t", name: "g", inputs: {} },
        };
        const after = {
            "urn:a": { type: "t", name: "a", inputs: { tags: { owner: "y", team: "d" }, size: 1 } },
            "urn:new": { type: "t", name: "n", inputs: {} },
        };
        assert.deepEqual(diffSnapshots(before, after), [
            { urn: "urn:a", path: "inputs.tags.owner", kind: "changed", before: "x", after: "y" },
            { urn: "urn:a", path: "inputs.tags.team", kind: "added", before: undefined, after: "d" },
            { urn: "urn:gone", path: "", kind: "removed" },
            { urn: "urn:new", path: "", kind: "added" },
        ]);
    });
});
