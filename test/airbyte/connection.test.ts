import * as assert from "node:assert/strict";
import { createCredentialCheckProvider, CredentialCheckState } from "../../components/airbyte/credential-check";
import { createHealthCheckProvider, HealthCheckState } from "../../components/airbyte/health-check";
import { AIRBYTE_CREDENTIAL_CHECK_KIND, AIRBYTE_HEALTH_CHECK_KIND } from "../../components/airbyte/kinds";
import { rejection, world, World } from "./setup";

describe("Connection proof against a server that answers as airbyte-server does", () => {
    let w: World;
    let regionId: string;
    let dataplane: { dataplaneId: string; clientId: string; clientSecret: string };

    beforeEach(async () => {
        w = await world();
        regionId = (await w.client().createRegion({ name: "eu", organizationId: w.organizationId })).regionId;
        dataplane = await w.client().createDataplane({ name: "aws-eu-west-1", regionId });
    });
    afterEach(async () => {
        await w.fake.close();
    });

    describe("credential check before the chart", () => {
        let check: ReturnType<typeof createCredentialCheckProvider>;
        let inputs: CredentialCheckState;
        beforeEach(() => {
            check = createCredentialCheckProvider(w.providerOptions());
            inputs = {
                __kind: AIRBYTE_CREDENTIAL_CHECK_KIND,
                airbyteUrl: w.fake.airbyteUrl,
                clientId: dataplane.clientId,
                clientSecret: dataplane.clientSecret,
            };
        });

        it("exchanges the data plane's credentials where the launcher will, and keeps no token", async () => {
            const { outs } = await check.create(inputs);
            assert.equal(outs?.tokenEndpoint, `${w.fake.airbyteUrl}/api/v1/dataplanes/token`);
            const call = w.fake.requests.at(-1)!;
            assert.deepEqual(
                [call.path, call.body, call.authorization],
                ["/api/v1/dataplanes/token", { client_id: dataplane.clientId, client_secret: dataplane.clientSecret }, undefined],
            );
            assert.ok(!JSON.stringify(outs).includes(w.fake.issuedTokens.at(-1)!));
        });

        it("fails fast on a wrong secret, recognising the server's 500 {errorId}, without quoting the secret", async () => {
            const wrong = "wrong-dataplane-secret-123";
            const error = await rejection(check.create({ ...inputs, clientSecret: wrong }));
            assert.match(
                error.message,
                new RegExp(
                    `The control plane at ${w.fake.airbyteUrl.replace(/[.]/g, "\\.")} refused data plane client ${dataplane.clientId}`,
                ),
            );
            assert.match(error.message, /answered 500 \(errorId [0-9a-f-]{36}\), as it does when no live data plane has these credentials/);
            assert.match(error.message, /so the chart was not installed/);
            assert.doesNotMatch(error.message, new RegExp(wrong));
            assert.equal(w.fake.requests.filter((r) => r.path === "/api/v1/dataplanes/token").length, 2, "asked once more, not five times");
        });

        it("refuses the credentials of a data plane deleted in Airbyte (they died with it)", async () => {
            await w.client().deleteDataplane(dataplane.dataplaneId);
            const error = await rejection(check.create(inputs));
            assert.match(error.message, /probably deleted in Airbyte .* `pulumi refresh` then `pulumi up` registers a new one/);
        });

        it("reports a web address that is no control plane as such (404 route)", async () => {
            const error = await rejection(check.create({ ...inputs, airbyteUrl: `${w.fake.airbyteUrl}/airbyte` }));
            assert.match(
                error.message,
                /\/airbyte\/api\/v1\/dataplanes\/token is not a route .* airbyteUrl .* is not the control plane's web address/,
            );
        });

        it("check refuses empty credentials with the way back, a client id that is not a UUID, and an API address", async () => {
            const empty = await check.check!({}, { ...inputs, clientId: "", clientSecret: "" });
            assert.deepEqual(
                empty.failures?.map((f) => f.property),
                ["clientId", "clientSecret"],
            );
            assert.match(
                empty.failures?.[0].reason ?? "",
                /returns a data plane's client id and secret only in the answer to its create.*`pulumi up --replace/,
            );
            const notUuid = await check.check!({}, { ...inputs, clientId: "dp-1" });
            assert.match(notUuid.failures?.[0].reason ?? "", /is not a UUID/);
            const api = await check.check!({}, { ...inputs, airbyteUrl: "https://api.airbyte.com/v1" });
            assert.match(
                api.failures?.[0].reason ?? "",
                /Airbyte Cloud's API host, not the control plane's web address; use https:\/\/cloud\.airbyte\.com/,
            );
        });

        it("runs again only when the address or the credentials change", async () => {
            const { outs } = await check.create(inputs);
            assert.equal((await check.diff!("c", outs!, { ...inputs })).changes, false);
            assert.equal((await check.diff!("c", outs!, { ...inputs, clientSecret: "rotated" })).changes, true);
        });
    });

    describe("health wait after the release", () => {
        let health: ReturnType<typeof createHealthCheckProvider>;
        let inputs: HealthCheckState;
        beforeEach(() => {
            health = createHealthCheckProvider(w.providerOptions());
            inputs = {
                __kind: AIRBYTE_HEALTH_CHECK_KIND,
                ...w.connection,
                airbyteUrl: w.fake.airbyteUrl,
                dataplaneId: dataplane.dataplaneId,
                regionId,
                timeoutSeconds: 60,
                pollSeconds: 10,
                namespace: "airbyte",
                launcherDeployment: "airbyte-data-plane",
            };
            // Every wait moves the shared clock, so the server's view of heartbeat ages moves with it.
            w.sleeper.onSleep = (ms) => w.clock.advance(ms);
        });

        it("returns at once for a data plane that is HEALTHY, finding the organization from the region", async () => {
            w.fake.heartbeat(dataplane.dataplaneId, w.clock.now() - 20_000);
            const { outs } = await health.create(inputs);
            assert.equal(outs?.status, "HEALTHY");
            assert.equal(outs?.lastHeartbeatAt, new Date(w.clock.now() - 20_000).toISOString());
            assert.deepEqual(w.waits, []);
            assert.deepEqual(w.fake.apiCalls().slice(-2), [`GET /regions/${regionId}`, "POST /api/v1/dataplanes/health"]);
        });

        it("waits until the first heartbeat arrives, then reports HEALTHY", async () => {
            let polls = 0;
            w.sleeper.onSleep = (ms) => {
                w.clock.advance(ms);
                if (++polls === 3) w.fake.heartbeat(dataplane.dataplaneId);
            };
            const { outs } = await health.create({ ...inputs, organizationId: w.organizationId });
            assert.equal(outs?.status, "HEALTHY");
            assert.deepEqual(w.waits, [10_000, 10_000, 10_000]);
        });

        it("fails after the bound for a data plane that never sent a heartbeat, saying what to check", async () => {
            const error = await rejection(health.create(inputs));
            assert.match(error.message, new RegExp(`Data plane "aws-eu-west-1" ${dataplane.dataplaneId} sent no heartbeat within 60 s`));
            assert.match(error.message, /kubectl -n airbyte logs deploy\/airbyte-data-plane/);
            assert.match(error.message, /flexplane:dataPlaneHealthTimeoutSeconds: 0/);
            assert.equal(
                w.waits.reduce((a, b) => a + b, 0),
                60_000,
                "bounded: the last look is at the deadline, none after",
            );
        });

        it("fails after the bound for a DEGRADED data plane, with the heartbeat's age", async () => {
            w.fake.heartbeat(dataplane.dataplaneId, w.clock.now() - 120_000);
            const error = await rejection(health.create({ ...inputs, timeoutSeconds: 30 }));
            assert.match(error.message, /is DEGRADED after 30 s: its last heartbeat arrived 1[45]0 s ago \(HEALTHY needs one within 60 s/);
            assert.match(error.message, /launcher version 2\.0\.0/);
        });

        it("fails at once when the application may not read health, instead of waiting", async () => {
            w.fake.addApplication("viewer-app", "viewer-secret-123", false);
            const error = await rejection(
                health.create({
                    ...inputs,
                    organizationId: w.organizationId,
                    applicationClientId: "viewer-app",
                    applicationClientSecret: "viewer-secret-123",
                }),
            );
            assert.equal(error.kind, "forbidden");
            assert.match(error.message, /POST \/dataplanes\/health returned 403/);
            assert.deepEqual(w.waits, []);
        });

        it("reports a data plane the organization does not list (deleted) without waiting out the bound in vain", async () => {
            await w.client().deleteDataplane(dataplane.dataplaneId);
            const error = await rejection(health.create({ ...inputs, timeoutSeconds: 5, pollSeconds: 5 }));
            assert.match(error.message, /is not among the data planes organization .* reports on: it was deleted/);
        });

        it("waits again when the release changes, not when nothing does", async () => {
            w.fake.heartbeat(dataplane.dataplaneId);
            const { outs } = await health.create({ ...inputs, revision: "1" });
            assert.equal((await health.diff!("h", outs!, { ...inputs, revision: "1" })).changes, false);
            assert.equal((await health.diff!("h", outs!, { ...inputs, revision: "2" })).changes, true);
        });
    });
});
