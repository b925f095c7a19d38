import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { s3BucketPrefixFrom } from "./arns";
import { ABORT_INCOMPLETE_UPLOAD_DAYS, JOB_LOG_PREFIX } from "./constants";
import { tlsOnlyBucketPolicy } from "./policies";

/** Options of a bucket this component creates (see `EksLogBucketOptions`). */
export interface NewBucketOptions {
    region: string;
    logExpirationDays: number;
    versioning: boolean;
    kmsKeyArn?: string;
    retainOnDestroy: boolean;
    /** Server access logs, delivered to the caller's bucket. */
    accessLogs?: { bucket: string; prefix?: string };
}

/** The log bucket and the resources that harden it. */
export interface LogBucket {
    bucket: aws.s3.Bucket;
    /** Everything the data plane must wait for before it writes. */
    hardening: pulumi.Resource[];
}

/** Default encryption: SSE-KMS with the caller's key (and S3 bucket keys to cut KMS calls), else SSE-S3. */
export function encryptionRule(kmsKeyArn: string | undefined) {
    return kmsKeyArn
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKeyArn }, bucketKeyEnabled: true }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } };
}

/**
 * Lifecycle rules: job logs expire after `logExpirationDays` (never when 0); older versions expire as
 * fast when versioning is on; unfinished multipart uploads are aborted everywhere. State and workload
 * output are never expired: the platform owns their lifetime.
 */
export function lifecycleRules(
    options: Pick<NewBucketOptions, "logExpirationDays" | "versioning">,
): aws.types.input.s3.BucketLifecycleConfigurationRule[] {
    const rules: aws.types.input.s3.BucketLifecycleConfigurationRule[] = [
        {
            id: "abort-incomplete-uploads",
            status: "Enabled",
            filter: { prefix: "" },
            abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
        },
    ];
    if (options.logExpirationDays > 0) {
        rules.push({
            id: "expire-job-logs",
            status: "Enabled",
            filter: { prefix: JOB_LOG_PREFIX },
            expiration: { days: options.logExpirationDays },
            ...(options.versioning ? { noncurrentVersionExpiration: { noncurrentDays: options.logExpirationDays } } : {}),
        });
    }
    return rules;
}

/**
 * A private S3 bucket for logs, state and workload output: default encryption, all four public-access
 * blocks, bucket-owner-enforced ownership (no ACLs), a TLS-only bucket policy, optional versioning,
 * server access logs and log expiry. Retained when the stack is destroyed unless the caller opts out.
 */
export function createLogBucket(
    name: string,
    options: NewBucketOptions,
    tags: Record<string, string>,
    parent: pulumi.Resource,
): LogBucket {
    const bucket = new aws.s3.Bucket(
        `${name}-logs`,
        { bucketPrefix: s3BucketPrefixFrom(name), forceDestroy: false, tags },
        { parent, retainOnDelete: options.retainOnDestroy, protect: false },
    );
    const publicAccess = new aws.s3.BucketPublicAccessBlock(
        `${name}-logs-public-access`,
        { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        { parent },
    );
    const ownership = new aws.s3.BucketOwnershipControls(
        `${name}-logs-ownership`,
        { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
        { parent },
    );
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
        `${name}-logs-encryption`,
        { bucket: bucket.id, rules: [encryptionRule(options.kmsKeyArn)] },
        { parent },
    );
    const policy = new aws.s3.BucketPolicy(
        `${name}-logs-tls-only`,
        { bucket: bucket.id, policy: bucket.bucket.apply((b) => JSON.stringify(tlsOnlyBucketPolicy(b, options.region))) },
        // A policy written before the public-access block is in place could be judged public.
        { parent, dependsOn: [publicAccess] },
    );
    const hardening: pulumi.Resource[] = [publicAccess, ownership, encryption, policy];
    let versioning: aws.s3.BucketVersioning | undefined;
    if (options.versioning) {
        versioning = new aws.s3.BucketVersioning(
            `${name}-logs-versioning`,
            { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
            { parent },
        );
        hardening.push(versioning);
    }
    if (options.accessLogs) {
        const target = options.accessLogs;
        hardening.push(
            new aws.s3.BucketLogging(
                `${name}-logs-access-logs`,
                { bucket: bucket.id, targetBucket: target.bucket, targetPrefix: target.prefix ?? bucket.bucket.apply((b) => `${b}/`) },
                { parent },
            ),
        );
    }
    hardening.push(
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-logs-lifecycle`,
            { bucket: bucket.id, rules: lifecycleRules(options) },
            { parent, dependsOn: versioning ? [versioning] : [] },
        ),
    );
    return { bucket, hardening };
}
