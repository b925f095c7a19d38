import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";

/** Resolves an output (or a plain input) in the mock runtime (preview is off, so every value is known). */
export function valueOf<T>(value: pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) =>
        pulumi.output(value).apply((v) => {
            resolve(v as T);
            return v;
        }),
    );
}

/** Whether an output is marked secret; a plain input never is. */
export function isSecret(value: pulumi.Input<unknown>): Promise<boolean> {
    return pulumi.isSecret(pulumi.output(value));
}

/** Runs `fn` and returns the error it throws; fails when it does not throw. */
export function thrown(fn: () => unknown): any {
    try {
        fn();
    } catch (err) {
        return err;
    }
    throw new Error("expected an error, but none was thrown");
}

/**
 * The reasons of an `InputPropertiesError` (or of the stack program's `StackConfigError`, a RunError
 * with the same `errors`), keyed by property path (several reasons for one path joined with " | ");
 * fails when `err` is any other error.
 */
export function reasons(err: unknown): Record<string, string> {
    const stackError = pulumi.RunError.isInstance(err) && Array.isArray((err as { errors?: unknown }).errors);
    assert.ok(pulumi.InputPropertiesError.isInstance(err) || stackError, `expected InputPropertiesError, got ${err}`);
    const out: Record<string, string> = {};
    for (const e of (err as pulumi.InputPropertiesError).errors) {
        out[e.propertyPath] = out[e.propertyPath] ? `${out[e.propertyPath]} | ${e.reason}` : e.reason;
    }
    return out;
}

/** The error `fn` (or a promise) rejects with; fails the test when it resolves. */
export async function rejection(fn: (() => Promise<unknown> | unknown) | Promise<unknown>): Promise<any> {
    try {
        await (typeof fn === "function" ? fn() : fn);
    } catch (err) {
        return err;
    }
    throw new Error("expected an error, but none was thrown");
}
