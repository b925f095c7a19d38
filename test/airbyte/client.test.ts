import * as assert from "node:assert/strict";
import { AirbyteApiError } from "../../components/airbyte/errors";
import { FakeAirbyte } from "./fake-airbyte";
import { APP_ID, APP_SECRET, rejection, world, World } from "./setup";

describe("AirbyteClient against a server that answers as airbyte-server does", () => {
    let w: World;
    beforeEach(async () => {
        w = await world();
    });
    afterEach(async () => {
        await w.fake.close();
    });

    describe("normal paths", () => {
        it("creates, lists, renames and deletes a region; lists are bare arrays with the default regions in them", async () => {
            const client = w.client();
            const created = await client.createRegion({ name: "eu", organizationId: w.organizationId });
            assert.deepEqual([created.name, created.organizationId, created.enabled], ["eu", w.organizationId, true]);
            assert.deepEqual(w.fake.requests.at(-1)?.body, { name: "eu", organizationId: w.organizationId });
            assert.equal(created.createdAt, "2026-01-01T00:00Z", "Java's OffsetDateTime drops zero seconds");

            await client.createRegion({ name: "us", organizationId: w.organizationId, enabled: false });
            const listed = await client.listRegions(w.organizationId);
            const own = listed.filter((r) => r.organizationId === w.organizationId);
            assert.deepEqual(own.map((r) => [r.name, r.enabled]).sort(), [
                ["eu", true],
                ["us", false],
            ]);
            assert.deepEqual(
                listed
                    .filter((r) => r.organizationId !== w.organizationId)
                    .map((r) => r.name)
                    .sort(),
                ["AUTO", "EU", "US"],
            );

            const renamed = await client.updateRegion(created.regionId, { name: "eu-west", enabled: false });
            assert.deepEqual([renamed.name, renamed.enabled], ["eu-west", false]);
            await client.deleteRegion(created.regionId);
            assert.equal(w.fake.regions.get(created.regionId)?.tombstone, true);
            assert.deepEqual(
                (await client.listRegions(w.organizationId)).filter((r) => r.organizationId === w.organizationId).map((r) => r.name),
                ["us"],
            );
            assert.equal(
                (await client.getRegion(created.regionId)).name,
                "eu-west",
                "a deleted region still reads by id, with nothing to say so",
            );
        });

        it("creates a data plane, returns its credentials once, and lists only live ones", async () => {
            const client = w.client();
            const region = await client.createRegion({ name: "eu", organizationId: w.organizationId });
            const other = await client.createRegion({ name: "us", organizationId: w.organizationId });
            const created = await client.createDataplane({ name: "eu-1", regionId: region.regionId });
            assert.equal(created.clientSecret, w.fake.dataplanes.get(created.dataplaneId)?.clientSecret);
            assert.equal(((await client.getDataplane(created.dataplaneId)) as any).clientSecret, undefined);

            await client.createDataplane({ name: "us-1", regionId: other.regionId });
            const both = await client.listDataplanes([region.regionId, other.regionId]);
            assert.deepEqual(both.map((d) => d.name).sort(), ["eu-1", "us-1"]);
            assert.deepEqual(w.fake.requests.at(-1)?.query.getAll("regionIds"), [region.regionId, other.regionId]);

            await client.deleteDataplane(created.dataplaneId);
            assert.deepEqual(
                (await client.listDataplanes(region.regionId)).map((d) => d.name),
                [],
            );
            assert.equal((await client.getDataplane(created.dataplaneId)).name, "eu-1", "still readable by id after delete");
        });

        it("serves Airbyte Cloud's gateway path /v1 too, trailing slash or not", async () => {
            const cloud = await FakeAirbyte.start({ prefix: "/v1", now: w.clock.now });
            try {
                cloud.addApplication(APP_ID, APP_SECRET);
                const org = cloud.addOrganization();
                const client = w.client({ apiUrl: `${cloud.apiUrl}/` });
                assert.equal(client.apiUrl, cloud.apiUrl);
                const region = await client.createRegion({ name: "onprem", organizationId: org });
                assert.equal(cloud.regions.get(region.regionId)?.name, "onprem");
            } finally {
                await cloud.close();
            }
        });

        it("reads an organization's data-plane health from the internal API under the web address", async () => {
            const client = w.client();
            const region = await client.createRegion({ name: "eu", organizationId: w.organizationId });
            const dp = await client.createDataplane({ name: "eu-1", regionId: region.regionId });
            w.fake.heartbeat(dp.dataplaneId, w.clock.now() - 90_000);
            const [health] = await client.dataplaneHealth(w.fake.airbyteUrl, w.organizationId);
            assert.deepEqual(
                [health.dataplaneId, health.status, health.lastHeartbeatTimestamp],
                [dp.dataplaneId, "DEGRADED", w.clock.now() - 90_000],
            );
            assert.equal(w.fake.requests.at(-1)?.path, "/api/v1/dataplanes/health");
            assert.deepEqual(w.fake.requests.at(-1)?.body, { organizationId: w.organizationId });
        });
    });

    describe("errors, as the server words them", () => {
        for (const status of [401, 500] as const) {
            it(`reports refused application credentials (${status} {errorId}) without echoing the secret, retrying at most once`, async () => {
                const server = await world({ badApplicationStatus: status });
                try {
                    const error = await rejection(server.client({ clientSecret: "wrong-secret-value" }).listRegions(server.organizationId));
                    assert.ok(error instanceof AirbyteApiError);
                    assert.equal(error.kind, "bad-credentials");
                    assert.equal(error.status, status);
                    assert.match(error.message, /POST \/applications\/token returned/);
                    assert.match(error.message, /client id or client secret was rejected.*Settings > Applications/);
                    assert.match(error.message, new RegExp(`errorId ${error.errorId}`));
                    assert.doesNotMatch(error.message, /wrong-secret-value/);
                    assert.equal(server.fake.tokenRequests(), status === 401 ? 1 : 2);
                } finally {
                    await server.fake.close();
                }
            });
        }

        it("redacts the secret and tokens when the server quotes them", async () => {
            w.fake.inject(
                { path: /token/ },
                { status: 401, body: { status: 401, title: "invalid-api-key", data: { message: `bad secret ${APP_SECRET}` } } },
            );
            const first = await rejection(w.client().listRegions(w.organizationId));
            assert.match(first.message, /bad secret \[redacted\]/);
            assert.ok(!first.message.includes(APP_SECRET));

            const client = w.client({ retry: { maxRetries: 0 } });
            await client.listRegions(w.organizationId);
            const token = w.fake.issuedTokens.at(-1) ?? "";
            w.fake.inject(
                { method: "GET" },
                { status: 500, body: { title: "unexpected-problem", data: { message: `failed for token ${token}` } } },
            );
            const second = await rejection(client.listRegions(w.organizationId));
            assert.ok(token.length > 10 && !second.message.includes(token));
            assert.match(second.message, /failed for token \[redacted\]/);
        });

        it("explains a 403 for a user who is not an organization admin with the server's cause", async () => {
            w.fake.addApplication("viewer-app", "viewer-secret-123", false);
            const error = await rejection(
                w.client({ clientId: "viewer-app", clientSecret: "viewer-secret-123" }).listRegions(w.organizationId),
            );
            assert.equal(error.kind, "forbidden");
            assert.match(error.message, /Airbyte said: "Caller does not have the required ORGANIZATION_ADMIN permissions/);
            assert.match(error.message, /Fix: this call needs an organization admin/);
        });

        it("tells a missing self-managed-regions entitlement apart from a missing role", async () => {
            const unentitled = w.fake.addOrganization(undefined, { entitled: false });
            const error = await rejection(w.client().createRegion({ name: "eu", organizationId: unentitled }));
            assert.equal(error.kind, "not-entitled");
            assert.equal(error.status, 403);
            assert.match(error.message, /not entitled to self-managed regions \(missing entitlement feature-self-managed-regions\)/);
            assert.doesNotMatch(error.message, /organization admin/);
            assert.equal(w.fake.apiCalls().length, 1, "a 403 is never retried");
        });

        it("reports a 404 as a wrong base URL naming the URL it tried, never as a missing object", async () => {
            const wrongBase = `${w.fake.airbyteUrl}/airbyte/api/public/v1`;
            const error = await rejection(w.client({ apiUrl: wrongBase }).listRegions(w.organizationId));
            assert.equal(error.kind, "no-route");
            assert.match(error.message, new RegExp(`${wrongBase.replace(/[/.]/g, "\\$&")}/applications/token is not a route`));
            assert.match(error.message, /never for a missing object/);
            w.fake.inject({ method: "GET" }, { status: 404, text: "Object not found." });
            const listed = await rejection(w.client().listRegions(w.organizationId));
            assert.match(listed.message, /\/api\/public\/v1\/regions is not a route/);
        });

        it("recognises an unknown id's 500 {errorId}, asks once more, and names the id", async () => {
            const id = "0b7e57d1-0000-4000-8000-000000000404";
            const error = await rejection(w.client().getDataplane(id));
            assert.equal(error.kind, "unknown-id");
            assert.equal(error.status, 500);
            assert.equal(error.attempts, 2);
            assert.match(error.message, new RegExp(`data plane ${id} most likely does not exist`));
            assert.match(error.message, /quote the errorId to Airbyte support/);
            const region = await rejection(w.client().listDataplanes("9a1b2c3d-0000-4000-8000-000000000000"));
            assert.equal(region.kind, "unknown-id", "listing an unknown region's data planes fails the same way");
        });

        it("reports a taken or reserved region name from the problem's data.message, without retrying", async () => {
            const client = w.client();
            const eu = await client.createRegion({ name: "eu", organizationId: w.organizationId });
            await client.deleteRegion(eu.regionId);
            const again = await rejection(client.createRegion({ name: "eu", organizationId: w.organizationId }));
            assert.equal(again.kind, "name-taken");
            assert.match(again.message, /duplicate key value violates unique constraint "dataplane_group_organization_id_name_key"/);
            assert.match(again.message, /deleted regions included/);
            const other = await client.createRegion({ name: "other", organizationId: w.organizationId });
            const reserved = await rejection(client.updateRegion(other.regionId, { name: "US" }));
            assert.equal(reserved.kind, "name-taken");
            assert.equal(reserved.attempts, 1, "a refused name is never asked again");
            assert.match(reserved.message, /conflicts with a default group name/);
        });

        it("reports an unreadable request (422 {errorId}) as invalid", async () => {
            const error = await rejection(w.client().createRegion({ name: undefined as any, organizationId: w.organizationId }));
            assert.equal(error.kind, "invalid-request");
            assert.equal(error.status, 422);
            assert.equal(error.attempts, 1);
            assert.deepEqual(w.waits, []);
        });

        it("waits what Retry-After asks on 429, then succeeds", async () => {
            w.fake.inject({ method: "GET" }, { status: 429, headers: { "retry-after": "7" }, body: { message: "slow down" } });
            const regions = await w.client().listRegions(w.organizationId);
            assert.equal(regions.length, 3, "the three default regions");
            assert.deepEqual(w.waits, [7_000]);
        });

        it("retries a server failure with backoff, and gives up after maxRetries", async () => {
            w.fake.inject(
                { method: "GET" },
                { status: 500, body: { title: "unexpected-problem", data: { message: "db down" } } },
                { status: 502 },
            );
            await w.client().listRegions(w.organizationId);
            assert.deepEqual(w.waits, [75, 150], "half-jittered exponential backoff from 100 ms");
            w.fake.inject(
                { method: "GET" },
                ...Array.from({ length: 10 }, () => ({ status: 500, body: { title: "unexpected-problem", data: { message: "boom" } } })),
            );
            const error = await rejection(w.client().listRegions(w.organizationId));
            assert.equal(error.kind, "server");
            assert.equal(error.attempts, 5);
            assert.match(error.message, /returned 500 after 5 attempts.*Airbyte said: "boom"/);
        });

        it("does not resend a create after a 500, but does after a 503", async () => {
            const client = w.client();
            const region = await client.createRegion({ name: "eu", organizationId: w.organizationId });
            w.fake.inject({ method: "POST", path: /dataplanes/ }, { status: 500, body: { errorId: "e1" } });
            const error = await rejection(client.createDataplane({ name: "eu-1", regionId: region.regionId }));
            assert.equal(error.attempts, 1);
            assert.match(error.message, /A create is not resent/);
            w.fake.inject({ method: "POST", path: /dataplanes/ }, { status: 503 });
            const created = await client.createDataplane({ name: "eu-1", regionId: region.regionId });
            assert.ok(w.fake.dataplanes.has(created.dataplaneId));
        });

        it("times out a hanging request, and retries it when allowed", async () => {
            w.fake.inject({ method: "GET" }, { status: 200, body: [], delayMs: 400 });
            const error = await rejection(w.client({ timeoutMs: 50, retry: { maxRetries: 0 } }).listRegions(w.organizationId));
            assert.equal(error.kind, "timeout");
            assert.match(error.message, /No response within 50 ms/);
            w.fake.inject({ method: "GET" }, { status: 200, body: [], delayMs: 400 });
            assert.equal((await w.client({ timeoutMs: 50 }).listRegions(w.organizationId)).length, 3, "the retry got the default regions");
        });

        it("reports an unreachable control plane after retrying, even a create (never sent)", async () => {
            const closed = await FakeAirbyte.start();
            const url = closed.apiUrl;
            await closed.close();
            const error = await rejection(w.client({ apiUrl: url }).createRegion({ name: "eu", organizationId: w.organizationId }));
            assert.equal(error.kind, "network");
            assert.equal(error.attempts, 5);
            assert.match(error.message, /could not reach the control plane .*ECONNREFUSED/);
        });

        it("rejects redirects and bodies that are not the API", async () => {
            w.fake.inject({ method: "GET" }, { status: 302, headers: { location: "https://example.test/login" } });
            const redirected = await rejection(w.client().listRegions(w.organizationId));
            assert.equal(redirected.kind, "invalid-response");
            assert.match(redirected.message, /redirected to https:\/\/example.test\/login/);
            w.fake.inject({ method: "GET" }, { status: 200, body: { id: "no regionId here" } });
            const shapeless = await rejection(w.client().getRegion("4f1c0d5e-0000-4000-8000-000000000001"));
            assert.match(shapeless.message, /\(no regionId\)/);
        });
    });
});
