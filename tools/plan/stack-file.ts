import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { SECRET_CONFIG_PLACEHOLDER } from "../harness/runtime";

/** A stack's config as the Pulumi engine hands it to the program, with secrets as placeholders. */
export interface StackConfig {
    stack: string;
    /** `namespace:key` -> value; objects are JSON text, as the engine passes them. */
    config: Record<string, string>;
    /** Keys whose values are secret (placeholders here). */
    secretKeys: string[];
}

/** Comment lines `# secret: <key>` name the secrets a stack needs; they are set with --secret. */
const SECRET_COMMENT = /^#\s*secret:\s*(\S+)/;

/** Reads `stacks/Pulumi.<stack>.yaml`; secret values, encrypted or only announced, become a placeholder. */
export function readStackConfig(stacksDir: string, stack: string): StackConfig {
    const file = path.join(stacksDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        const known = listStacks(stacksDir).join(", ") || "none";
        throw new Error(`No stack file ${file}: pick one of ${known}, or create it.`);
    }
    const text = fs.readFileSync(file, "utf8");
    const document = (parse(text) ?? {}) as { config?: Record<string, unknown> };
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(document.config ?? {})) {
        if (isSecure(value)) {
            config[key] = SECRET_CONFIG_PLACEHOLDER;
            secretKeys.push(key);
        } else {
            config[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    for (const line of text.split("\n")) {
        const announced = SECRET_COMMENT.exec(line.trim())?.[1];
        if (announced && !(announced in config)) {
            config[announced] = SECRET_CONFIG_PLACEHOLDER;
            secretKeys.push(announced);
        }
    }
    return { stack, config, secretKeys };
}

/** Stack names that have a `Pulumi.<stack>.yaml` in `stacksDir`. */
export function listStacks(stacksDir: string): string[] {
    return fs.readdirSync(stacksDir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/**
 * Outputs of the stacks this one references, from `stacks/fixtures/<stack>.json`: the offline
 * stand-in for the backend. Keyed by every name a StackReference may use (`org`, `acme/flexplane/org`).
 */
export function readFixtures(fixturesDir: string): Record<string, Record<string, unknown>> {
    const outputs: Record<string, Record<string, unknown>> = {};
    if (!fs.existsSync(fixturesDir)) {
        return outputs;
    }
    for (const file of fs.readdirSync(fixturesDir).filter((f) => f.endsWith(".json"))) {
        const stack = file.replace(/\.json$/, "");
        const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, file), "utf8")) as { names?: string[]; outputs: Record<string, unknown> };
        for (const name of [stack, ...(fixture.names ?? [])]) {
            outputs[name] = fixture.outputs;
        }
    }
    return outputs;
}

function isSecure(value: unknown): boolean {
    return typeof value === "object" && value !== null && "secure" in value;
}
