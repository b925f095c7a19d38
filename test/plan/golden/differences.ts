/**
 * Every deliberate difference between the example stacks' plans as recorded in `test/plan/golden/`
 * and as the program plans them now. A difference the list does not explain fails the test, and so
 * does an entry that explains nothing: the list is exactly what changed, and why.
 */
export interface DeliberateDifference {
    /** Stack names, or "*" for every stack. */
    stacks: string[] | "*";
    /** Matches the resource's URN. */
    urn: RegExp;
    /** Matches the input path (`""` for a resource added or removed). */
    path: RegExp;
    kind: "added" | "removed" | "changed";
    /** Why it changed. */
    reason: string;
}

export const DELIBERATE_DIFFERENCES: DeliberateDifference[] = [];
