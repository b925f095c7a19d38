import * as pulumi from "@pulumi/pulumi";
import * as keyvault from "@pulumi/azure-native/keyvault";
import { keyVaultHost } from "../shared/identity";
import type { ResolvedKeyVault } from "./validation";

/** The vault as the rest of the component sees it. */
export interface VaultRef {
    /** ARM id, for scoping the service principal's role; `undefined` when nothing needs it. */
    id?: pulumi.Output<string>;
    /** The vault's URL as Azure reports it (created or looked up), else the declared one. */
    vaultUrl: pulumi.Output<string>;
    /** The vault this component created. */
    created?: keyvault.Vault;
}

/** What Azure reports about a vault, for comparison with the declared store. */
export interface ObservedVault {
    vaultUri?: string;
    tenantId?: string;
    enableRbacAuthorization?: boolean;
}

/**
 * Differences between the declared store and the vault Azure reports. The data plane must use the
 * control plane's vault, and Key Vault Secrets Officer only works with the RBAC permission model.
 */
export function vaultMismatches(declared: { vaultUrl: string; tenantId: string }, observed: ObservedVault): string[] {
    const found: string[] = [];
    const observedHost = keyVaultHost(observed.vaultUri ?? "");
    if (observedHost !== keyVaultHost(declared.vaultUrl)) {
        found.push(`its URL is ${observed.vaultUri ?? "unknown"}, but secretsManager.azure.vaultUrl declares ${declared.vaultUrl}: the data plane must use the control plane's vault, so fix the declared URL or the vault name`);
    }
    if ((observed.tenantId ?? "").toLowerCase() !== declared.tenantId.toLowerCase()) {
        found.push(`it belongs to tenant ${observed.tenantId ?? "unknown"}, but secretsManager.azure.tenantId declares ${declared.tenantId}`);
    }
    if (observed.enableRbacAuthorization !== true) {
        found.push("it uses access policies, so a Key Vault Secrets Officer role assignment grants nothing: switch the vault to the Azure RBAC permission model (az keyvault update --enable-rbac-authorization true)");
    }
    return found;
}

function checked(parent: pulumi.Resource, what: string, declared: ResolvedKeyVault, observed: pulumi.Output<ObservedVault>): pulumi.Output<string> {
    return observed.apply((o) => {
        const problems = vaultMismatches(declared, o);
        if (problems.length > 0) {
            throw new pulumi.ResourceError(`${what} "${declared.vaultName}" does not match the declared secret store: ${problems.join("; ")}.`, parent);
        }
        return o.vaultUri!;
    });
}

/**
 * Creates the declared vault (Azure RBAC permission model, soft delete, purge protection; kept on
 * destroy unless told otherwise), or looks up the existing one when its id is needed for a role
 * assignment. Either way Azure's answer is compared with the declared store.
 */
export function createOrReferenceVault(
    name: string,
    kv: ResolvedKeyVault,
    ctx: { resourceGroupName: pulumi.Output<string>; location: string; tags: Record<string, string>; parent: pulumi.Resource },
): VaultRef {
    if (kv.create) {
        const vault = new keyvault.Vault(`${name}-vault`, {
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            vaultName: kv.vaultName,
            tags: ctx.tags,
            properties: {
                tenantId: kv.tenantId,
                sku: { family: "A", name: kv.sku },
                enableRbacAuthorization: true,
                enableSoftDelete: true,
                enablePurgeProtection: true,
                softDeleteRetentionInDays: kv.softDeleteRetentionDays,
                // The control plane writes connector secrets from outside this network.
                publicNetworkAccess: "Enabled",
            },
        }, { parent: ctx.parent, retainOnDelete: kv.retainOnDelete });
        return { id: vault.id, vaultUrl: checked(ctx.parent, "The created Key Vault", kv, vault.properties), created: vault };
    }
    if (kv.createPrincipal) {
        const found = keyvault.getVaultOutput({ resourceGroupName: kv.resourceGroupName!, vaultName: kv.vaultName }, { parent: ctx.parent });
        return { id: found.id, vaultUrl: checked(ctx.parent, "The Key Vault", kv, found.properties) };
    }
    return { vaultUrl: pulumi.output(kv.vaultUrl) };
}
