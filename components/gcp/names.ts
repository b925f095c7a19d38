import { createHash } from "crypto";

/**
 * Longest base name for child resources. GKE cluster names stop at 40 characters and Pulumi appends
 * an 8-character suffix, so `<base>-cluster-xxxxxxx` must fit.
 */
export const MAX_BASE_NAME_LENGTH = 20;

/** Service-account ids are 6 to 30 lower-case letters, digits or hyphens, starting with a letter. */
export const SERVICE_ACCOUNT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** GCP label keys: lower-case letter first, then lower-case letters, digits, `_` or `-`, up to 63. */
export const GCP_LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
/** GCP label values: lower-case letters, digits, `_` or `-`, up to 63 (may be empty). */
export const GCP_LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;

/**
 * A name that GCP accepts inside every child resource name: lower case, letters, digits and hyphens,
 * a letter first, no trailing hyphen, at most `maxLength`. Names that had to be shortened end with
 * a short hash of the original so that two long names stay distinct.
 */
export function resourceBaseName(name: string, maxLength = MAX_BASE_NAME_LENGTH): string {
    let cleaned = name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-+|-+$/g, "");
    if (!/^[a-z]/.test(cleaned)) {
        cleaned = `x${cleaned}`;
    }
    if (cleaned.length <= maxLength) {
        return cleaned;
    }
    const head = cleaned.slice(0, Math.max(maxLength - 5, 1)).replace(/-+$/, "");
    return `${head}-${shortHash(name)}`;
}

/**
 * A service-account id `<base>-<suffix>` that satisfies `SERVICE_ACCOUNT_ID` for any base, given a
 * suffix of 4 to 10 lower-case letters.
 */
export function serviceAccountId(base: string, suffix: string): string {
    return `${resourceBaseName(base, 30 - suffix.length - 1)}-${suffix}`;
}

/**
 * Tags made into GCP labels: keys and values lower-cased, every other character made `_`, keys
 * starting with a letter, both cut to 63 characters. Later keys win when two tags map to one key.
 */
export function toGcpLabels(tags: Record<string, string> | undefined): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(tags ?? {})) {
        let labelKey = key.toLowerCase().replace(/[^a-z0-9_-]/g, "_");
        if (!/^[a-z]/.test(labelKey)) {
            labelKey = `k${labelKey}`;
        }
        labels[labelKey.slice(0, 63)] = String(value)
            .toLowerCase()
            .replace(/[^a-z0-9_-]/g, "_")
            .slice(0, 63);
    }
    return labels;
}

function shortHash(value: string): string {
    return createHash("sha256").update(value).digest("hex").slice(0, 4);
}

/** `roles/secretmanager.secretAccessor` → `secretmanager-secretaccessor`, for resource names. */
export function roleSlug(role: string): string {
    return (role.split("/").pop() ?? role).toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
