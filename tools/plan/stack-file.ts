import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { configKey } from "../../program/config-keys";
import {
    CliConfigError,
    CliConfigValue,
    CliProject,
    fullTypeName,
    loadProject,
    mergeEnvironmentConfig,
    mergeStackConfig,
    qualifiedKey,
    replaceSecureLeaves,
    stackConfigOf,
} from "../pulumi-cli/config";
import { EnvironmentError, EnvironmentReader } from "../pulumi-cli/esc";
import { SECRET_CONFIG_PLACEHOLDER } from "../harness/runtime";

/** A stack's config as the Pulumi engine hands it to the program, with secrets as placeholders. */
export interface StackConfig {
    stack: string;
    /** `namespace:key` -> value; objects are JSON text, as the engine passes them. */
    config: Record<string, string>;
    /** Keys whose values are secret (placeholders here). */
    secretKeys: string[];
    /** What the CLI would refuse before running the program, each with the command that fixes it. */
    cliErrors: string[];
    /** The ESC environments the stack imports, read from local definitions, and the keys they set. */
    environment?: { imports: string; dir: string; keys: string[] };
}

/** Comment lines `# secret: <key>` name the secrets a stack needs; they are set with --secret. */
const SECRET_COMMENT = /^#\s*secret:\s*(\S+)/;

/** Reads `<stacksDir>/Pulumi.<stack>.yaml`, or says which stacks exist. */
export function readStackText(stacksDir: string, stack: string): string {
    const file = path.join(stacksDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        const known = listStacks(stacksDir).join(", ") || "none";
        throw new Error(`No stack file ${file}: pick one of ${known}, or create it.`);
    }
    return fs.readFileSync(file, "utf8");
}

/** The secrets a stack file announces in `# secret:` comments. */
export function announcedSecrets(text: string): string[] {
    return text
        .split("\n")
        .map((line) => SECRET_COMMENT.exec(line.trim())?.[1])
        .filter((k): k is string => k !== undefined);
}

/** Loads Pulumi.yaml as the CLI does; throws its refusal. */
export function readProject(projectFile: string): CliProject {
    const { project, errors } = loadProject(parse(fs.readFileSync(projectFile, "utf8")));
    if (!project) {
        throw new Error(`${projectFile}: ${errors.join("; ")}`);
    }
    return project;
}

/**
 * A stack file's config as the engine would pass it after the CLI's checks (`mergeStackConfig`):
 * project defaults filled in; secret values, encrypted or only announced in `# secret:` comments,
 * replaced by a placeholder. The CLI's refusals come back in `cliErrors`, each with its fix.
 */
export function stackConfigFor(project: CliProject, stack: string, text: string, envDir?: string): StackConfig {
    const document = parse(text) ?? {};
    let values = stackConfigOf(project.name, document);
    for (const key of announcedSecrets(text).filter((k) => !values.has(k))) {
        values.set(key, { text: SECRET_CONFIG_PLACEHOLDER, secure: true, object: false });
    }
    const environment =
        document.environment === undefined || envDir === undefined
            ? undefined
            : withEnvironment(project, stack, document.environment, envDir, values);
    if (environment?.errors.length) {
        return { stack, config: {}, secretKeys: [], cliErrors: environment.errors };
    }
    values = environment?.config ?? values;
    const merged = mergeStackConfig(stack, project, values);
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of merged.config) {
        config[key] = engineText(value);
        if (value.secure) {
            secretKeys.push(key);
        }
    }
    return {
        stack,
        config,
        secretKeys,
        cliErrors: merged.errors.map((e) => `${e.message}. ${fixFor(project, e)}`),
        ...(environment ? { environment: environment.summary } : {}),
    };
}

/**
 * The stack's values with its ESC environments' `pulumiConfig` merged under them, read from
 * `<envDir>/<name>.yaml`; or what stops the CLI ("opening environment: ...", pkg/cmd/pulumi/config/io.go).
 */
function withEnvironment(project: CliProject, stack: string, environment: unknown, envDir: string, values: Map<string, CliConfigValue>) {
    const imports = Array.isArray(environment) ? environment.join(", ") : "an inline environment";
    try {
        const pulumiConfig = new EnvironmentReader(envDir).pulumiConfigOf(environment, `Pulumi.${stack}.yaml`) ?? {};
        const merged = mergeEnvironmentConfig(project.name, pulumiConfig, values);
        const errors = merged.unknown.map(
            ({ key, what }) =>
                `${key} comes from ${what} in the stack's environment, which only ESC can evaluate. To plan offline, give it a literal ` +
                `value in the environment's definition under ${envDir}, or set it on the stack (stack values win over the environment).`,
        );
        const keys = [...merged.config.keys()].filter((k) => merged.config.get(k) !== values.get(k)).sort();
        return { config: merged.config, errors, summary: { imports, dir: envDir, keys } };
    } catch (err) {
        if (err instanceof EnvironmentError) {
            return { config: values, errors: [`opening environment: ${err.message}`], summary: { imports, dir: envDir, keys: [] } };
        }
        throw err;
    }
}

/** What the engine passes for a value: plain text, JSON for objects, secure parts as the placeholder. */
function engineText(value: CliConfigValue): string {
    if (!value.secure) {
        return value.text;
    }
    if (!value.object) {
        return SECRET_CONFIG_PLACEHOLDER;
    }
    return JSON.stringify(replaceSecureLeaves(value.raw, SECRET_CONFIG_PLACEHOLDER));
}

/** What answers one of the CLI's refusals: the command per key, or the type to give. */
function fixFor(project: CliProject, error: CliConfigError): string {
    const full = (key: string) => qualifiedKey(project.name, key);
    const example = (key: string) => configKey(key)?.example ?? "<value>";
    if (error.kind === "type") {
        const [key] = error.keys;
        const declared = project.config[key];
        return `Give ${full(key)} a value of type '${fullTypeName(declared.type!, declared.items)}', e.g. ${example(key)}.`;
    }
    const commands = error.keys.map(
        (key) =>
            `pulumi config set${error.kind === "notSecret" || project.config[key].secret ? " --secret" : ""} ${full(key)} ${example(key)}`,
    );
    const lead = error.kind === "notSecret" ? "Remove the plain value from the stack file and run" : "Run";
    return commands.length === 1 ? `${lead} \`${commands[0]}\`.` : `${lead}:\n${commands.map((c) => `    ${c}`).join("\n")}`;
}

/** Stack names that have a `Pulumi.<stack>.yaml` in `stacksDir`. */
export function listStacks(stacksDir: string): string[] {
    return fs
        .readdirSync(stacksDir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** Referenced stacks' outputs by every name a StackReference may use, and the file each came from. */
export interface Fixtures {
    outputs: Record<string, Record<string, unknown>>;
    files: Record<string, string>;
}

/**
 * Outputs of the stacks this one references, from `stacks/fixtures/<stack>.json`: the offline
 * stand-in for the backend. Keyed by every name a StackReference may use (`org`, `acme/flexplane/org`).
 */
export function readFixtures(fixturesDir: string): Fixtures {
    const fixtures: Fixtures = { outputs: {}, files: {} };
    if (!fs.existsSync(fixturesDir)) {
        return fixtures;
    }
    for (const file of fs.readdirSync(fixturesDir).filter((f) => f.endsWith(".json"))) {
        const stack = file.replace(/\.json$/, "");
        const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, file), "utf8")) as {
            names?: string[];
            outputs: Record<string, unknown>;
        };
        for (const name of [stack, ...(fixture.names ?? [])]) {
            fixtures.outputs[name] = fixture.outputs;
            fixtures.files[name] = path.join(fixturesDir, file);
        }
    }
    return fixtures;
}
