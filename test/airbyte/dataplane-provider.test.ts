import * as assert from "node:assert/strict";
import { AirbyteDataplaneState, createDataplaneProvider } from "../../components/airbyte/dataplane";
import { AIRBYTE_DATAPLANE_KIND } from "../../components/airbyte/kinds";
import { UNKNOWN } from "../../components/airbyte/provider-common";
import { fastOptions, rejection, world } from "./setup";

describe("AirbyteDataplane provider against the loopback API", () => {
    let w: Awaited<ReturnType<typeof world>>;
    let provider: ReturnType<typeof createDataplaneProvider>;
    let regionId: string;
    let inputs: AirbyteDataplaneState;

    beforeEach(async () => {
        w = await world();
        provider = createDataplaneProvider(fastOptions(w.clock, w.sleeper));
        regionId = (await w.client().createRegion({ name: "eu", organizationId: w.organizationId })).regionId;
        inputs = {
            __kind: AIRBYTE_DATAPLANE_KIND,
            ...w.connection,
            regionId,
            name: "aws-eu-west-1",
        };
    });
    afterEach(async () => {
        await w.fake.close();
    });

    it("create keeps the credentials that only the create response carries", async () => {
        const { id, outs } = await provider.create(inputs);
        const stored = w.fake.dataplanes.get(id);
        assert.equal(outs?.dataplaneId, id);
        assert.equal(outs?.clientId, stored?.clientId);
        assert.equal(outs?.clientSecret, stored?.clientSecret);
        assert.equal(outs?.name, "aws-eu-west-1");
        assert.equal(outs?.enabled, true);
        assert.equal(outs?.createdAt, stored?.createdAt);
        assert.deepEqual(w.fake.apiCalls().slice(-2), ["POST /dataplanes", `GET /dataplanes/${id}`]);
    });

    it("create succeeds with the credentials even when the follow-up read fails", async () => {
        w.fake.inject({ method: "GET", path: /^\/dataplanes\// }, ...Array.from({ length: 5 }, () => ({ status: 500 })));
        const { id, outs } = await provider.create({ ...inputs, enabled: false });
        assert.equal(outs?.clientSecret, w.fake.dataplanes.get(id)?.clientSecret);
        assert.equal(outs?.enabled, false);
        assert.equal(outs?.regionId, regionId);
    });

    it("read keeps clientId and clientSecret from the old state, since Airbyte never returns them again", async () => {
        const { id, outs } = await provider.create(inputs);
        w.fake.dataplanes.get(id)!.enabled = false;
        const refreshed = await provider.read!(id, outs);
        assert.equal(refreshed.props?.enabled, false);
        assert.equal(refreshed.props?.clientId, outs?.clientId);
        assert.equal(refreshed.props?.clientSecret, outs?.clientSecret);
        assert.equal(w.fake.apiCalls().at(-1), `GET /dataplanes/${id}`, "the refresh did read the server");

        w.fake.dataplanes.delete(id);
        assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} });
    });

    it("update patches name and enabled and carries the credentials over", async () => {
        const { id, outs } = await provider.create(inputs);
        const updated = await provider.update!(id, outs!, { ...inputs, name: "renamed", enabled: false });
        assert.equal(w.fake.dataplanes.get(id)?.name, "renamed");
        assert.equal(updated.outs?.enabled, false);
        assert.equal(updated.outs?.clientSecret, outs?.clientSecret);
        assert.equal(updated.outs?.clientId, outs?.clientId);
    });

    it("diff replaces when the region changes and updates the rest in place", async () => {
        const { outs } = await provider.create(inputs);
        assert.equal((await provider.diff!("d", outs!, { ...inputs })).changes, false);
        assert.deepEqual((await provider.diff!("d", outs!, { ...inputs, regionId: "other-region" })).replaces, ["regionId"]);
        assert.deepEqual((await provider.diff!("d", outs!, { ...inputs, regionId: UNKNOWN })).replaces, ["regionId"]);
        const rename = await provider.diff!("d", outs!, { ...inputs, name: "renamed" });
        assert.deepEqual([rename.changes, rename.replaces], [true, []]);
        const rotate = await provider.diff!("d", outs!, { ...inputs, applicationClientSecret: "new-secret" });
        assert.deepEqual([rotate.changes, rotate.replaces], [true, []]);
    });

    it("delete removes the data plane and treats an already deleted one as done", async () => {
        const { id, outs } = await provider.create(inputs);
        await provider.delete!(id, outs!);
        assert.equal(w.fake.dataplanes.has(id), false);
        await provider.delete!(id, outs!);
        assert.equal(w.fake.apiCalls().filter((c) => c === `DELETE /dataplanes/${id}`).length, 2);
    });

    it("read with only the id imports the data plane, without credentials", async () => {
        const created = await w.client().createDataplane({ name: "elsewhere", regionId });
        const imported = await provider.read!(created.dataplaneId, w.connection);
        assert.equal(imported.id, created.dataplaneId);
        assert.equal(imported.props?.clientSecret, undefined);
        assert.deepEqual(
            [imported.inputs?.__kind, imported.inputs?.regionId, imported.inputs?.name],
            [AIRBYTE_DATAPLANE_KIND, regionId, "elsewhere"],
        );
    });

    it("adopts an existing data plane with importId, taking its credentials from importedCredentials", async () => {
        const created = await w.client().createDataplane({ name: "elsewhere", regionId });
        const before = w.fake.dataplanes.size;
        const adopted = await provider.create({
            ...inputs,
            importId: created.dataplaneId,
            importedClientId: created.clientId,
            importedClientSecret: created.clientSecret,
        });
        assert.equal(w.fake.dataplanes.size, before);
        assert.equal(adopted.id, created.dataplaneId);
        assert.equal(adopted.outs?.clientSecret, created.clientSecret);
        assert.equal(w.fake.dataplanes.get(created.dataplaneId)?.name, "aws-eu-west-1");

        const elsewhere = await rejection(provider.create({ ...inputs, regionId: "another-region", importId: created.dataplaneId }));
        assert.match(elsewhere.message, /belongs to region .*, not another-region\. Fix regionId or importId/);
    });

    it("check asks for both imported credentials or neither", async () => {
        const one = await provider.check!({}, { ...inputs, importId: "x", importedClientId: "id-only" });
        assert.deepEqual(one.failures?.map((f) => f.property), ["importedClientSecret"]);
        const missing = await provider.check!({}, { ...inputs, regionId: "" });
        assert.match(missing.failures?.[0].reason ?? "", /required: the id of the Airbyte region/);
    });

    it("fails the create with the API's explanation when the region does not exist", async () => {
        const error = await rejection(provider.create({ ...inputs, regionId: "9a1b2c3d-0000-4000-8000-000000000000" }));
        assert.equal(error.name, "AirbyteApiError");
        assert.match(error.message, /POST \/dataplanes returned 404/);
        assert.match(error.message, /Region 9a1b2c3d-0000-4000-8000-000000000000 not found/);
    });
});
