import * as assert from "node:assert/strict";
import { APP_ID, APP_SECRET, rejection, world } from "./setup";

describe("AirbyteClient access tokens", () => {
    let w: Awaited<ReturnType<typeof world>>;
    afterEach(async () => {
        await w.fake.close();
    });

    it("sends the client-credentials grant as JSON, then the token as a bearer on every call", async () => {
        w = await world();
        const client = w.client();
        await client.listRegions(w.organizationId);
        await client.listRegions(w.organizationId);
        const tokenCall = w.fake.requests.find((r) => r.path === "/applications/token");
        assert.equal(tokenCall?.body.grant_type, "client_credentials");
        assert.equal(tokenCall?.body.client_id, APP_ID);
        assert.equal(tokenCall?.body.client_secret, APP_SECRET);
        assert.equal(tokenCall?.authorization, undefined, "the token call carries no bearer token");
        assert.equal(w.fake.tokenRequests(), 1);
        const auth = w.fake.requests.filter((r) => r.path === "/regions").map((r) => r.authorization);
        assert.deepEqual(auth, [`Bearer ${w.fake.issuedTokens[0]}`, `Bearer ${w.fake.issuedTokens[0]}`]);
    });

    // When a token is replaced: its lifetime (announced, else 3 minutes) minus a margin of 30 s, at most half the lifetime.
    const refreshes: Array<{ title: string; tokenLifetimeS?: number | null; refreshAfterMs: number }> = [
        {
            title: "reuses the token until 30 s before its announced expiry (the server's default 15 minutes), then replaces it",
            refreshAfterMs: 870_000,
        },
        { title: "assumes 3 minutes when the token response has no expires_in", tokenLifetimeS: null, refreshAfterMs: 150_000 },
        { title: "keeps the refresh margin below half of a short token lifetime", tokenLifetimeS: 20, refreshAfterMs: 10_000 },
    ];
    for (const { title, tokenLifetimeS, refreshAfterMs } of refreshes) {
        it(title, async () => {
            w = await world({ tokenLifetimeS });
            const client = w.client();
            await client.listRegions(w.organizationId);
            w.clock.advance(refreshAfterMs - 1_000);
            await client.listRegions(w.organizationId);
            assert.equal(w.fake.tokenRequests(), 1, "still fresh a second before the refresh point");
            w.clock.advance(2_000);
            await client.listRegions(w.organizationId);
            assert.equal(w.fake.tokenRequests(), 2, "replaced a second after it");
            assert.equal(w.fake.requests.at(-1)?.authorization, `Bearer ${w.fake.issuedTokens[1]}`);
        });
    }

    it("recovers when the token expires mid-run earlier than announced: one 401, a new token, one retry", async () => {
        w = await world({ tokenValidMs: 60_000 });
        const client = w.client();
        const region = await client.createRegion({ name: "eu", organizationId: w.organizationId });
        w.clock.advance(61_000);
        const read = await client.getRegion(region.regionId);
        assert.equal(read.name, "eu");
        assert.equal(w.fake.tokenRequests(), 2);
        assert.deepEqual(w.fake.apiCalls(), ["POST /regions", `GET /regions/${region.regionId}`, `GET /regions/${region.regionId}`]);
        assert.deepEqual(w.waits, [], "a 401 refresh is immediate, not a backoff retry");
    });

    it("recovers when the server forgets its tokens", async () => {
        w = await world();
        const client = w.client();
        await client.listRegions(w.organizationId);
        w.fake.expireAllTokens();
        await client.listRegions(w.organizationId);
        assert.equal(w.fake.tokenRequests(), 2);
    });

    it("retries a 401 only once, then reports the token as rejected", async () => {
        w = await world();
        w.fake.inject({ method: "GET" }, { status: 401 }, { status: 401 });
        const error = await rejection(w.client().getRegion("4f1c0d5e-0000-4000-8000-000000000001"));
        assert.equal(error.kind, "token-rejected");
        assert.equal(error.status, 401);
        assert.equal(error.attempts, 2);
        assert.match(error.message, /refused a freshly issued access token for region 4f1c0d5e/);
        assert.equal(w.fake.apiCalls().length, 2);
        assert.equal(w.fake.tokenRequests(), 2);
    });

    it("shares one token request between concurrent calls", async () => {
        w = await world();
        const client = w.client();
        await Promise.all([1, 2, 3].map(() => client.listRegions(w.organizationId)));
        assert.equal(w.fake.tokenRequests(), 1);
    });

    it("retries the token call on 5xx like any idempotent call", async () => {
        w = await world();
        w.fake.inject({ path: /token/ }, { status: 503 });
        await w.client().listRegions(w.organizationId);
        assert.equal(w.fake.tokenRequests(), 2);
        assert.equal(w.waits.length, 1);
    });

    it("reports a token response without access_token as not the public API", async () => {
        w = await world();
        w.fake.inject({ path: /token/ }, { status: 200, body: { html: "<login page>" } });
        const error = await rejection(w.client().listRegions(w.organizationId));
        assert.equal(error.kind, "invalid-response");
        assert.match(error.message, /no access_token/);
    });
});
