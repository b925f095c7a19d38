import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { InputProblems } from "../shared/errors";
import { AIRBYTE_MANAGED_TAG } from "../shared/types";
import {
    iamRoleNamePrefix,
    isAwsAccountId,
    isAwsRegion,
    isIamPrincipalArn,
    isKmsKeyArn,
    principalArnPatternProblems,
    parseArn,
    partitionOfRegion,
} from "./arns";
import { controlPlaneTrustPolicy, DATA_PLANE_ROLE_PATH, dataPlaneRolesArnPattern, secretsManagerPolicyDocument } from "./policies";

/** What Airbyte's control plane is told about an AWS secret store, whatever the authentication. */
export interface SecretStorageCommon {
    awsRegion: string;
    kmsKeyArn?: string;
    tagKey: string;
}

/** What Airbyte's control plane is told about an AWS secret store in IAM_ROLE mode. */
export interface IamRoleSecretStorage extends SecretStorageCommon {
    auth_type: "IAM_ROLE";
    roleArn: string;
    externalId: string;
}

/** What Airbyte's control plane is told about an AWS secret store in ACCESS_KEY mode. */
export interface AccessKeySecretStorage extends SecretStorageCommon {
    auth_type: "ACCESS_KEY";
    awsAccessKey: string;
    awsSecretAccessKey: string;
}

/**
 * The secret-storage JSON to send Airbyte for IAM_ROLE mode. The platform requires `externalId`
 * although the docs leave it out. Holds the external id: treat it as a secret.
 */
export function controlPlaneSecretStorageJson(input: {
    awsRegion: string;
    roleArn: string;
    externalId: string;
    kmsKeyArn?: string;
}): IamRoleSecretStorage {
    return secretStorage("IAM_ROLE", input, { roleArn: input.roleArn, externalId: input.externalId });
}

/** The secret-storage JSON for ACCESS_KEY mode (static keys of an IAM user). Secret as a whole. */
export function controlPlaneAccessKeySecretStorageJson(input: {
    awsRegion: string;
    awsAccessKey: string;
    awsSecretAccessKey: string;
    kmsKeyArn?: string;
}): AccessKeySecretStorage {
    return secretStorage("ACCESS_KEY", input, { awsAccessKey: input.awsAccessKey, awsSecretAccessKey: input.awsSecretAccessKey });
}

/**
 * The secret-storage JSON for one authentication: the store's region, the credentials, its key when there
 * is one, and `tagKey`, which makes the control plane tag its secrets `AirbyteManaged` (the Secrets
 * Manager policy's condition relies on that tag). Fields in the order docs/aws.md shows.
 */
function secretStorage<A extends string, C extends object>(
    authType: A,
    store: { awsRegion: string; kmsKeyArn?: string },
    credentials: C,
): { auth_type: A } & C & SecretStorageCommon {
    return {
        auth_type: authType,
        awsRegion: store.awsRegion,
        ...credentials,
        ...(store.kmsKeyArn ? { kmsKeyArn: store.kmsKeyArn } : {}),
        tagKey: AIRBYTE_MANAGED_TAG.key,
    };
}

/** STS's rules for an external id: 2-1224 characters of `[\w+=,.@:/-]`. */
export function isValidExternalId(externalId: unknown): boolean {
    return typeof externalId === "string" && /^[\w+=,.@:/-]{2,1224}$/.test(externalId);
}

/**
 * Why the role cannot be created with the provider's credentials, or undefined when it can: it must
 * live in the secrets' account, since a role elsewhere could not reach secrets that Airbyte creates
 * without a cross-account resource policy.
 */
export function roleAccountProblem(providerAccountId: string, secretsAccountId: string): string | undefined {
    return providerAccountId === secretsAccountId
        ? undefined
        : `the AWS provider is in account ${providerAccountId}, but the secrets are in ${secretsAccountId}; ` +
              `run this stack with credentials for ${secretsAccountId}.`;
}

/**
 * The store, as declared for the organization: region and account of the secrets, and the KMS key
 * that encrypts them, if any.
 */
export interface ControlPlaneSecretsStoreOptions {
    /** Region of the organization's Secrets Manager. Required. */
    region: string;
    /** 12-digit account that owns the secrets; the AWS provider must be in it (checked). Required. */
    accountId: string;
    /** KMS key that encrypts the secrets, in `region`. Default: none (the AWS-managed key). */
    kmsKeyArn?: string;
    /**
     * Also let the role use untagged `airbyte_*` secrets, e.g. those written before the control
     * plane switched from ACCESS_KEY mode, which never tags (see `SecretsManagerGrant`). Default `false`.
     */
    allowUntaggedSecrets?: boolean;
}

/** The type token ControlPlaneSecretsRole registers, the one a component plugin's schema publishes. */
export const CONTROL_PLANE_SECRETS_ROLE_TYPE = "flexplane:index:ControlPlaneSecretsRole";
/** The token ControlPlaneSecretsRole registered before; an alias to it keeps existing stacks' resources in place. */
export const CONTROL_PLANE_SECRETS_ROLE_LEGACY_TYPE = "flexplane:aws:ControlPlaneSecretsRole";

/** Arguments of `ControlPlaneSecretsRole`. */
export interface ControlPlaneSecretsRoleArgs {
    /** The AWS principal ARN Airbyte gives you for its control plane. Required; no default. */
    airbytePrincipalArn: string;
    /**
     * External id you agree with Airbyte. Required; kept secret (it is in the trust policy and the JSON).
     * @secret
     */
    externalId: pulumi.Input<string>;
    /** The store, as declared for the organization. Required; the role is created in its account. */
    secretsManager: ControlPlaneSecretsStoreOptions;
    /**
     * `aws:PrincipalArn` patterns (`*` allowed) of the data-plane identities that may assume the role,
     * with the same external id. When the control plane hands a connector pod this store's
     * configuration, the pod's init container assumes the role with its own AWS credentials: the
     * data plane's IRSA role, or the access keys of a data plane outside AWS.
     *
     * Default: every Flexplane data-plane role of the secrets' account,
     * `arn:<partition>:iam::<accountId>:role/flexplane/data-plane/*` (EksCluster creates its role
     * there). Add the IAM user whose keys a data plane outside AWS uses, or the same path in other
     * accounts; those identities also need `sts:AssumeRole` on this role in their own policies.
     * `[]` trusts Airbyte's principal only.
     */
    dataPlanePrincipalArns?: string[];
    /** Tags on the role. Default: none. */
    tags?: Record<string, string>;
}

/**
 * The IAM role Airbyte's control plane assumes to read and write the organization's secrets (IAM_ROLE
 * mode): trusts Airbyte's principal, and the data planes' identities, with the agreed external id,
 * and carries the same Secrets Manager policy as the data plane's role. `secretStorageJson` is what
 * to send Airbyte.
 */
export class ControlPlaneSecretsRole extends pulumi.ComponentResource {
    /** ARN of the role: the `roleArn` of the secret-storage JSON. */
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;
    /**
     * The JSON (string) to send Airbyte. Secret: it holds the external id.
     * @secret
     */
    readonly secretStorageJson: pulumi.Output<string>;

    constructor(name: string, args: ControlPlaneSecretsRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        const problems = new InputProblems(`ControlPlaneSecretsRole "${name}"`);
        const sm = args?.secretsManager ?? ({} as ControlPlaneSecretsStoreOptions);
        problems.check(
            isIamPrincipalArn(args?.airbytePrincipalArn),
            "airbytePrincipalArn",
            "set the principal ARN Airbyte gave you for its control plane (arn:aws:iam::<account>:role/...); there is no default.",
        );
        problems.check(
            args?.externalId !== undefined && (typeof args.externalId !== "string" || isValidExternalId(args.externalId)),
            "externalId",
            "set the external id agreed with Airbyte: 2-1224 letters, digits or +=,.@:/-_ (keep it secret).",
        );
        problems.check(
            isAwsRegion(sm.region),
            "secretsManager.region",
            "set the region of the organization's Secrets Manager, e.g. us-east-1.",
        );
        problems.check(
            isAwsAccountId(sm.accountId),
            "secretsManager.accountId",
            "set the 12-digit account that owns the secrets, as a quoted string.",
        );
        problems.check(
            sm.kmsKeyArn === undefined || (isKmsKeyArn(sm.kmsKeyArn) && parseArn(sm.kmsKeyArn)?.region === sm.region),
            "secretsManager.kmsKeyArn",
            `set the ARN of the KMS key that encrypts the secrets, in ${sm.region}, or remove it.`,
        );
        const given = args?.dataPlanePrincipalArns;
        for (const [suffix, reason] of principalArnPatternProblems(given)) {
            problems.add(`dataPlanePrincipalArns${suffix}`, reason);
        }
        problems.check(
            sm.allowUntaggedSecrets === undefined || typeof sm.allowUntaggedSecrets === "boolean",
            "secretsManager.allowUntaggedSecrets",
            "set true or false (default false: only secrets tagged AirbyteManaged=true are reachable).",
        );
        problems.throwIfAny();
        // The alias keeps the resources of stacks created under the old token, children included (the engine
        // derives their aliases from the parent's: pulumi/pulumi pkg/resource/deploy/step_generator.go generateAliases).
        super(
            CONTROL_PLANE_SECRETS_ROLE_TYPE,
            name,
            {},
            {
                ...opts,
                aliases: [...(opts?.aliases ?? []), { type: CONTROL_PLANE_SECRETS_ROLE_LEGACY_TYPE }],
            },
        );
        const dataPlanePrincipalArns = given ?? [
            dataPlaneRolesArnPattern(partitionOfRegion(sm.region).partition, sm.accountId, DATA_PLANE_ROLE_PATH),
        ];

        const externalId = pulumi.secret(args.externalId);
        const callerAccount = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const trust = pulumi.all([externalId, callerAccount]).apply(([id, account]) => {
            const wrongAccount = roleAccountProblem(account, sm.accountId);
            if (wrongAccount) {
                throw new pulumi.ResourceError(`ControlPlaneSecretsRole "${name}": ${wrongAccount}`, this);
            }
            if (!isValidExternalId(id)) {
                throw new pulumi.ResourceError(
                    `ControlPlaneSecretsRole "${name}": externalId must be 2-1224 letters, digits or +=,.@:/-_.`,
                    this,
                );
            }
            return JSON.stringify(controlPlaneTrustPolicy(args.airbytePrincipalArn, id, dataPlanePrincipalArns));
        });
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                namePrefix: iamRoleNamePrefix(name, "airbyte-cp"),
                description: "Airbyte control plane access to the organization's Secrets Manager",
                assumeRolePolicy: trust,
                tags: args.tags,
            },
            { parent: this, additionalSecretOutputs: ["assumeRolePolicy"] },
        );
        new aws.iam.RolePolicy(
            `${name}-secrets-manager`,
            { role: role.id, policy: JSON.stringify(secretsManagerPolicyDocument(sm)) },
            { parent: this },
        );
        this.roleArn = role.arn;
        this.roleName = role.name;
        this.secretStorageJson = pulumi.secret(
            pulumi
                .all([role.arn, externalId])
                .apply(([roleArn, id]) =>
                    JSON.stringify(
                        controlPlaneSecretStorageJson({ awsRegion: sm.region, roleArn, externalId: id, kmsKeyArn: sm.kmsKeyArn }),
                        null,
                        2,
                    ),
                ),
        );
        this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName, secretStorageJson: this.secretStorageJson });
    }
}
