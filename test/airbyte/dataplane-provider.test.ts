import * as assert from "node:assert/strict";
import { exchangeDataplaneCredentials } from "../../components/airbyte/credential-check";
import { AirbyteDataplaneState, createDataplaneProvider } from "../../components/airbyte/dataplane";
import { AIRBYTE_DATAPLANE_KIND } from "../../components/airbyte/kinds";
import { UNKNOWN } from "../../components/airbyte/provider-common";
import { rejection, world, World } from "./setup";

describe("AirbyteDataplane provider against a server that answers as airbyte-server does", () => {
    let w: World;
    let provider: ReturnType<typeof createDataplaneProvider>;
    let regionId: string;
    let inputs: AirbyteDataplaneState;

    beforeEach(async () => {
        w = await world();
        provider = createDataplaneProvider(w.providerOptions());
        regionId = (await w.client().createRegion({ name: "eu", organizationId: w.organizationId })).regionId;
        inputs = { __kind: AIRBYTE_DATAPLANE_KIND, ...w.connection, regionId, name: "aws-eu-west-1" };
    });
    afterEach(async () => {
        await w.fake.close();
    });

    const liveNames = () =>
        w.fake.state
            .liveDataplanes([regionId])
            .map((d) => d.name)
            .sort();

    it("create keeps the credentials that only the create answer carries, and they work at the token endpoint", async () => {
        const { id, outs } = await provider.create(inputs);
        const stored = w.fake.dataplanes.get(id);
        assert.deepEqual([outs?.dataplaneId, outs?.clientId, outs?.clientSecret], [id, stored?.clientId, stored?.clientSecret]);
        assert.deepEqual([outs?.name, outs?.enabled, outs?.createdAt], ["aws-eu-west-1", true, "2026-01-01T00:00Z"]);
        await exchangeDataplaneCredentials(w.fake.airbyteUrl, outs!.clientId!, outs!.clientSecret!, w.providerOptions());
    });

    it("create succeeds with the credentials even when the follow-up list fails", async () => {
        w.fake.inject({ method: "GET", path: /^\/dataplanes$/ }, { status: 200, body: [] });
        w.fake.inject({ method: "GET", path: /^\/dataplanes$/ }, ...Array.from({ length: 5 }, () => ({ status: 502 })));
        const { id, outs } = await provider.create({ ...inputs, enabled: false });
        assert.equal(outs?.clientSecret, w.fake.dataplanes.get(id)?.clientSecret);
        assert.deepEqual([outs?.enabled, outs?.regionId], [false, regionId]);
    });

    it("refuses a region that is deleted, or unknown, before creating anything", async () => {
        await w.client().deleteRegion(regionId);
        const deleted = await rejection(provider.create(inputs));
        assert.match(deleted.message, new RegExp(`Region ${regionId} \\("eu"\\) was deleted, so a data plane in it would never get work`));
        const unknown = await rejection(provider.create({ ...inputs, regionId: "9a1b2c3d-0000-4000-8000-000000000000" }));
        assert.equal(unknown.kind, "unknown-id");
        assert.match(unknown.message, /region 9a1b2c3d-0000-4000-8000-000000000000 most likely does not exist/);
        assert.equal(w.fake.apiCalls().filter((c) => c === "POST /dataplanes").length, 0);
    });

    it("refuses a live namesake in the region instead of making a second data plane of that name", async () => {
        const existing = await w.client().createDataplane({ name: "aws-eu-west-1", regionId });
        const error = await rejection(provider.create(inputs));
        assert.match(error.message, new RegExp(`already has a data plane named "aws-eu-west-1" \\(${existing.dataplaneId}\\)`));
        assert.match(error.message, /Adopt it with importId and importedCredentials/);
        await w.client().deleteDataplane(existing.dataplaneId);
        await provider.create(inputs);
        assert.deepEqual(liveNames(), ["aws-eu-west-1"], "a deleted namesake is no obstacle");
    });

    it("read keeps the credentials from the state and drops a data plane deleted elsewhere, or with its region", async () => {
        const { id, outs } = await provider.create(inputs);
        w.fake.dataplanes.get(id)!.enabled = false;
        const refreshed = await provider.read!(id, outs);
        assert.deepEqual([refreshed.props?.enabled, refreshed.props?.clientSecret], [false, outs?.clientSecret]);
        assert.equal(w.fake.apiCalls().at(-1), "GET /dataplanes", "refresh reads the region's list");
        await w.client().deleteRegion(regionId);
        assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} }, "Airbyte deleted it with its region");
    });

    it("update patches name and enabled, carries the credentials over, and refuses a data plane deleted elsewhere", async () => {
        const { id, outs } = await provider.create(inputs);
        const updated = await provider.update!(id, outs!, { ...inputs, name: "renamed", enabled: false });
        assert.equal(w.fake.dataplanes.get(id)?.name, "renamed");
        assert.deepEqual([updated.outs?.enabled, updated.outs?.clientSecret], [false, outs?.clientSecret]);
        await w.client().deleteDataplane(id);
        const gone = await rejection(provider.update!(id, updated.outs!, { ...inputs, name: "again" }));
        assert.match(gone.message, /was deleted outside Pulumi/);
    });

    it("diff replaces when the region changes and updates the rest in place", async () => {
        const { outs } = await provider.create(inputs);
        assert.equal((await provider.diff!("d", outs!, { ...inputs })).changes, false);
        assert.deepEqual((await provider.diff!("d", outs!, { ...inputs, regionId: UNKNOWN })).replaces, ["regionId"]);
        const rename = await provider.diff!("d", outs!, { ...inputs, name: "renamed" });
        assert.deepEqual([rename.changes, rename.replaces, rename.deleteBeforeReplace], [true, [], false]);
    });

    it("delete removes the data plane, and its credentials stop working; an unlisted one counts as deleted", async () => {
        const { id, outs } = await provider.create(inputs);
        await provider.delete!(id, outs!);
        assert.equal(w.fake.dataplanes.get(id)?.tombstone, true);
        const refused = await rejection(
            exchangeDataplaneCredentials(w.fake.airbyteUrl, outs!.clientId!, outs!.clientSecret!, w.providerOptions()),
        );
        assert.match(refused.message, /refused data plane client/);
        await provider.delete!(id, outs!);
        assert.equal(w.fake.apiCalls().filter((c) => c === `DELETE /dataplanes/${id}`).length, 1);
    });

    it("read with only the id imports the data plane, without credentials", async () => {
        const created = await w.client().createDataplane({ name: "elsewhere", regionId });
        const imported = await provider.read!(created.dataplaneId, w.connection);
        assert.equal(imported.props?.clientSecret, undefined);
        assert.deepEqual([imported.inputs?.regionId, imported.inputs?.name], [regionId, "elsewhere"]);
    });

    it("adopts a listed data plane with importId, taking its credentials from importedCredentials", async () => {
        const created = await w.client().createDataplane({ name: "elsewhere", regionId });
        const adopted = await provider.create({
            ...inputs,
            importId: created.dataplaneId,
            importedClientId: created.clientId,
            importedClientSecret: created.clientSecret,
        });
        assert.deepEqual([adopted.id, adopted.outs?.clientSecret], [created.dataplaneId, created.clientSecret]);
        assert.equal(w.fake.dataplanes.get(created.dataplaneId)?.name, "aws-eu-west-1");
        const other = (await w.client().createRegion({ name: "us", organizationId: w.organizationId })).regionId;
        const elsewhere = await rejection(provider.create({ ...inputs, regionId: other, importId: created.dataplaneId }));
        assert.match(elsewhere.message, new RegExp(`belongs to region ${regionId}, not ${other}\\. Fix regionId or importId`));
    });

    for (const how of ["reset", "hang"] as const) {
        it(`after a lost create answer (${how}), replaces the data plane it made, whose credentials were lost, and leaves no duplicate`, async () => {
            w.fake.loseResponse({ method: "POST", path: /^\/dataplanes$/ }, how);
            const quick = createDataplaneProvider({ ...w.providerOptions(), timeoutMs: 200 });
            const { id, outs } = await quick.create(inputs);
            const orphan = [...w.fake.dataplanes.values()].find((d) => d.dataplaneId !== id)!;
            assert.equal(orphan.tombstone, true, "the data plane whose credentials were lost is deleted");
            assert.deepEqual(liveNames(), ["aws-eu-west-1"]);
            assert.equal(outs?.clientSecret, w.fake.dataplanes.get(id)?.clientSecret);
            await exchangeDataplaneCredentials(w.fake.airbyteUrl, outs!.clientId!, outs!.clientSecret!, w.providerOptions());
        });
    }

    it("check asks for both imported credentials or neither", async () => {
        const one = await provider.check!({}, { ...inputs, importId: "x", importedClientId: "id-only" });
        assert.deepEqual(
            one.failures?.map((f) => f.property),
            ["importedClientSecret"],
        );
        const missing = await provider.check!({}, { ...inputs, regionId: "" });
        assert.match(missing.failures?.[0].reason ?? "", /required: the id of the Airbyte region/);
    });
});
