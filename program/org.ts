import * as pulumi from "@pulumi/pulumi";
import { AirbyteRegion, AirbyteWorkspaceRegion, RESERVED_REGION_NAMES } from "../components/airbyte";
import { InputProblems } from "../components/shared/errors";
import { isGuid } from "../components/shared/formats";
import { secretsManagerIdentity } from "../components/shared/identity";
import { DeclaredSecretsManager, readSecretsManager } from "./config";
import { airbyteApiUrl, airbyteApplication, protectAirbyteObjects } from "./registration";

/**
 * `flexplane:workspaceRegions`: Airbyte region name -> ids of the workspaces to run there. Records every problem;
 * returns the pairs to create, one per workspace.
 */
export function readWorkspaceRegions(
    config: pulumi.Config,
    problems: InputProblems,
    regionNames: string[],
): Array<{ regionName: string; workspaceId: string }> {
    const declared = config.getObject<Record<string, string[]>>("workspaceRegions") ?? {};
    if (typeof declared !== "object" || Array.isArray(declared)) {
        problems.add("flexplane:workspaceRegions", "must map region names to lists of workspace ids, e.g. {eu-west: [<workspace uuid>]}.");
        return [];
    }
    const pairs: Array<{ regionName: string; workspaceId: string }> = [];
    const seen = new Map<string, string>();
    for (const [regionName, ids] of Object.entries(declared)) {
        const path = `flexplane:workspaceRegions.${regionName}`;
        problems.check(regionNames.includes(regionName), path,
            `is not one of flexplane:airbyteRegions (${regionNames.join(", ") || "none"}): add it there, or fix the name.`);
        if (!Array.isArray(ids)) {
            problems.add(path, "must be a list of workspace ids (UUIDs from the workspace's URL in Airbyte).");
            continue;
        }
        ids.forEach((workspaceId, index) => {
            if (!isGuid(workspaceId)) {
                problems.add(`${path}[${index}]`, `"${workspaceId}" is not a workspace id: copy the UUID from the workspace's URL in Airbyte.`);
                return;
            }
            const earlier = seen.get(workspaceId);
            if (earlier !== undefined) {
                problems.add(`${path}[${index}]`, `workspace ${workspaceId} is also listed under ${earlier}: a workspace runs in one region.`);
                return;
            }
            seen.set(workspaceId, regionName);
            pairs.push({ regionName, workspaceId });
        });
    }
    return pairs;
}

/** `flexplane:controlPlaneRole` in the org stack: the IAM role Airbyte's control plane assumes. */
export interface ControlPlaneRoleConfig {
    /** The principal Airbyte gives you to trust (an IAM role ARN in Airbyte's account). */
    airbytePrincipalArn: string;
}

/**
 * The org stack: one per Airbyte organization. It declares the control plane's secret store (the
 * value Airbyte was given), creates the organization's Airbyte regions, assigns workspaces to them
 * and, for an AWS store in IAM_ROLE mode, creates the role the control plane assumes plus the JSON to
 * send to Airbyte.
 */
export async function runOrgStack(config: pulumi.Config): Promise<Record<string, unknown>> {
    const problems = new InputProblems("Org stack config");
    const declared = config.getObject<DeclaredSecretsManager>("secretsManager");
    // The org stack only names the store; credentials for it are the data planes' business.
    const store = readSecretsManager(config, problems, declared, { readCredentials: false }) ?? {};
    const organizationId = config.get("organizationId") ?? "";
    problems.check(isGuid(organizationId), "flexplane:organizationId",
        `"${organizationId}" is not an organization id: copy the UUID from Airbyte's organization settings.`);
    const regionNames = config.getObject<string[]>("airbyteRegions") ?? [];
    problems.check(Array.isArray(regionNames) && regionNames.every((n) => typeof n === "string" && n !== ""), "flexplane:airbyteRegions",
        "must be a list of region names, e.g. [us, eu].");
    problems.check(new Set(regionNames).size === regionNames.length, "flexplane:airbyteRegions", "lists a region twice: give each name once.");
    for (const reserved of regionNames.filter((n) => (RESERVED_REGION_NAMES as readonly string[]).includes(n))) {
        problems.add("flexplane:airbyteRegions", `"${reserved}" is the name of one of Airbyte's default regions (AUTO, US, EU), which no organization may reuse: choose another name.`);
    }
    const workspaces = readWorkspaceRegions(config, problems, regionNames);
    const roleConfig = config.getObject<ControlPlaneRoleConfig>("controlPlaneRole");
    problems.check(!roleConfig || store.aws !== undefined, "flexplane:controlPlaneRole",
        "is only for an AWS Secrets Manager store: remove it, or declare flexplane:secretsManager.aws.");
    const application = airbyteApplication(config);
    problems.check(regionNames.length === 0 || application !== undefined, "flexplane:airbyteApplicationClientId",
        "is required to create Airbyte regions: set flexplane:airbyteApplicationClientId and flexplane:airbyteApplicationClientSecret with --secret (an application of an organization admin).");
    problems.throwIfAny();

    const apiUrl = airbyteApiUrl(config);
    const deleteDataplanes = config.getBoolean("deleteRegionsWithDataplanes") ?? false;
    const protect = protectAirbyteObjects(config);
    const regions = new Map(regionNames.map((regionName) => [regionName, new AirbyteRegion(`region-${regionName}`, {
        application: application!,
        apiUrl,
        organizationId,
        name: regionName,
        enabled: true,
        deleteDataplanes,
    }, { protect })]));
    const regionIds = pulumi.all([...regions.values()].map((r) => r.regionId)).apply((ids) =>
        Object.fromEntries(regionNames.map((n, i) => [n, ids[i]])));
    const assignments = workspaces.map(({ regionName, workspaceId }) => new AirbyteWorkspaceRegion(`workspace-${workspaceId}`, {
        application: application!,
        apiUrl,
        organizationId,
        regionId: regions.get(regionName)!.regionId,
        workspaceId,
    }));

    const outputs: Record<string, unknown> = {
        secretsManagerIdentity: secretsManagerIdentity(store),
        regionIds,
    };
    if (assignments.length > 0) {
        outputs.workspaceResidency = pulumi.all(assignments.map((a) => a.dataResidency)).apply((residency) =>
            Object.fromEntries(workspaces.map((w, i) => [w.workspaceId, residency[i]])));
    }
    if (roleConfig && store.aws) {
        const { ControlPlaneSecretsRole } = await import("../components/aws/control-plane-role");
        const role = new ControlPlaneSecretsRole("control-plane-secrets", {
            airbytePrincipalArn: roleConfig.airbytePrincipalArn,
            externalId: config.requireSecret("controlPlaneExternalId"),
            secretsManager: { region: store.aws.region, accountId: store.aws.accountId, kmsKeyArn: store.aws.kmsKeyArn },
        });
        outputs.controlPlaneRoleArn = role.roleArn;
        outputs.secretStorageJson = role.secretStorageJson;
    }
    return outputs;
}
