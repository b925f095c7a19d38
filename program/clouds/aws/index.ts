import * as pulumi from "@pulumi/pulumi";
import { EksCluster, EksClusterArgs, EksLogBucketOptions, resolveEksClusterArgs } from "../../../components/aws";
import { isAwsRegion } from "../../../components/shared/formats";
import { eksSources } from "./sources";
import type { StackProblems } from "../../stack-problems";
import type { CloudProgram } from "../../types";

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
export function logBucketOptions(config: pulumi.Config, logBucket: AwsStackConfig["logBucket"], problems: StackProblems): EksLogBucketOptions | undefined {
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
    const keys = ["awsLogBucketAccessKeyId", "awsLogBucketSecretAccessKey"];
    if (auth !== "accessKeys") {
        for (const key of keys.filter((k) => config.get(k) !== undefined)) {
            problems.add(`flexplane:${key}`, "is set but not used: only flexplane:aws.logBucket.auth: accessKeys reads it. Remove it, or set that auth mode.");
        }
        return rest;
    }
    for (const key of keys.filter((k) => config.get(k) === undefined)) {
        problems.add(`flexplane:${key}`, `is required with flexplane:aws.logBucket.auth: accessKeys: run \`pulumi config set --secret flexplane:${key} <value>\`.`);
    }
    return {
        ...rest,
        accessKeys: { accessKeyId: config.getSecret(keys[0])!, secretAccessKey: config.getSecret(keys[1])! },
    };
}

/** `aws:region`, told apart: missing, or not a region. */
export function readAwsRegion(problems: StackProblems, region: string | undefined): string {
    if (region === undefined || region === "") {
        problems.add("aws:region", "is required: set the cluster's region with `pulumi config set aws:region us-east-1`.");
        return "";
    }
    problems.check(isAwsRegion(region), "aws:region", `"${region}" is not an AWS region: use a region code such as us-east-1 (\`pulumi config set aws:region us-east-1\`).`);
    return region;
}

/** The aws part of a region stack: an EksCluster whose target DataPlane installs into. */
export const prepare: CloudProgram = (ctx, problems) => {
    const options = (ctx.config.getObject<AwsStackConfig>("aws") ?? {}) as AwsStackConfig;
    const awsConfig = new pulumi.Config("aws");
    const clusterRegion = readAwsRegion(problems, awsConfig.get("region"));
    for (const [key, where] of Object.entries(KEYS_SET_ELSEWHERE)) {
        problems.check(!(key in options), `flexplane:aws.${key}`, `is not read here: set ${where} instead.`);
    }
    const logBucket = logBucketOptions(ctx.config, options.logBucket, problems);
    const profileName = options.kubeconfigAuth?.profileName ?? awsConfig.get("profile");
    const args: EksClusterArgs = {
        ...options,
        logBucket,
        region: clusterRegion,
        secretsManager: ctx.secretsManager,
        namespace: ctx.namespace,
        serviceAccountName: ctx.serviceAccountName,
        tags: ctx.tags,
        kubeconfigAuth: { ...options.kubeconfigAuth, ...(profileName ? { profileName } : {}) },
    };
    problems.adopt(eksSources(options.kubeconfigAuth?.profileName === undefined), () => resolveEksClusterArgs(ctx.stack, args, clusterRegion));
    return {
        deploy: (org) => {
            // The org stack's IAM_ROLE store role, which the pod identity assumes; a store read with keys assumes it with those.
            const orgRoleArn = ctx.secretsManager.aws?.useServiceAccountIdentity ? org.controlPlaneRoleArn : undefined;
            const controlPlaneRoleArn = options.controlPlaneRoleArn ?? orgRoleArn;
            const cluster = new EksCluster(ctx.stack, { ...args, ...(controlPlaneRoleArn ? { controlPlaneRoleArn } : {}) });
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
        },
    };
};
