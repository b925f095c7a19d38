/**
 * What EksCluster hands to DataPlane: the declared secret store and the log storage, with every
 * credential marked secret. Pure functions of plain values and Outputs; no resources.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AwsAccessKeys, SecretsManagerSpec, StorageSpec } from "../shared/types";
import type { ResolvedBucket } from "./validate-parts";

function secretKeys(keys: AwsAccessKeys): AwsAccessKeys {
    return { accessKeyId: pulumi.secret(keys.accessKeyId), secretAccessKey: pulumi.secret(keys.secretAccessKey) };
}

/**
 * The declared store as DataPlane receives it. IRSA mode keeps `useServiceAccountIdentity: true` and
 * the declared region and account; every other mode passes the caller's credentials through, secret.
 */
export function dataPlaneSecretsManager(spec: SecretsManagerSpec): SecretsManagerSpec {
    if (spec.aws) {
        const { accessKeys, ...rest } = spec.aws;
        return { aws: accessKeys ? { ...rest, accessKeys: secretKeys(accessKeys) } : { ...rest, useServiceAccountIdentity: true } };
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

/** True when the data-plane role must carry the S3 policy: every case but a caller's bucket with keys. */
export function storageUsesRole(bucket: ResolvedBucket): boolean {
    return bucket.kind === "new" || bucket.accessKeys === undefined;
}

/** The S3 storage spec for DataPlane. */
export function dataPlaneStorage(bucket: ResolvedBucket, bucketName: pulumi.Input<string>): StorageSpec {
    if (bucket.kind === "existing" && bucket.accessKeys) {
        return { s3: { bucket: bucketName, region: bucket.region, accessKeys: secretKeys(bucket.accessKeys) } };
    }
    return { s3: { bucket: bucketName, region: bucket.region, useServiceAccountIdentity: true } };
}
