import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { JOB_LOG_PREFIX } from "./args";
import type { GkeSettings } from "./validation";

/** The log bucket, created or given. */
export interface LogBucket {
    name: pulumi.Output<string>;
    resource?: gcp.storage.Bucket;
}

/**
 * Arguments of the log bucket: uniform bucket-level access (no object ACLs), public access
 * prevention enforced, optional versioning, and a lifecycle rule deleting job logs (`job-logging/`)
 * after `logRetentionDays` (none when 0). `forceDestroy` stays off unless asked for.
 */
export function bucketInputs(settings: GkeSettings): gcp.storage.BucketArgs {
    const bucket = settings.bucket;
    const days = bucket.logRetentionDays;
    return {
        project: settings.project,
        location: bucket.location,
        storageClass: "STANDARD",
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        versioning: { enabled: bucket.versioning },
        forceDestroy: bucket.forceDestroy,
        labels: settings.labels,
        // Only job logs expire: state and workload output share the bucket and belong to the platform.
        lifecycleRules: days > 0
            ? [
                { action: { type: "Delete" }, condition: { age: days, matchesPrefixes: [JOB_LOG_PREFIX] } },
                ...(bucket.versioning
                    ? [{ action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: days, matchesPrefixes: [JOB_LOG_PREFIX] } }]
                    : []),
            ]
            : [],
    };
}

/**
 * Whether `pulumi destroy` leaves the bucket in GCP (default): logs and state outlive the stack
 * unless the caller opts out.
 */
export function bucketResourceOptions(settings: GkeSettings, parent: pulumi.Resource): pulumi.CustomResourceOptions {
    return { parent, retainOnDelete: settings.bucket.retainOnDelete };
}

/** Creates the bucket, or refers to the existing one by name. */
export function createLogBucket(settings: GkeSettings, parent: pulumi.Resource): LogBucket {
    if (settings.bucket.existingName) {
        return { name: pulumi.output(settings.bucket.existingName) };
    }
    const resource = new gcp.storage.Bucket(`${settings.base}-logs`, bucketInputs(settings), bucketResourceOptions(settings, parent));
    return { name: resource.name, resource };
}
