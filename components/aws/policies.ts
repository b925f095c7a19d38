/**
 * IAM policy documents as pure functions of plain values, so that tests check the exact documents
 * and the data plane's role and the control plane's role share one definition.
 */
import { AIRBYTE_MANAGED_TAG } from "../shared/types";
import { partitionOfRegion, s3BucketArns, secretsManagerSecretsArn } from "./arns";
import { IRSA_AUDIENCE } from "./constants";

export interface PolicyStatement {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Action: string | string[];
    Resource?: string | string[];
    Principal?: Record<string, string | string[]> | "*";
    Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

/**
 * Secrets Manager actions on Airbyte's secrets: the documented set plus `DeleteSecret`, which the
 * platform calls when a connector's secret is replaced.
 */
export const SECRETS_MANAGER_SECRET_ACTIONS = [
    "secretsmanager:GetSecretValue",
    "secretsmanager:CreateSecret",
    "secretsmanager:DescribeSecret",
    "secretsmanager:TagResource",
    "secretsmanager:UpdateSecret",
    "secretsmanager:DeleteSecret",
] as const;

/** KMS actions a Secrets Manager client needs on the customer key that encrypts the secrets. */
export const SECRETS_KMS_ACTIONS = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"] as const;

/** The secret store a policy grants access to: the control plane's declared store. */
export interface SecretsManagerGrant {
    /** Region of the declared store (never defaulted to the cluster's). */
    region: string;
    /** Account that owns the secrets. */
    accountId: string;
    /** Customer key that encrypts the secrets, when there is one. */
    kmsKeyArn?: string;
}

/**
 * `actions` on the customer key `kmsKeyArn`, only in calls that `service` (e.g. "s3") makes on the
 * caller's behalf in `region`: the key cannot be used directly or through another service.
 */
export function kmsViaServiceStatement(
    sid: string,
    actions: readonly string[],
    kmsKeyArn: string,
    service: string,
    region: string,
): PolicyStatement {
    return {
        Sid: sid,
        Effect: "Allow",
        Action: [...actions],
        Resource: kmsKeyArn,
        Condition: { StringEquals: { "kms:ViaService": `${service}.${region}.${partitionOfRegion(region).dnsSuffix}` } },
    };
}

/**
 * Airbyte's documented Secrets Manager policy, scoped to one account and region: `ListSecrets` on
 * `*` (it has no resource-level permissions), the secret actions on that store's secrets with the
 * documented `AirbyteManaged` tag condition, and the KMS actions on the key when one is given,
 * limited to calls Secrets Manager makes in that region.
 */
export function secretsManagerPolicyDocument(grant: SecretsManagerGrant): PolicyDocument {
    const statements: PolicyStatement[] = [
        { Sid: "ListAirbyteSecrets", Effect: "Allow", Action: "secretsmanager:ListSecrets", Resource: "*" },
        {
            Sid: "ManageAirbyteSecrets",
            Effect: "Allow",
            Action: [...SECRETS_MANAGER_SECRET_ACTIONS],
            Resource: secretsManagerSecretsArn(grant.region, grant.accountId),
            Condition: {
                "ForAllValues:StringEquals": {
                    [`secretsmanager:ResourceTag/${AIRBYTE_MANAGED_TAG.key}`]: AIRBYTE_MANAGED_TAG.value,
                },
            },
        },
    ];
    if (grant.kmsKeyArn) {
        statements.push(kmsViaServiceStatement("UseSecretsKey", SECRETS_KMS_ACTIONS, grant.kmsKeyArn, "secretsmanager", grant.region));
    }
    return { Version: "2012-10-17", Statement: statements };
}

/** KMS actions S3 needs to read and write objects under SSE-KMS. */
export const S3_KMS_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"] as const;

/** The bucket a policy grants access to. */
export interface S3Grant {
    bucket: string;
    region: string;
    /** Key of the bucket's SSE-KMS default encryption, when there is one. */
    kmsKeyArn?: string;
}

/**
 * Airbyte's documented S3 policy, limited to one bucket: `ListAllMyBuckets` on `*`, listing and
 * location on the bucket, object reads and writes on its objects, and the KMS actions on the
 * bucket's key when SSE-KMS is used.
 */
export function s3PolicyDocument(grant: S3Grant): PolicyDocument {
    const arns = s3BucketArns(grant.bucket, grant.region);
    const statements: PolicyStatement[] = [
        { Sid: "ListBuckets", Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" },
        {
            Sid: "ReadLogBucket",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:GetBucketLocation"],
            Resource: arns.bucket,
        },
        {
            Sid: "ReadWriteLogObjects",
            Effect: "Allow",
            Action: ["s3:PutObject", "s3:PutObjectAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:DeleteObject"],
            Resource: arns.objects,
        },
    ];
    if (grant.kmsKeyArn) {
        statements.push(kmsViaServiceStatement("UseLogBucketKey", S3_KMS_ACTIONS, grant.kmsKeyArn, "s3", grant.region));
    }
    return { Version: "2012-10-17", Statement: statements };
}

/** What an IRSA trust names: the cluster's OIDC provider and the one service account it trusts. */
export interface IrsaTrust {
    oidcProviderArn: string;
    /** Issuer host and path, with or without `https://`. */
    oidcIssuer: string;
    namespace: string;
    serviceAccountName: string;
}

/** The issuer as IAM condition keys spell it: no scheme, no trailing slash. */
export function oidcIssuerHost(issuer: string): string {
    return issuer.replace(/^https?:\/\//, "").replace(/\/+$/, "");
}

/**
 * Trust policy that lets exactly one Kubernetes service account assume the role through the
 * cluster's OIDC provider (IRSA), with the audience EKS projects into pods.
 */
export function irsaTrustPolicy(trust: IrsaTrust): PolicyDocument {
    const issuer = oidcIssuerHost(trust.oidcIssuer);
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DataPlaneServiceAccount",
                Effect: "Allow",
                Principal: { Federated: trust.oidcProviderArn },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                    StringEquals: {
                        [`${issuer}:sub`]: `system:serviceaccount:${trust.namespace}:${trust.serviceAccountName}`,
                        [`${issuer}:aud`]: IRSA_AUDIENCE,
                    },
                },
            },
        ],
    };
}

/** Trust policy for EC2 instances (EKS worker nodes). */
export function ec2TrustPolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
    };
}

/**
 * Trust policy of the role Airbyte's control plane assumes (IAM_ROLE mode): Airbyte's principal,
 * only with the exact external id the customer sent Airbyte; and, when `dataPlanePrincipalArns` is
 * not empty, the data planes' identities, with the same external id (`dataPlanesTrustStatement`).
 */
export function controlPlaneTrustPolicy(airbytePrincipalArn: string, externalId: string, dataPlanePrincipalArns: string[] = []): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AirbyteControlPlane",
                Effect: "Allow",
                Principal: { AWS: airbytePrincipalArn },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": externalId } },
            },
            ...(dataPlanePrincipalArns.length > 0 ? [dataPlanesTrustStatement(dataPlanePrincipalArns, externalId)] : []),
        ],
    };
}

/** Bucket policy that refuses every request not made over TLS. */
export function tlsOnlyBucketPolicy(bucket: string, region: string): PolicyDocument {
    const arns = s3BucketArns(bucket, region);
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [arns.bucket, arns.objects],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    };
}

/**
 * Every data-plane role (under `DATA_PLANE_ROLE_PATH`) of one account, as an `aws:PrincipalArn`
 * pattern: the default set of identities the control-plane role trusts.
 */
export function dataPlaneRolesArnPattern(partition: string, accountId: string, path: string): string {
    return `arn:${partition}:iam::${accountId}:role${path}*`;
}

/**
 * Trust statement that lets data-plane identities assume the control-plane role of an IAM_ROLE
 * store, only with its external id. When the control plane hands a connector pod that store's
 * configuration, the pod's init container calls `sts:AssumeRole(roleArn, externalId)` with its own
 * credentials (airbytehq/airbyte-platform `AwsSecretManagerPersistence.kt` 380-396). The principal is
 * each account's root, narrowed by `aws:PrincipalArn`, since principals cannot hold wildcards; the
 * identities also need `sts:AssumeRole` in their own policies (`assumeControlPlaneRolePolicyDocument`).
 */
export function dataPlanesTrustStatement(principalArnPatterns: string[], externalId: string): PolicyStatement {
    const roots = [...new Set(principalArnPatterns.map((arn) => {
        const [, partition, , , account] = arn.split(":");
        return `arn:${partition}:iam::${account}:root`;
    }))];
    return {
        Sid: "FlexplaneDataPlanes",
        Effect: "Allow",
        Principal: { AWS: roots.length === 1 ? roots[0] : roots },
        Action: "sts:AssumeRole",
        Condition: {
            ArnLike: { "aws:PrincipalArn": principalArnPatterns.length === 1 ? principalArnPatterns[0] : principalArnPatterns },
            StringEquals: { "sts:ExternalId": externalId },
        },
    };
}

/** Identity policy of a data-plane role: it may assume the control-plane role of an IAM_ROLE store. */
export function assumeControlPlaneRolePolicyDocument(controlPlaneRoleArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "AssumeControlPlaneRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: controlPlaneRoleArn }],
    };
}
