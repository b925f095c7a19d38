import * as pulumi from "@pulumi/pulumi";
import type { EksClusterArgs, EksLogStorageOptions } from "../../../components/aws/args";
import { EksCluster } from "../../../components/aws/component";
import { applyEksRenamedOptions, resolveEksCluster } from "../../../components/aws/resolve";
import { isAwsRegion } from "../../../components/shared/formats";
import { AwsAuthMode, readAwsAuth, secretKeysOfConfig } from "../../auth-mode";
import { eksSources } from "./sources";
import type { StackProblems } from "../../stack-problems";
import type { CloudProgram } from "../../types";

/**
 * `flexplane:aws` in a stack file: the EksCluster options (see docs/aws.md), except what the
 * program takes from elsewhere: the region (`aws:region`), the secret store
 * (`flexplane:secretsManager`), namespace, service account and tags. The log bucket's access keys,
 * when `logStorage.auth` is `accessKeys`, come from the secrets `flexplane:awsLogBucketAccessKeyId`
 * and `flexplane:awsLogBucketSecretAccessKey`.
 */
export type AwsStackConfig = Omit<
    EksClusterArgs,
    "secretsManager" | "namespace" | "serviceAccountName" | "region" | "tags" | "logStorage" | "logBucket"
> & {
    logStorage?: Omit<EksLogStorageOptions, "accessKeys"> & { auth?: "serviceAccount" | "accessKeys" };
};

/** EksCluster arguments that the stack takes from other config keys. */
const KEYS_SET_ELSEWHERE: Record<string, string> = {
    region: "aws:region",
    secretsManager: "flexplane:secretsManager",
    namespace: "flexplane:namespace",
    serviceAccountName: "flexplane:serviceAccountName",
    tags: "flexplane:tags",
};

/**
 * `flexplane:aws` with EksCluster's deprecated option names moved to the new ones, warned about
 * under their stack keys (`flexplane:aws.logBucket is deprecated: use flexplane:aws.logStorage`).
 */
export function readAwsOptions(config: pulumi.Config, problems: StackProblems): AwsStackConfig {
    const written = (config.getObject<AwsStackConfig>("aws") ?? {}) as AwsStackConfig;
    return applyEksRenamedOptions(written, problems, "flexplane:aws.");
}

/** Turns the config's `logStorage` into the component's, reading access keys from secret config. */
export function logStorageOptions(
    config: pulumi.Config,
    logStorage: AwsStackConfig["logStorage"],
    problems: StackProblems,
): EksLogStorageOptions | undefined {
    if (logStorage === undefined) {
        return undefined;
    }
    const { auth, ...rest } = logStorage;
    problems.check(
        !("accessKeys" in (logStorage as object)),
        "flexplane:aws.logStorage.accessKeys",
        "keys do not belong in the stack file: set logStorage.auth: accessKeys and the secrets flexplane:awsLogBucketAccessKeyId " +
            "and flexplane:awsLogBucketSecretAccessKey with `pulumi config set --secret`.",
    );
    const access = readAwsAuth(problems, secretKeysOfConfig(config), auth, {
        path: "flexplane:aws.logStorage.auth",
        keys: ["awsLogBucketAccessKeyId", "awsLogBucketSecretAccessKey"],
        default: AwsAuthMode.ServiceAccount,
    });
    return access && "accessKeys" in access ? { ...rest, accessKeys: access.accessKeys } : rest;
}

/** `aws:region`, told apart: missing, or not a region. */
export function readAwsRegion(problems: StackProblems, region: string | undefined): string {
    if (region === undefined || region === "") {
        problems.add("aws:region", "is required: set the cluster's region with `pulumi config set aws:region us-east-1`.");
        return "";
    }
    problems.check(
        isAwsRegion(region),
        "aws:region",
        `"${region}" is not an AWS region: use a region code such as us-east-1 (\`pulumi config set aws:region us-east-1\`).`,
    );
    return region;
}

/** The aws part of a region stack: an EksCluster whose target DataPlane installs into. */
export const prepare: CloudProgram = (ctx, problems) => {
    const options = readAwsOptions(ctx.config, problems);
    const awsConfig = new pulumi.Config("aws");
    const clusterRegion = readAwsRegion(problems, awsConfig.get("region"));
    for (const [key, where] of Object.entries(KEYS_SET_ELSEWHERE)) {
        problems.check(!(key in options), `flexplane:aws.${key}`, `is not read here: set ${where} instead.`);
    }
    const logStorage = logStorageOptions(ctx.config, options.logStorage, problems);
    const profileName = options.kubeconfigAuth?.profileName ?? awsConfig.get("profile");
    const args: EksClusterArgs = {
        ...options,
        logStorage,
        region: clusterRegion,
        secretsManager: ctx.secretsManager,
        namespace: ctx.namespace,
        serviceAccountName: ctx.serviceAccountName,
        tags: ctx.tags,
        kubeconfigAuth: { ...options.kubeconfigAuth, ...(profileName ? { profileName } : {}) },
    };
    problems.adopt(eksSources(options.kubeconfigAuth?.profileName === undefined), () => resolveEksCluster(ctx.stack, args, clusterRegion));
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
                    kubeconfig: cluster.kubeconfig,
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
