import type { PodScheduling, Toleration } from "../shared/types";

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;
type Effect = (typeof EFFECTS)[number];
const NAME = "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
const KEY = new RegExp(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?${NAME}$`);
const VALUE = new RegExp(`^(${NAME})?$`);

/** The label AKS puts on every node with the name of its pool. */
export const AGENT_POOL_LABEL = "kubernetes.azure.com/agentpool";

/**
 * Parses an AKS taint (`key=value:Effect` or `key:Effect`) into the toleration that admits pods
 * onto it; `undefined` when the text is not a taint AKS accepts.
 */
export function tolerationForTaint(taint: string): Toleration | undefined {
    const colon = taint.lastIndexOf(":");
    if (colon < 0) {
        return undefined;
    }
    const effect = taint.slice(colon + 1);
    const [key, value, ...rest] = taint.slice(0, colon).split("=");
    if (!(EFFECTS as readonly string[]).includes(effect) || rest.length > 0 || !KEY.test(key) || key.length > 316) {
        return undefined;
    }
    if (value === undefined) {
        return { key, operator: "Exists", effect: effect as Effect };
    }
    return VALUE.test(value) ? { key, operator: "Equal", value, effect: effect as Effect } : undefined;
}

/** Formats a toleration back into AKS taint syntax (the inverse of `tolerationForTaint`). */
export function taintText(toleration: Toleration): string {
    const keyValue = toleration.operator === "Equal" ? `${toleration.key}=${toleration.value ?? ""}` : `${toleration.key}`;
    return `${keyValue}:${toleration.effect}`;
}

/**
 * Placement of connector pods on a dedicated pool: a node selector on the pool's name and labels,
 * and a toleration for each of its taints.
 */
export function schedulingForPool(pool: { name: string; labels: Record<string, string>; taints: string[] }): PodScheduling {
    return {
        nodeSelector: { [AGENT_POOL_LABEL]: pool.name, ...pool.labels },
        tolerations: pool.taints.map((t) => tolerationForTaint(t)).filter((t): t is Toleration => t !== undefined),
    };
}
