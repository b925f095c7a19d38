import * as pulumi from "@pulumi/pulumi";
import type * as azureadSdk from "@pulumi/azuread";
import type * as authorization from "@pulumi/azure-native/authorization";
import { assignRole, BUILT_IN_ROLES } from "./roles";
import type { ResolvedKeyVault } from "./validation";

/** A service principal the data plane signs in to Key Vault with. */
export interface VaultPrincipal {
    clientId: pulumi.Output<string>;
    clientSecret: pulumi.Output<string>;
    roleAssignment: authorization.RoleAssignment;
}

/**
 * The platform reads Key Vault only through a service principal with a client secret (no managed
 * identity, no workload identity). This creates an Entra application, its service principal and a
 * password, and grants Key Vault Secrets Officer on the vault alone.
 */
export function createVaultPrincipal(
    name: string,
    kv: ResolvedKeyVault,
    ctx: { vaultId: pulumi.Output<string>; deployerObjectId: pulumi.Output<string>; subscriptionId: pulumi.Output<string>; parent: pulumi.Resource },
): VaultPrincipal {
    // Loaded here, not at import: a cluster given an existing principal never needs azuread.
    const azuread = require("@pulumi/azuread") as typeof azureadSdk;
    const opts = { parent: ctx.parent };
    const owners = [ctx.deployerObjectId];
    const app = new azuread.Application(`${name}-kv-app`, {
        displayName: kv.applicationName,
        notes: "Airbyte data plane: reads and writes connector secrets in Key Vault.",
        owners,
        signInAudience: "AzureADMyOrg",
    }, opts);
    const servicePrincipal = new azuread.ServicePrincipal(`${name}-kv-sp`, {
        clientId: app.clientId,
        owners,
    }, opts);
    const password = new azuread.ApplicationPassword(`${name}-kv-secret`, {
        applicationId: app.id,
        displayName: "airbyte-data-plane",
        endDate: kv.clientSecretEndDate,
        rotateWhenChanged: kv.clientSecretRotationKey ? { rotation: kv.clientSecretRotationKey } : undefined,
    }, opts);
    const roleAssignment = assignRole(`${name}-kv-secrets-officer`, {
        role: BUILT_IN_ROLES.keyVaultSecretsOfficer,
        scope: ctx.vaultId,
        principalId: servicePrincipal.objectId,
        principalType: "ServicePrincipal",
        subscriptionId: ctx.subscriptionId,
        description: "Airbyte data plane reads and writes connector secrets in this vault only.",
    }, opts);
    return {
        clientId: pulumi.secret(app.clientId),
        clientSecret: pulumi.secret(password.value),
        roleAssignment,
    };
}
