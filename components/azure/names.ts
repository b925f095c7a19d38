import { createHash } from "crypto";
import { storageAccountNameProblem } from "../shared/storage-names";

const POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;

export { isGuid, isVaultName, KEY_VAULT_DNS_SUFFIXES, vaultNameFromUrl } from "../shared/formats";

export function isPoolName(value: string | undefined): value is string {
    return value !== undefined && POOL_NAME.test(value);
}

/** True for an Azure storage account name (see `storageAccountNameProblem`). */
export function isStorageAccountName(value: string | undefined): value is string {
    return value !== undefined && storageAccountNameProblem(value) === undefined;
}

/**
 * A storage account name for a component: its name's letters and digits plus a hash of project,
 * stack and name, so that stacks do not collide in Azure's global namespace and the name stays put
 * across deployments.
 */
export function defaultStorageAccountName(project: string, stack: string, name: string): string {
    const readable =
        name
            .toLowerCase()
            .replace(/[^a-z0-9]/g, "")
            .slice(0, 14) || "flexplane";
    const hash = createHash("sha256")
        .update(`${project}/${stack}/${name}`)
        .digest("hex")
        .slice(0, 24 - readable.length);
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
