/**
 * The log bucket: a new, hardened S3 bucket or the caller's, and the storage spec DataPlane gets for
 * it. Resolution and creation side by side.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { InputProblems } from "../shared/errors";
import { s3BucketNameProblem } from "../shared/storage-names";
import { AwsAccessKeys, JOB_LOG_PREFIX, StorageSpec } from "../shared/types";
import { EKS_DEFAULTS, EksLogStorageOptions } from "./args";
import { isAwsRegion, isKmsKeyArn, parseArn, s3BucketPrefixFrom } from "./arns";
import { tlsOnlyBucketPolicy } from "./policies";
import { secretAccessKeys } from "./identity";

/** Days after which an unfinished multipart upload is aborted. */
const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

/** Options of the caller's bucket that only a bucket this component creates takes. */
const NEW_BUCKET_ONLY = ["logRetentionDays", "versioning", "kmsKeyArn", "retainOnDelete", "accessLogs"] as const;

/** A bucket this component creates, every default applied. */
export interface NewLogBucket {
    kind: "new";
    region: string;
    logRetentionDays: number;
    versioning: boolean;
    kmsKeyArn?: string;
    retainOnDelete: boolean;
    /** Server access logs, delivered to the caller's bucket. */
    accessLogs?: { bucket: string; prefix?: string };
}

export type ResolvedLogStorage = NewLogBucket | { kind: "existing"; name: string; region: string; accessKeys?: AwsAccessKeys };

/** The log storage with its defaults, problems recorded under `logStorage.*`. */
export function resolveLogStorage(
    problems: InputProblems,
    options: EksLogStorageOptions | undefined,
    clusterRegion: string,
): ResolvedLogStorage {
    const o = options ?? {};
    if (o.existingBucketName !== undefined) {
        const name = o.existingBucketName;
        problems.addIfAny(
            "logStorage.existingBucketName",
            typeof name === "string" && name.trim() !== ""
                ? s3BucketNameProblem(name)
                : "is empty: give the name of an existing S3 bucket, or remove existingBucketName to create one.",
        );
        const region = o.region ?? clusterRegion;
        problems.check(
            isAwsRegion(region),
            "logStorage.region",
            `"${region}" is not an AWS region: set the bucket's region, e.g. us-east-1.`,
        );
        for (const key of NEW_BUCKET_ONLY) {
            problems.check(
                o[key] === undefined,
                `logStorage.${key}`,
                "applies only to a bucket this component creates; configure your bucket directly, or remove existingBucketName.",
            );
        }
        if (o.accessKeys !== undefined) {
            problems.check(
                Boolean(o.accessKeys.accessKeyId) && Boolean(o.accessKeys.secretAccessKey),
                "logStorage.accessKeys",
                "set both accessKeyId and secretAccessKey, or remove accessKeys to use the data-plane role (IRSA).",
            );
        }
        return { kind: "existing", name: String(name), region, accessKeys: o.accessKeys };
    }
    problems.check(
        o.accessKeys === undefined,
        "logStorage.accessKeys",
        "applies only with logStorage.existingBucketName; a new bucket is always used through the data-plane role (IRSA).",
    );
    problems.check(
        o.region === undefined || o.region === clusterRegion,
        "logStorage.region",
        `a new bucket is created in the cluster's region (${clusterRegion}); remove region.`,
    );
    const defaults = EKS_DEFAULTS.logStorage;
    const logRetentionDays = o.logRetentionDays ?? defaults.logRetentionDays;
    problems.check(
        Number.isInteger(logRetentionDays) && logRetentionDays >= 0,
        "logStorage.logRetentionDays",
        `"${logRetentionDays}" is not valid: set a whole number of days, or 0 to keep logs forever.`,
    );
    if (o.kmsKeyArn !== undefined) {
        problems.check(
            isKmsKeyArn(o.kmsKeyArn) && parseArn(o.kmsKeyArn)?.region === clusterRegion,
            "logStorage.kmsKeyArn",
            `set the ARN of a KMS key in ${clusterRegion} (arn:aws:kms:${clusterRegion}:<account>:key/<id>), or remove it for SSE-S3.`,
        );
    }
    const accessLogs = o.accessLogs;
    if (accessLogs !== undefined) {
        const target = typeof accessLogs === "object" && accessLogs !== null ? accessLogs.bucket : undefined;
        problems.addIfAny(
            "logStorage.accessLogs.bucket",
            typeof target === "string" && target.trim() !== ""
                ? s3BucketNameProblem(target)
                : `is required: set the name of an existing S3 bucket in ${clusterRegion} that receives the access logs (not the log bucket itself), or remove accessLogs.`,
        );
        problems.check(
            accessLogs?.prefix === undefined || (typeof accessLogs.prefix === "string" && /^[\w!\-.*'()/]{1,512}$/.test(accessLogs.prefix)),
            "logStorage.accessLogs.prefix",
            "use up to 512 letters, digits and !-_.*'()/ (e.g. access/flexplane/), or remove it for <log bucket name>/.",
        );
    }
    return {
        kind: "new",
        region: clusterRegion,
        logRetentionDays,
        versioning: o.versioning ?? defaults.versioning,
        kmsKeyArn: o.kmsKeyArn,
        retainOnDelete: o.retainOnDelete ?? defaults.retainOnDelete,
        ...(accessLogs !== undefined ? { accessLogs: { bucket: String(accessLogs.bucket), prefix: accessLogs.prefix } } : {}),
    };
}

/** True when the data-plane role must carry the S3 policy: every case but a caller's bucket with keys. */
export function storageUsesRole(storage: ResolvedLogStorage): boolean {
    return storage.kind === "new" || storage.accessKeys === undefined;
}

/** The S3 storage spec for DataPlane: through the role, or with the caller's keys, secret. */
export function dataPlaneStorage(storage: ResolvedLogStorage, bucketName: pulumi.Input<string>): StorageSpec {
    if (storage.kind === "existing" && storage.accessKeys) {
        return { s3: { bucket: bucketName, region: storage.region, accessKeys: secretAccessKeys(storage.accessKeys) } };
    }
    return { s3: { bucket: bucketName, region: storage.region, useServiceAccountIdentity: true } };
}

/** Default encryption: SSE-KMS with the caller's key (and S3 bucket keys to cut KMS calls), else SSE-S3. */
export function encryptionRule(kmsKeyArn: string | undefined) {
    return kmsKeyArn
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKeyArn }, bucketKeyEnabled: true }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } };
}

/**
 * Lifecycle rules: job logs expire after `logRetentionDays` (never when 0); older versions expire as
 * fast when versioning is on; unfinished multipart uploads are aborted everywhere. State and workload
 * output are never expired: the platform owns their lifetime.
 */
export function lifecycleRules(
    bucket: Pick<NewLogBucket, "logRetentionDays" | "versioning">,
): aws.types.input.s3.BucketLifecycleConfigurationRule[] {
    const rules: aws.types.input.s3.BucketLifecycleConfigurationRule[] = [
        {
            id: "abort-incomplete-uploads",
            status: "Enabled",
            filter: { prefix: "" },
            abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
        },
    ];
    if (bucket.logRetentionDays > 0) {
        rules.push({
            id: "expire-job-logs",
            status: "Enabled",
            filter: { prefix: JOB_LOG_PREFIX },
            expiration: { days: bucket.logRetentionDays },
            ...(bucket.versioning ? { noncurrentVersionExpiration: { noncurrentDays: bucket.logRetentionDays } } : {}),
        });
    }
    return rules;
}

/** The log bucket and the resources that harden it. */
export interface LogBucket {
    bucket: aws.s3.Bucket;
    /** Everything the data plane must wait for before it writes. */
    hardening: pulumi.Resource[];
}

/**
 * A private S3 bucket for logs, state and workload output: default encryption, all four public-access
 * blocks, bucket-owner-enforced ownership (no ACLs), a TLS-only bucket policy, optional versioning,
 * server access logs and log expiry. Retained when the stack is destroyed unless the caller opts out.
 */
export function createLogBucket(name: string, options: NewLogBucket, tags: Record<string, string>, parent: pulumi.Resource): LogBucket {
    const bucket = new aws.s3.Bucket(
        `${name}-logs`,
        { bucketPrefix: s3BucketPrefixFrom(name), forceDestroy: false, tags },
        { parent, retainOnDelete: options.retainOnDelete, protect: false },
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
