/** Property values in the form the engine exchanges them with a provider that accepts secrets (sdk/nodejs/runtime/rpc.ts). */
import * as pulumi from "@pulumi/pulumi";

/** `value` as the engine sends a secret. */
export const secret = (value: unknown) => ({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value });

/** The plain value of a wire secret. */
export const reveal = (value: unknown) => pulumi.runtime.unwrapRpcSecret(value);

/** The paths of every wire secret in `bag`, and the bag with each replaced by "[secret]". */
export function secrets(bag: unknown, path = ""): { paths: string[]; redacted: unknown } {
    if (pulumi.runtime.isRpcSecret(bag)) {
        return { paths: [path], redacted: "[secret]" };
    }
    if (bag === null || typeof bag !== "object") {
        return { paths: [], redacted: bag };
    }
    const paths: string[] = [];
    const redacted: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(bag)) {
        const inner = secrets(value, path ? `${path}.${key}` : key);
        paths.push(...inner.paths);
        redacted[key] = inner.redacted;
    }
    return { paths: paths.sort(), redacted };
}
