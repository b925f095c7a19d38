/**
 * What lets the data plane reach the secret store and the log bucket: the IAM role the chart's
 * service account assumes through the cluster's OIDC provider (IRSA) and its inline policies, or the
 * caller's credentials passed through, secret. Resolution and creation side by side.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { InputProblems } from "../shared/errors";
import { checkSecretsManager } from "../shared/secrets-manager-checks";
import type { AwsAccessKeys, SecretsManagerSpec } from "../shared/types";
import { iamRoleNamePrefix, isIamPrincipalArn, parseArn } from "./arns";
import {
    assumeControlPlaneRolePolicyDocument,
    DATA_PLANE_ROLE_PATH,
    irsaTrustPolicy,
    s3PolicyDocument,
    secretsManagerReadPolicyDocument,
    SecretsManagerGrant,
} from "./policies";

/** Annotation that binds a Kubernetes service account to an IAM role (IRSA). */
export const IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

export interface ResolvedIdentity {
    /** The declared store, checked. */
    secretsManager: SecretsManagerSpec;
    /** Set when the data-plane role reads the secret store with its own identity (IRSA). */
    secretsManagerGrant?: SecretsManagerGrant;
    /** The IAM_ROLE store's role the data-plane role may assume; only with `secretsManagerGrant`. */
    controlPlaneRoleArn?: pulumi.Input<string>;
}

/**
 * Checks the declared secret store (the checks every component shares) and the control plane's
 * role. The data-plane role gets a grant when the store is AWS and read with the pod's identity;
 * otherwise the credentials are passed through (EKS cannot create GCP keys or Azure service
 * principals, so those must be given).
 */
export function resolveIdentity(
    problems: InputProblems,
    spec: SecretsManagerSpec | undefined,
    controlPlaneRoleArn: pulumi.Input<string> | undefined,
    partition: string,
): ResolvedIdentity {
    const kind = checkSecretsManager(problems, spec);
    const aws = spec?.aws;
    const irsa = kind === "aws" && aws?.useServiceAccountIdentity === true && aws.accessKeys === undefined;
    const grant = irsa
        ? {
              region: aws.region,
              accountId: aws.accountId,
              kmsKeyArn: aws.kmsKeyArn,
              allowUntaggedSecrets: aws.allowUntaggedSecrets === true,
          }
        : undefined;
    if (controlPlaneRoleArn !== undefined) {
        // The pod's identity assumes the role only when it reads the store: a store read with access keys assumes it with those keys.
        if (spec?.aws?.useServiceAccountIdentity !== true) {
            problems.add(
                "controlPlaneRoleArn",
                spec?.aws
                    ? "is only for a store read with the pod's identity (secretsManager.aws.useServiceAccountIdentity): with access keys the data plane assumes the role with those keys, so grant sts:AssumeRole to that IAM user instead."
                    : "is only for an AWS Secrets Manager store in IAM_ROLE mode: remove it.",
            );
        }
        if (typeof controlPlaneRoleArn === "string") {
            problems.check(
                isIamPrincipalArn(controlPlaneRoleArn) &&
                    controlPlaneRoleArn.includes(":role/") &&
                    parseArn(controlPlaneRoleArn)?.partition === partition,
                "controlPlaneRoleArn",
                `"${controlPlaneRoleArn}" is not an IAM role ARN in partition ${partition}: give the role Airbyte's control plane assumes, e.g. the org stack's controlPlaneRoleArn output.`,
            );
        }
    }
    return { secretsManager: spec as SecretsManagerSpec, secretsManagerGrant: grant, controlPlaneRoleArn };
}

/** Static keys with both halves marked secret. */
export function secretAccessKeys(keys: AwsAccessKeys): AwsAccessKeys {
    return { accessKeyId: pulumi.secret(keys.accessKeyId), secretAccessKey: pulumi.secret(keys.secretAccessKey) };
}

/**
 * The declared store as DataPlane receives it. IRSA mode keeps `useServiceAccountIdentity: true` and
 * the declared region and account; every other mode passes the caller's credentials through, secret.
 */
export function dataPlaneSecretsManager(spec: SecretsManagerSpec): SecretsManagerSpec {
    if (spec.aws) {
        const { accessKeys, ...rest } = spec.aws;
        return { aws: accessKeys ? { ...rest, accessKeys: secretAccessKeys(accessKeys) } : { ...rest, useServiceAccountIdentity: true } };
    }
    if (spec.gcp) {
        const { credentialsJson, ...rest } = spec.gcp;
        return { gcp: { ...rest, ...(credentialsJson !== undefined ? { credentialsJson: pulumi.secret(credentialsJson) } : {}) } };
    }
    const azure = spec.azure!;
    return {
        azure: {
            ...azure,
            ...(azure.clientId !== undefined ? { clientId: pulumi.secret(azure.clientId) } : {}),
            ...(azure.clientSecret !== undefined ? { clientSecret: pulumi.secret(azure.clientSecret) } : {}),
        },
    };
}

/** The data plane's IAM role and the inline policies it carries. */
export interface DataPlaneRole {
    role: aws.iam.Role;
    policies: aws.iam.RolePolicy[];
}

/**
 * The IAM role the chart's service account assumes through the cluster's OIDC provider (IRSA), under
 * `DATA_PLANE_ROLE_PATH` so an IAM_ROLE store's control-plane role can trust it. It carries the
 * read-only Secrets Manager policy for the declared store when `secretsManager` is given (connector
 * pods run under the same service account, so the role never writes secrets), `sts:AssumeRole` on the
 * control-plane role when `controlPlaneRoleArn` is given, and the S3 policy for the log bucket when
 * `storage` is given.
 */
export function createDataPlaneRole(
    name: string,
    args: {
        clusterName: string;
        oidcProviderArn: pulumi.Input<string>;
        oidcIssuer: pulumi.Input<string>;
        namespace: string;
        serviceAccountName: string;
        secretsManager?: SecretsManagerGrant;
        controlPlaneRoleArn?: pulumi.Input<string>;
        storage?: { bucket: pulumi.Input<string>; region: string; kmsKeyArn?: string };
        tags: Record<string, string>;
    },
    parent: pulumi.Resource,
): DataPlaneRole {
    const trust = pulumi
        .all([args.oidcProviderArn, args.oidcIssuer])
        .apply(([oidcProviderArn, oidcIssuer]) =>
            JSON.stringify(
                irsaTrustPolicy({ oidcProviderArn, oidcIssuer, namespace: args.namespace, serviceAccountName: args.serviceAccountName }),
            ),
        );
    const role = new aws.iam.Role(
        `${name}-data-plane`,
        {
            namePrefix: iamRoleNamePrefix(name, "data-plane"),
            path: DATA_PLANE_ROLE_PATH,
            description: `Airbyte data plane on ${args.clusterName} (service account ${args.namespace}/${args.serviceAccountName})`,
            assumeRolePolicy: trust,
            tags: args.tags,
        },
        { parent },
    );
    const policies: aws.iam.RolePolicy[] = [];
    if (args.secretsManager) {
        const policy = JSON.stringify(secretsManagerReadPolicyDocument(args.secretsManager));
        policies.push(new aws.iam.RolePolicy(`${name}-secrets-manager`, { role: role.id, policy }, { parent }));
    }
    if (args.controlPlaneRoleArn !== undefined) {
        const policy = pulumi.output(args.controlPlaneRoleArn).apply((arn) => JSON.stringify(assumeControlPlaneRolePolicyDocument(arn)));
        policies.push(new aws.iam.RolePolicy(`${name}-assume-control-plane-role`, { role: role.id, policy }, { parent }));
    }
    if (args.storage) {
        const { bucket, region, kmsKeyArn } = args.storage;
        const policy = pulumi.output(bucket).apply((b) => JSON.stringify(s3PolicyDocument({ bucket: b, region, kmsKeyArn })));
        policies.push(new aws.iam.RolePolicy(`${name}-log-bucket`, { role: role.id, policy }, { parent }));
    }
    return { role, policies };
}
