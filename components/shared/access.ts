/**
 * How every cluster component hands out its cluster: the kubeconfig, kept a Pulumi secret, and a
 * Kubernetes provider built from it. One shape for every cloud and for existing clusters.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

/** A cluster as the data plane reaches it. */
export interface ClusterAccess {
    /** The kubeconfig (JSON or YAML text); a secret. */
    kubeconfig: pulumi.Output<string>;
    /** The Kubernetes provider for that kubeconfig. */
    provider: k8s.Provider;
}

export interface ClusterAccessArgs {
    /** The kubeconfig; made a secret here. Omit it to use the environment's (`KUBECONFIG`, `~/.kube/config`). */
    kubeconfig?: pulumi.Input<string>;
    /** The context of `kubeconfig` to use; default its current context. */
    context?: string;
    /**
     * A value that stays the same for as long as the cluster does (its ARN, resource id, or a name the
     * user picks). The provider compares it instead of the kubeconfig, so a new endpoint, certificate or
     * token command updates the provider rather than replacing every object deployed through it
     * (pulumi/pulumi-kubernetes#4019; `provider/pkg/provider/provider.go` `DiffConfig`).
     */
    clusterIdentifier: pulumi.Input<string>;
}

/** The kubeconfig as a secret and a provider named `name` under `parent`. */
export function clusterAccess(name: string, args: ClusterAccessArgs, parent?: pulumi.Resource): ClusterAccess {
    const kubeconfig = args.kubeconfig === undefined ? pulumi.secret("") : pulumi.secret(pulumi.output(args.kubeconfig));
    const provider = new k8s.Provider(
        name,
        {
            ...(args.kubeconfig !== undefined ? { kubeconfig } : {}),
            ...(args.context !== undefined ? { context: args.context } : {}),
            clusterIdentifier: args.clusterIdentifier,
        },
        parent ? { parent } : undefined,
    );
    return { kubeconfig, provider };
}
