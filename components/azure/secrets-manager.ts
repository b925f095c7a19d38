import * as pulumi from "@pulumi/pulumi";
import type * as authorization from "@pulumi/azure-native/authorization";
import * as azuread from "@pulumi/azuread";
import type { SecretsManagerSpec } from "../shared/types";
import { createOrReferenceVault } from "./keyvault";
import { createVaultPrincipal } from "./principal";
import type { ResolvedAksCluster } from "./validation";

/** The store as DataPlane gets it, and what the release must wait for. */
export interface WiredStore {
    spec: SecretsManagerSpec;
    vaultUrl: pulumi.Output<string | undefined>;
    createdClientId: pulumi.Output<string | undefined>;
    dependencies: pulumi.Resource[];
}

/**
 * The store DataPlane gets. Azure: the declared vault (created or referenced) and either the caller's
 * service principal or a new one. AWS and GCP stores pass through untouched: nothing is created.
 */
export function wireSecretsManager(
    name: string,
    s: ResolvedAksCluster,
    declared: SecretsManagerSpec,
    ctx: { resourceGroupName: pulumi.Output<string>; location: string; tags: Record<string, string>; armClient: pulumi.Output<authorization.GetClientConfigResult>; parent: pulumi.Resource },
): WiredStore {
    const kv = s.keyVault;
    if (!kv || !declared.azure) {
        return { spec: declared, vaultUrl: pulumi.output(undefined), createdClientId: pulumi.output(undefined), dependencies: [] };
    }
    const vault = createOrReferenceVault(name, kv, ctx);
    if (!kv.createPrincipal) {
        const given = declared.azure;
        return {
            spec: { azure: { ...given, clientId: pulumi.secret(given.clientId!), clientSecret: pulumi.secret(given.clientSecret!) } },
            vaultUrl: vault.vaultUrl,
            createdClientId: pulumi.output(undefined),
            dependencies: vault.created ? [vault.created] : [],
        };
    }
    const entra = azuread.getClientConfigOutput({ parent: ctx.parent });
    const principal = createVaultPrincipal(name, kv, {
        vaultId: vault.id!, deployerObjectId: entra.objectId, subscriptionId: ctx.armClient.subscriptionId, parent: ctx.parent,
    });
    const vaultUrl = pulumi.all([vault.vaultUrl, entra.tenantId]).apply(([url, tenant]) => {
        if (tenant.toLowerCase() !== kv.tenantId.toLowerCase()) {
            throw new pulumi.ResourceError(
                `Entra ID sign-in is for tenant ${tenant}, but the vault trusts tenant ${kv.tenantId}: a service principal created there could not read it. Sign in to ${kv.tenantId} (az login --tenant ${kv.tenantId}), or pass secretsManager.azure.clientId and clientSecret.`,
                ctx.parent);
        }
        return url;
    });
    return {
        spec: { azure: { vaultUrl: kv.vaultUrl, tenantId: kv.tenantId, clientId: principal.clientId, clientSecret: principal.clientSecret } },
        vaultUrl,
        createdClientId: principal.clientId,
        dependencies: [principal.roleAssignment, ...(vault.created ? [vault.created] : [])],
    };
}
