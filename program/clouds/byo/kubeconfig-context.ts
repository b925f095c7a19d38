import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { didYouMean } from "../../../components/shared/suggest";
import type { InputProblems } from "../../../components/shared/errors";

/** A kubeconfig's text and where it came from, for messages. */
export interface KubeconfigSource {
    /** `flexplane:kubeconfig`, or the files read. */
    source: string;
    text?: string;
    /** Context names of several files (KUBECONFIG lists), merged as kubectl merges them. */
    contexts?: string[];
}

/** Context names in a kubeconfig, or undefined when the text is not a kubeconfig (then nothing can be checked). */
export function kubeconfigContexts(text: string): string[] | undefined {
    let document: unknown;
    try {
        document = parse(text);
    } catch {
        return undefined;
    }
    const contexts = (document as { contexts?: unknown } | null)?.contexts;
    if (!Array.isArray(contexts)) {
        return undefined;
    }
    return contexts.map((c) => (c as { name?: unknown })?.name).filter((n): n is string => typeof n === "string");
}

/**
 * The kubeconfig the Kubernetes provider falls back to without `flexplane:kubeconfig`: the files in
 * KUBECONFIG (split on the path-list separator, merged), else ~/.kube/config, as client-go loads them
 * (kubernetes/client-go `tools/clientcmd/loader.go`, `NewDefaultClientConfigLoadingRules`).
 */
export function kubeconfigFromEnvironment(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): KubeconfigSource {
    const files = env.KUBECONFIG ? env.KUBECONFIG.split(path.delimiter).filter(Boolean) : [path.join(home, ".kube", "config")];
    const found = files.filter((f) => fs.existsSync(f));
    if (found.length === 0) {
        return { source: files.join(path.delimiter) };
    }
    const contexts = found.flatMap((f) => kubeconfigContexts(fs.readFileSync(f, "utf8")) ?? []);
    return { source: found.join(path.delimiter), contexts };
}

/**
 * Records a problem when `flexplane:byo.context` names a context the kubeconfig does not have, or when
 * there is no kubeconfig at all to find it in. A kubeconfig that cannot be read as one is left to
 * the Kubernetes provider, which says so itself.
 */
export function checkKubeconfigContext(problems: InputProblems, context: string, kubeconfig: KubeconfigSource): void {
    const contexts = kubeconfig.contexts ?? (kubeconfig.text !== undefined ? kubeconfigContexts(kubeconfig.text) : undefined);
    if (kubeconfig.text === undefined && kubeconfig.contexts === undefined) {
        problems.add(
            "flexplane:byo.context",
            `"${context}" cannot be found: there is no kubeconfig at ${kubeconfig.source}. ` +
                'Set flexplane:kubeconfig (pulumi config set --secret flexplane:kubeconfig "$(cat kubeconfig.yaml)") or KUBECONFIG.',
        );
        return;
    }
    if (contexts !== undefined && !contexts.includes(context)) {
        problems.add(
            "flexplane:byo.context",
            `"${context}" is not a context in ${kubeconfig.source} (it has: ${contexts.join(", ") || "none"}). ` +
                `Use one of those, or remove flexplane:byo.context to use the current context.${didYouMean(context, contexts)}`,
        );
    }
}
