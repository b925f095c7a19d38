/**
 * IAM policy documents as pure functions of plain values, so that tests check the exact documents
 * and the data plane's role and the control plane's role share one definition.
 */
import { AIRBYTE_MANAGED_TAG } from "../shared/types";
import { partitionOfRegion, s3BucketArns, secretsManagerSecretsArn } from "./arns";

/** Audience of the tokens EKS projects into pods for IRSA. */
const IRSA_AUDIENCE = "sts.amazonaws.com";

/**
 * IAM path of every data-plane role. The control-plane role of an IAM_ROLE secret store trusts the
 * roles under it (with the external id), so that connector pods can assume it with their own
 * identity when the control plane hands them that store's configuration.
 */
export const DATA_PLANE_ROLE_PATH = "/flexplane/data-plane/";

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
 * Secrets Manager actions that read a secret: the platform's data-plane side (launcher, init
 * container, orchestrator) only hydrates connector configurations. Its secret writers
 * (`SecretsRepositoryWriter` and the server handlers that call it) live in the control plane's
 * modules of airbytehq/airbyte-platform (`airbyte-commons-server`, `airbyte-data`, `airbyte-domain`);
 * `DescribeSecret` is what the AWS secrets cache calls before it reads a value.
 */
export const SECRETS_MANAGER_READ_ACTIONS = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"] as const;

/** Actions the control plane uses on secrets that already exist (`AwsSecretManagerPersistence.kt` update and delete). */
export const SECRETS_MANAGER_CHANGE_ACTIONS = ["secretsmanager:UpdateSecret", "secretsmanager:DeleteSecret"] as const;

/**
 * Actions that create a tagged secret: Secrets Manager authorizes the tags of `CreateSecret` as
 * `TagResource` too (API reference, CreateSecret: "If you include tags in the secret, you also need
 * secretsmanager:TagResource").
 */
export const SECRETS_MANAGER_CREATE_ACTIONS = ["secretsmanager:CreateSecret", "secretsmanager:TagResource"] as const;

/** Every Secrets Manager action a Flexplane role may be granted on secrets. */
export const SECRETS_MANAGER_SECRET_ACTIONS = [
    ...SECRETS_MANAGER_READ_ACTIONS,
    ...SECRETS_MANAGER_CHANGE_ACTIONS,
    ...SECRETS_MANAGER_CREATE_ACTIONS,
] as const;

/**
 * Prefix of every secret the platform manages itself: `SecretCoordinate.kt` (airbytehq/airbyte-platform,
 * `AirbyteManagedSecretCoordinate.ensureAirbytePrefix`) names them `airbyte_workspace_<id>_secret_<id>_v<n>`.
 */
export const AIRBYTE_SECRET_NAME_PREFIX = "airbyte_";

/** KMS actions of a Secrets Manager client that writes secrets encrypted with the customer key. */
export const SECRETS_KMS_ACTIONS = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"] as const;
/** KMS actions of a client that only reads them. */
export const SECRETS_KMS_READ_ACTIONS = ["kms:Decrypt"] as const;

/** The secret store a policy grants access to: the control plane's declared store. */
export interface SecretsManagerGrant {
    /** Region of the declared store (never defaulted to the cluster's). */
    region: string;
    /** Account that owns the secrets. */
    accountId: string;
    /** Customer key that encrypts the secrets, when there is one. */
    kmsKeyArn?: string;
    /**
     * Also reach secrets without the `AirbyteManaged=true` tag, limited to the platform's own names
     * (`airbyte_*`). Needed when the control plane creates untagged secrets: in ACCESS_KEY mode, or
     * IAM_ROLE mode without `tagKey` (`AwsSecretManagerPersistence.kt`, `RuntimeAwsSecretsManagerClient.createSecret`).
     * Default `false`.
     */
    allowUntaggedSecrets?: boolean;
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
 * The condition that a secret carries `AirbyteManaged=true`. Plain `StringEquals` on the
 * single-valued resource-tag key is false when the tag is absent; Airbyte's documented
 * `ForAllValues:StringEquals` is true then ("The ForAllValues set operator also returns true if
 * there are no context keys in the request", IAM User Guide, Multivalued context key examples), which
 * reaches every untagged secret of the account and region.
 */
function taggedSecret(): PolicyStatement["Condition"] {
    return { StringEquals: { [`secretsmanager:ResourceTag/${AIRBYTE_MANAGED_TAG.key}`]: AIRBYTE_MANAGED_TAG.value } };
}

/**
 * Read access to the declared store: `GetSecretValue` and `DescribeSecret` on its secrets that carry
 * `AirbyteManaged=true`, `kms:Decrypt` through Secrets Manager on the key when there is one, and,
 * with `allowUntaggedSecrets`, the same reads on untagged secrets named `airbyte_*`. No
 * `ListSecrets`: the platform never lists secrets (no call in airbytehq/airbyte-platform), and the
 * list shows every secret's name and tags. This is the data plane's policy.
 */
export function secretsManagerReadPolicyDocument(grant: SecretsManagerGrant): PolicyDocument {
    const secrets = secretsManagerSecretsArn(grant.region, grant.accountId);
    const statements: PolicyStatement[] = [
        {
            Sid: "ReadAirbyteSecrets",
            Effect: "Allow",
            Action: [...SECRETS_MANAGER_READ_ACTIONS],
            Resource: secrets,
            Condition: taggedSecret(),
        },
    ];
    if (grant.allowUntaggedSecrets) {
        statements.push({
            Sid: "ReadUntaggedAirbyteSecrets",
            Effect: "Allow",
            Action: [...SECRETS_MANAGER_READ_ACTIONS],
            Resource: airbyteSecretsArn(grant),
        });
    }
    if (grant.kmsKeyArn) {
        statements.push(kmsViaServiceStatement("UseSecretsKey", SECRETS_KMS_READ_ACTIONS, grant.kmsKeyArn, "secretsmanager", grant.region));
    }
    return { Version: "2012-10-17", Statement: statements };
}

/**
 * Read and write access to the declared store, for the control plane: the reads above; `UpdateSecret`
 * and `DeleteSecret` on its `airbyte_*` secrets that carry `AirbyteManaged=true`; `CreateSecret` and
 * `TagResource` on `airbyte_*` names only when the request tags the secret `AirbyteManaged=true` and
 * adds no other tag key (`aws:RequestTag` and `aws:TagKeys`, the condition keys Secrets Manager gives
 * both actions). Secrets Manager cannot tell a new secret from an untagged one in `TagResource`, so
 * the name prefix is what keeps other untagged secrets out of reach. With `allowUntaggedSecrets`,
 * untagged `airbyte_*` secrets may be read, updated and deleted as well.
 */
export function secretsManagerPolicyDocument(grant: SecretsManagerGrant): PolicyDocument {
    const read = secretsManagerReadPolicyDocument({ ...grant, kmsKeyArn: undefined });
    const airbyteSecrets = airbyteSecretsArn(grant);
    const statements: PolicyStatement[] = [
        ...read.Statement,
        {
            Sid: "ChangeAirbyteSecrets",
            Effect: "Allow",
            Action: [...SECRETS_MANAGER_CHANGE_ACTIONS],
            Resource: airbyteSecrets,
            Condition: taggedSecret(),
        },
        {
            Sid: "CreateTaggedAirbyteSecrets",
            Effect: "Allow",
            Action: [...SECRETS_MANAGER_CREATE_ACTIONS],
            Resource: airbyteSecrets,
            Condition: {
                StringEquals: { [`aws:RequestTag/${AIRBYTE_MANAGED_TAG.key}`]: AIRBYTE_MANAGED_TAG.value },
                "ForAllValues:StringEquals": { "aws:TagKeys": [AIRBYTE_MANAGED_TAG.key] },
            },
        },
    ];
    if (grant.allowUntaggedSecrets) {
        statements.push({
            Sid: "ChangeUntaggedAirbyteSecrets",
            Effect: "Allow",
            Action: [...SECRETS_MANAGER_CHANGE_ACTIONS],
            Resource: airbyteSecrets,
        });
    }
    if (grant.kmsKeyArn) {
        statements.push(kmsViaServiceStatement("UseSecretsKey", SECRETS_KMS_ACTIONS, grant.kmsKeyArn, "secretsmanager", grant.region));
    }
    return { Version: "2012-10-17", Statement: statements };
}

/** The platform's own secrets (`airbyte_*`) of the declared store. */
function airbyteSecretsArn(grant: SecretsManagerGrant): string {
    return secretsManagerSecretsArn(grant.region, grant.accountId).replace(/\*$/, `${AIRBYTE_SECRET_NAME_PREFIX}*`);
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
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    };
}

/**
 * Trust policy of the role Airbyte's control plane assumes (IAM_ROLE mode): Airbyte's principal,
 * only with the exact external id the customer sent Airbyte; and, when `dataPlanePrincipalArns` is
 * not empty, the data planes' identities, with the same external id (`dataPlanesTrustStatement`).
 */
export function controlPlaneTrustPolicy(
    airbytePrincipalArn: string,
    externalId: string,
    dataPlanePrincipalArns: string[] = [],
): PolicyDocument {
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
    const roots = [
        ...new Set(
            principalArnPatterns.map((arn) => {
                const [, partition, , , account] = arn.split(":");
                return `arn:${partition}:iam::${account}:root`;
            }),
        ),
    ];
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
