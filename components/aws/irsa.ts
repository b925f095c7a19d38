import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { iamRoleNamePrefix } from "./arns";
import { DATA_PLANE_ROLE_PATH } from "./constants";
import {
    assumeControlPlaneRolePolicyDocument, irsaTrustPolicy, s3PolicyDocument, S3Grant, secretsManagerReadPolicyDocument, SecretsManagerGrant,
} from "./policies";

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
    const trust = pulumi.all([args.oidcProviderArn, args.oidcIssuer]).apply(([oidcProviderArn, oidcIssuer]) =>
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
        policies.push(
            new aws.iam.RolePolicy(
                `${name}-secrets-manager`,
                { role: role.id, policy: JSON.stringify(secretsManagerReadPolicyDocument(args.secretsManager)) },
                { parent },
            ),
        );
    }
    if (args.controlPlaneRoleArn !== undefined) {
        const policy = pulumi.output(args.controlPlaneRoleArn).apply((arn) => JSON.stringify(assumeControlPlaneRolePolicyDocument(arn)));
        policies.push(new aws.iam.RolePolicy(`${name}-assume-control-plane-role`, { role: role.id, policy }, { parent }));
    }
    if (args.storage) {
        const storage = args.storage;
        const policy = pulumi
            .output(storage.bucket)
            .apply((bucket) => JSON.stringify(s3PolicyDocument({ bucket, region: storage.region, kmsKeyArn: storage.kmsKeyArn } satisfies S3Grant)));
        policies.push(new aws.iam.RolePolicy(`${name}-log-bucket`, { role: role.id, policy }, { parent }));
    }
    return { role, policies };
}
