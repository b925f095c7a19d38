/**
 * The cluster's audit logs: a diagnostic setting that sends the chosen AKS log categories to Log
 * Analytics, into a workspace created here (kept on destroy: it is the audit trail) or the caller's.
 */
import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import type { InputProblems } from "../shared/errors";
import { AKS_DEFAULTS, AksAuditLogOptions, AksLogCategory, isEnumValue } from "./args";

/** Audit-log settings with every default applied; undefined when they are off. */
export interface ResolvedAuditLogs {
    workspaceId?: string;
    categories: AksLogCategory[];
    retentionDays: number;
    retainOnDelete: boolean;
}

const WORKSPACE_ID =
    /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.OperationalInsights\/workspaces\/[^/]+$/i;

/** Checks the audit-log settings and applies the defaults; undefined when they are turned off. */
export function resolveAuditLogs(problems: InputProblems, given: AksAuditLogOptions = {}): ResolvedAuditLogs | undefined {
    const defaults = AKS_DEFAULTS.auditLogs;
    problems.check(
        given.enabled === undefined || typeof given.enabled === "boolean",
        "auditLogs.enabled",
        "set true (the default) or false.",
    );
    if ((given.enabled ?? defaults.enabled) === false) {
        return undefined;
    }
    problems.check(
        given.workspaceId === undefined || WORKSPACE_ID.test(given.workspaceId),
        "auditLogs.workspaceId",
        `"${given.workspaceId}" is not a Log Analytics workspace id: give /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>, or leave it out to create one.`,
    );
    const categories = given.categories ?? [...defaults.categories];
    problems.check(
        Array.isArray(categories) && categories.length > 0 && categories.every((c) => isEnumValue(AksLogCategory, c)),
        "auditLogs.categories",
        `list one or more of ${Object.values(AksLogCategory).join(", ")}.`,
    );
    const retentionDays = given.retentionDays ?? defaults.retentionDays;
    problems.check(
        Number.isInteger(retentionDays) && retentionDays >= 30 && retentionDays <= 730,
        "auditLogs.retentionDays",
        `${retentionDays} is out of range: give 30 to 730 days.`,
    );
    if (given.workspaceId !== undefined) {
        for (const key of ["retentionDays", "retainOnDelete"] as const) {
            problems.check(
                given[key] === undefined,
                `auditLogs.${key}`,
                "applies only to a workspace this component creates: set it on your workspace, or remove workspaceId.",
            );
        }
    }
    return { workspaceId: given.workspaceId, categories, retentionDays, retainOnDelete: given.retainOnDelete ?? defaults.retainOnDelete };
}

/**
 * Sends the cluster's audit categories to Log Analytics, into resource-specific tables
 * (`logAnalyticsDestinationType: Dedicated`, e.g. `AKSAuditAdmin`). Returns the workspace id.
 */
export function createAuditLogs(
    name: string,
    settings: ResolvedAuditLogs,
    clusterId: pulumi.Input<string>,
    common: { resourceGroupName: pulumi.Input<string>; location: string; tags: Record<string, string> },
    parent: pulumi.Resource,
): pulumi.Output<string> {
    const workspaceId =
        settings.workspaceId !== undefined
            ? pulumi.output(settings.workspaceId)
            : new operationalinsights.Workspace(
                  `${name}-audit`,
                  {
                      resourceGroupName: common.resourceGroupName,
                      location: common.location,
                      sku: { name: "PerGB2018" },
                      retentionInDays: settings.retentionDays,
                      tags: common.tags,
                  },
                  { parent, retainOnDelete: settings.retainOnDelete },
              ).id;
    new monitor.DiagnosticSetting(
        `${name}-audit`,
        {
            resourceUri: clusterId,
            workspaceId,
            logAnalyticsDestinationType: "Dedicated",
            logs: settings.categories.map((category) => ({ category, enabled: true })),
        },
        { parent },
    );
    return workspaceId;
}
