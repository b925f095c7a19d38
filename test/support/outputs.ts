import * as pulumi from "@pulumi/pulumi";

/** Resolves an Output in the mock runtime (preview is off, so every value is known). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => { resolve(value); return value; }));
}

/** Whether an Output is marked secret. */
export function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
    return (output as any).isSecret as Promise<boolean>;
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
