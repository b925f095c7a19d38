/**
 * `auth: serviceAccount | accessKeys` wherever a stack says how AWS is reached (the control plane's
 * Secrets Manager, a byo S3 bucket, an existing EKS log bucket): one rule and one set of messages.
 * With `accessKeys` both secret keys are required and read as secrets; with `serviceAccount` they
 * must not be set, since nothing would read them.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { InputProblems } from "../components/shared/errors";
import type { AwsAccessKeys } from "../components/shared/types";

export const AwsAuthMode = { ServiceAccount: "serviceAccount", AccessKeys: "accessKeys" } as const;
export type AwsAuthMode = (typeof AwsAuthMode)[keyof typeof AwsAuthMode];

/** Where a stack's secret keys are read: whether one is set, and its value as a secret Output. */
export interface SecretKeys {
    has(name: string): boolean;
    secret(name: string): pulumi.Output<string>;
}

/**
 * The secret keys of `config` (`new pulumi.Config("flexplane")`). A missing key is a recorded problem,
 * so the stack stops before anything reads its value.
 */
export function secretKeysOfConfig(config: pulumi.Config): SecretKeys {
    return { has: (name) => config.get(name) !== undefined, secret: (name) => config.getSecret(name)! };
}

/** One `auth` setting: the stack path that holds it, the two secret keys of `accessKeys`, its default. */
export interface AwsAuthSetting {
    /** E.g. `flexplane:byo.storage.s3.auth`. */
    path: string;
    /** The access key id's and the secret access key's secret keys, without namespace. */
    keys: readonly [string, string];
    /** The mode when `auth` is unset; without one, `auth` is required. */
    default?: AwsAuthMode;
    /** What the pod's identity is called here, for messages (default "IRSA"). */
    identity?: string;
}

/** How AWS is reached: access keys (secrets) or the pod's identity. */
export type AwsAuth = { accessKeys: AwsAccessKeys } | { useServiceAccountIdentity: true };

/** Reads `auth` and its keys, recording every problem under the stack key that causes it. */
export function readAwsAuth(problems: InputProblems, secrets: SecretKeys, auth: unknown, setting: AwsAuthSetting): AwsAuth | undefined {
    const mode = auth ?? setting.default;
    const [idKey, secretKey] = setting.keys;
    const keysPhrase = `flexplane:${idKey} and flexplane:${secretKey} with --secret`;
    if (mode !== AwsAuthMode.ServiceAccount && mode !== AwsAuthMode.AccessKeys) {
        problems.add(
            setting.path,
            mode === undefined
                ? `is required: serviceAccount (${setting.identity ?? "IRSA"}, no keys) or accessKeys (then set ${keysPhrase}).`
                : `"${String(mode)}" is not an auth mode: use serviceAccount (${setting.identity ?? "IRSA"}) or accessKeys (then set ${keysPhrase}).`,
        );
        return undefined;
    }
    if (mode === AwsAuthMode.ServiceAccount) {
        for (const name of setting.keys.filter((k) => secrets.has(k))) {
            problems.add(
                `flexplane:${name}`,
                `is set but not used: ${setting.path} is serviceAccount, so the pod's own identity is used. Remove it (pulumi config rm flexplane:${name}), or set accessKeys.`,
            );
        }
        return { useServiceAccountIdentity: true };
    }
    for (const name of setting.keys.filter((k) => !secrets.has(k))) {
        problems.add(
            `flexplane:${name}`,
            `is required with ${setting.path}: accessKeys: run \`pulumi config set --secret flexplane:${name} <value>\`.`,
        );
    }
    return { accessKeys: { accessKeyId: secrets.secret(idKey), secretAccessKey: secrets.secret(secretKey) } };
}
