import * as pulumi from "@pulumi/pulumi";
import { AirbyteRegion } from "../components/airbyte";
import { InputProblems } from "../components/shared/errors";
import { secretsManagerIdentity } from "../components/shared/identity";
import { DeclaredSecretsManager, readSecretsManager } from "./config";
import { airbyteApiUrl, airbyteApplication } from "./registration";

/** `flexplane:controlPlaneRole` in the org stack: the IAM role Airbyte's control plane assumes. */
export interface ControlPlaneRoleConfig {
    /** The principal Airbyte gives you to trust (an IAM role ARN in Airbyte's account). */
    airbytePrincipalArn: string;
}

/**
 * The org stack: one per Airbyte organization. It declares the control plane's secret store (the
 * value Airbyte was given), creates the organization's Airbyte regions and, for an AWS store in
 * IAM_ROLE mode, the role the control plane assumes plus the JSON to send to Airbyte.
 */
export async function runOrgStack(config: pulumi.Config): Promise<Record<string, unknown>> {
    const problems = new InputProblems("Org stack config");
    const declared = config.getObject<DeclaredSecretsManager>("secretsManager");
    // The org stack only names the store; credentials for it are the data planes' business.
    const store = readSecretsManager(config, problems, declared, { readCredentials: false }) ?? {};
    const organizationId = config.get("organizationId") ?? "";
    problems.check(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organizationId), "flexplane:organizationId",
        `"${organizationId}" is not an organization id: copy the UUID from Airbyte's organization settings.`);
    const regionNames = config.getObject<string[]>("airbyteRegions") ?? [];
    problems.check(Array.isArray(regionNames) && regionNames.every((n) => typeof n === "string" && n !== ""), "flexplane:airbyteRegions",
        "must be a list of region names, e.g. [us, eu].");
    problems.check(new Set(regionNames).size === regionNames.length, "flexplane:airbyteRegions", "lists a region twice: give each name once.");
    const roleConfig = config.getObject<ControlPlaneRoleConfig>("controlPlaneRole");
    problems.check(!roleConfig || store.aws !== undefined, "flexplane:controlPlaneRole",
        "is only for an AWS Secrets Manager store: remove it, or declare flexplane:secretsManager.aws.");
    const application = airbyteApplication(config);
    problems.check(regionNames.length === 0 || application !== undefined, "flexplane:airbyteApplicationClientId",
        "is required to create Airbyte regions: set flexplane:airbyteApplicationClientId and flexplane:airbyteApplicationClientSecret with --secret (an application of an organization admin).");
    problems.throwIfAny();

    const apiUrl = airbyteApiUrl(config);
    const regions = regionNames.map((regionName) => new AirbyteRegion(`region-${regionName}`, {
        application: application!,
        apiUrl,
        organizationId,
        name: regionName,
        enabled: true,
    }));
    const regionIds = pulumi.all(regions.map((r) => r.regionId)).apply((ids) =>
        Object.fromEntries(regionNames.map((n, i) => [n, ids[i]])));

    const outputs: Record<string, unknown> = {
        secretsManagerIdentity: secretsManagerIdentity(store),
        regionIds,
    };
    if (roleConfig && store.aws) {
        const { ControlPlaneSecretsRole } = await import("../components/aws/control-plane-role");
        const role = new ControlPlaneSecretsRole("control-plane-secrets", {
            airbytePrincipalArn: roleConfig.airbytePrincipalArn,
            externalId: config.requireSecret("controlPlaneExternalId"),
            secretsManager: {
                region: store.aws.region, accountId: store.aws.accountId, kmsKeyArn: store.aws.kmsKeyArn,
                ...(store.aws.allowUntaggedSecrets !== undefined ? { allowUntaggedSecrets: store.aws.allowUntaggedSecrets } : {}),
            },
        });
        outputs.controlPlaneRoleArn = role.roleArn;
        outputs.secretStorageJson = role.secretStorageJson;
    }
    return outputs;
}
