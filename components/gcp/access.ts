import * as pulumi from "@pulumi/pulumi";
import type * as gcp from "@pulumi/gcp";
import { ClusterAccess, clusterAccess } from "../shared/access";
import { execKubeconfig } from "../shared/kubeconfig";

/** The kubectl credential plugin GKE requires; users install it with `gcloud components install`. */
export const GKE_AUTH_PLUGIN = "gke-gcloud-auth-plugin";

/**
 * A kubeconfig (JSON, which every YAML reader accepts) for one cluster, authenticating through
 * `gke-gcloud-auth-plugin` with the caller's gcloud credentials: no static token or client
 * certificate is embedded. The context is named as `gcloud container clusters get-credentials` names it.
 */
export function gkeKubeconfig(contextName: string, endpoint: string, caCertificateBase64: string): string {
    return execKubeconfig(contextName, `https://${endpoint}`, caCertificateBase64, {
        command: GKE_AUTH_PLUGIN,
        installHint:
            `Install ${GKE_AUTH_PLUGIN}: gcloud components install ${GKE_AUTH_PLUGIN} ` +
            "(see https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl).",
        provideClusterInfo: true,
        interactiveMode: "IfAvailable",
    });
}

/**
 * The cluster's kubeconfig, a secret, and a Kubernetes provider using it. The cluster's id changes
 * only when the cluster is replaced: a new kubeconfig (endpoint, CA, auth plugin) then updates the
 * provider instead of replacing everything it deployed.
 */
export function gkeClusterAccess(base: string, cluster: gcp.container.Cluster, project: string, parent: pulumi.Resource): ClusterAccess {
    const kubeconfig = pulumi
        .all([cluster.name, cluster.location, cluster.endpoint, cluster.masterAuth])
        .apply(([name, location, endpoint, masterAuth]) =>
            gkeKubeconfig(`gke_${project}_${location}_${name}`, endpoint, masterAuth.clusterCaCertificate),
        );
    return clusterAccess(`${base}-k8s`, { kubeconfig, clusterIdentifier: cluster.id }, parent);
}
