import * as pulumi from "@pulumi/pulumi";
import { didYouMean } from "./suggest";

/**
 * Collects every problem with a component's plain arguments so that one run reports all of them,
 * then throws a single `pulumi.InputPropertiesError` naming each property and its fix.
 */
export class InputProblems {
    private readonly problems: pulumi.InputPropertyErrorDetails[] = [];

    /** @param component what is being validated, e.g. `DataPlane "eu"`; starts the message. */
    constructor(private readonly component: string) {}

    /** Records that `propertyPath` is wrong; `reason` says what is wrong and how to fix it. */
    add(propertyPath: string, reason: string): void {
        this.problems.push({ propertyPath, reason });
    }

    /** Records `reason` at `propertyPath` when there is one: for checks that return a reason or undefined. */
    addIfAny(propertyPath: string, reason: string | undefined): void {
        if (reason !== undefined) {
            this.add(propertyPath, reason);
        }
    }

    /** Records the problem when `condition` is false. */
    check(condition: boolean, propertyPath: string, reason: string): void {
        if (!condition) {
            this.add(propertyPath, reason);
        }
    }

    /**
     * Records a problem when a value is missing or, if already known, blank. Outputs are accepted:
     * their values are only known to the cloud.
     */
    requireValue(propertyPath: string, value: pulumi.Input<string> | undefined, what: string): void {
        if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
            this.add(propertyPath, `is required: give ${what}.`);
        }
    }

    /**
     * Records every key of `value` outside `allowed` (most likely a typo), under `path.key`. Keys
     * that `skip` accepts are left to a more specific check.
     */
    unknownKeys(path: string, value: unknown, allowed: readonly string[], skip: (key: string) => boolean = () => false): void {
        if (!value || typeof value !== "object" || Array.isArray(value)) {
            return;
        }
        for (const key of Object.keys(value).filter((k) => !allowed.includes(k) && !skip(k))) {
            this.add(
                path ? `${path}.${key}` : key,
                `is not a setting: remove it or use one of ${allowed.join(", ")}.${didYouMean(key, allowed)}`,
            );
        }
    }

    get count(): number {
        return this.problems.length;
    }

    /** Throws the collected problems, if any. */
    throwIfAny(): void {
        if (this.problems.length === 0) {
            return;
        }
        const lines = this.problems.map((p) => `  - ${p.propertyPath}: ${p.reason}`);
        throw new pulumi.InputPropertiesError({
            message: `${this.component} has invalid arguments:\n${lines.join("\n")}`,
            errors: [...this.problems],
        });
    }
}

/** Returns the one key of `choices` that is set, after recording a problem unless exactly one is. */
export function exactlyOne<T extends object>(
    problems: InputProblems,
    propertyPath: string,
    choices: T | undefined,
    what: string,
): keyof T | undefined {
    const set = Object.entries(choices ?? {})
        .filter(([, value]) => value !== undefined && value !== null)
        .map(([key]) => key as keyof T);
    if (set.length !== 1) {
        const found = set.length === 0 ? "none was given" : `got ${set.map(String).join(" and ")}`;
        problems.add(propertyPath, `set exactly one ${what}; ${found}.`);
        return undefined;
    }
    return set[0];
}
