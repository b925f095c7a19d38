import * as assert from "node:assert/strict";
import { AIRBYTE_CREDENTIAL_CHECK_TYPE, AIRBYTE_HEALTH_CHECK_TYPE } from "../../components/airbyte/kinds";
import { REDACTED } from "../../tools/harness/runtime";
import { mockRuntimeEachTest } from "../support/harness";
import { application, connectedDataPlane, ORG, REGION } from "./connected-dataplane";
import { reasons, valueOf } from "../support/outputs";

describe("DataPlane proves its connection (connection argument)", function () {
    this.timeout(60_000);
    const run = mockRuntimeEachTest();

    const dataPlane = connectedDataPlane;

    it("checks the credentials before the release, waiting for nothing but them, and does not wait for health by default", async () => {
        const dp = await dataPlane();
        await run.h.settle();
        const check = run.h.one(AIRBYTE_CREDENTIAL_CHECK_TYPE);
        const release = run.h.one("kubernetes:helm.sh/v3:Release");
        const nodes = run.h.one("kubernetes:core/v1:ConfigMap");
        assert.equal(check.parent, "eu");
        assert.equal(check.inputs.airbyteUrl, "https://cloud.airbyte.com");
        assert.deepEqual([check.inputs.clientId, check.inputs.clientSecret], [REDACTED, REDACTED]);
        assert.deepEqual(check.options.dependencies, [], "the check runs while the cluster is still being made");
        assert.ok(release.options.dependencies.includes(check.urn), "the release waits for the check");
        assert.ok(release.options.dependencies.includes(nodes.urn));
        assert.equal(run.h.ofType(AIRBYTE_HEALTH_CHECK_TYPE).length, 0);
        assert.equal(await valueOf(dp.connectionStatus), "credentials verified; health not awaited");
    });

    it("skips the check when told to", async () => {
        const dp = await dataPlane({ connection: { verifyCredentials: false } });
        await run.h.settle();
        assert.equal(run.h.ofType(AIRBYTE_CREDENTIAL_CHECK_TYPE).length, 0);
        assert.equal(await valueOf(dp.connectionStatus), "not checked");
    });

    it("waits for HEALTHY after the release, with the application's credentials as secrets", async () => {
        const dp = await dataPlane({
            namespace: "airbyte-eu",
            connection: {
                waitForHealthy: { application, dataplaneId: "7a0e2f3c-0000-4000-8000-00000000d1a1", regionId: REGION, timeoutSeconds: 120 },
            },
        });
        await run.h.settle();
        const health = run.h.one(AIRBYTE_HEALTH_CHECK_TYPE);
        const release = run.h.one("kubernetes:helm.sh/v3:Release");
        assert.deepEqual(health.options.dependencies, [release.urn]);
        assert.deepEqual(
            [
                health.inputs.regionId,
                health.inputs.timeoutSeconds,
                health.inputs.pollSeconds,
                health.inputs.namespace,
                health.inputs.launcherDeployment,
            ],
            [REGION, 120, 10, "airbyte-eu", "airbyte-data-plane"],
        );
        assert.deepEqual(health.secretPaths.sort(), ["applicationClientId", "applicationClientSecret"]);
        assert.equal(await valueOf(dp.connectionStatus), "HEALTHY");
    });

    it("refuses bad connection arguments under their paths, before registering anything", async () => {
        const error = await dataPlane({
            connection: {
                waitForHealthy: { application: { clientId: "id", clientSecret: "" }, dataplaneId: "", timeoutSeconds: 0, pollSeconds: 2.5 },
            },
        }).then(
            () => undefined,
            (e) => e,
        );
        const byPath = reasons(error);
        assert.match(byPath["connection.waitForHealthy.application.clientSecret"], /required: the client secret/);
        assert.match(byPath["connection.waitForHealthy.dataplaneId"], /required/);
        assert.match(byPath["connection.waitForHealthy.organizationId"], /required, or regionId/);
        assert.match(
            byPath["connection.waitForHealthy.timeoutSeconds"],
            /0 is not a whole number of seconds from 1 to 3600; leave waitForHealthy unset/,
        );
        assert.match(byPath["connection.waitForHealthy.pollSeconds"], /2\.5 is not a whole number/);
        await run.h.settle();
        assert.equal(run.h.ofType("flexplane:index:DataPlane").length, 0);
    });

    it("refuses an API address as airbyteUrl, with the web address to use", async () => {
        const error = await dataPlane({ airbyteUrl: "https://api.airbyte.com" }).then(
            () => undefined,
            (e) => e,
        );
        assert.match(
            reasons(error).airbyteUrl,
            /Airbyte Cloud's API host, not the control plane's web address; use https:\/\/cloud\.airbyte\.com/,
        );
    });
});

describe("Airbyte resources are protected by default", function () {
    this.timeout(60_000);
    const run = mockRuntimeEachTest();

    it("protects regions and data planes unless the caller decides otherwise", async () => {
        const { AirbyteDataplane, AirbyteRegion } = await import("../../components");
        const { AIRBYTE_DATAPLANE_TYPE, AIRBYTE_REGION_TYPE } = await import("../../components/airbyte/kinds");
        const region = new AirbyteRegion("eu", { application, organizationId: ORG, name: "eu-west-1" });
        new AirbyteDataplane("eu-1", { application, regionId: region.regionId, name: "eu-1" });
        new AirbyteRegion("scratch", { application, organizationId: ORG, name: "scratch" }, { protect: false });
        await run.h.settle();
        assert.equal(run.h.one(AIRBYTE_REGION_TYPE, "eu").options.protect, true);
        assert.equal(run.h.one(AIRBYTE_DATAPLANE_TYPE, "eu-1").options.protect, true);
        assert.equal(run.h.one(AIRBYTE_REGION_TYPE, "scratch").options.protect, false);
    });
});
