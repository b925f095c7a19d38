import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";

/** Built-in Azure role definition ids (the same in every subscription). */
export const BUILT_IN_ROLES = {
    /** Read, write and delete Key Vault secrets; what Airbyte documents for its service principal. */
    keyVaultSecretsOfficer: "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
    /** AKS needs it on a subnet it does not own to join nodes and load balancers to it. */
    networkContributor: "4d97b98b-1d4f-4787-a291-c67834d212e7",
    /** Full access to Kubernetes objects through Azure RBAC. */
    aksRbacClusterAdmin: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
    /** Cryptographic operations with Key Vault keys; what AKS KMS needs on its key. */
    keyVaultCryptoUser: "12338af0-0e69-4776-bea7-57ae8d297424",
} as const;

/** The ARM id of a built-in role definition as seen from a subscription. */
export function roleDefinitionId(subscriptionId: string, roleGuid: string): string {
    return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}

/** The subscription in an ARM resource id, or `undefined` when the id names none. */
export function subscriptionOf(resourceId: string): string | undefined {
    return /^\/subscriptions\/([^/]+)\//i.exec(resourceId)?.[1];
}

/** Assigns a built-in role on exactly `scope`. */
export function assignRole(
    name: string,
    args: {
        role: string;
        scope: pulumi.Input<string>;
        principalId: pulumi.Input<string>;
        principalType?: "ServicePrincipal" | "User" | "Group";
        subscriptionId: pulumi.Input<string>;
        description: string;
    },
    opts: pulumi.CustomResourceOptions,
): authorization.RoleAssignment {
    return new authorization.RoleAssignment(
        name,
        {
            principalId: args.principalId,
            // Declaring the type lets ARM accept a principal that Entra ID has not replicated yet.
            principalType: args.principalType,
            roleDefinitionId: pulumi.output(args.subscriptionId).apply((sub) => roleDefinitionId(sub, args.role)),
            scope: args.scope,
            description: args.description,
        },
        opts,
    );
}
