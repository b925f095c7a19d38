/**
 * The kubeconfig the component hands out and the Kubernetes provider built from it, through the
 * shared `clusterAccess`. The kubeconfig is built from the cluster's endpoint, certificate authority
 * and name; authentication runs `aws eks get-token`, so whoever uses it needs the AWS CLI and AWS
 * credentials that an access entry admits to the cluster.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type * as eks from "@pulumi/eks";
import { ClusterAccess, clusterAccess } from "../shared/access";
import type { InputProblems } from "../shared/errors";
import { execKubeconfig } from "../shared/kubeconfig";
import type { EksKubeconfigAuth } from "./args";
import { eksClusterArn, isIamPrincipalArn } from "./arns";

/** The token command's authentication, checked; problems recorded under `kubeconfigAuth.*`. */
export function resolveKubeconfigAuth(problems: InputProblems, auth: EksKubeconfigAuth | undefined): EksKubeconfigAuth {
    if (auth?.roleArn !== undefined) {
        problems.check(
            isIamPrincipalArn(auth.roleArn) && String(auth.roleArn).includes(":role/"),
            "kubeconfigAuth.roleArn",
            `"${String(auth.roleArn)}" is not an IAM role ARN: set one such as arn:aws:iam::123456789012:role/Deployer, or remove it.`,
        );
    }
    return { ...(auth ?? {}) };
}

export interface EksKubeconfigInput extends EksKubeconfigAuth {
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

/**
 * The kubeconfig (secret) and the provider `<name>-k8s`. The provider's `clusterIdentifier` is the
 * cluster's ARN, known before the cluster is: a new kubeconfig (endpoint, token command) updates the
 * provider instead of replacing it and everything it deployed.
 */
export function createAccess(
    name: string,
    args: { cluster: eks.Cluster; clusterName: string; region: string; auth: EksKubeconfigAuth },
    parent: pulumi.Resource,
): ClusterAccess {
    const kubeconfig = args.cluster.kubeconfigJson.apply((json) =>
        eksKubeconfig({ ...clusterConnectionFromKubeconfig(json), clusterName: args.clusterName, region: args.region, ...args.auth }),
    );
    const account = aws.getCallerIdentityOutput({}, { parent }).accountId;
    const clusterIdentifier = account.apply((id) => eksClusterArn(args.region, id, args.clusterName));
    return clusterAccess(`${name}-k8s`, { kubeconfig, clusterIdentifier }, parent);
}
