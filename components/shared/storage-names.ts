/**
 * The clouds' naming rules for the log storage a data plane writes to. A name that breaks them is
 * otherwise accepted all the way to the first job log, when the platform's storage client fails.
 * Each function returns undefined for a valid name, else the reason, quoting the name and the rule.
 * Pure; no SDK is loaded.
 */

/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (general purpose buckets), read 2026-11-30. */
export const S3_BUCKET_RULES_URL = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html";
/** https://cloud.google.com/storage/docs/buckets#naming, read 2026-11-30. */
export const GCS_BUCKET_RULES_URL = "https://cloud.google.com/storage/docs/buckets#naming";
/** https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata#container-names */
export const AZURE_CONTAINER_RULES_URL =
    "https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata#container-names";
/** https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftstorage */
export const AZURE_STORAGE_ACCOUNT_RULES_URL =
    "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftstorage";

const IPV4_LIKE = /^\d+\.\d+\.\d+\.\d+$/;
/** Prefixes and suffixes S3 reserves for its own features (access points, S3 Express, S3 Tables, docs examples). */
const S3_RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const S3_RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

function lengthRule(name: string, min: number, max: number): string | undefined {
    return name.length < min || name.length > max ? `it has ${name.length} characters, the limit is ${min} to ${max}` : undefined;
}

function s3Violation(name: string): string | undefined {
    return (
        lengthRule(name, 3, 63) ??
        (/^[a-z0-9.-]+$/.test(name) ? undefined : "use only lowercase letters, digits, '.' and '-'") ??
        (/^[a-z0-9].*[a-z0-9]$/.test(name) ? undefined : "start and end with a letter or digit") ??
        (name.includes("..") ? "two periods may not be adjacent" : undefined) ??
        (IPV4_LIKE.test(name) ? "it may not be formatted as an IP address" : undefined) ??
        S3_RESERVED_PREFIXES.filter((p) => name.startsWith(p)).map((p) => `the prefix "${p}" is reserved by S3`)[0] ??
        S3_RESERVED_SUFFIXES.filter((s) => name.endsWith(s)).map((s) => `the suffix "${s}" is reserved by S3`)[0]
    );
}

/** Why `name` is not a general purpose S3 bucket name, or undefined when it is one. */
export function s3BucketNameProblem(name: string): string | undefined {
    const why = s3Violation(name);
    return why && `"${name}" is not an S3 bucket name: ${why} (${S3_BUCKET_RULES_URL}).`;
}

function gcsViolation(name: string): string | undefined {
    const components = name.split(".");
    return (
        (name.includes(".") ? lengthRule(name, 3, 222) : lengthRule(name, 3, 63)) ??
        (components.some((c) => c.length > 63) ? "each dot-separated part takes at most 63 characters" : undefined) ??
        (/^[a-z0-9._-]+$/.test(name) ? undefined : "use only lowercase letters, digits, '-', '_' and '.'") ??
        (/^[a-z0-9].*[a-z0-9]$/.test(name) ? undefined : "start and end with a letter or digit") ??
        (IPV4_LIKE.test(name) ? "it may not be an IP address" : undefined) ??
        (name.startsWith("goog") ? 'it may not start with "goog"' : undefined) ??
        (/g[o0]{2}g[l1]e/.test(name) ? 'it may not contain "google" or a close misspelling of it' : undefined)
    );
}

/** Why `name` is not a Cloud Storage bucket name, or undefined when it is one. */
export function gcsBucketNameProblem(name: string): string | undefined {
    const why = gcsViolation(name);
    return why && `"${name}" is not a Cloud Storage bucket name: ${why} (${GCS_BUCKET_RULES_URL}).`;
}

function containerViolation(name: string): string | undefined {
    return (
        lengthRule(name, 3, 63) ??
        (/^[a-z0-9-]+$/.test(name) ? undefined : "use only lowercase letters, digits and '-'") ??
        (/^[a-z0-9].*[a-z0-9]$/.test(name) ? undefined : "start and end with a letter or digit") ??
        (name.includes("--") ? "every '-' must sit between letters or digits (no '--')" : undefined)
    );
}

/** Why `name` is not an Azure Blob container name, or undefined when it is one. */
export function azureContainerNameProblem(name: string): string | undefined {
    const why = containerViolation(name);
    return why && `"${name}" is not a blob container name: ${why} (${AZURE_CONTAINER_RULES_URL}).`;
}

/** Why `name` is not an Azure storage account name, or undefined when it is one. */
export function storageAccountNameProblem(name: string): string | undefined {
    const why = lengthRule(name, 3, 24) ?? (/^[a-z0-9]+$/.test(name) ? undefined : "use only lowercase letters and digits");
    return why && `"${name}" is not a storage account name: ${why}, unique across Azure (${AZURE_STORAGE_ACCOUNT_RULES_URL}).`;
}

/** A naming problem at an argument path. */
export interface NameProblem {
    path: string;
    reason: string;
}

/**
 * Naming problems of the bucket or container a `StorageSpec` names, under `storage.*`. Names that
 * are still outputs (a bucket created in the same program) are the cloud's to check; missing names
 * are left to the required-value checks.
 */
export function storageSpecNameProblems(
    storage:
        | {
              s3?: { bucket?: unknown };
              gcs?: { bucket?: unknown };
              azure?: { container?: unknown };
          }
        | undefined,
): NameProblem[] {
    const candidates: [string, unknown, (name: string) => string | undefined][] = [
        ["storage.s3.bucket", storage?.s3?.bucket, s3BucketNameProblem],
        ["storage.gcs.bucket", storage?.gcs?.bucket, gcsBucketNameProblem],
        ["storage.azure.container", storage?.azure?.container, azureContainerNameProblem],
    ];
    return candidates.flatMap(([path, name, problem]) => {
        const reason = typeof name === "string" && name.trim() !== "" ? problem(name) : undefined;
        return reason ? [{ path, reason }] : [];
    });
}
