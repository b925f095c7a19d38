import * as assert from "node:assert/strict";
import {
    AIRBYTE_CREDENTIAL_CHECK_TOKEN,
    AIRBYTE_CREDENTIAL_CHECK_TYPE,
    AIRBYTE_HEALTH_CHECK_TOKEN,
    AIRBYTE_HEALTH_CHECK_TYPE,
} from "../../components/airbyte/kinds";
import { serveAirbyteResourcesFromPlugin, stopServingAirbyteResourcesFromPlugin } from "../../components/airbyte/plugin-package";
import { REDACTED } from "../../tools/harness/runtime";
import { application, connectedDataPlane, REGION } from "../airbyte/connected-dataplane";
import { mockRuntimeEachTest } from "../support/harness";
import { valueOf } from "../support/outputs";

const DATAPLANE_ID = "7a0e2f3c-0000-4000-8000-00000000d1a1";

describe("DataPlane's connection proof inside the plugin", function () {
    this.timeout(60_000);
    const run = mockRuntimeEachTest();
    afterEach(() => stopServingAirbyteResourcesFromPlugin());

    /** A DataPlane that checks its credentials and waits for HEALTHY, as the plugin's construct builds it. */
    const dataPlane = () =>
        connectedDataPlane({ connection: { waitForHealthy: { application, dataplaneId: DATAPLANE_ID, regionId: REGION } } });

    it("registers both checks as the plugin's custom resources, with the plugin's version, secrets kept", async () => {
        serveAirbyteResourcesFromPlugin({ version: "0.1.0" });
        const dp = await dataPlane();
        await run.h.settle();
        const dynamic = run.h.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/")).map((r) => r.type);
        assert.deepEqual(dynamic, [], "no resource needs the engine's pulumi-nodejs provider");

        const check = run.h.one(AIRBYTE_CREDENTIAL_CHECK_TOKEN);
        const health = run.h.one(AIRBYTE_HEALTH_CHECK_TOKEN);
        const release = run.h.one("kubernetes:helm.sh/v3:Release");
        for (const resource of [check, health]) {
            assert.deepEqual(
                [resource.custom, resource.parent, resource.options.provider, resource.options.version],
                [true, "eu", "", "0.1.0"],
                `${resource.type}: the default provider of flexplane 0.1.0, the one the program's DataPlane uses`,
            );
        }
        assert.deepEqual([check.inputs.clientId, check.inputs.clientSecret], [REDACTED, REDACTED]);
        assert.deepEqual(check.options.additionalSecretOutputs.sort(), ["clientId", "clientSecret"]);
        assert.ok(release.options.dependencies.includes(check.urn), "the release still waits for the check");

        assert.deepEqual(health.secretPaths, ["application"], "the application travels as one secret object, as the schema says");
        assert.deepEqual(health.plainInputs.application, application);
        assert.deepEqual(health.options.additionalSecretOutputs, ["application"]);
        assert.equal(health.inputs.applicationClientId, undefined, "no flat dynamic-provider keys");
        assert.deepEqual(health.options.dependencies, [release.urn]);
        assert.equal(await valueOf(dp.connectionStatus), "HEALTHY");
    });

    it("registers the dynamic resources, with no version, when the switch is off", async () => {
        await dataPlane();
        await run.h.settle();
        assert.equal(run.h.ofType(AIRBYTE_CREDENTIAL_CHECK_TOKEN).length + run.h.ofType(AIRBYTE_HEALTH_CHECK_TOKEN).length, 0);
        const check = run.h.one(AIRBYTE_CREDENTIAL_CHECK_TYPE);
        const health = run.h.one(AIRBYTE_HEALTH_CHECK_TYPE);
        assert.deepEqual([check.options.version, health.options.version], ["", ""]);
        assert.deepEqual(health.secretPaths.sort(), ["applicationClientId", "applicationClientSecret"]);
    });
});
