import * as pulumi from "@pulumi/pulumi";
import { EksCluster, EksClusterArgs, EksLogBucketOptions } from "../components/aws";
import { InputProblems } from "../components/shared/errors";
import type { CloudProgram } from "./types";

/**
 * `flexplane:aws` in a stack file: the EksCluster options (see docs/aws.md), except what the
 * program takes from elsewhere: the region (`aws:region`), the secret store
 * (`flexplane:secretsManager`), namespace, service account and tags. The log bucket's access keys,
 * when `logBucket.auth` is `accessKeys`, come from the secrets `flexplane:awsLogBucketAccessKeyId`
 * and `flexplane:awsLogBucketSecretAccessKey`.
 */
export type AwsStackConfig = Omit<EksClusterArgs, "secretsManager" | "namespace" | "serviceAccountName" | "region" | "tags" | "logBucket"> & {
    logBucket?: Omit<EksLogBucketOptions, "accessKeys"> & { auth?: "serviceAccount" | "accessKeys" };
};

/** EksCluster arguments that the stack takes from other config keys. */
const KEYS_SET_ELSEWHERE: Record<string, string> = {
    region: "aws:region",
    secretsManager: "flexplane:secretsManager",
    namespace: "flexplane:namespace",
    serviceAccountName: "flexplane:serviceAccountName",
    tags: "flexplane:tags",
};

/** Turns the config's `logBucket` into the component's, reading access keys from secret config. */
export function logBucketOptions(config: pulumi.Config, logBucket: AwsStackConfig["logBucket"], problems: InputProblems): EksLogBucketOptions | undefined {
    if (logBucket === undefined) {
        return undefined;
    }
    const { auth, ...rest } = logBucket;
    problems.check(
        !("accessKeys" in (logBucket as object)),
        "flexplane:aws.logBucket.accessKeys",
        "keys do not belong in the stack file: set logBucket.auth: accessKeys and the secrets flexplane:awsLogBucketAccessKeyId " +
            "and flexplane:awsLogBucketSecretAccessKey with `pulumi config set --secret`.",
    );
    problems.check(
        auth === undefined || auth === "serviceAccount" || auth === "accessKeys",
        "flexplane:aws.logBucket.auth",
        `"${String(auth)}" is not an auth mode: use serviceAccount (IRSA, the default) or accessKeys (existing bucket only).`,
    );
    if (auth !== "accessKeys") {
        return rest;
    }
    return {
        ...rest,
        accessKeys: {
            accessKeyId: config.requireSecret("awsLogBucketAccessKeyId"),
            secretAccessKey: config.requireSecret("awsLogBucketSecretAccessKey"),
        },
    };
}

/** The aws part of a region stack: an EksCluster whose target DataPlane installs into. */
export const deploy: CloudProgram = (ctx) => {
    const options = (ctx.config.getObject<AwsStackConfig>("aws") ?? {}) as AwsStackConfig;
    const problems = new InputProblems("Stack config");
    problems.check(
        typeof options === "object" && options !== null && !Array.isArray(options),
        "flexplane:aws",
        "must be a map of EksCluster options (see docs/aws.md), e.g. {kubernetesVersion: \"1.35\"}.",
    );
    const awsConfig = new pulumi.Config("aws");
    const clusterRegion = awsConfig.get("region") ?? "";
    problems.check(clusterRegion !== "", "aws:region", "is required: set the cluster's region with `pulumi config set aws:region us-east-1`.");
    for (const [key, where] of Object.entries(KEYS_SET_ELSEWHERE)) {
        problems.check(!(key in options), `flexplane:aws.${key}`, `is not read here: set ${where} instead.`);
    }
    const logBucket = logBucketOptions(ctx.config, options.logBucket, problems);
    problems.throwIfAny();

    const profileName = options.kubeconfigAuth?.profileName ?? awsConfig.get("profile");
    // The org stack's IAM_ROLE store role, which the pod identity assumes; a store read with keys assumes it with those.
    const controlPlaneRoleArn = options.controlPlaneRoleArn ?? (ctx.secretsManager.aws?.useServiceAccountIdentity ? ctx.controlPlaneRoleArn : undefined);
    const cluster = new EksCluster(ctx.stack, {
        ...options,
        ...(controlPlaneRoleArn ? { controlPlaneRoleArn } : {}),
        logBucket,
        region: clusterRegion,
        secretsManager: ctx.secretsManager,
        namespace: ctx.namespace,
        serviceAccountName: ctx.serviceAccountName,
        tags: ctx.tags,
        kubeconfigAuth: { ...options.kubeconfigAuth, ...(profileName ? { profileName } : {}) },
    });
    return {
        target: cluster.dataPlaneTarget,
        clusterRegion,
        outputs: {
            clusterName: cluster.clusterName,
            kubeconfig: pulumi.secret(cluster.kubeconfig),
            oidcProviderArn: cluster.oidcProviderArn,
            roleArn: cluster.roleArn,
            bucketName: cluster.bucketName,
            vpcId: cluster.vpcId,
            privateSubnetIds: cluster.privateSubnetIds,
        },
    };
};
