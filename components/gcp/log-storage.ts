import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type { InputProblems } from "../shared/errors";
import { gcsBucketNameProblem } from "../shared/storage-names";
import { JOB_LOG_PREFIX } from "../shared/types";
import { GKE_DEFAULTS, GkeLogStorageArgs } from "./args";
import { bucketLocationServesRegion } from "./locations";
import type { ResolvedGkeCluster } from "./resolve";

/** The log bucket's settings, defaults applied. */
export interface ResolvedGkeLogStorage {
    /** The caller's bucket; nothing is created. */
    existingName?: string;
    /** Upper-cased, as GCS reports it (so a refresh shows no difference). */
    location: string;
    versioning: boolean;
    logRetentionDays: number;
    retainOnDelete: boolean;
    forceDestroy: boolean;
}

/**
 * The bucket's settings. An existing bucket is named alone (no `gs://`) and is checked against GCS's
 * naming rules, since nothing would check it before the platform first writes a log; settings that
 * only shape a created bucket are refused next to it. A created bucket stays in or around the
 * cluster's region, so that logs and state do not leave it.
 */
export function resolveLogStorage(problems: InputProblems, given: GkeLogStorageArgs | undefined, region: string): ResolvedGkeLogStorage {
    const storage = given ?? {};
    const defaults = GKE_DEFAULTS.logStorage;
    const location = storage.location ?? region;
    if (storage.existingBucketName !== undefined) {
        const name = String(storage.existingBucketName);
        problems.addIfAny(
            "logStorage.existingBucketName",
            name.trim() === ""
                ? "is empty: give the name of an existing bucket, or remove existingBucketName to create one."
                : name.startsWith("gs://")
                  ? `"${name}" is a URL: give the bucket's name alone, without gs://.`
                  : gcsBucketNameProblem(name),
        );
        const ignored = (["location", "versioning", "logRetentionDays", "retainOnDelete", "forceDestroy"] as const).filter(
            (k) => storage[k] !== undefined,
        );
        problems.check(
            ignored.length === 0,
            "logStorage",
            `${ignored.join(", ")} only apply to a bucket this component creates; remove them or remove existingBucketName.`,
        );
    } else if (region && !bucketLocationServesRegion(String(location), region)) {
        problems.add(
            "logStorage.location",
            `"${location}" does not contain the cluster's region ${region}, so logs and state would leave it: ` +
                `leave logStorage.location out to use ${region}, or give a multi-region or dual-region that contains ${region}.`,
        );
    }
    const days = storage.logRetentionDays ?? defaults.logRetentionDays;
    problems.check(
        Number.isInteger(days) && days >= 0,
        "logStorage.logRetentionDays",
        `${days} is not a whole number of days: give 0 to keep logs, or the number of days after which they are deleted.`,
    );
    return {
        ...(storage.existingBucketName !== undefined ? { existingName: storage.existingBucketName } : {}),
        location: String(location).toUpperCase(),
        versioning: storage.versioning ?? defaults.versioning,
        logRetentionDays: days,
        retainOnDelete: storage.retainOnDelete ?? defaults.retainOnDelete,
        forceDestroy: storage.forceDestroy ?? defaults.forceDestroy,
    };
}

/**
 * Arguments of the log bucket: uniform bucket-level access (no object ACLs), public access
 * prevention enforced, optional versioning, and a lifecycle rule deleting job logs (`job-logging/`)
 * after `logRetentionDays` (none when 0). `forceDestroy` stays off unless asked for.
 */
export function bucketInputs(settings: ResolvedGkeCluster): gcp.storage.BucketArgs {
    const storage = settings.logStorage;
    const days = storage.logRetentionDays;
    return {
        project: settings.project,
        location: storage.location,
        storageClass: "STANDARD",
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        versioning: { enabled: storage.versioning },
        forceDestroy: storage.forceDestroy,
        labels: settings.labels,
        // Only job logs expire: state and workload output share the bucket and belong to the platform.
        lifecycleRules:
            days > 0
                ? [
                      { action: { type: "Delete" }, condition: { age: days, matchesPrefixes: [JOB_LOG_PREFIX] } },
                      ...(storage.versioning
                          ? [
                                {
                                    action: { type: "Delete" },
                                    condition: { daysSinceNoncurrentTime: days, matchesPrefixes: [JOB_LOG_PREFIX] },
                                },
                            ]
                          : []),
                  ]
                : [],
    };
}

/** The log bucket, created or given. */
export interface LogBucket {
    name: pulumi.Output<string>;
    resource?: gcp.storage.Bucket;
}

/**
 * Creates the bucket, or refers to the existing one by name. `pulumi destroy` leaves a created bucket
 * in GCP unless `retainOnDelete` is off: logs and state outlive the stack.
 */
export function createLogBucket(settings: ResolvedGkeCluster, parent: pulumi.Resource): LogBucket {
    const storage = settings.logStorage;
    if (storage.existingName !== undefined) {
        return { name: pulumi.output(storage.existingName) };
    }
    const resource = new gcp.storage.Bucket(`${settings.base}-logs`, bucketInputs(settings), {
        parent,
        retainOnDelete: storage.retainOnDelete,
    });
    return { name: resource.name, resource };
}
