import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type * as gcp from "@pulumi/gcp";
import { execKubeconfig } from "../shared/kubeconfig";

/** The kubectl credential plugin GKE requires; users install it with `gcloud components install`. */
export const GKE_AUTH_PLUGIN = "gke-gcloud-auth-plugin";

/**
 * A kubeconfig (JSON, which every YAML reader accepts) for one cluster, authenticating through
 * `gke-gcloud-auth-plugin` with the caller's gcloud credentials: no static token or client
 * certificate is embedded.
 */
export function buildKubeconfig(contextName: string, endpoint: string, caCertificateBase64: string): string {
    return execKubeconfig(contextName, `https://${endpoint}`, caCertificateBase64, {
        command: GKE_AUTH_PLUGIN,
        installHint: `Install ${GKE_AUTH_PLUGIN}: gcloud components install ${GKE_AUTH_PLUGIN} ` +
            "(see https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl).",
        provideClusterInfo: true,
        interactiveMode: "IfAvailable",
    });
}

/** The cluster's kubeconfig as a secret output, and a Kubernetes provider using it. */
export function clusterAccess(
    baseName: string,
    cluster: gcp.container.Cluster,
    project: string,
    parent: pulumi.Resource,
): { kubeconfig: pulumi.Output<string>; provider: k8s.Provider } {
    const kubeconfig = pulumi.secret(
        pulumi
            .all([cluster.name, cluster.location, cluster.endpoint, cluster.masterAuth])
            .apply(([name, location, endpoint, masterAuth]) =>
                buildKubeconfig(`gke_${project}_${location}_${name}`, endpoint, masterAuth.clusterCaCertificate)),
    );
    // The cluster's id changes only when the cluster is replaced: a new kubeconfig (endpoint, CA,
    // auth plugin) then updates the provider instead of replacing everything it deployed.
    const provider = new k8s.Provider(`${baseName}-k8s`, { kubeconfig, clusterIdentifier: cluster.id }, { parent });
    return { kubeconfig, provider };
}
