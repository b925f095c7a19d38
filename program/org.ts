import * as pulumi from "@pulumi/pulumi";
import { AirbyteRegion } from "../components/airbyte/region";
import { AirbyteWorkspaceRegion } from "../components/airbyte/workspace";
import { validateRegionArgs } from "../components/airbyte/region";
import { isIamPrincipalArn, principalArnPatternProblems } from "../components/aws/arns";
import type { InputProblems } from "../components/shared/errors";
import { isGuid } from "../components/shared/formats";
import { secretsManagerIdentity } from "../components/shared/identity";
import { applicationOf, checkAirbyteUrl, checkApiUrlKey } from "./airbyte-checks";
import { readSecretsManager, refuseUnused, requireSecret, StackInputs, valueOf } from "./config";
import { airbyteApiUrl, protectAirbyteObjects } from "./registration";

/** One workspace to keep in one Airbyte region. */
export interface WorkspaceAssignment {
    regionName: string;
    workspaceId: string;
}

/**
 * `flexplane:workspaceRegions`: Airbyte region name -> ids of the workspaces to run there. Records every problem;
 * returns the pairs to create, one per workspace.
 */
export function readWorkspaceRegions(declared: unknown, problems: InputProblems, regionNames: string[]): WorkspaceAssignment[] {
    if (declared === undefined) {
        return [];
    }
    if (typeof declared !== "object" || declared === null || Array.isArray(declared)) {
        problems.add("flexplane:workspaceRegions", "must map region names to lists of workspace ids, e.g. {eu-west: [<workspace uuid>]}.");
        return [];
    }
    const pairs: WorkspaceAssignment[] = [];
    const seen = new Map<string, string>();
    for (const [regionName, ids] of Object.entries(declared)) {
        const path = `flexplane:workspaceRegions.${regionName}`;
        problems.check(
            regionNames.includes(regionName),
            path,
            `is not one of flexplane:airbyteRegions (${regionNames.join(", ") || "none"}): add it there, or fix the name.`,
        );
        if (!Array.isArray(ids)) {
            problems.add(path, "must be a list of workspace ids (UUIDs from the workspace's URL in Airbyte).");
            continue;
        }
        ids.forEach((workspaceId: unknown, index) => {
            if (!isGuid(workspaceId)) {
                problems.add(
                    `${path}[${index}]`,
                    `"${String(workspaceId)}" is not a workspace id: copy the UUID from the workspace's URL in Airbyte.`,
                );
                return;
            }
            const earlier = seen.get(workspaceId);
            if (earlier !== undefined) {
                problems.add(
                    `${path}[${index}]`,
                    `workspace ${workspaceId} is also listed under ${earlier}: a workspace runs in one region.`,
                );
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
    /** Data-plane identities that may assume the role too (see ControlPlaneSecretsRoleArgs); default every Flexplane data-plane role of the account. */
    dataPlanePrincipalArns?: string[];
}

/**
 * The org stack: one per Airbyte organization. It declares the control plane's secret store (the
 * value Airbyte was given), creates the organization's Airbyte regions, assigns workspaces to them
 * and, for an AWS store in IAM_ROLE mode, creates the role the control plane assumes plus the JSON to
 * send to Airbyte. Every key is checked, and every problem thrown as one error, before the first resource.
 */
export async function runOrgStack(inputs: StackInputs): Promise<Record<string, unknown>> {
    const { problems } = inputs;
    // The org stack only names the store; credentials for it are the data planes' business.
    const store = readSecretsManager(inputs, { readCredentials: false }) ?? {};
    const organizationId = valueOf<string>(inputs, "organizationId");
    problems.check(
        organizationId === undefined || isGuid(organizationId),
        "flexplane:organizationId",
        `"${organizationId}" is not an organization id: copy the UUID from Airbyte's organization settings.`,
    );
    const regionNames = valueOf<string[]>(inputs, "airbyteRegions") ?? [];
    problems.check(
        new Set(regionNames).size === regionNames.length,
        "flexplane:airbyteRegions",
        "lists a region twice: give each name once.",
    );
    const workspaces = readWorkspaceRegions(valueOf(inputs, "workspaceRegions"), problems, regionNames);
    const roleConfig = valueOf<ControlPlaneRoleConfig>(inputs, "controlPlaneRole");
    problems.unknownKeys("flexplane:controlPlaneRole", roleConfig, ["airbytePrincipalArn", "dataPlanePrincipalArns"]);
    let externalId: pulumi.Output<string> | undefined;
    if (roleConfig) {
        problems.check(
            store.aws !== undefined,
            "flexplane:controlPlaneRole",
            "is only for an AWS Secrets Manager store: remove it, or declare flexplane:secretsManager.aws.",
        );
        problems.check(
            isIamPrincipalArn(roleConfig.airbytePrincipalArn),
            "flexplane:controlPlaneRole.airbytePrincipalArn",
            roleConfig.airbytePrincipalArn === undefined
                ? "is required: the principal ARN Airbyte gave you for its control plane (arn:aws:iam::<account>:role/...)."
                : `"${roleConfig.airbytePrincipalArn}" is not an IAM role or user ARN: use the principal Airbyte gave you, arn:aws:iam::<account>:role/<name>.`,
        );
        for (const [suffix, reason] of principalArnPatternProblems(roleConfig.dataPlanePrincipalArns)) {
            problems.add(`flexplane:controlPlaneRole.dataPlanePrincipalArns${suffix}`, reason);
        }
        externalId = requireSecret(inputs, "controlPlaneExternalId", "with flexplane:controlPlaneRole");
    } else {
        refuseUnused(inputs, ["controlPlaneExternalId"], "only flexplane:controlPlaneRole reads it");
    }
    checkAirbyteUrl(inputs);
    checkApiUrlKey(inputs);
    const application = applicationOf(inputs);
    problems.check(
        regionNames.length === 0 || application !== undefined || problems.has("flexplane:airbyteApplicationClientSecret"),
        "flexplane:airbyteApplicationClientId",
        "is required to create Airbyte regions: set flexplane:airbyteApplicationClientId and flexplane:airbyteApplicationClientSecret with --secret (an application of an organization admin).",
    );
    if (regionNames.length === 0) {
        refuseUnused(
            inputs,
            ["airbyteApplicationClientId", "airbyteApplicationClientSecret", "airbyteApiUrl"],
            "the org stack reads the Airbyte application only to create flexplane:airbyteRegions, and that list is empty",
        );
    }
    const apiUrl =
        valueOf<string>(inputs, "airbyteApiUrl") !== undefined || !problems.has("flexplane:airbyteUrl")
            ? airbyteApiUrl(inputs.pulumiConfig)
            : "";
    regionNames.forEach((regionName, i) =>
        problems.adopt({ sources: { name: `flexplane:airbyteRegions[${i}]`, apiUrl: null, application: null } }, () =>
            validateRegionArgs(`region-${regionName}`, {
                application: application!,
                apiUrl,
                organizationId: organizationId ?? "",
                name: regionName,
            }),
        ),
    );
    problems.throwIfAny();

    const deleteDataplanes = valueOf<boolean>(inputs, "deleteRegionsWithDataplanes") ?? false;
    const protect = protectAirbyteObjects(inputs.pulumiConfig);
    const regions = new Map(
        regionNames.map((regionName) => [
            regionName,
            new AirbyteRegion(
                `region-${regionName}`,
                {
                    application: application!,
                    apiUrl,
                    organizationId: organizationId!,
                    name: regionName,
                    enabled: true,
                    deleteDataplanes,
                },
                { protect },
            ),
        ]),
    );
    const regionIds = pulumi
        .all([...regions.values()].map((r) => r.regionId))
        .apply((ids) => Object.fromEntries(regionNames.map((n, i) => [n, ids[i]])));
    const assignments = workspaces.map(
        ({ regionName, workspaceId }) =>
            new AirbyteWorkspaceRegion(`workspace-${workspaceId}`, {
                application: application!,
                apiUrl,
                organizationId: organizationId!,
                regionId: regions.get(regionName)!.regionId,
                workspaceId,
            }),
    );

    const outputs: Record<string, unknown> = {
        secretsManagerIdentity: secretsManagerIdentity(store),
        regionIds,
    };
    if (assignments.length > 0) {
        outputs.workspaceResidency = pulumi
            .all(assignments.map((a) => a.dataResidency))
            .apply((residency) => Object.fromEntries(workspaces.map((w, i) => [w.workspaceId, residency[i]])));
    }
    if (roleConfig && store.aws) {
        const { ControlPlaneSecretsRole } = await import("../components/aws/control-plane-role");
        const role = new ControlPlaneSecretsRole("control-plane-secrets", {
            airbytePrincipalArn: roleConfig.airbytePrincipalArn,
            ...(roleConfig.dataPlanePrincipalArns !== undefined ? { dataPlanePrincipalArns: roleConfig.dataPlanePrincipalArns } : {}),
            externalId: externalId!,
            secretsManager: {
                region: store.aws.region,
                accountId: store.aws.accountId,
                kmsKeyArn: store.aws.kmsKeyArn,
                ...(store.aws.allowUntaggedSecrets !== undefined ? { allowUntaggedSecrets: store.aws.allowUntaggedSecrets } : {}),
            },
        });
        outputs.controlPlaneRoleArn = role.roleArn;
        outputs.secretStorageJson = role.secretStorageJson;
    }
    return outputs;
}
