/**
 * Format checks for the identifiers every component takes: AWS regions, accounts and ARNs, Entra ID
 * tenants, Key Vault URLs, GCP projects and regions. Pure; no SDK is loaded.
 */

const AWS_REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** True when `region` looks like an AWS region code such as `us-east-1` or `us-gov-west-1`. */
export function isAwsRegion(region: unknown): region is string {
    return typeof region === "string" && AWS_REGION.test(region);
}

/** True for a 12-digit AWS account id. */
export function isAwsAccountId(accountId: unknown): accountId is string {
    return typeof accountId === "string" && /^\d{12}$/.test(accountId);
}

/** The parts of an ARN. */
export interface ParsedArn {
    partition: string;
    service: string;
    region: string;
    accountId: string;
    resource: string;
}

/** The parts of `arn`, or undefined when it is not an ARN. */
export function parseArn(arn: unknown): ParsedArn | undefined {
    if (typeof arn !== "string") {
        return undefined;
    }
    const match = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws)?:(.+)$/.exec(arn);
    if (!match) {
        return undefined;
    }
    const [, partition, service, region, accountId, resource] = match;
    return { partition, service, region, accountId: accountId ?? "", resource };
}

/** True for a KMS key ARN (`arn:aws:kms:<region>:<account>:key/<id>`); aliases are not accepted. */
export function isKmsKeyArn(arn: unknown): boolean {
    const parsed = parseArn(arn);
    return parsed !== undefined && parsed.service === "kms" && isAwsRegion(parsed.region) && /^key\/[\w-]+$/.test(parsed.resource);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a GUID such as an Entra ID tenant or application id. */
export function isGuid(value: unknown): value is string {
    return typeof value === "string" && GUID.test(value);
}

/** DNS suffixes of Key Vault in Azure's public and sovereign clouds. */
export const KEY_VAULT_DNS_SUFFIXES = ["vault.azure.net", "vault.azure.cn", "vault.usgovcloudapi.net", "vault.microsoftazure.de"] as const;
const VAULT_NAME = /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/i;

/** True for a Key Vault name: 3 to 24 letters, digits and single hyphens, starting with a letter. */
export function isVaultName(value: string | undefined): value is string {
    return value !== undefined && VAULT_NAME.test(value) && !value.includes("--");
}

/**
 * The vault name in a Key Vault URL (`https://<name>.vault.azure.net/`), or `undefined` when the
 * URL is not an https Key Vault URL with a valid name.
 */
export function vaultNameFromUrl(vaultUrl: string): string | undefined {
    let url: URL;
    try {
        url = new URL(vaultUrl.trim());
    } catch {
        return undefined;
    }
    if (url.protocol !== "https:" || (url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
        return undefined;
    }
    const host = url.hostname.toLowerCase();
    const dot = host.indexOf(".");
    const name = host.slice(0, dot);
    const suffix = host.slice(dot + 1);
    if (dot < 0 || !(KEY_VAULT_DNS_SUFFIXES as readonly string[]).includes(suffix) || !isVaultName(name)) {
        return undefined;
    }
    return name;
}

/** A GCP project id: 6 to 30 lower-case letters, digits and hyphens, starting with a letter. */
export const GCP_PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** A GCP region such as `europe-west1`. */
export const GCP_REGION = /^[a-z]+-[a-z]+[0-9]+$/;
