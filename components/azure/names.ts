import { createHash } from "crypto";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;
const STORAGE_ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const VAULT_NAME = /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/i;
/** DNS suffixes of Key Vault in the public and sovereign clouds. */
export const KEY_VAULT_DNS_SUFFIXES = ["vault.azure.net", "vault.azure.cn", "vault.usgovcloudapi.net", "vault.microsoftazure.de"] as const;

export function isGuid(value: string | undefined): value is string {
    return value !== undefined && GUID.test(value);
}

/** AKS Linux pool names: 1 to 12 lower-case letters and digits, starting with a letter. */
export function isPoolName(value: string | undefined): value is string {
    return value !== undefined && POOL_NAME.test(value);
}

export function isStorageAccountName(value: string | undefined): value is string {
    return value !== undefined && STORAGE_ACCOUNT_NAME.test(value);
}

/** Key Vault names: 3 to 24 letters, digits and single hyphens, starting with a letter. */
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

/**
 * A storage account name for a component: its name's letters and digits plus a hash of project,
 * stack and name, so that stacks do not collide in Azure's global namespace and the name stays put
 * across deployments.
 */
export function defaultStorageAccountName(project: string, stack: string, name: string): string {
    const readable = name.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 14) || "flexplane";
    const hash = createHash("sha256").update(`${project}/${stack}/${name}`).digest("hex").slice(0, 24 - readable.length);
    return `${readable}${hash}`.slice(0, 24);
}

/** The cluster's DNS prefix: 1 to 54 letters, digits and hyphens, starting and ending with a letter or digit. */
export function dnsPrefixFor(name: string): string {
    const cleaned = name
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .replace(/-+/g, "-")
        .slice(0, 54)
        .replace(/^-+|-+$/g, "");
    return cleaned || "flexplane";
}
