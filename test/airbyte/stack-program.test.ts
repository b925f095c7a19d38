import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { AIRBYTE_DATAPLANE_TYPE, AIRBYTE_REGION_TYPE, AIRBYTE_WORKSPACE_REGION_TYPE } from "../../components/airbyte/kinds";
import type { StackInputs } from "../../program/config";
import { checkRequiredKeys, isSecretConfigKey, readStackConfig } from "../../program/stack-config";
import { StackProblems } from "../../program/stack-problems";
import { MockHarness } from "../../tools/harness/runtime";
import { reasons, thrown, valueOf } from "../support/outputs";

const ORG = "5f3c1c1e-8b6a-4c1e-9a0b-0a1b2c3d4e5f";
const REGION = "11111111-2222-3333-4444-555555555555";
const WS = ["3c1d9a7e-5b2f-4c6d-8e9f-0a1b2c3d4e5f", "4d2e0b8f-6c3a-4d7e-9fa0-1b2c3d4e5f60", "5e3f1c90-7d4b-4e8f-a0b1-2c3d4e5f6071"];
const APPLICATION = { airbyteApplicationClientId: "app-id", airbyteApplicationClientSecret: "app-secret" };

function install(values: Record<string, unknown>): { harness: MockHarness; config: pulumi.Config; inputs: StackInputs } {
    const config: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
        config[`flexplane:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    }
    const secretKeys = ["dataPlaneClientId", "dataPlaneClientSecret", ...Object.keys(APPLICATION)];
    const harness = MockHarness.install({ config, secretConfigKeys: secretKeys.map((k) => `flexplane:${k}`) });
    // The stack's config as the program reads it before anything is created.
    const problems = new StackProblems("test");
    const read = readStackConfig(problems, pulumi.runtime.allConfig(), isSecretConfigKey);
    checkRequiredKeys(problems, read);
    const pulumiConfig = new pulumi.Config("flexplane");
    return { harness, config: pulumiConfig, inputs: { stack: "test", config: read, problems, pulumiConfig } };
}

const ORG_STACK = {
    role: "org",
    organizationId: ORG,
    airbyteRegions: ["us-east", "eu-west"],
    secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", auth: "serviceAccount" } },
    ...APPLICATION,
};

describe("The stack program's Airbyte parts", function () {
    this.timeout(60_000);

    it("org stack: protects its regions, refuses to delete one with data planes, and assigns workspaces to regions", async () => {
        const { harness, inputs } = install({ ...ORG_STACK, workspaceRegions: { "eu-west": [WS[0], WS[1]], "us-east": [WS[2]] } });
        const outputs = await (await import("../../program/org")).runOrgStack(inputs);
        await harness.settle();
        const regions = harness.ofType(AIRBYTE_REGION_TYPE);
        assert.deepEqual(
            regions.map((r) => [r.name, r.options.protect, r.inputs.deleteDataplanes]),
            [
                ["region-us-east", true, false],
                ["region-eu-west", true, false],
            ],
        );
        const assignments = harness.ofType(AIRBYTE_WORKSPACE_REGION_TYPE).sort((a, b) => a.name.localeCompare(b.name));
        assert.deepEqual(
            assignments.map((a) => a.name),
            WS.map((id) => `workspace-${id}`),
        );
        const euRegionId = await valueOf((outputs.regionIds as pulumi.Output<Record<string, string>>).apply((ids) => ids["eu-west"]));
        assert.deepEqual(
            [assignments[0].inputs.regionId, assignments[0].inputs.organizationId, assignments[0].inputs.applicationClientSecret],
            [euRegionId, ORG, "[secret]"],
        );
        assert.deepEqual(Object.keys(await valueOf(outputs.workspaceResidency as pulumi.Output<object>)).sort(), [...WS].sort());
    });

    it("org stack: the way out of protection and of the data-plane guard is config", async () => {
        const { harness, inputs } = install({ ...ORG_STACK, protectAirbyteObjects: "false", deleteRegionsWithDataplanes: "true" });
        await (await import("../../program/org")).runOrgStack(inputs);
        await harness.settle();
        assert.deepEqual(
            harness.ofType(AIRBYTE_REGION_TYPE).map((r) => [r.options.protect, r.inputs.deleteDataplanes]),
            [
                [false, true],
                [false, true],
            ],
        );
    });

    it("org stack: names every bad workspace mapping and reserved region name at once", async () => {
        const { harness, inputs } = install({
            ...ORG_STACK,
            airbyteRegions: ["eu-west", "EU"],
            workspaceRegions: { mars: [WS[0]], "eu-west": ["not-a-uuid", WS[1]], EU: [WS[1]] },
        });
        const error = await (await import("../../program/org")).runOrgStack(inputs).then(
            () => undefined,
            (e) => e,
        );
        const byPath = reasons(error);
        assert.match(
            byPath["flexplane:airbyteRegions[1]"],
            /"EU" is reserved by Airbyte's default regions \(AUTO, US, EU\); choose another name/,
        );
        assert.match(byPath["flexplane:workspaceRegions.mars"], /is not one of flexplane:airbyteRegions \(eu-west, EU\)/);
        assert.match(byPath["flexplane:workspaceRegions.eu-west[0]"], /"not-a-uuid" is not a workspace id/);
        assert.match(
            byPath["flexplane:workspaceRegions.EU[0]"],
            new RegExp(`workspace ${WS[1]} is also listed under eu-west: a workspace runs in one region`),
        );
        await harness.settle();
        assert.deepEqual(harness.resources, []);
    });

    it("region stack: registers a protected data plane, checks its credentials and waits for HEALTHY in its region", async () => {
        const { harness, config } = install({ ...APPLICATION, dataPlaneHealthTimeoutSeconds: "120" });
        const credentials = (await import("../../program/registration")).dataPlaneCredentials(config, "aws-eu-west-1", {
            regionId: REGION,
        });
        await harness.settle();
        assert.equal(harness.one(AIRBYTE_DATAPLANE_TYPE).options.protect, true);
        assert.equal(credentials.connection.verifyCredentials, true);
        const wait = credentials.connection.waitForHealthy!;
        assert.deepEqual([wait.regionId, wait.timeoutSeconds, wait.apiUrl], [REGION, 120, "https://api.airbyte.com/v1"]);
        assert.equal(await valueOf(wait.dataplaneId), await valueOf(credentials.dataplaneId!));
    });

    it("region stack: 0 turns the wait off; without an application only the credentials are checked", async () => {
        const quiet = install({
            ...APPLICATION,
            dataPlaneHealthTimeoutSeconds: "0",
            verifyDataPlaneCredentials: "false",
            protectAirbyteObjects: "false",
        });
        const registered = (await import("../../program/registration")).dataPlaneCredentials(quiet.config, "s", { regionId: REGION });
        await quiet.harness.settle();
        assert.deepEqual(registered.connection, { verifyCredentials: false, waitForHealthy: undefined });
        assert.equal(quiet.harness.one(AIRBYTE_DATAPLANE_TYPE).options.protect, false);

        const given = install({ dataPlaneClientId: "2b7f8c0e-1111-4222-8333-944455566677", dataPlaneClientSecret: "s" });
        const fromConfig = (await import("../../program/registration")).dataPlaneCredentials(given.config, "s", {});
        assert.deepEqual(fromConfig.connection, { verifyCredentials: true });
    });

    it("region stack: refuses a wait outside 0-3600 s and an API address as airbyteUrl, naming the keys", async () => {
        const { airbyteApiUrl } = await import("../../program/registration");
        const { checkRegistration } = await import("../../program/airbyte-checks");
        const long = install({ ...APPLICATION, orgStack: "org", airbyteRegion: "eu-west", dataPlaneHealthTimeoutSeconds: "7200" });
        checkRegistration(long.inputs);
        const error = thrown(() => long.inputs.problems.throwIfAny());
        assert.match(
            reasons(error)["flexplane:dataPlaneHealthTimeoutSeconds"],
            /7200 is not a whole number of seconds from 0 \(do not wait\) to 3600/,
        );
        await long.harness.settle();
        assert.deepEqual(long.harness.resources, [], "refused before anything is created");
        const api = install({ airbyteUrl: "https://api.airbyte.com" });
        const urlError = thrown(() => airbyteApiUrl(api.config)) as pulumi.InputPropertyError;
        assert.equal(urlError.propertyPath, "flexplane:airbyteUrl");
        assert.match(urlError.reason, /use https:\/\/cloud\.airbyte\.com/);
        assert.equal(
            airbyteApiUrl(install({ airbyteUrl: "https://corp.example/airbyte/" }).config),
            "https://corp.example/airbyte/api/public/v1",
        );
    });
});
