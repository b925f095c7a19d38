/**
 * The plugin's handlers of the connection-proof checks (what `DataPlane` registers inside the plugin) and of the
 * workspace region, against the fake Airbyte server, with inputs in the engine's wire form.
 */
import * as assert from "node:assert/strict";
import { UNKNOWN } from "../../components/airbyte/provider-common";
import { AirbyteResourceHandler, createAirbyteResourceHandlers } from "../../plugin/airbyte-resources";
import { AIRBYTE_CREDENTIAL_CHECK_TOKEN, AIRBYTE_HEALTH_CHECK_TOKEN, AIRBYTE_WORKSPACE_REGION_TOKEN } from "../../components/airbyte/kinds";
import { APP_ID, APP_SECRET, rejection, world, World } from "../airbyte/setup";
import { reveal, secret, secrets } from "./wire-values";

const urn = (token: string, name: string) => `urn:pulumi:dev::airbyte::flexplane:index:DataPlane$${token}::${name}`;
const CHECK_URN = urn(AIRBYTE_CREDENTIAL_CHECK_TOKEN, "eu-credential-check");
const HEALTH_URN = urn(AIRBYTE_HEALTH_CHECK_TOKEN, "eu-health");
const WORKSPACE_URN = `urn:pulumi:dev::airbyte::${AIRBYTE_WORKSPACE_REGION_TOKEN}::analytics`;

describe("Airbyte checks and workspace regions served by the plugin", function () {
    this.timeout(60_000);
    let w: World;
    let handlers: Record<string, AirbyteResourceHandler>;
    let regionId: string;
    let dataplane: { dataplaneId: string; clientId: string; clientSecret: string };
    const application = () => secret({ clientId: APP_ID, clientSecret: APP_SECRET });

    beforeEach(async () => {
        w = await world();
        handlers = createAirbyteResourceHandlers(w.providerOptions());
        regionId = (await w.client().createRegion({ name: "eu", organizationId: w.organizationId })).regionId;
        dataplane = await w.client().createDataplane({ name: "aws-eu-west-1", regionId });
        w.sleeper.onSleep = (ms) => w.clock.advance(ms);
    });
    afterEach(async () => {
        await w.fake.close();
    });

    describe("credential check", () => {
        const check = () => handlers[AIRBYTE_CREDENTIAL_CHECK_TOKEN];
        const inputs = () => ({
            airbyteUrl: `${w.fake.airbyteUrl}/`,
            clientId: secret(dataplane.clientId),
            clientSecret: secret(dataplane.clientSecret),
        });

        it("exchanges the data plane's credentials; the credentials stay secret in inputs and outputs", async () => {
            const checked = await check().check(CHECK_URN, {}, inputs());
            assert.deepEqual(checked.failures, []);
            assert.equal(checked.inputs.airbyteUrl, w.fake.airbyteUrl, "trailing slash dropped");
            assert.deepEqual(secrets(checked.inputs).paths, ["clientId", "clientSecret"]);
            const created = await check().create(CHECK_URN, checked.inputs);
            assert.equal(created.outs.tokenEndpoint, `${w.fake.airbyteUrl}/api/v1/dataplanes/token`);
            const { paths, redacted } = secrets(created.outs);
            assert.deepEqual(paths, ["clientId", "clientSecret"]);
            assert.ok(!JSON.stringify(redacted).includes(dataplane.clientSecret));
            assert.equal(reveal(created.outs.clientSecret), dataplane.clientSecret);
            assert.deepEqual(w.fake.requests.at(-1)?.body, { client_id: dataplane.clientId, client_secret: dataplane.clientSecret });
        });

        it("fails with the fix on credentials Airbyte refuses, without quoting the secret", async () => {
            const wrong = "wrong-dataplane-secret-123";
            const checked = await check().check(CHECK_URN, {}, { ...inputs(), clientSecret: secret(wrong) });
            const error = await rejection(check().create(CHECK_URN, checked.inputs));
            assert.match(error.message, /refused data plane client .* so the chart was not installed/);
            assert.doesNotMatch(error.message, new RegExp(wrong));
        });

        it("check names bad inputs; refresh keeps the state and makes no call; delete makes none", async () => {
            const bad = await check().check(
                CHECK_URN,
                {},
                { airbyteUrl: "https://api.airbyte.com", clientId: secret("dp-1"), clientSecret: secret("") },
            );
            const reasons = Object.fromEntries((bad.failures ?? []).map((f) => [f.property, f.reason]));
            assert.deepEqual(Object.keys(reasons).sort(), ["airbyteUrl", "clientId", "clientSecret"]);
            assert.match(reasons.clientId, /is not a UUID/);
            assert.match(reasons.airbyteUrl, /use https:\/\/cloud\.airbyte\.com/);

            const created = await check().create(CHECK_URN, (await check().check(CHECK_URN, {}, inputs())).inputs);
            const calls = w.fake.requests.length;
            assert.deepEqual(await check().read(created.id, CHECK_URN, created.outs), { id: created.id, props: created.outs });
            await check().delete(created.id, CHECK_URN, created.outs);
            assert.equal(w.fake.requests.length, calls);
        });
    });

    describe("health wait", () => {
        const health = () => handlers[AIRBYTE_HEALTH_CHECK_TOKEN];
        const inputs = () => ({
            apiUrl: w.fake.apiUrl,
            application: application(),
            airbyteUrl: w.fake.airbyteUrl,
            dataplaneId: dataplane.dataplaneId,
            regionId,
            timeoutSeconds: 60,
            pollSeconds: 10,
            namespace: "airbyte",
            launcherDeployment: "airbyte-data-plane",
            revision: "1",
        });

        it("waits for HEALTHY with the application's credentials, which stay secret", async () => {
            w.fake.heartbeat(dataplane.dataplaneId, w.clock.now() - 20_000);
            const checked = await health().check(HEALTH_URN, {}, inputs());
            assert.deepEqual(checked.failures, []);
            const created = await health().create(HEALTH_URN, checked.inputs);
            assert.deepEqual([created.outs.status, created.outs.dataplaneVersion], ["HEALTHY", "2.0.0"]);
            assert.deepEqual(secrets(created.outs).paths, ["application.clientId", "application.clientSecret"]);
            assert.equal(created.outs.applicationClientId, undefined, "the state has the schema's shape");
        });

        it("fails at the bound saying what to check, and waits again only for a new release", async () => {
            const checked = await health().check(HEALTH_URN, {}, inputs());
            const error = await rejection(health().create(HEALTH_URN, checked.inputs));
            assert.match(error.message, /sent no heartbeat within 60 s.*kubectl -n airbyte logs deploy\/airbyte-data-plane/);

            w.fake.heartbeat(dataplane.dataplaneId);
            const created = await health().create(HEALTH_URN, checked.inputs);
            assert.equal((await health().diff(created.id, HEALTH_URN, created.outs, checked.inputs)).changes, false);
            const next = (await health().check(HEALTH_URN, checked.inputs, { ...inputs(), revision: "2" })).inputs;
            assert.equal((await health().diff(created.id, HEALTH_URN, created.outs, next)).changes, true);
        });

        it("check names a missing application field and organization by their schema paths", async () => {
            const { regionId: _region, ...noRegion } = inputs();
            const checked = await health().check(HEALTH_URN, {}, { ...noRegion, application: secret({ clientId: APP_ID }) });
            assert.deepEqual((checked.failures ?? []).map((f) => f.property).sort(), ["application.clientSecret", "organizationId"]);
        });
    });

    describe("workspace region", () => {
        const assignment = () => handlers[AIRBYTE_WORKSPACE_REGION_TOKEN];

        it("moves the workspace into the region, reads where it is, and leaves it on delete", async () => {
            const workspaceId = w.fake.addWorkspace(w.organizationId);
            const checked = await assignment().check(
                WORKSPACE_URN,
                {},
                { application: application(), apiUrl: w.fake.apiUrl, workspaceId, organizationId: w.organizationId, regionId },
            );
            assert.deepEqual(checked.failures, []);
            const created = await assignment().create(WORKSPACE_URN, checked.inputs);
            assert.deepEqual(
                [created.id, created.outs.dataResidency, w.fake.state.workspaces.get(workspaceId)?.regionId],
                [workspaceId, "eu", regionId],
            );
            assert.deepEqual(secrets(created.outs).paths, ["application.clientId", "application.clientSecret"]);

            await w.client().assignWorkspace(workspaceId, [...w.fake.state.regions.values()].find((r) => r.name === "US")!.regionId);
            const refreshed = await assignment().read(created.id, WORKSPACE_URN, created.outs);
            assert.equal(refreshed.props.regionId, undefined, "moved elsewhere: the next update moves it back");
            assert.deepEqual(secrets(refreshed.props).paths, ["application.clientId", "application.clientSecret"]);

            await assignment().delete(created.id, WORKSPACE_URN, created.outs);
            assert.equal(w.fake.state.workspaces.has(workspaceId), true);
        });

        it("check refuses ids that are no UUIDs with the TypeScript validator's messages", async () => {
            const checked = await assignment().check(
                WORKSPACE_URN,
                {},
                { application: application(), workspaceId: "ws-1", organizationId: w.organizationId, regionId: UNKNOWN },
            );
            const reasons = Object.fromEntries((checked.failures ?? []).map((f) => [f.property, f.reason]));
            assert.deepEqual(Object.keys(reasons), ["workspaceId"]);
            assert.match(reasons.workspaceId, /"ws-1" is not a UUID; pass the workspace's id/);
        });
    });
});
