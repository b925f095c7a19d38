/**
 * Pulumi ESC environments read from local files: what a stack's `environment:` gives the Pulumi CLI as
 * config (`values.pulumiConfig`), for the offline plan. A model of ESC's evaluation, limited to what
 * can be known without the service. Sources: pulumi/esc at 5e20cf8 (2026-06-01):
 *
 * - `eval/eval.go` `evaluateImports`: imports are evaluated in order, each merged over the ones before
 *   it (unless `merge: false`), and the environment's own `values` over all of them; `value.merge` /
 *   `property` / `keys` (`eval/value.go`): objects merge key by key, anything else is replaced;
 * - `ast/expr.go` `parseSecret`: `fn::secret` takes a string literal, or `{ciphertext: ...}` as ESC
 *   stores it; `ParseExpr`: a string that is exactly `${path}` is that value, any other string with
 *   `${...}` is text with each value's text in place (`evaluateInterpolate`, secret when a part is);
 *   `ast/interpolation.go`: `$$` is a literal `$`;
 * - `evaluateExprAccess`: `${imports.<name>...}` reads one import, `${context...}` the execution
 *   context (not known offline).
 *
 * And pulumi/pulumi at 1b5949891b3c: `sdk/go/common/workspace/project.go` `Environment.Definition`
 * (a stack's `environment:` list means `{imports: [...]}`, an object is an inline definition).
 *
 * Values ESC computes with the service (`fn::open::*`, `fn::rotate::*`, other `fn::` builtins, the
 * context) are unknown here; ciphertext is a secret whose value is unknown.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

/** A secret string; `plaintext` is undefined for ciphertext, which only ESC can decrypt. */
export class EnvSecret {
    constructor(readonly plaintext?: string) {}
}

/** A value only ESC itself can compute; `what` names the construct. */
export class EnvUnknown {
    constructor(readonly what: string) {}
}

export type EnvValue = null | boolean | number | string | EnvSecret | EnvUnknown | EnvValue[] | { [key: string]: EnvValue };

/** An environment that cannot be read or evaluated, with the file concerned. */
export class EnvironmentError extends Error {}

type Raw = unknown;
type EnvMap = { [key: string]: EnvValue };

export function isEnvMap(value: unknown): value is EnvMap {
    return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        !(value instanceof EnvSecret) &&
        !(value instanceof EnvUnknown)
    );
}

function isRawMap(value: Raw): value is Record<string, Raw> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{fn::<name>: arg}`: a builtin call, as ESC recognises one (a single key with the reserved prefix). */
function builtinOf(raw: Raw): [string, Raw] | undefined {
    if (!isRawMap(raw)) {
        return undefined;
    }
    const keys = Object.keys(raw);
    return keys.length === 1 && keys[0].toLowerCase().startsWith("fn::") ? [keys[0], raw[keys[0]]] : undefined;
}

/** `value.merge`: `top` over `base`, key by key for two objects; otherwise `top`. */
export function mergeEnvValues(top: EnvValue | undefined, base: EnvValue | undefined): EnvValue | undefined {
    if (isEnvMap(top) && isEnvMap(base)) {
        const merged: EnvMap = { ...base };
        for (const [key, value] of Object.entries(top)) {
            merged[key] = mergeEnvValues(value, base[key]) as EnvValue;
        }
        return merged;
    }
    return top === undefined ? base : top;
}

/** `a.b["c"][0]` as accessors. */
function parsePath(text: string, where: string): (string | number)[] {
    const accessors: (string | number)[] = [];
    const pattern = /^(?:\.?([A-Za-z_][\w-]*)|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\])/;
    let rest = text.trim();
    while (rest.length > 0) {
        const match = pattern.exec(rest);
        if (!match || (accessors.length === 0 && match[0].startsWith("."))) {
            throw new EnvironmentError(`${where}: cannot read the reference \${${text}}`);
        }
        accessors.push(match[1] ?? (match[2] !== undefined ? JSON.parse(`"${match[2]}"`) : Number(match[3])));
        rest = rest.slice(match[0].length);
    }
    return accessors;
}

/** The text of a value inside an interpolated string (`toString`, eval/value.go), or why there is none. */
function textOf(value: EnvValue | undefined): { text?: string; secret: boolean; unknown?: string } {
    if (value instanceof EnvUnknown) {
        return { secret: false, unknown: value.what };
    }
    if (value instanceof EnvSecret) {
        return value.plaintext === undefined ? { secret: true, unknown: "fn::secret ciphertext" } : { text: value.plaintext, secret: true };
    }
    if (value === null || value === undefined) {
        return { text: "", secret: false };
    }
    if (typeof value === "object") {
        return { secret: false, unknown: "an object or list inside a string" };
    }
    return { text: String(value), secret: false };
}

/** One environment's evaluation: its own values over its merged imports. */
class Evaluation {
    private readonly resolving = new Set<string>();

    constructor(
        private readonly file: string,
        private readonly values: Record<string, Raw>,
        private readonly base: EnvValue | undefined,
        private readonly imports: Record<string, EnvValue>,
    ) {}

    result(): EnvValue | undefined {
        return mergeEnvValues(this.evaluate(this.values, "values"), this.base);
    }

    private evaluate(raw: Raw, at: string): EnvValue {
        if (raw === null || raw === undefined || typeof raw === "boolean" || typeof raw === "number") {
            return raw ?? null;
        }
        if (typeof raw === "string") {
            return this.interpolate(raw, at);
        }
        if (Array.isArray(raw)) {
            return raw.map((item, i) => this.evaluate(item, `${at}[${i}]`));
        }
        const builtin = builtinOf(raw);
        if (builtin) {
            return this.call(builtin[0], builtin[1], at);
        }
        const out: EnvMap = {};
        for (const [key, value] of Object.entries(raw as Record<string, Raw>)) {
            out[key] = this.evaluate(value, `${at}.${key}`);
        }
        return out;
    }

    private call(name: string, arg: Raw, at: string): EnvValue {
        if (name !== "fn::secret") {
            return new EnvUnknown(name);
        }
        if (typeof arg === "string") {
            return new EnvSecret(arg);
        }
        if (isRawMap(arg) && Object.keys(arg).length === 1 && typeof arg.ciphertext === "string") {
            return new EnvSecret();
        }
        throw new EnvironmentError(`${this.file}: ${at}: secret values must be string literals`);
    }

    private interpolate(raw: string, at: string): EnvValue {
        const parts = raw.split(/(\$\$|\$\{[^}]*\})/).filter((p) => p !== "");
        const references = parts.filter((p) => p.startsWith("${"));
        if (references.length === 0) {
            return raw.replace(/\$\$/g, "$");
        }
        if (parts.length === 1) {
            return this.resolve(parts[0].slice(2, -1), at);
        }
        let text = "";
        let secret = false;
        for (const part of parts) {
            if (!part.startsWith("${")) {
                text += part === "$$" ? "$" : part;
                continue;
            }
            const value = textOf(this.resolve(part.slice(2, -1), at));
            secret ||= value.secret;
            if (value.unknown !== undefined) {
                return secret ? new EnvSecret() : new EnvUnknown(value.unknown);
            }
            text += value.text;
        }
        return secret ? new EnvSecret(text) : text;
    }

    /** The value at `reference` of this environment's merged root. */
    private resolve(reference: string, at: string): EnvValue {
        const [head, ...rest] = parsePath(reference, `${this.file}: ${at}`);
        if (head === "context") {
            return new EnvUnknown("${context...}");
        }
        if (head === "imports") {
            const [name, ...inner] = rest;
            return this.walk(this.imports[String(name)], inner, reference, at);
        }
        if (this.resolving.has(reference)) {
            throw new EnvironmentError(`${this.file}: ${at}: cyclic reference to \${${reference}}`);
        }
        this.resolving.add(reference);
        try {
            // Descend through this file's own objects as long as they hold the key, then evaluate.
            let raw: Raw = this.values;
            let base: EnvValue | undefined = this.base;
            let i = 0;
            for (const accessor of [head, ...rest]) {
                if (!isRawMap(raw) || builtinOf(raw) || !(String(accessor) in raw)) {
                    break;
                }
                raw = raw[String(accessor)];
                base = isEnvMap(base) ? base[String(accessor)] : undefined;
                i++;
            }
            const start = i === 0 ? this.base : mergeEnvValues(this.evaluate(raw, reference), base);
            return this.walk(start, [head, ...rest].slice(i), reference, at);
        } finally {
            this.resolving.delete(reference);
        }
    }

    private walk(value: EnvValue | undefined, accessors: (string | number)[], reference: string, at: string): EnvValue {
        let current = value;
        for (const accessor of accessors) {
            if (current instanceof EnvUnknown || current instanceof EnvSecret) {
                return current instanceof EnvSecret ? new EnvSecret() : current;
            }
            current =
                Array.isArray(current) && typeof accessor === "number"
                    ? current[accessor]
                    : isEnvMap(current)
                      ? current[String(accessor)]
                      : undefined;
        }
        if (current === undefined) {
            throw new EnvironmentError(`${this.file}: ${at}: \${${reference}} names nothing in the environment`);
        }
        return current;
    }
}

/** How the names a stack imports map to files: `<dir>/<name>.yaml` (`<project>/<env>` is a subfolder). */
export function environmentFile(dir: string, name: string): string {
    return path.join(dir, `${name}.yaml`);
}

/** Evaluates environments from the definitions in one folder, each at most once. */
export class EnvironmentReader {
    private readonly done = new Map<string, EnvValue | undefined>();
    private readonly evaluating = new Set<string>();

    constructor(readonly dir: string) {}

    /** The evaluated root of the named environment. */
    open(name: string): EnvValue | undefined {
        if (this.done.has(name)) {
            return this.done.get(name);
        }
        const file = environmentFile(this.dir, name);
        if (!fs.existsSync(file)) {
            throw new EnvironmentError(
                `environment "${name}" has no definition ${file}: save it there ` +
                    `(\`esc env get <org>/${name} --definition > ${file}\`), or write a stand-in with the values the plan should use`,
            );
        }
        if (this.evaluating.has(name)) {
            throw new EnvironmentError(`${file}: cyclic import of ${name}`);
        }
        this.evaluating.add(name);
        try {
            const value = this.evaluateDefinition(parse(fs.readFileSync(file, "utf8")) ?? {}, file);
            this.done.set(name, value);
            return value;
        } finally {
            this.evaluating.delete(name);
        }
    }

    /** An environment definition (`imports:`, `values:`), from a file or inline in a stack file. */
    evaluateDefinition(definition: Raw, file: string): EnvValue | undefined {
        if (!isRawMap(definition)) {
            throw new EnvironmentError(`${file}: an environment definition is a map with imports and values`);
        }
        let base: EnvValue | undefined;
        const imports: Record<string, EnvValue> = {};
        const list = definition.imports ?? [];
        if (!Array.isArray(list)) {
            throw new EnvironmentError(`${file}: imports must be a list of environment names`);
        }
        for (const entry of list) {
            // An import is a name, or `{<name>: {merge: false}}` to read it through imports.<name> only.
            const [name, merge] =
                typeof entry === "string"
                    ? [entry, true]
                    : isRawMap(entry) && Object.keys(entry).length === 1
                      ? [Object.keys(entry)[0], (entry[Object.keys(entry)[0]] as { merge?: boolean } | null)?.merge !== false]
                      : [undefined, false];
            if (name === undefined) {
                throw new EnvironmentError(`${file}: cannot read the import ${JSON.stringify(entry)}`);
            }
            const value = this.open(name);
            imports[name] = value ?? {};
            if (merge) {
                base = mergeEnvValues(value, base);
            }
        }
        const values = definition.values ?? {};
        if (!isRawMap(values)) {
            throw new EnvironmentError(`${file}: values must be a map`);
        }
        return new Evaluation(file, values, base, imports).result();
    }

    /**
     * `pulumiConfig` of a stack's `environment:` (a list of names, or an inline definition), as
     * `env.Properties["pulumiConfig"]` (pulumi/pulumi `pkg/cmd/pulumi/config/io.go`); undefined without one.
     */
    pulumiConfigOf(environment: Raw, stackFile: string): EnvMap | undefined {
        if (environment === undefined || environment === null) {
            return undefined;
        }
        const definition = Array.isArray(environment) ? { imports: environment } : environment;
        const root = this.evaluateDefinition(definition, stackFile);
        const config = isEnvMap(root) ? root.pulumiConfig : undefined;
        return isEnvMap(config) ? config : undefined;
    }
}
