import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { assignRole, BUILT_IN_ROLES } from "./roles";
import type { ResolvedAksCluster } from "./validation";

/** Where the audit logs go: the workspace (created or given) and the diagnostic setting that sends them. */
export interface AuditLogs {
    workspaceId: pulumi.Output<string>;
    setting: monitor.DiagnosticSetting;
}

/**
 * Sends the cluster's audit categories to Log Analytics, into resource-specific tables
 * (`logAnalyticsDestinationType: Dedicated`, e.g. `AKSAuditAdmin`). A created workspace keeps
 * the logs `retentionDays` and, by default, outlives the stack: it is the audit trail.
 */
export function createAuditLogs(
    name: string,
    settings: NonNullable<ResolvedAksCluster["auditLogs"]>,
    clusterId: pulumi.Input<string>,
    common: { resourceGroupName: pulumi.Input<string>; location: string; tags: Record<string, string> },
    parent: pulumi.Resource,
): AuditLogs {
    const workspaceId = settings.workspaceId !== undefined
        ? pulumi.output(settings.workspaceId)
        : new operationalinsights.Workspace(`${name}-audit`, {
            resourceGroupName: common.resourceGroupName,
            location: common.location,
            sku: { name: "PerGB2018" },
            retentionInDays: settings.retentionDays,
            tags: common.tags,
        }, { parent, retainOnDelete: settings.retainOnDelete }).id;
    const setting = new monitor.DiagnosticSetting(`${name}-audit`, {
        resourceUri: clusterId,
        workspaceId,
        logAnalyticsDestinationType: "Dedicated",
        logs: settings.categories.map((category) => ({ category, enabled: true })),
    }, { parent });
    return { workspaceId, setting };
}

/**
 * "Key Vault Crypto User" on the Secrets key, for the cluster's identity: AKS KMS wraps and unwraps
 * the data-encryption keys with it. Scoped to the one key.
 */
export function grantSecretsKey(
    name: string,
    settings: NonNullable<ResolvedAksCluster["secretsEncryption"]>,
    principalId: pulumi.Input<string>,
    subscriptionId: pulumi.Input<string>,
    parent: pulumi.Resource,
): authorization.RoleAssignment {
    return assignRole(`${name}-secrets-key`, {
        role: BUILT_IN_ROLES.keyVaultCryptoUser,
        scope: `${settings.keyVaultResourceId}/keys/${settings.keyName}`,
        principalId,
        principalType: "ServicePrincipal",
        subscriptionId,
        description: "Lets the AKS cluster encrypt its Secrets with this key (KMS etcd encryption).",
    }, { parent });
}

/** A `CanNotDelete` lock on the cluster (and so on its node pools). */
export function lockCluster(name: string, clusterId: pulumi.Input<string>, parent: pulumi.Resource): authorization.ManagementLockByScope {
    return new authorization.ManagementLockByScope(`${name}-no-delete`, {
        scope: clusterId,
        level: "CanNotDelete",
        notes: "Airbyte data plane (Flexplane): set deletionProtection to false and apply before deleting the cluster or a node pool.",
    }, { parent });
}
