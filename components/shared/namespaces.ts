/**
 * Namespaces a data plane must not be installed into: those Kubernetes and the clouds keep for
 * themselves. A release there is refused late (GKE's admission denies writes to managed namespaces)
 * or shares the namespace with add-ons the cloud re-applies and may prune. Pure; no SDK is loaded.
 */

/**
 * Namespaces every cluster has from its start (https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces).
 * Creating one of them again fails with "already exists".
 */
export const BUILT_IN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"] as const;

interface ReservedPrefix {
    prefix: string;
    owner: string;
}

/**
 * Prefixes kept for system namespaces. `kube-`: "Avoid creating namespaces with the prefix kube-,
 * since it is reserved for Kubernetes system namespaces" (the Kubernetes page above). `gke-`: GKE's
 * managed namespaces (gke-gmp-system, gke-managed-system, gke-managed-filestorecsi...), which GKE
 * Warden refuses writes to ("denied by managed-namespaces-limitation", gitlab-org/charts/gitlab#5007;
 * list in GoogleCloudPlatform/gke-policy-library#100).
 */
const RESERVED_PREFIXES: readonly ReservedPrefix[] = [
    { prefix: "kube-", owner: "Kubernetes" },
    { prefix: "gke-", owner: "GKE" },
];

/**
 * Namespaces of the clouds' managed add-ons. GKE: Managed Service for Prometheus (`gmp-system`,
 * `gmp-public`; GoogleCloudPlatform/prometheus-engine#276 "gmp-system is supposed to be reserved").
 * AKS: Azure Policy (`gatekeeper-system`), Azure-managed Calico (`calico-system`, `tigera-operator`),
 * `az aks command invoke` (`aks-command`), the application routing add-on (`app-routing-system`).
 * EKS: the CloudWatch Observability add-on (`amazon-cloudwatch`), GuardDuty runtime monitoring
 * (`amazon-guardduty`), Fargate logging (`aws-observability`).
 */
export const CLOUD_ADDON_NAMESPACES: Readonly<Record<string, string>> = {
    "gmp-system": "GKE Managed Service for Prometheus",
    "gmp-public": "GKE Managed Service for Prometheus",
    "gatekeeper-system": "the AKS Azure Policy add-on",
    "calico-system": "AKS-managed Calico",
    "tigera-operator": "AKS-managed Calico",
    "aks-command": "AKS run command",
    "app-routing-system": "the AKS application routing add-on",
    "amazon-cloudwatch": "the EKS CloudWatch Observability add-on",
    "amazon-guardduty": "EKS GuardDuty runtime monitoring",
    "aws-observability": "EKS Fargate logging",
};

/**
 * Why a data plane may not use `namespace`, or undefined when it may. `creates`: the caller creates
 * the namespace, which fails for the built-in ones. `default` is otherwise allowed: it is nobody's.
 */
export function namespaceProblem(namespace: string, options: { creates: boolean }): string | undefined {
    const fix = "install the data plane into a namespace of its own, e.g. airbyte.";
    const prefix = RESERVED_PREFIXES.find((p) => namespace.startsWith(p.prefix));
    if (prefix) {
        return `"${namespace}" is reserved: ${prefix.owner} keeps namespaces starting with "${prefix.prefix}" for its own components; ${fix}`;
    }
    const owner = CLOUD_ADDON_NAMESPACES[namespace];
    if (owner) {
        return `"${namespace}" belongs to ${owner}, which manages what runs there; ${fix}`;
    }
    return options.creates && (BUILT_IN_NAMESPACES as readonly string[]).includes(namespace)
        ? `"${namespace}" exists in every cluster, so creating it fails with "already exists": set createNamespace to false to install into it, or ${fix}`
        : undefined;
}
