/**
 * The kubeconfig the component hands out, built from the cluster's endpoint, certificate authority
 * and name. Authentication runs `aws eks get-token`, so whoever uses it needs the AWS CLI and AWS
 * credentials that an access entry admits to the cluster.
 */
import { execKubeconfig } from "../shared/kubeconfig";

/** How the AWS CLI authenticates when it fetches a cluster token. */
export interface KubeconfigAuth {
    /** Named AWS CLI profile; set as `AWS_PROFILE` for the token command. Default: the default chain. */
    profileName?: string;
    /** Role the CLI assumes before it asks for the token. Default: none. */
    roleArn?: string;
}

export interface EksKubeconfigInput extends KubeconfigAuth {
    clusterName: string;
    endpoint: string;
    /** Base64 PEM of the cluster's certificate authority. */
    certificateAuthorityData: string;
    region: string;
}

/** A kubeconfig (as a JSON string) for one EKS cluster, authenticated by `aws eks get-token`. */
export function eksKubeconfig(input: EksKubeconfigInput): string {
    const args = ["--region", input.region, "eks", "get-token", "--cluster-name", input.clusterName, "--output", "json"];
    if (input.roleArn) {
        args.push("--role-arn", input.roleArn);
    }
    return execKubeconfig(input.clusterName, input.endpoint, input.certificateAuthorityData, {
        command: "aws",
        args,
        ...(input.profileName ? { env: [{ name: "AWS_PROFILE", value: input.profileName }] } : {}),
        interactiveMode: "Never",
    });
}

/** The API server endpoint and certificate authority of a cluster. */
export interface ClusterConnection {
    endpoint: string;
    certificateAuthorityData: string;
}

/**
 * Reads the endpoint and certificate authority from a kubeconfig (JSON or object) such as the one
 * `@pulumi/eks` outputs as `kubeconfigJson`. Throws when either is missing, naming the field.
 */
export function clusterConnectionFromKubeconfig(kubeconfig: unknown): ClusterConnection {
    const parsed = typeof kubeconfig === "string" ? JSON.parse(kubeconfig) : kubeconfig;
    const cluster = (parsed as any)?.clusters?.[0]?.cluster;
    const endpoint = cluster?.server;
    const certificateAuthorityData = cluster?.["certificate-authority-data"];
    if (typeof endpoint !== "string" || endpoint === "") {
        throw new Error("the cluster's kubeconfig has no clusters[0].cluster.server");
    }
    if (typeof certificateAuthorityData !== "string" || certificateAuthorityData === "") {
        throw new Error("the cluster's kubeconfig has no clusters[0].cluster.certificate-authority-data");
    }
    return { endpoint, certificateAuthorityData };
}
