import { resourcePolicy, StackResource, stackPolicy } from "./define";
import { T } from "./tokens";
import { at, flag, isUnknown, knownString } from "./values";

const CLUSTERS: string[] = [T.eksCluster, T.awsEksCluster, T.gkeCluster, T.aksCluster];
const LOCKS: string[] = [T.azureLockByScope, T.azureLockAtResource];

/** Whether `lock` is a CanNotDelete (or ReadOnly) lock on `cluster`: by dependency, else by the names in its scope. */
export function locksCluster(lock: StackResource, cluster: StackResource): boolean {
    const level = String(lock.props.level ?? "");
    if (!["CanNotDelete", "ReadOnly"].includes(level) && !isUnknown(level)) {
        return false;
    }
    const deps = [...(lock.propertyDependencies.scope ?? []), ...(lock.propertyDependencies.resourceName ?? [])];
    if (deps.includes(cluster.urn)) {
        return true;
    }
    const name = knownString(cluster.props.resourceName);
    const scope = knownString(lock.props.scope) ?? knownString(lock.props.resourceName);
    return (
        name !== undefined &&
        scope !== undefined &&
        (scope === name || scope.toLowerCase().endsWith(`/managedclusters/${name.toLowerCase()}`))
    );
}

const WHY = "the cluster runs production syncs, and deleting it loses the data plane and everything deployed on it";

/** Clusters are protected against deletion. */
export const clustersDeletionProtected = stackPolicy({
    name: "clusters-deletion-protected",
    description: "Data-plane clusters are protected against deletion.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "EKS: deletionProtection: true. GKE: leave deletionProtection on (true is the default). AKS: a CanNotDelete management " +
        "lock on the cluster, or the protect resource option. Turn it off deliberately, and apply, before deleting a cluster.",
    appliesTo: CLUSTERS,
    validate: ({ resources, report }) => {
        for (const cluster of resources.filter((r) => CLUSTERS.includes(r.type))) {
            if (cluster.protect) {
                continue;
            }
            const name = `"${cluster.name}"`;
            switch (cluster.type) {
                case T.eksCluster:
                case T.awsEksCluster: {
                    // EKS CreateCluster: `deletionProtection` is optional and off unless set
                    // (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html).
                    const on = flag(cluster.props.deletionProtection);
                    if (on !== true && !isUnknown(on)) {
                        report(
                            `EKS cluster ${name} has no \`deletionProtection\` (EKS's default is off): set it to true; ${WHY}.`,
                            cluster.urn,
                        );
                    }
                    break;
                }
                case T.gkeCluster:
                    if (flag(cluster.props.deletionProtection) === false) {
                        report(`GKE cluster ${name} sets \`deletionProtection: false\`: remove it or set it to true; ${WHY}.`, cluster.urn);
                    }
                    break;
                case T.aksCluster:
                    if (!resources.some((lock) => LOCKS.includes(lock.type) && locksCluster(lock, cluster))) {
                        report(
                            `AKS cluster ${name} has no CanNotDelete lock and is not protected (Azure has no deletion-protection setting): ` +
                                `add a ManagementLockByScope with level CanNotDelete on it; ${WHY}.`,
                            cluster.urn,
                        );
                    }
                    break;
            }
        }
    },
});

/** Kubernetes providers carry a `clusterIdentifier`. */
export const kubernetesProvidersIdentified = resourcePolicy({
    name: "kubernetes-provider-cluster-identifier",
    description: "Kubernetes providers set clusterIdentifier, so a new kubeconfig never replaces what they deployed.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set clusterIdentifier on every kubernetes.Provider to a value that changes only when the cluster does (e.g. the cluster's ARN or resource id).",
    checks: {
        [T.k8sProvider]: ({ props, args, report }) => {
            // The engine's default provider is not ours to configure; a data plane never uses it.
            if (args.name.startsWith("default")) {
                return;
            }
            const id = props.clusterIdentifier;
            if (!isUnknown(id) && (typeof id !== "string" || id.trim() === "")) {
                report(
                    "`clusterIdentifier` is not set, so Pulumi replaces this provider, and every namespace, Secret and Helm release under it, " +
                        "whenever the kubeconfig's cluster entry changes or is unknown during a preview (pulumi/pulumi-kubernetes#4019): " +
                        "set it to a value that changes only with the cluster.",
                );
            }
        },
    },
});

/** The audit categories of AKS resource logs. */
const AKS_AUDIT = ["kube-audit", "kube-audit-admin"];

/** AKS: Entra ID without local accounts, audit logs sent somewhere. */
export const aksClusterHardened = stackPolicy({
    name: "aks-cluster-hardened",
    description: "AKS clusters sign in with Entra ID only (local accounts disabled) and send audit logs to Azure Monitor.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set disableLocalAccounts: true with aadProfile { managed: true, enableAzureRBAC: true }, and add a DiagnosticSetting on the " +
        "cluster that enables kube-audit or kube-audit-admin into a Log Analytics workspace (or storage account or event hub).",
    appliesTo: [T.aksCluster],
    validate: ({ resources, report }) => {
        const settings = resources.filter((r) => r.type === T.azureDiagnosticSetting || r.type === T.azureInsightsDiagnosticSetting);
        for (const cluster of resources.filter((r) => r.type === T.aksCluster)) {
            const p = cluster.props;
            const local = flag(p.disableLocalAccounts);
            if (local !== true && !isUnknown(local)) {
                report(
                    `AKS cluster "${cluster.name}" keeps local accounts (\`disableLocalAccounts\` is not true): a static admin credential exists; ` +
                        "set disableLocalAccounts: true with Entra ID (aadProfile.managed, enableAzureRBAC).",
                    cluster.urn,
                );
            }
            const aad = p.aadProfile;
            if (!isUnknown(aad) && (flag(at(aad, "managed")) !== true || flag(at(aad, "enableAzureRBAC")) === false)) {
                report(
                    `AKS cluster "${cluster.name}" has no managed Entra ID integration with Azure RBAC: set aadProfile { managed: true, enableAzureRBAC: true }.`,
                    cluster.urn,
                );
            }
            const audited = settings.some((s) => {
                const onCluster = (s.propertyDependencies.resourceUri ?? []).includes(cluster.urn) || isUnknown(s.props.resourceUri);
                const logs = s.props.logs;
                const sends =
                    isUnknown(logs) ||
                    (Array.isArray(logs) &&
                        logs.some(
                            (l: any) =>
                                isUnknown(l) ||
                                (AKS_AUDIT.includes(String(l?.category)) && flag(l?.enabled) !== false) ||
                                l?.categoryGroup === "audit",
                        ));
                const destination = ["workspaceId", "storageAccountId", "eventHubAuthorizationRuleId"].some(
                    (k) => s.props[k] !== undefined,
                );
                return onCluster && sends && destination;
            });
            if (!audited) {
                report(
                    `AKS cluster "${cluster.name}" sends no audit logs: add a DiagnosticSetting on it enabling kube-audit-admin (or kube-audit) ` +
                        "into a Log Analytics workspace, so that every change through the API server is on record.",
                    cluster.urn,
                );
            }
        }
    },
});

/** GKE: Kubernetes Secrets encrypted with a Cloud KMS key. */
export const gkeSecretsEncrypted = resourcePolicy({
    name: "gke-secrets-encrypted",
    description: "GKE clusters encrypt Kubernetes Secrets with a Cloud KMS key (application-layer secrets encryption).",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Set databaseEncryption { state: "ENCRYPTED", keyName: <Cloud KMS key in the cluster\'s region> } and grant the GKE service agent ' +
        "roles/cloudkms.cryptoKeyEncrypterDecrypter on the key.",
    checks: {
        [T.gkeCluster]: ({ props, report }) => {
            const encryption = props.databaseEncryption;
            if (isUnknown(encryption)) {
                return;
            }
            const state = at(encryption, "state");
            const key = at(encryption, "keyName");
            if ((state !== "ENCRYPTED" && !isUnknown(state)) || (!isUnknown(key) && !knownString(key))) {
                report(
                    "`databaseEncryption` does not encrypt Secrets with a Cloud KMS key, so the data plane's credentials Secret rests under " +
                        'Google\'s default key only: set state "ENCRYPTED" and keyName.',
                );
            }
        },
    },
});
