/**
 * The Pulumi CLI's own checks of project and stack configuration, ported from its source so that tests
 * and the offline plan apply the rules `pulumi preview` applies before any program runs. Pure: no CLI,
 * no backend. Source: pulumi/pulumi at 1b5949891b3c (2026-08-21):
 *
 * - `sdk/go/common/workspace/loaders.go` `LoadProjectBytes`, `LoadProjectStackBytes`,
 *   `stackConfigNamespacedWithProject`, `checkForEmptyConfig`;
 * - `sdk/go/common/workspace/project.go` `ProjectConfigType`, `RewriteShorthandConfigValues`,
 *   `Project.Validate`, `ValidateConfigValue`, `InferFullTypeName`, and the `config` part of
 *   `project.json` (the schema `ValidateProject` applies);
 * - `sdk/go/common/resource/config/object.go` / `value.go` (how a stack file's value is held: text,
 *   secure, object);
 * - `pkg/workspace/config.go` `mergeConfig`, `validateStackConfigValues`, `validateStackConfigValue`,
 *   `missingStackConfigurationKeysError`;
 * - `pkg/workspace/config.go` `toConfigMap`, `toPlaintext` and the environment step of `mergeConfig`
 *   (`mergeEnvironmentConfig`), with `sdk/go/common/resource/config/object.go` `object.Merge`.
 *
 * One deliberate difference: the CLI returns the first failed check; `mergeStackConfig` returns all of
 * them, in the CLI's order, so one run names every fix. The project-name and stack-config messages are
 * the CLI's, word for word; a schema problem is summarized in our words (the CLI prints the jsonschema
 * library's report, `could not validate '<file>': #/config/a: ...`), naming the same property.
 */

import { EnvSecret, EnvUnknown, EnvValue, isEnvMap } from "./esc";

/** `items` of an array type (`ProjectConfigItemsType`). */
export interface ConfigItemsType {
    type: string;
    items?: ConfigItemsType;
}

/** A key declared under `config:` in Pulumi.yaml (`ProjectConfigType`). */
export interface ProjectConfigType {
    type?: string;
    description?: string;
    items?: ConfigItemsType;
    default?: unknown;
    value?: unknown;
    secret?: boolean;
}

export interface CliProject {
    name: string;
    config: Record<string, ProjectConfigType>;
}

/** A stack config value as the CLI holds it (`config.Value`): its text, and whether secure or an object. */
export interface CliConfigValue {
    /** The plain text; for an object, its JSON; for a secure value, the ciphertext. */
    text: string;
    secure: boolean;
    object: boolean;
    /** The parsed YAML value (secure leaves kept as `{secure: ...}`), for objects. */
    raw?: unknown;
}

/** One refusal of the CLI, with the key it concerns (as written in Pulumi.yaml). */
export interface CliConfigError {
    kind: "missing" | "notSecret" | "type";
    /** Keys concerned: several for one "missing" error. */
    keys: string[];
    message: string;
}

const SIMPLE_TYPES = ["string", "integer", "boolean", "array", "object"];
const DECLARATION_PROPERTIES = ["type", "items", "description", "secret", "default", "value"];

/** True for the values `isPrimitiveValue` (project.go) accepts: string, int, bool. */
function isPrimitive(value: unknown): boolean {
    return typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isInteger(value));
}

function isMap(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `configKeyIsNamespacedByProject` (project.go). */
export function namespacedByProject(projectName: string, key: string): boolean {
    return !key.includes(":") || key.startsWith(`${projectName}:`);
}

/** `parseConfigKey` (pkg/workspace/config.go): a bare key takes the project's namespace. */
export function qualifiedKey(projectName: string, key: string): string {
    return key.includes(":") ? key : `${projectName}:${key}`;
}

/** The `config` part of project.json: what each entry may be. Returns the schema violations. */
function schemaProblems(config: unknown): string[] {
    if (config === undefined || config === null || typeof config === "string") {
        return [];
    }
    if (!isMap(config)) {
        return ["config: must be a map of configuration keys to their types"];
    }
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(config)) {
        if (key === "secret" && typeof entry !== "boolean") {
            problems.push("config.secret: must be a boolean");
        }
        // project.json: a shorthand value is a string, an integer, a boolean or an array.
        if (isPrimitive(entry) || Array.isArray(entry)) {
            continue;
        }
        if (!isMap(entry)) {
            problems.push(`config.${key}: must be a string, integer, boolean, array or type declaration`);
            continue;
        }
        for (const property of Object.keys(entry).filter((p) => !DECLARATION_PROPERTIES.includes(p))) {
            problems.push(`config.${key}: additional property ${property} is not allowed`);
        }
        if (entry.type !== undefined && !SIMPLE_TYPES.includes(entry.type as string)) {
            problems.push(`config.${key}.type: must be one of ${SIMPLE_TYPES.join(", ")}`);
        }
        if (entry.items !== undefined && (!isMap(entry.items) || entry.items.type === undefined)) {
            problems.push(`config.${key}.items: must declare a type`);
        }
        for (const flag of ["secret", "description"] as const) {
            const expected = flag === "secret" ? "boolean" : "string";
            if (entry[flag] !== undefined && typeof entry[flag] !== expected) {
                problems.push(`config.${key}.${flag}: must be a ${expected}`);
            }
        }
    }
    return problems;
}

/**
 * Loads a parsed Pulumi.yaml as `LoadProjectBytes` does: schema, shorthand values rewritten
 * (`RewriteShorthandConfigValues`), then `Project.Validate`. Errors carry the CLI's wording.
 */
export function loadProject(document: unknown): { project?: CliProject; errors: string[] } {
    // project.go `ValidateProject` 576-592: the name is checked before the schema.
    if (!isMap(document) || !("name" in document)) {
        return { errors: ["project is missing a 'name' attribute"] };
    }
    const name = document.name;
    if (typeof name !== "string" || name === "") {
        return { errors: ["project is missing a non-empty string 'name' attribute"] };
    }
    const schema = schemaProblems(document.config);
    if (schema.length > 0) {
        return { errors: schema.map((p) => `could not validate Pulumi.yaml: ${p}`) };
    }
    const config: Record<string, ProjectConfigType> = {};
    for (const [key, entry] of Object.entries(isMap(document.config) ? document.config : {})) {
        if (isPrimitive(entry) || Array.isArray(entry)) {
            config[key] = namespacedByProject(name, key) ? { default: entry } : { value: entry };
        } else {
            config[key] = entry as ProjectConfigType;
        }
    }
    const errors = validateProjectConfig(name, config);
    return errors.length > 0 ? { errors } : { project: { name, config }, errors: [] };
}

/** `Project.Validate`, the config part. */
function validateProjectConfig(projectName: string, config: Record<string, ProjectConfigType>): string[] {
    const errors: string[] = [];
    for (const [key, type] of Object.entries(config)) {
        const hasDefault = type.default !== undefined && type.default !== null;
        const hasValue = type.value !== undefined && type.value !== null;
        if (hasDefault && hasValue) {
            errors.push(`project config '${key}' cannot have both a 'default' and 'value' attribute`);
            continue;
        }
        if (namespacedByProject(projectName, key)) {
            if (type.type === "array" && type.items === undefined) {
                errors.push(
                    `The configuration key '${key}' declares an array but does not specify the underlying type via the 'items' attribute`,
                );
            } else if (type.type !== undefined && hasDefault && !validateConfigValue(type.type, type.items, type.default)) {
                errors.push(
                    `The default value specified for configuration key '${key}' is not of the expected type '${fullTypeName(type.type, type.items)}'`,
                );
            }
        } else if (type.type !== undefined) {
            errors.push(`Configuration key '${key}' is not namespaced by the project and should not define a type`);
        } else if (hasDefault) {
            errors.push(
                `Configuration key '${key}' is not namespaced by the project and should not define a default value. ` +
                    "Did you mean to use the 'value' attribute instead of 'default'?",
            );
        } else if (!hasValue) {
            errors.push(`Configuration key '${key}' is namespaced and must provide an attribute 'value'`);
        }
    }
    return errors;
}

/** `InferFullTypeName`: `array<string>` for an array of strings. */
export function fullTypeName(type: string, items: ConfigItemsType | undefined): string {
    return items ? `array<${fullTypeName(items.type, items.items)}>` : type;
}

/** `ValidateConfigValue`: whether `value` (text, or parsed JSON for objects) is of the declared type. */
export function validateConfigValue(type: string, items: ConfigItemsType | undefined, value: unknown): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "integer":
            // YAML numbers arrive as floats; whole ones pass, as do strings that parse as integers.
            return (typeof value === "number" && Number.isInteger(value)) || (typeof value === "string" && /^[+-]?\d+$/.test(value));
        case "boolean":
            return value === "true" || value === "false" || typeof value === "boolean";
        case "object":
            return isMap(value);
        default:
            return Array.isArray(value) && items !== undefined && value.every((item) => validateConfigValue(items.type, items.items, item));
    }
}

/** Whether a parsed YAML value is `{secure: <ciphertext>}` (`isSecureValue`, object.go). */
function isSecureLeaf(value: unknown): boolean {
    return isMap(value) && Object.keys(value).length === 1 && typeof value.secure === "string";
}

/**
 * `value` with every secure leaf (`{secure: <ciphertext>}`) replaced by `placeholder`: what the engine passes
 * a program for an object with secrets, where it passes the plaintext.
 */
export function replaceSecureLeaves(value: unknown, placeholder: string): unknown {
    if (isSecureLeaf(value)) {
        return placeholder;
    }
    if (Array.isArray(value)) {
        return value.map((v) => replaceSecureLeaves(v, placeholder));
    }
    return isMap(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceSecureLeaves(v, placeholder)])) : value;
}

function containsSecure(value: unknown): boolean {
    if (isSecureLeaf(value)) {
        return true;
    }
    return Array.isArray(value) ? value.some(containsSecure) : isMap(value) && Object.values(value).some(containsSecure);
}

/**
 * A parsed YAML value as a `config.Value`: null is the empty string (`checkForEmptyConfig`), scalars are
 * text, `{secure: x}` is secure, maps and lists are objects (secure when they hold a secure leaf).
 */
export function configValueOf(value: unknown): CliConfigValue {
    if (value === null || value === undefined) {
        return { text: "", secure: false, object: false };
    }
    if (isSecureLeaf(value)) {
        return { text: (value as { secure: string }).secure, secure: true, object: false };
    }
    if (typeof value === "object") {
        return { text: JSON.stringify(value), secure: containsSecure(value), object: true, raw: value };
    }
    return { text: String(value), secure: false, object: false };
}

/** A stack file's `config:` as the CLI loads it: bare keys take the project's namespace. */
export function stackConfigOf(projectName: string, document: unknown): Map<string, CliConfigValue> {
    const config = new Map<string, CliConfigValue>();
    const entries = isMap(document) && isMap(document.config) ? Object.entries(document.config) : [];
    for (const [key, value] of entries) {
        config.set(qualifiedKey(projectName, key), configValueOf(value));
    }
    return config;
}

/** The value `createConfigValue` stores for a project default or value. */
function projectValue(value: unknown): CliConfigValue {
    return isPrimitive(value) ? { text: String(value), secure: false, object: false } : configValueOf(value);
}

/**
 * `mergeConfig` with validation, as `pulumi preview` and `pulumi up` run it: every project-namespaced
 * key declared without `default` or `value` must be on the stack; defaults and values fill in what is
 * missing; then each typed key must be secure when declared `secret` and of its declared type. Returns
 * the merged config and every refusal.
 */
export function mergeStackConfig(
    stackName: string,
    project: CliProject,
    stackConfig: Map<string, CliConfigValue>,
): { config: Map<string, CliConfigValue>; errors: CliConfigError[] } {
    const merged = new Map(stackConfig);
    const keys = Object.keys(project.config).sort();
    const missing: string[] = [];
    for (const key of keys) {
        const type = project.config[key];
        const full = qualifiedKey(project.name, key);
        const hasDefault = type.default !== undefined && type.default !== null;
        const hasValue = type.value !== undefined && type.value !== null;
        if (merged.has(full)) {
            continue;
        }
        if (!hasValue && !hasDefault && full.startsWith(`${project.name}:`)) {
            missing.push(key);
        } else if (hasValue || hasDefault) {
            merged.set(full, projectValue(hasDefault ? type.default : type.value));
        }
    }
    if (missing.length > 0) {
        return { config: merged, errors: [{ kind: "missing", keys: missing, message: missingKeysMessage(stackName, missing) }] };
    }
    const errors: CliConfigError[] = [];
    for (const key of keys) {
        const type = project.config[key];
        const value = merged.get(qualifiedKey(project.name, key));
        if (type.type === undefined || value === undefined) {
            continue;
        }
        if (type.secret === true && !value.secure) {
            errors.push({
                kind: "notSecret",
                keys: [key],
                message: `Stack '${stackName}' with configuration key '${key}' must be encrypted as it's secret`,
            });
            continue;
        }
        // A secure value is checked after decryption, which the offline plan cannot do: its type is taken on trust.
        const content = value.object ? JSON.parse(value.text) : value.text;
        if (!value.secure && !validateConfigValue(type.type, type.items, content)) {
            errors.push({
                kind: "type",
                keys: [key],
                message: `Stack '${stackName}' with configuration key '${key}' must be of type '${fullTypeName(type.type, type.items)}'`,
            });
        }
    }
    return { config: merged, errors };
}

/** `missingStackConfigurationKeysError` with `formatMissingKeys`. */
function missingKeysMessage(stackName: string, keys: string[]): string {
    const sorted = [...keys].sort();
    const quoted = sorted.map((k) => `'${k}'`);
    const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
    return `Stack '${stackName}' is missing configuration ${sorted.length > 1 ? "values" : "value"} ${list}`;
}

/** A `pulumiConfig` value the offline plan cannot know (only ESC computes it), by key. */
export interface UnknownEnvironmentValue {
    key: string;
    what: string;
}

/**
 * `toPlaintext` (pkg/workspace/config.go): an ESC value as a config value. Secret strings become
 * secure; other secrets keep no secrecy (the CLI drops it for numbers and booleans); null is empty;
 * objects and lists are object values, secure where a leaf is. Returns what is unknown instead.
 */
function environmentValue(value: EnvValue): CliConfigValue | { unknown: string } {
    let unknown: string | undefined;
    const plain = (v: EnvValue): unknown => {
        if (v instanceof EnvUnknown) {
            unknown ??= v.what;
            return null;
        }
        if (v instanceof EnvSecret) {
            return { secure: "esc" };
        }
        if (Array.isArray(v)) {
            return v.map(plain);
        }
        if (isEnvMap(v)) {
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
        }
        return v;
    };
    const converted = plain(value);
    return unknown === undefined ? configValueOf(converted) : { unknown };
}

/** `object.Merge` (resource/config/object.go): `top` over `base` key by key for two maps (secure leaves are not maps). */
function mergeObjects(top: unknown, base: unknown): unknown {
    if (!isMap(top) || !isMap(base) || isSecureLeaf(top) || isSecureLeaf(base)) {
        return top;
    }
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(top)) {
        merged[key] = key in base ? mergeObjects(value, base[key]) : value;
    }
    return merged;
}

/**
 * The first step of `mergeConfig`: the stack's environment config (`toConfigMap`: bare keys take the
 * project's namespace) merged under the stack's own values, "JSON merge patch semantics ... prefers
 * stack values over env values". Runs before the project's defaults and the checks, so a key the
 * environment gives is not missing, and a secret it gives is secure.
 */
export function mergeEnvironmentConfig(
    projectName: string,
    environment: Record<string, EnvValue>,
    stackConfig: Map<string, CliConfigValue>,
): { config: Map<string, CliConfigValue>; unknown: UnknownEnvironmentValue[] } {
    const merged = new Map(stackConfig);
    const unknown: UnknownEnvironmentValue[] = [];
    for (const [rawKey, envValue] of Object.entries(environment)) {
        const key = qualifiedKey(projectName, rawKey);
        const value = environmentValue(envValue);
        const stackValue = merged.get(key);
        if ("unknown" in value) {
            if (stackValue === undefined) {
                unknown.push({ key, what: value.unknown });
            }
        } else if (stackValue === undefined) {
            merged.set(key, value);
        } else if (stackValue.object && value.object) {
            merged.set(key, configValueOf(mergeObjects(stackValue.raw, value.raw)));
        }
    }
    return { config: merged, unknown };
}
