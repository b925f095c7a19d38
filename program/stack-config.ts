import * as pulumi from "@pulumi/pulumi";
import { closestName, didYouMean, editDistance } from "../components/shared/suggest";
import {
    CLOUDS,
    CONFIG_KEYS,
    ConfigKeySpec,
    configKey,
    fullKey,
    NAMESPACE,
    readBy,
    setCommand,
    STACK_ROLES,
    StackRole,
} from "./config-keys";
import type { StackProblems } from "./stack-problems";

/** The stack's `flexplane:*` config as the program received it, parsed by each key's type. */
export interface StackConfig {
    role: StackRole;
    /** `flexplane:cloud` when it names a cloud; region stacks only. */
    cloud?: string;
    /** Parsed values of the keys that are set (and well typed), by name without namespace. */
    values: Map<string, unknown>;
    /** Keys the engine passed as secrets. */
    secretKeys: Set<string>;
}

/**
 * Whether the engine passed a config key as a secret. The language host lists secret keys in
 * PULUMI_CONFIG_SECRET_KEYS (pulumi/pulumi `sdk/nodejs/cmd/pulumi-language-nodejs/main.go`,
 * `constructConfigSecretKeys`), which @pulumi/pulumi's `runtime/config.js` reads in `isConfigSecret`;
 * that function is exported at run time but marked internal, so it is missing from the typings.
 */
export function isSecretConfigKey(key: string): boolean {
    const isConfigSecret = (pulumi.runtime as unknown as { isConfigSecret?: (k: string) => boolean }).isConfigSecret;
    if (typeof isConfigSecret !== "function") {
        throw new Error("@pulumi/pulumi no longer exports runtime.isConfigSecret: update program/stack-config.ts.");
    }
    return isConfigSecret(key);
}

/** Parses a config value by its declared type; a string describes what is wrong. */
function parseByType(spec: ConfigKeySpec, text: string): { value: unknown } | { problem: string } {
    switch (spec.type) {
        case "string":
            return { value: text };
        case "integer":
            return /^[+-]?\d+$/.test(text) ? { value: Number(text) } : { problem: `"${text}" is not a whole number.` };
        case "boolean":
            return text === "true" || text === "false" ? { value: text === "true" } : { problem: `"${text}" is not true or false.` };
        default: {
            let parsed: unknown;
            try {
                parsed = JSON.parse(text);
            } catch {
                parsed = text;
            }
            if (spec.type === "array") {
                return Array.isArray(parsed) && parsed.every((item) => typeof item === "string" && item !== "")
                    ? { value: parsed }
                    : { problem: `must be a YAML list of names, e.g. ${spec.example}; got ${JSON.stringify(parsed)}.` };
            }
            return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
                ? { value: parsed }
                : { problem: `must be a YAML map, e.g. ${spec.example}; got ${JSON.stringify(parsed)}.` };
        }
    }
}

/** Whether `value` is the key's declared default: the CLI sets those on every stack (mergeConfig). */
function isDefault(spec: ConfigKeySpec, value: unknown): boolean {
    return spec.default !== undefined && JSON.stringify(value) === JSON.stringify(spec.default);
}

/**
 * Reads every `flexplane:*` key and records, under its key, each one that is unknown (with the nearest
 * known name), mistyped, a credential in plain text, or not read by this stack's role or cloud.
 * `config` is the engine's whole config (`pulumi.runtime.allConfig()`).
 */
export function readStackConfig(problems: StackProblems, config: Record<string, string>, isSecret: (key: string) => boolean): StackConfig {
    const values = new Map<string, unknown>();
    const secretKeys = new Set<string>();
    for (const [key, text] of Object.entries(config)) {
        const separator = key.indexOf(":");
        const namespace = key.slice(0, separator);
        const name = key.slice(separator + 1);
        if (namespace !== NAMESPACE) {
            if (editDistance(namespace, NAMESPACE) <= 2) {
                problems.add(key, `"${namespace}" is not this project's namespace: did you mean ${fullKey(name)}?`);
            }
            continue;
        }
        const spec = configKey(name);
        if (spec === undefined) {
            const near = closestName(
                name,
                CONFIG_KEYS.map((k) => k.name),
            );
            problems.add(
                key,
                `is not a Flexplane setting: ${near ? `did you mean ${fullKey(near)}? Otherwise remove it` : "remove it"} ` +
                    "(docs/configuration.md lists every key).",
            );
            continue;
        }
        if (isSecret(key)) {
            secretKeys.add(name);
        } else if (spec.secret) {
            problems.add(key, `holds a credential but is in plain text in the stack file: remove it there and run ${setCommand(spec)}.`);
        }
        const parsed = parseByType(spec, text);
        if ("problem" in parsed) {
            problems.add(key, parsed.problem);
        } else {
            values.set(name, parsed.value);
        }
    }
    const role = readRole(problems, values.get("role"));
    const cloud = role === "dataPlane" ? readCloud(problems, values) : undefined;
    for (const [name, value] of values) {
        const spec = configKey(name)!;
        // A cloud-specific key can only be judged once flexplane:cloud names a cloud.
        const judged = role === "org" || (role === "dataPlane" && (cloud !== undefined || !spec.roles.includes(role)));
        if (role !== undefined && judged && !readBy(spec, role, cloud) && !isDefault(spec, value)) {
            problems.add(fullKey(name), notReadHere(spec, role, cloud));
        }
    }
    return { role: role ?? "dataPlane", cloud, values, secretKeys };
}

function readRole(problems: StackProblems, value: unknown): StackRole | undefined {
    const role = value ?? "dataPlane";
    if (!(STACK_ROLES as readonly unknown[]).includes(role)) {
        problems.add(
            "flexplane:role",
            `"${String(role)}" is not a stack role: use dataPlane (the default, a region stack) or org (one per Airbyte organization).`,
        );
        return undefined;
    }
    return role as StackRole;
}

function readCloud(problems: StackProblems, values: Map<string, unknown>): string | undefined {
    const cloud = values.get("cloud");
    if (cloud === undefined || cloud === "") {
        problems.add("flexplane:cloud", `is required on a region stack: \`pulumi config set flexplane:cloud <${CLOUDS.join("|")}>\`.`);
        return undefined;
    }
    if (!(CLOUDS as readonly unknown[]).includes(cloud)) {
        problems.add(
            "flexplane:cloud",
            `"${String(cloud)}" is not a cloud this program deploys to: set it to one of ${CLOUDS.join(", ")}.${didYouMean(String(cloud), CLOUDS)}`,
        );
        return undefined;
    }
    return cloud as string;
}

function notReadHere(spec: ConfigKeySpec, role: StackRole, cloud: string | undefined): string {
    if (role === "org") {
        return "is only read by region stacks, and this is an org stack (flexplane:role: org): remove it, or move it to the region stacks.";
    }
    if (!spec.roles.includes("dataPlane")) {
        return "is only read by the org stack (flexplane:role: org): remove it from this region stack.";
    }
    const clouds = spec.clouds!.join(" or ");
    return `is only read by ${clouds} stacks, and this stack's flexplane:cloud is ${cloud}: remove it, or set flexplane:cloud: ${spec.clouds![0]}.`;
}

/** Every required key the stack's role and cloud read, when unset: each with the command that sets it. */
export function checkRequiredKeys(problems: StackProblems, config: StackConfig): void {
    for (const spec of CONFIG_KEYS.filter((k) => k.required && k.name !== "cloud" && readBy(k, config.role, config.cloud))) {
        if (!config.values.has(spec.name) && !problems.has(fullKey(spec.name))) {
            problems.add(fullKey(spec.name), `is required: ${setCommand(spec)}.`);
        }
    }
}
