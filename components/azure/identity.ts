/**
 * What lets the data plane reach the control plane's Key Vault: the vault (created or looked up and
 * compared with the declared store) and the service principal the platform signs in with (the
 * caller's, or an Entra application created here with Key Vault Secrets Officer on the vault alone).
 * The platform reads Key Vault only through a service principal with a client secret: no managed
 * identity, no workload identity (airbyte-flex-facts §5).
 */
import * as pulumi from "@pulumi/pulumi";
import type * as azureadSdk from "@pulumi/azuread";
import type * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import type { InputProblems } from "../shared/errors";
import { keyVaultHost } from "../shared/identity";
import { installCommand, PeerResolver } from "../shared/peers";
import type { SecretsManagerSpec } from "../shared/types";
import { AKS_DEFAULTS, AksKeyVaultOptions, AksKeyVaultSku, isEnumValue } from "./args";
import { vaultNameFromUrl } from "./names";
import { assignRole, BUILT_IN_ROLES } from "./roles";

/** The Key Vault work for an Azure store, defaults applied. */
export interface ResolvedKeyVault {
    vaultUrl: string;
    vaultName: string;
    tenantId: string;
    create: boolean;
    /** Create an Entra application and service principal (the caller gave no credentials). */
    createPrincipal: boolean;
    resourceGroupName?: string;
    softDeleteRetentionDays: number;
    sku: AksKeyVaultSku;
    retainOnDelete: boolean;
    applicationName: string;
    clientSecretEndDate?: string;
    clientSecretRotationKey?: string;
}

/**
 * The Key Vault work, or undefined when the store is not Azure (nothing is created for it then).
 * `kind` is the declared store's kind, already checked.
 */
export function resolveIdentity(
    problems: InputProblems,
    name: string,
    given: { secretsManager: SecretsManagerSpec; keyVault?: AksKeyVaultOptions },
    kind: string | undefined,
    peerInstalled: PeerResolver,
): ResolvedKeyVault | undefined {
    const kv = given.keyVault ?? {};
    if (kind !== "azure") {
        problems.check(
            kind === undefined || kv.create !== true,
            "keyVault.create",
            `the control plane's secrets are in ${String(kind)}, so a Key Vault here would hold nothing: remove keyVault.`,
        );
        return undefined;
    }
    const azure = given.secretsManager.azure!;
    const defaults = AKS_DEFAULTS.keyVault;
    const createPrincipal = azure.clientId === undefined && azure.clientSecret === undefined;
    const create = kv.create ?? defaults.create;
    if (createPrincipal && !peerInstalled("@pulumi/azuread")) {
        problems.add(
            "secretsManager.azure",
            "the service principal for Key Vault is created with @pulumi/azuread, an optional peer dependency " +
                `that is not installed: run \`${installCommand(["@pulumi/azuread"])}\`, or pass the clientId and clientSecret of an existing one.`,
        );
    }
    if (createPrincipal && !create && kv.resourceGroupName === undefined) {
        problems.add(
            "keyVault.resourceGroupName",
            "is required to create the service principal: its Key Vault Secrets Officer role is scoped to the vault, so name the vault's resource group. Or pass secretsManager.azure.clientId and clientSecret, or set keyVault.create.",
        );
    }
    const softDeleteRetentionDays = kv.softDeleteRetentionDays ?? defaults.softDeleteRetentionDays;
    problems.check(
        Number.isInteger(softDeleteRetentionDays) && softDeleteRetentionDays >= 7 && softDeleteRetentionDays <= 90,
        "keyVault.softDeleteRetentionDays",
        `${softDeleteRetentionDays} is out of range: give 7 to 90 days.`,
    );
    const sku = kv.sku ?? defaults.sku;
    problems.check(isEnumValue(AksKeyVaultSku, sku), "keyVault.sku", `"${sku}" is not a Key Vault SKU: use standard or premium.`);
    // clientSecretEndDate is not checked here: the azuread provider refuses a date that is not RFC 3339 at preview
    // (hashicorp/terraform-provider-azuread `application_password_resource.go`: end_date `ValidateFunc: validation.IsRFC3339Time`).
    return {
        vaultUrl: azure.vaultUrl,
        vaultName: vaultNameFromUrl(azure.vaultUrl ?? "") ?? "",
        tenantId: azure.tenantId,
        create,
        createPrincipal,
        resourceGroupName: kv.resourceGroupName,
        softDeleteRetentionDays,
        sku,
        retainOnDelete: kv.retainOnDelete ?? defaults.retainOnDelete,
        applicationName: kv.applicationName ?? `${name}-key-vault`,
        clientSecretEndDate: kv.clientSecretEndDate,
        clientSecretRotationKey: kv.clientSecretRotationKey,
    };
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
    if (keyVaultHost(observed.vaultUri ?? "") !== keyVaultHost(declared.vaultUrl)) {
        found.push(
            `its URL is ${observed.vaultUri ?? "unknown"}, but secretsManager.azure.vaultUrl declares ${declared.vaultUrl}: the data plane must use the control plane's vault, so fix the declared URL or the vault name`,
        );
    }
    if ((observed.tenantId ?? "").toLowerCase() !== declared.tenantId.toLowerCase()) {
        found.push(
            `it belongs to tenant ${observed.tenantId ?? "unknown"}, but secretsManager.azure.tenantId declares ${declared.tenantId}`,
        );
    }
    if (observed.enableRbacAuthorization !== true) {
        found.push(
            "it uses access policies, so a Key Vault Secrets Officer role assignment grants nothing: switch the vault to the Azure RBAC permission model (az keyvault update --enable-rbac-authorization true)",
        );
    }
    return found;
}

function checkedUrl(
    parent: pulumi.Resource,
    what: string,
    declared: ResolvedKeyVault,
    observed: pulumi.Output<ObservedVault>,
): pulumi.Output<string> {
    return observed.apply((o) => {
        const problems = vaultMismatches(declared, o);
        if (problems.length > 0) {
            throw new pulumi.ResourceError(
                `${what} "${declared.vaultName}" does not match the declared secret store: ${problems.join("; ")}.`,
                parent,
            );
        }
        return o.vaultUri!;
    });
}

/** Where the identity's resources go. */
export interface IdentityContext {
    resourceGroupName: pulumi.Output<string>;
    location: string;
    tags: Record<string, string>;
    armClient: pulumi.Output<authorization.GetClientConfigResult>;
    parent: pulumi.Resource;
}

/** The store as DataPlane gets it, and what the release must wait for. */
export interface AksIdentity {
    spec: SecretsManagerSpec;
    vaultUrl: pulumi.Output<string | undefined>;
    createdClientId: pulumi.Output<string | undefined>;
    /** The created principal's client secret (secret); `undefined` when no principal was created. */
    createdClientSecret?: pulumi.Output<string>;
    dependencies: pulumi.Resource[];
}

/**
 * Creates the declared vault (RBAC model, soft delete, purge protection), or looks the existing one
 * up when its id scopes a new principal's role; either way Azure's answer is compared with the
 * declared store.
 */
function createOrReferenceVault(
    name: string,
    kv: ResolvedKeyVault,
    ctx: IdentityContext,
): { id?: pulumi.Output<string>; vaultUrl: pulumi.Output<string>; created?: keyvault.Vault } {
    if (kv.create) {
        const vault = new keyvault.Vault(
            `${name}-vault`,
            {
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
            },
            { parent: ctx.parent, retainOnDelete: kv.retainOnDelete },
        );
        return { id: vault.id, vaultUrl: checkedUrl(ctx.parent, "The created Key Vault", kv, vault.properties), created: vault };
    }
    if (kv.createPrincipal) {
        const found = keyvault.getVaultOutput(
            { resourceGroupName: kv.resourceGroupName!, vaultName: kv.vaultName },
            { parent: ctx.parent },
        );
        return { id: found.id, vaultUrl: checkedUrl(ctx.parent, "The Key Vault", kv, found.properties) };
    }
    return { vaultUrl: pulumi.output(kv.vaultUrl) };
}

/**
 * The store DataPlane gets. Azure: the declared vault and either the caller's service principal or a
 * new one. AWS and GCP stores pass through untouched: nothing is created.
 */
export function createIdentity(
    name: string,
    kv: ResolvedKeyVault | undefined,
    declared: SecretsManagerSpec,
    ctx: IdentityContext,
): AksIdentity {
    if (!kv || !declared.azure) {
        return { spec: declared, vaultUrl: pulumi.output(undefined), createdClientId: pulumi.output(undefined), dependencies: [] };
    }
    const vault = createOrReferenceVault(name, kv, ctx);
    const vaultDependencies = vault.created ? [vault.created] : [];
    if (!kv.createPrincipal) {
        const given = declared.azure;
        return {
            spec: { azure: { ...given, clientId: pulumi.secret(given.clientId!), clientSecret: pulumi.secret(given.clientSecret!) } },
            vaultUrl: vault.vaultUrl,
            createdClientId: pulumi.output(undefined),
            dependencies: vaultDependencies,
        };
    }
    // Loaded here, not at import: a cluster given an existing principal never needs azuread.
    const azuread = require("@pulumi/azuread") as typeof azureadSdk;
    const opts = { parent: ctx.parent };
    const entra = azuread.getClientConfigOutput(opts);
    const owners = [entra.objectId];
    const app = new azuread.Application(
        `${name}-kv-app`,
        {
            displayName: kv.applicationName,
            notes: "Airbyte data plane: reads and writes connector secrets in Key Vault.",
            owners,
            signInAudience: "AzureADMyOrg",
        },
        opts,
    );
    const servicePrincipal = new azuread.ServicePrincipal(`${name}-kv-sp`, { clientId: app.clientId, owners }, opts);
    const password = new azuread.ApplicationPassword(
        `${name}-kv-secret`,
        {
            applicationId: app.id,
            displayName: "airbyte-data-plane",
            endDate: kv.clientSecretEndDate,
            rotateWhenChanged: kv.clientSecretRotationKey ? { rotation: kv.clientSecretRotationKey } : undefined,
        },
        opts,
    );
    const roleAssignment = assignRole(
        `${name}-kv-secrets-officer`,
        {
            role: BUILT_IN_ROLES.keyVaultSecretsOfficer,
            scope: vault.id!,
            principalId: servicePrincipal.objectId,
            principalType: "ServicePrincipal",
            subscriptionId: ctx.armClient.subscriptionId,
            description: "Airbyte data plane reads and writes connector secrets in this vault only.",
        },
        opts,
    );
    const clientId = pulumi.secret(app.clientId);
    const vaultUrl = pulumi.all([vault.vaultUrl, entra.tenantId]).apply(([url, tenant]) => {
        if (tenant.toLowerCase() !== kv.tenantId.toLowerCase()) {
            throw new pulumi.ResourceError(
                `Entra ID sign-in is for tenant ${tenant}, but the vault trusts tenant ${kv.tenantId}: a service principal created there could not read it. Sign in to ${kv.tenantId} (az login --tenant ${kv.tenantId}), or pass secretsManager.azure.clientId and clientSecret.`,
                ctx.parent,
            );
        }
        return url;
    });
    const clientSecret = pulumi.secret(password.value);
    return {
        spec: { azure: { vaultUrl: kv.vaultUrl, tenantId: kv.tenantId, clientId, clientSecret } },
        vaultUrl,
        createdClientId: clientId,
        createdClientSecret: clientSecret,
        dependencies: [roleAssignment, ...vaultDependencies],
    };
}
