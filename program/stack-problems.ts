import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../components/shared/errors";
import { configKey, setCommand } from "./config-keys";

/**
 * Where each argument of a library component comes from in a stack. `sources` maps argument paths (or
 * prefixes of them, longest first wins) to the stack key that sets them, or to `null` when the program
 * itself supplies the argument (the cluster's provider, the bucket a cloud component creates): a
 * problem there is not the stack user's to fix and is left to the component. Paths not listed fall
 * under `block` (e.g. `nodes.instanceTypes` -> `flexplane:aws.nodes.instanceTypes`).
 */
export interface ArgumentSources {
    block?: string;
    sources: Record<string, string | null>;
    /** Library words in reasons and the stack words that replace them, e.g. `chart.allowUntestedVersion`. */
    phrases?: [string, string][];
}

/** Reads a value by stack path (`flexplane:aws.nodes.capacityType`, `aws:region`), to quote it. */
export type StackValueLookup = (stackPath: string) => unknown;

/**
 * The stack's problems: an `InputProblems` that remembers which stack keys were already reported, so
 * a component's check of the same value (after the program's own, sharper one) is not repeated.
 */
export class StackProblems extends InputProblems {
    private readonly reported = new Set<string>();

    constructor(
        stack: string,
        private readonly lookup: StackValueLookup = () => undefined,
    ) {
        super(`Stack "${stack}" config`);
    }

    override add(propertyPath: string, reason: string): void {
        this.reported.add(propertyPath);
        super.add(propertyPath, reason);
    }

    /** Whether a problem was recorded at `stackPath` or inside it. */
    has(stackPath: string): boolean {
        return [...this.reported].some((p) => p === stackPath || p.startsWith(`${stackPath}.`) || p.startsWith(`${stackPath}[`));
    }

    /**
     * Runs a library component's pure check and records each of its problems under the stack key that
     * set the argument, in the stack's words, quoting the bad value where the component did not.
     */
    adopt(sources: ArgumentSources, check: () => unknown): void {
        let err: unknown;
        try {
            check();
            return;
        } catch (caught) {
            err = caught;
        }
        const found = pulumi.InputPropertiesError.isInstance(err)
            ? err.errors
            : pulumi.InputPropertyError.isInstance(err)
              ? [{ propertyPath: err.propertyPath, reason: err.reason }]
              : undefined;
        if (found === undefined) {
            throw err;
        }
        const before = new Set(this.reported);
        for (const problem of found) {
            const stackPath = stackPathOf(sources, problem.propertyPath);
            if (stackPath === null || [...before].some((p) => p === stackPath)) {
                continue;
            }
            this.add(stackPath, this.inStackWords(sources, stackPath, problem.reason));
        }
    }

    private inStackWords(sources: ArgumentSources, stackPath: string, reason: string): string {
        let text = reason;
        for (const [from, to] of sources.phrases ?? []) {
            text = text.split(from).join(to);
        }
        // A missing secret: say how to set it.
        const secret = /^flexplane:(\w+)$/.exec(stackPath)?.[1];
        const spec = secret === undefined ? undefined : configKey(secret);
        if (spec?.secret && /^is required/.test(text) && !text.includes("pulumi config set")) {
            return `${text} Run ${setCommand(spec)}.`;
        }
        const value = this.lookup(stackPath);
        const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
        // Components phrase some refusals as instructions ("set one of ON_DEMAND, SPOT."): say what was given.
        if (scalar && !text.includes(String(value)) && /^(set|use|give|list|choose|enable|pick)\b/i.test(text)) {
            return `"${String(value)}" is not valid: ${text}`;
        }
        return text;
    }
}

/** The stack path of a component argument path, or null when the program supplies the argument. */
export function stackPathOf(sources: ArgumentSources, argumentPath: string): string | null {
    const prefixes = Object.keys(sources.sources).sort((a, b) => b.length - a.length);
    for (const prefix of prefixes) {
        if (argumentPath === prefix || argumentPath.startsWith(`${prefix}.`) || argumentPath.startsWith(`${prefix}[`)) {
            const target = sources.sources[prefix];
            return target === null ? null : `${target}${argumentPath.slice(prefix.length)}`;
        }
    }
    return sources.block === undefined ? null : `${sources.block}.${argumentPath}`;
}

/**
 * A mistake in the stack's config, as the program reports it. A `RunError`, because the Node SDK prints
 * a RunError's message alone and any other error with `util.inspect`, stack trace and all
 * (@pulumi/pulumi `cmd/run/run.js`, the uncaught-error handler of `run`); `errors` keeps each key and
 * reason, as `InputPropertiesError` does.
 */
export class StackConfigError extends pulumi.RunError {
    constructor(
        message: string,
        readonly errors: pulumi.InputPropertyErrorDetails[],
    ) {
        super(message);
    }
}

/** `err` as a `StackConfigError` when it is an input error (one or several properties); else unchanged. */
export function asStackConfigError(err: unknown): unknown {
    if (pulumi.InputPropertiesError.isInstance(err)) {
        return new StackConfigError(err.message, err.errors);
    }
    if (pulumi.InputPropertyError.isInstance(err)) {
        return new StackConfigError(`${err.propertyPath}: ${err.reason}`, [{ propertyPath: err.propertyPath, reason: err.reason }]);
    }
    return err;
}
