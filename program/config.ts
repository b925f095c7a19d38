import * as pulumi from "@pulumi/pulumi";
import { EDITIONS, Edition, isEdition } from "../components/dataplane/edition";
import { checkSecretsManager } from "../components/shared/secrets-manager-checks";
import { DEFAULT_NAMESPACE, DEFAULT_SERVICE_ACCOUNT_NAME, SecretsManagerSpec } from "../components/shared/types";
import { readAwsAuth, SecretKeys } from "./auth-mode";
import { Cloud, configKey, fullKey, setCommand } from "./config-keys";
import type { StackConfig } from "./stack-config";
import type { StackProblems } from "./stack-problems";

/** The shape of `flexplane:secretsManager` in a stack file: the control plane's store, no secrets. */
export interface DeclaredSecretsManager {
    aws?: {
        region: string;
        accountId: string | number;
        auth: "serviceAccount" | "accessKeys";
        kmsKeyArn?: string;
        tags?: Record<string, string>;
        allowUntaggedSecrets?: boolean;
    };
    gcp?: { projectId: string; region?: string };
    azure?: { vaultUrl: string; tenantId: string };
}

/** Settings of each store kind in `flexplane:secretsManager`; anything else is a typo. */
const STORE_KEYS: Record<string, readonly string[]> = {
    "": ["aws", "gcp", "azure"],
    aws: ["region", "accountId", "auth", "kmsKeyArn", "tags"],
    gcp: ["projectId", "region"],
    azure: ["vaultUrl", "tenantId"],
};

/** The credential keys of each store kind and how they are chosen. */
const STORE_CREDENTIALS = {
    aws: ["secretsManagerAccessKeyId", "secretsManagerSecretAccessKey"],
    gcp: ["secretsManagerCredentialsJson"],
    azure: ["secretsManagerClientId", "secretsManagerClientSecret"],
} as const;

/** The stack's config as read and checked so far, and the secret values behind it. */
export interface StackInputs {
    stack: string;
    config: StackConfig;
    problems: StackProblems;
    /** `new pulumi.Config("flexplane")`: secrets come from here, as secret Outputs. */
    pulumiConfig: pulumi.Config;
}

/** A parsed, well-typed value of a `flexplane:` key, or undefined when unset (or refused). */
export function valueOf<T>(inputs: StackInputs, name: string): T | undefined {
    return inputs.config.values.get(name) as T | undefined;
}

/** The secret value of a key, as a secret Output, when set. */
export function secretOf(inputs: StackInputs, name: string): pulumi.Output<string> | undefined {
    return inputs.config.values.has(name) ? inputs.pulumiConfig.requireSecret(name) : undefined;
}

/** Like `secretOf`, recording a problem with the `pulumi config set --secret` command when unset. */
export function requireSecret(inputs: StackInputs, name: string, when: string): pulumi.Output<string> | undefined {
    if (!inputs.config.values.has(name)) {
        if (!inputs.problems.has(fullKey(name))) {
            inputs.problems.add(fullKey(name), `is required ${when}: run ${setCommand(configKey(name)!)}.`);
        }
        return undefined;
    }
    return secretOf(inputs, name);
}

/** The stack's secret keys, as `readAwsAuth` reads them. */
export function secretKeysOf(inputs: StackInputs): SecretKeys {
    // A missing key is a recorded problem: the stack stops before anything reads the value.
    return { has: (name) => inputs.config.values.has(name), secret: (name) => inputs.pulumiConfig.getSecret(name)! };
}

/** Records a problem for each of `names` that is set although `why` says it is not used. */
export function refuseUnused(inputs: StackInputs, names: readonly string[], why: string): void {
    for (const name of names.filter((n) => inputs.config.values.has(n))) {
        inputs.problems.add(fullKey(name), `is set but not used: ${why}. Remove it (pulumi config rm ${fullKey(name)}).`);
    }
}

/** Settings every region stack shares, read from `flexplane:*` config. */
export interface CommonConfig {
    cloud: Cloud;
    airbyteUrl?: string;
    /** The chart's edition; undefined lets DataPlane derive it from airbyteUrl. */
    edition?: Edition;
    namespace: string;
    serviceAccountName: string;
    chartVersion?: string;
    allowUntestedChartVersion: boolean;
    secretsManager: SecretsManagerSpec;
    tags: Record<string, string>;
    /** Stack (`org/project/stack` or a name in this project) of the organization's org stack. */
    orgStack?: string;
    /** Stacks of data planes that back this one up; they must share its Airbyte region and store. */
    haPeers: string[];
    /** Name of the Airbyte region (from the org stack's `regionIds`) this data plane serves. */
    airbyteRegion?: string;
}

/** A stack name as StackReference takes it: `stack`, `org/stack` or `org/project/stack`. */
const STACK_REFERENCE = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+){0,2}$/;

/** Whether `reference` names the stack `stack` of project `project` (itself). */
export function refersTo(reference: string, project: string, stack: string): boolean {
    const parts = reference.split("/");
    return parts[parts.length - 1] === stack && (parts.length < 3 || parts[1] === project);
}

/** Reads the settings every region stack shares; problems go to `inputs.problems` under their keys. */
export function readCommonConfig(inputs: StackInputs, project: string): CommonConfig {
    const { problems } = inputs;
    const orgStack = valueOf<string>(inputs, "orgStack");
    const haPeers = valueOf<string[]>(inputs, "haPeers") ?? [];
    for (const [key, names] of [
        ["flexplane:orgStack", orgStack === undefined ? [] : [orgStack]],
        ["flexplane:haPeers", haPeers],
    ] as const) {
        for (const name of names.filter((n) => !STACK_REFERENCE.test(n))) {
            problems.add(
                key,
                `"${name}" is not a stack name: use <stack> for a stack of this project or <organization>/<project>/<stack>.`,
            );
        }
    }
    for (const peer of haPeers.filter((p) => refersTo(p, project, inputs.stack))) {
        problems.add("flexplane:haPeers", `"${peer}" is this stack itself: list the other stacks that back this data plane up.`);
    }
    const twice = haPeers.filter((p, i) => haPeers.indexOf(p) !== i);
    problems.check(
        twice.length === 0,
        "flexplane:haPeers",
        `lists ${[...new Set(twice)].map((p) => `"${p}"`).join(", ")} twice: give each peer once.`,
    );
    if (orgStack !== undefined && refersTo(orgStack, project, inputs.stack)) {
        problems.add(
            "flexplane:orgStack",
            `"${orgStack}" is this stack itself: name the org stack (flexplane:role: org) of your organization.`,
        );
    }
    const tags = valueOf<Record<string, unknown>>(inputs, "tags") ?? {};
    for (const [key, value] of Object.entries(tags).filter(([, v]) => typeof v !== "string")) {
        problems.add(
            `flexplane:tags.${key}`,
            `${JSON.stringify(value)} is not text: quote it so YAML keeps it a string, e.g. "${String(value)}".`,
        );
    }
    const edition = valueOf<string>(inputs, "edition");
    problems.check(
        edition === undefined || isEdition(edition),
        "flexplane:edition",
        `"${edition}" is not an edition: use ${EDITIONS.join(", ")} (default: cloud when flexplane:airbyteUrl is Airbyte Cloud, enterprise for a self-managed control plane).`,
    );
    return {
        cloud: inputs.config.cloud as Cloud,
        airbyteUrl: valueOf(inputs, "airbyteUrl"),
        ...(edition !== undefined && isEdition(edition) ? { edition } : {}),
        namespace: valueOf(inputs, "namespace") ?? DEFAULT_NAMESPACE,
        serviceAccountName: valueOf(inputs, "serviceAccountName") ?? DEFAULT_SERVICE_ACCOUNT_NAME,
        chartVersion: valueOf(inputs, "chartVersion"),
        allowUntestedChartVersion: valueOf<boolean>(inputs, "allowUntestedChartVersion") ?? false,
        secretsManager: readSecretsManager(inputs) ?? {},
        tags: tags as Record<string, string>,
        orgStack,
        haPeers,
        airbyteRegion: valueOf(inputs, "airbyteRegion"),
    };
}

/**
 * Turns the declared store into a `SecretsManagerSpec`, reading its credentials from their own secret
 * keys so that they stay Pulumi secrets. With `readCredentials: false` (the org stack, which only
 * names the store) no credential key is read. Formats are checked here, under the stack's key names;
 * whether missing credentials are created is for the cloud component to say.
 */
export function readSecretsManager(
    inputs: StackInputs,
    { readCredentials = true }: { readCredentials?: boolean } = {},
): SecretsManagerSpec | undefined {
    const { problems } = inputs;
    const declared = valueOf<DeclaredSecretsManager>(inputs, "secretsManager");
    if (declared === undefined) {
        return undefined;
    }
    for (const [section, allowed] of Object.entries(STORE_KEYS)) {
        problems.unknownKeys(
            section ? `flexplane:secretsManager.${section}` : "flexplane:secretsManager",
            section ? (declared as Record<string, unknown>)[section] : declared,
            allowed,
        );
    }
    const spec: SecretsManagerSpec = {};
    if (declared.aws) {
        const { auth, accountId, ...rest } = declared.aws;
        spec.aws = { ...rest, accountId: accountId === undefined ? "" : String(accountId) };
        if (readCredentials) {
            Object.assign(
                spec.aws,
                readAwsAuth(problems, secretKeysOf(inputs), auth, {
                    path: "flexplane:secretsManager.aws.auth",
                    keys: STORE_CREDENTIALS.aws,
                }),
            );
        }
    }
    if (declared.gcp) {
        spec.gcp = { ...declared.gcp, ...(readCredentials ? { credentialsJson: secretOf(inputs, "secretsManagerCredentialsJson") } : {}) };
    }
    if (declared.azure) {
        spec.azure = {
            ...declared.azure,
            ...(readCredentials
                ? { clientId: secretOf(inputs, "secretsManagerClientId"), clientSecret: secretOf(inputs, "secretsManagerClientSecret") }
                : {}),
        };
    }
    if (readCredentials) {
        for (const kind of ["aws", "gcp", "azure"] as const) {
            if (spec[kind] === undefined) {
                refuseUnused(inputs, STORE_CREDENTIALS[kind], `flexplane:secretsManager declares no ${kind} store`);
            }
        }
    }
    // The formats, early and under the config key's name; the components check the credentials.
    checkSecretsManager(problems, spec, { path: "flexplane:secretsManager", checkCredentials: false });
    return spec;
}

/**
 * A structured key's parsed value, or undefined when unset or not JSON (the top-level read has already
 * reported that under the key).
 */
export function blockOf(config: pulumi.Config, name: string): unknown {
    try {
        return config.getObject<unknown>(name);
    } catch {
        return undefined;
    }
}
