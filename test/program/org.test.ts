import { strict as assert } from "assert";
import * as path from "path";
import { PlanResult, runPlan } from "../../tools/plan/plan";

const testStacks = path.join(__dirname, "..", "plan", "stacks");

describe("org stack and data-plane registration", () => {
    let orgPlan: Promise<PlanResult> | undefined;
    const planOrg = () => (orgPlan ??= runPlan({ stack: "org" }));

    it("creates each Airbyte region with the application's credentials as secrets and exports the identity", async () => {
        const plan = await planOrg();
        assert.deepEqual(plan.errors, []);
        const regions = plan.resources.filter((r) => r.type === "pulumi-nodejs:dynamic/flexplane:AirbyteRegion");
        assert.deepEqual(regions.map((r) => r.inputs.name).sort(), ["eu-west", "us-east"]);
        for (const region of regions) {
            assert.equal(region.inputs.organizationId, "5f3c1c1e-8b6a-4c1e-9a0b-0a1b2c3d4e5f");
            assert.equal(region.inputs.applicationClientSecret, "[secret]");
            assert.equal(region.inputs.apiUrl, "https://api.airbyte.com/v1");
        }
        assert.equal(plan.outputs.secretsManagerIdentity, "aws-secrets-manager:123456789012:us-east-1");
        assert.deepEqual(Object.keys(plan.outputs.regionIds as object).sort(), ["eu-west", "us-east"]);
        assert.equal(plan.outputs.secretStorageJson, "[secret]");
        // The trust policy carries the external id, so it must stay secret in state.
        const role = plan.resources.find((r) => r.type === "aws:iam/role:Role")!;
        assert.equal(role.inputs.assumeRolePolicy, "[secret]");
    });

    it("keeps the committed org fixture in step with the org stack's plan", async () => {
        const plan = await planOrg();
        const fixture = require("../../stacks/fixtures/org.json");
        assert.deepEqual(fixture.outputs.regionIds, plan.outputs.regionIds);
        assert.equal(fixture.outputs.secretsManagerIdentity, plan.outputs.secretsManagerIdentity);
    });

    it("registers the region stack's data plane in the org's region and feeds its credentials to the chart's Secret", async () => {
        const plan = await runPlan({ stack: "registers", stacksDir: testStacks });
        assert.deepEqual(plan.errors, []);
        const registration = plan.resources.find((r) => r.type === "pulumi-nodejs:dynamic/flexplane:AirbyteDataplane")!;
        assert.equal(registration.inputs.regionId, "11111111-2222-3333-4444-555555555555");
        assert.equal(registration.inputs.name, "registers");
        assert.equal(registration.inputs.applicationClientSecret, "[secret]");
        const secret = plan.resources.find((r) => r.type === "kubernetes:core/v1:Secret")!;
        assert.equal(secret.inputs.stringData.DATAPLANE_CLIENT_SECRET, "[secret]");
        assert.match(String(plan.outputs.airbyteDataplaneId), /^[0-9a-f-]{36}$/);
        const check = plan.resources.find((r) => r.type === "pulumi-nodejs:dynamic/flexplane:AirbyteDataplaneCredentialCheck")!;
        assert.deepEqual([check.inputs.airbyteUrl, check.inputs.clientSecret], ["https://cloud.airbyte.com", "[secret]"]);
        const health = plan.resources.find((r) => r.type === "pulumi-nodejs:dynamic/flexplane:AirbyteDataplaneHealthCheck")!;
        assert.deepEqual(
            [health.inputs.regionId, health.inputs.timeoutSeconds, health.inputs.dataplaneId],
            [registration.inputs.regionId, 300, plan.outputs.airbyteDataplaneId],
        );
        assert.equal((plan.outputs.dataPlane as any).connectionStatus, "HEALTHY");
        assert.ok(
            !plan.resources.some((r) => JSON.stringify(r.inputs).includes("offline-plan-secret-")),
            "the data plane's secret leaked into recorded inputs",
        );
    });

    it("refuses to register without an Airbyte region, saying what to set", async () => {
        const plan = await runPlan({ stack: "registers-without-region", stacksDir: testStacks });
        assert.equal(plan.errors.length, 1);
        assert.match(plan.errors[0], /set flexplane:orgStack and flexplane:airbyteRegion.*or remove the application credentials/);
    });

    it("reports every bad org setting at once", async () => {
        const plan = await runPlan({ stack: "bad-org", stacksDir: testStacks });
        assert.equal(plan.errors.length, 1);
        for (const expected of [
            /flexplane:organizationId: "not-a-uuid" is not an organization id/,
            /flexplane:airbyteRegions: lists a region twice/,
            /flexplane:controlPlaneRole: is only for an AWS Secrets Manager store/,
            /flexplane:airbyteApplicationClientId: is required to create Airbyte regions/,
        ]) {
            assert.match(plan.errors[0], expected);
        }
        assert.deepEqual(plan.resources, []);
    });
});

describe("byo stack config", () => {
    it("names a missing region and an unknown storage auth mode, with their fixes", async () => {
        const plan = await runPlan({ stack: "bad-byo", stacksDir: testStacks });
        assert.equal(plan.errors.length, 1, plan.errors.join("\n"));
        assert.match(plan.errors[0], /flexplane:byo\.region: is required: give the region the cluster runs in/);
        assert.match(
            plan.errors[0],
            /flexplane:byo\.storage\.s3\.auth: "iam" is not an auth mode: use serviceAccount \(IRSA\) or accessKeys/,
        );
        assert.deepEqual(plan.resources, []);
    });

    it("names missing storage", async () => {
        const plan = await runPlan({ stack: "byo-without-storage", stacksDir: testStacks });
        assert.match(plan.errors.join("\n"), /flexplane:byo\.storage: is required: give exactly one of s3, gcs, azure/);
    });

    it("refuses half an Airbyte application, naming the missing key", async () => {
        const plan = await runPlan({ stack: "half-application", stacksDir: testStacks });
        assert.equal(plan.errors.length, 1, plan.errors.join("\n"));
        assert.match(
            plan.errors[0],
            /flexplane:airbyteApplicationClientSecret.*is missing: set both flexplane:airbyteApplicationClientId and flexplane:airbyteApplicationClientSecret \(with --secret\), or neither/,
        );
    });
});
