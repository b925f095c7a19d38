import { parse } from "yaml";

/**
 * Which inputs of a `kubernetes.Provider` make Pulumi replace it (and so every resource deployed
 * through it), as the provider decides in `DiffConfig`: pulumi/pulumi-kubernetes
 * `provider/pkg/provider/provider.go` (commit 94977969d, lines 486-560) and
 * `provider/pkg/provider/util.go` `getActiveClusterFromConfig` (lines 201-226):
 *
 * - a changed `clusterIdentifier` replaces; adding or removing one does not by itself;
 * - an unchanged, present `clusterIdentifier` clears every other replacement;
 * - otherwise an unknown (computed) `kubeconfig`, `context` or `cluster` replaces, and so does a
 *   change of the active cluster entry (server, CA, ...) of the kubeconfig.
 *
 * `UNKNOWN` marks a value that is not known during the preview.
 */
export const UNKNOWN = Symbol("unknown");

export type ProviderInputs = Record<string, unknown>;

function activeCluster(inputs: ProviderInputs): string | undefined {
    const raw = inputs.kubeconfig;
    if (typeof raw !== "string") {
        return undefined;
    }
    const config = parse(raw) as any;
    const context = (inputs.context as string | undefined) ?? config?.["current-context"];
    const clusterName = (inputs.cluster as string | undefined) ?? config?.contexts?.find((c: any) => c.name === context)?.context?.cluster;
    const cluster = config?.clusters?.find((c: any) => c.name === clusterName)?.cluster;
    return cluster === undefined ? undefined : JSON.stringify(cluster);
}

export function providerReplaces(olds: ProviderInputs, news: ProviderInputs): string[] {
    const changed = (key: string) => olds[key] !== news[key];
    const replaces: string[] = [];
    const id = "clusterIdentifier";
    if (olds[id] !== undefined && news[id] !== undefined && changed(id)) {
        replaces.push(id);
    }
    const sameIdentifier = olds[id] !== undefined && news[id] !== undefined && !changed(id) && news[id] !== UNKNOWN;
    const computed = ["kubeconfig", "context", "cluster"].filter((k) => news[k] === UNKNOWN);
    if (computed.length > 0) {
        return sameIdentifier ? [] : [...replaces, ...computed];
    }
    const before = activeCluster(olds);
    const after = activeCluster(news);
    if (before !== undefined && after !== undefined && before !== after) {
        replaces.push(...["kubeconfig", "context", "cluster"].filter(changed));
    }
    return sameIdentifier ? [] : replaces;
}
