import * as assert from "node:assert/strict";
import { AirbyteApiError } from "../../components/airbyte/errors";
import { FakeAirbyte } from "./fake-airbyte";
import { APP_ID, APP_SECRET, rejection, world } from "./setup";

describe("AirbyteClient against the loopback API", () => {
    let w: Awaited<ReturnType<typeof world>>;
    beforeEach(async () => {
        w = await world();
    });
    afterEach(async () => {
        await w.fake.close();
    });

    describe("happy paths", () => {
        it("creates, reads, lists, renames and deletes a region", async () => {
            const client = w.client();
            const created = await client.createRegion({ name: "eu", organizationId: w.organizationId });
            assert.equal(created.name, "eu");
            assert.equal(created.organizationId, w.organizationId);
            assert.equal(created.enabled, true);
            assert.deepEqual(w.fake.requests.at(-1)?.body, { name: "eu", organizationId: w.organizationId });

            assert.deepEqual(await client.getRegion(created.regionId), created);
            await client.createRegion({ name: "us", organizationId: w.organizationId, enabled: false });
            const listed = await client.listRegions(w.organizationId);
            assert.deepEqual(listed.map((r) => [r.name, r.enabled]).sort(), [["eu", true], ["us", false]]);
            assert.equal(w.fake.requests.at(-1)?.query.get("organizationId"), w.organizationId);

            const renamed = await client.updateRegion(created.regionId, { name: "eu-west", enabled: false });
            assert.equal(renamed.name, "eu-west");
            assert.equal(renamed.enabled, false);
            assert.deepEqual(w.fake.requests.at(-1)?.body, { name: "eu-west", enabled: false });
            assert.equal(w.fake.regions.get(created.regionId)?.name, "eu-west");

            await client.deleteRegion(created.regionId);
            assert.equal(w.fake.regions.has(created.regionId), false);
            assert.deepEqual(w.fake.apiCalls(), [
                "POST /regions",
                `GET /regions/${created.regionId}`,
                "POST /regions",
                "GET /regions",
                `PATCH /regions/${created.regionId}`,
                `DELETE /regions/${created.regionId}`,
            ]);
        });

        it("creates a data plane, returns its credentials once, and manages it", async () => {
            const client = w.client();
            const region = await client.createRegion({ name: "eu", organizationId: w.organizationId });
            const other = await client.createRegion({ name: "us", organizationId: w.organizationId });
            const created = await client.createDataplane({ name: "eu-1", regionId: region.regionId });
            const stored = w.fake.dataplanes.get(created.dataplaneId);
            assert.equal(created.clientId, stored?.clientId);
            assert.equal(created.clientSecret, stored?.clientSecret);

            const read = await client.getDataplane(created.dataplaneId);
            assert.deepEqual([read.name, read.regionId, read.enabled], ["eu-1", region.regionId, true]);
            assert.equal((read as any).clientSecret, undefined);

            await client.createDataplane({ name: "us-1", regionId: other.regionId, enabled: false });
            assert.deepEqual((await client.listDataplanes(region.regionId)).map((d) => d.name), ["eu-1"]);
            const both = await client.listDataplanes([region.regionId, other.regionId]);
            assert.deepEqual(both.map((d) => d.name).sort(), ["eu-1", "us-1"]);
            assert.deepEqual(w.fake.requests.at(-1)?.query.getAll("regionIds"), [region.regionId, other.regionId]);

            const patched = await client.updateDataplane(created.dataplaneId, { enabled: false });
            assert.equal(patched.enabled, false);
            await client.deleteDataplane(created.dataplaneId);
            assert.equal(w.fake.dataplanes.has(created.dataplaneId), false);
        });

        it("serves a self-managed control plane under /api/public/v1, trailing slash or not", async () => {
            const selfManaged = await FakeAirbyte.start({ prefix: "/api/public/v1", now: w.clock.now });
            try {
                selfManaged.addApplication(APP_ID, APP_SECRET);
                const org = selfManaged.addOrganization();
                const client = w.client({ apiUrl: `${selfManaged.apiUrl}/` });
                assert.equal(client.apiUrl, selfManaged.apiUrl);
                const region = await client.createRegion({ name: "onprem", organizationId: org });
                assert.equal(selfManaged.regions.get(region.regionId)?.name, "onprem");
            } finally {
                await selfManaged.close();
            }
        });

        it("accepts a bare array as a list and falls back to a read when a PATCH answers without a body", async () => {
            const client = w.client();
            const region = await client.createRegion({ name: "eu", organizationId: w.organizationId });
            w.fake.inject({ method: "GET", path: /^\/regions$/ }, { status: 200, body: [w.fake.regions.get(region.regionId)] });
            assert.deepEqual((await client.listRegions(w.organizationId)).map((r) => r.regionId), [region.regionId]);
            w.fake.inject({ method: "PATCH" }, { status: 204 });
            const after = await client.updateRegion(region.regionId, { name: "ignored-by-script" });
            assert.equal(after.name, "eu");
            assert.equal(w.fake.apiCalls().at(-1), `GET /regions/${region.regionId}`);
        });
    });

    describe("errors", () => {
        it("reports rejected application credentials on the token call without echoing the secret", async () => {
            const error = await rejection(w.client({ clientSecret: "wrong-secret-value" }).listRegions(w.organizationId));
            assert.ok(error instanceof AirbyteApiError);
            assert.equal(error.kind, "bad-credentials");
            assert.equal(error.status, 401);
            assert.equal(error.method, "POST");
            assert.equal(error.path, "/applications/token");
            assert.match(error.message, /client id or client secret was rejected/);
            assert.match(error.message, /Settings > Applications/);
            assert.doesNotMatch(error.message, /wrong-secret-value/);
            assert.equal(w.fake.tokenRequests(), 1, "a 401 on the token is not retried");
        });

        it("redacts the secret and tokens when the server echoes them", async () => {
            w.fake.inject({ path: /token/ }, { status: 401, body: { message: `bad secret ${APP_SECRET}` } });
            const first = await rejection(w.client().listRegions(w.organizationId));
            assert.match(first.message, /bad secret \[redacted\]/);
            assert.ok(!first.message.includes(APP_SECRET));

            const client = w.client({ retry: { maxRetries: 0 } });
            await client.listRegions(w.organizationId);
            const token = w.fake.issuedTokens.at(-1) ?? "";
            w.fake.inject({ method: "GET" }, { status: 500, body: { message: `failed for token ${token}` } });
            const second = await rejection(client.listRegions(w.organizationId));
            assert.ok(token.length > 10 && !second.message.includes(token));
            assert.match(second.message, /failed for token \[redacted\]/);
        });

        it("explains 403 as the application's user not being an organization admin", async () => {
            w.fake.addApplication("viewer-app", "viewer-secret-123", false);
            const error = await rejection(w.client({ clientId: "viewer-app", clientSecret: "viewer-secret-123" }).listRegions(w.organizationId));
            assert.equal(error.kind, "forbidden");
            assert.equal(error.status, 403);
            assert.match(error.message, /GET \/regions\?organizationId=/);
            assert.match(error.message, /must.*organization admin|organization admin/);
            assert.match(error.message, /Fix: regions and data planes can only be managed by an organization admin/);
        });

        it("names the missing object on 404", async () => {
            const id = "0b7e57d1-0000-4000-8000-000000000404";
            const error = await rejection(w.client().getDataplane(id));
            assert.equal(error.kind, "not-found");
            assert.equal(error.status, 404);
            assert.equal(error.path, `/dataplanes/${id}`);
            assert.match(error.message, new RegExp(`data plane ${id} was not found`));
            assert.equal(w.fake.apiCalls().length, 1, "404 is never retried");
        });

        it("explains 409 as a name in use and keeps the server's words", async () => {
            const client = w.client();
            await client.createRegion({ name: "eu", organizationId: w.organizationId });
            const error = await rejection(client.createRegion({ name: "eu", organizationId: w.organizationId }));
            assert.equal(error.kind, "conflict");
            assert.equal(error.status, 409);
            assert.match(error.message, /region "eu" conflicts/);
            assert.match(error.message, /Airbyte said: "A region named eu already exists"/);
            assert.match(error.message, /choose another name, or adopt the existing object by setting importId/);
        });

        it("never retries other 4xx", async () => {
            w.fake.inject({ method: "GET" }, { status: 400, body: { message: "bad uuid" } });
            const error = await rejection(w.client().getRegion("x"));
            assert.equal(error.kind, "bad-request");
            assert.equal(error.attempts, 1);
            assert.deepEqual(w.waits, []);
        });

        it("waits what Retry-After asks on 429, then succeeds", async () => {
            w.fake.inject({ method: "GET" }, { status: 429, headers: { "retry-after": "7" }, body: { message: "slow down" } });
            const regions = await w.client().listRegions(w.organizationId);
            assert.deepEqual(regions, []);
            assert.deepEqual(w.waits, [7_000]);
            assert.equal(w.fake.apiCalls().length, 2);
        });

        it("retries a 500 with backoff, then succeeds", async () => {
            w.fake.inject({ method: "GET" }, { status: 500 }, { status: 502 });
            await w.client().listRegions(w.organizationId);
            assert.deepEqual(w.waits, [75, 150], "half-jittered exponential backoff from 100 ms");
            assert.equal(w.fake.apiCalls().length, 3);
        });

        it("gives up after maxRetries on a persistent 500", async () => {
            w.fake.inject({ method: "GET" }, ...Array.from({ length: 10 }, () => ({ status: 500, body: { message: "boom" } })));
            const error = await rejection(w.client().listRegions(w.organizationId));
            assert.equal(error.kind, "server");
            assert.equal(error.status, 500);
            assert.equal(error.attempts, 5);
            assert.match(error.message, /returned 500 after 5 attempts/);
            assert.equal(w.fake.apiCalls().length, 5);
            assert.deepEqual(w.waits, [75, 150, 300, 600]);
        });

        it("does not resend a create after a 500 that may have created it, but does after a 503", async () => {
            const client = w.client();
            const region = await client.createRegion({ name: "eu", organizationId: w.organizationId });
            w.fake.inject({ method: "POST", path: /dataplanes/ }, { status: 500 });
            const error = await rejection(client.createDataplane({ name: "eu-1", regionId: region.regionId }));
            assert.equal(error.attempts, 1);
            assert.match(error.message, /A create is not retried/);

            w.fake.inject({ method: "POST", path: /dataplanes/ }, { status: 503 });
            const created = await client.createDataplane({ name: "eu-1", regionId: region.regionId });
            assert.ok(w.fake.dataplanes.has(created.dataplaneId));
        });

        it("times out a hanging request, and retries it when allowed", async () => {
            w.fake.inject({ method: "GET" }, { status: 200, body: { data: [] }, delayMs: 400 });
            const error = await rejection(w.client({ timeoutMs: 50, retry: { maxRetries: 0 } }).listRegions(w.organizationId));
            assert.equal(error.kind, "timeout");
            assert.equal(error.status, 0);
            assert.match(error.message, /No response within 50 ms/);

            w.fake.inject({ method: "GET" }, { status: 200, body: { data: [] }, delayMs: 400 });
            assert.deepEqual(await w.client({ timeoutMs: 50 }).listRegions(w.organizationId), []);
        });

        it("reports an unreachable control plane after retrying", async () => {
            const closed = await FakeAirbyte.start();
            const url = closed.apiUrl;
            await closed.close();
            const error = await rejection(w.client({ apiUrl: url }).createRegion({ name: "eu", organizationId: w.organizationId }));
            assert.equal(error.kind, "network");
            assert.equal(error.attempts, 5, "a refused connection never reached the server, so even the create is resent");
            assert.match(error.message, /could not reach the control plane .*ECONNREFUSED/);
        });

        it("rejects redirects and bodies that are not the public API", async () => {
            w.fake.inject({ method: "GET" }, { status: 302, headers: { location: "https://example.test/login" } });
            const redirected = await rejection(w.client().listRegions(w.organizationId));
            assert.equal(redirected.kind, "invalid-response");
            assert.match(redirected.message, /redirected to https:\/\/example.test\/login/);

            w.fake.inject({ method: "GET" }, { status: 200, body: { id: "no regionId here" } });
            const shapeless = await rejection(w.client().getRegion("r"));
            assert.equal(shapeless.kind, "invalid-response");
            assert.match(shapeless.message, /\(no regionId\)/);
        });
    });
});
