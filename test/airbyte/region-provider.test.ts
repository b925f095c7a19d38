import * as assert from "node:assert/strict";
import { AIRBYTE_REGION_KIND } from "../../components/airbyte/kinds";
import { UNKNOWN } from "../../components/airbyte/provider-common";
import { AirbyteRegionState, createRegionProvider } from "../../components/airbyte/region";
import { APP_SECRET, fastOptions, rejection, world } from "./setup";

describe("AirbyteRegion provider against the loopback API", () => {
    let w: Awaited<ReturnType<typeof world>>;
    let provider: ReturnType<typeof createRegionProvider>;
    let inputs: AirbyteRegionState;

    beforeEach(async () => {
        w = await world();
        provider = createRegionProvider(fastOptions(w.clock, w.sleeper));
        inputs = {
            __kind: AIRBYTE_REGION_KIND,
            ...w.connection,
            organizationId: w.organizationId,
            name: "eu-west-1",
        };
    });
    afterEach(async () => {
        await w.fake.close();
    });

    it("check normalizes apiUrl, tags the kind and names every missing input", async () => {
        const ok = await provider.check!({}, { ...inputs, apiUrl: `${w.fake.apiUrl}/`, __kind: undefined });
        assert.deepEqual(ok.failures, []);
        assert.equal(ok.inputs?.apiUrl, w.fake.apiUrl);
        assert.equal(ok.inputs?.__kind, AIRBYTE_REGION_KIND);

        const bad = await provider.check!({}, { apiUrl: "http://airbyte.example/v1", name: " ", applicationClientSecret: "" });
        assert.deepEqual(bad.failures?.map((f) => f.property).sort(), [
            "apiUrl", "applicationClientId", "applicationClientSecret", "name", "organizationId",
        ]);
        assert.match(bad.failures?.find((f) => f.property === "apiUrl")?.reason ?? "", /must use https/);

        const preview = await provider.check!({}, { ...inputs, organizationId: UNKNOWN, applicationClientSecret: UNKNOWN });
        assert.deepEqual(preview.failures, [], "unknown values are not judged during preview");
    });

    it("diff replaces on a new organization, updates name, enabled and connection in place", async () => {
        const olds = { ...inputs, regionId: "r", enabled: true };
        const diff = (news: AirbyteRegionState) => provider.diff!("r", olds, news);
        assert.deepEqual(await diff({ ...inputs }), { changes: false, replaces: [], deleteBeforeReplace: false });
        assert.deepEqual(await diff({ ...inputs, name: "eu" }), { changes: true, replaces: [], deleteBeforeReplace: false });
        assert.equal((await diff({ ...inputs, enabled: false })).changes, true);
        assert.equal((await diff({ ...inputs, enabled: undefined })).changes, false, "no opinion on enabled, no diff");
        assert.equal((await diff({ ...inputs, applicationClientSecret: "rotated-secret" })).changes, true);
        assert.deepEqual((await diff({ ...inputs, applicationClientSecret: "rotated" })).replaces, []);
        assert.deepEqual((await diff({ ...inputs, organizationId: "other-org" })).replaces, ["organizationId"]);
        assert.deepEqual((await diff({ ...inputs, organizationId: UNKNOWN })).replaces, ["organizationId"]);
    });

    it("create registers the region and keeps inputs and server fields as outputs", async () => {
        const result = await provider.create({ ...inputs, __provider: "serialized" } as AirbyteRegionState);
        const stored = w.fake.regions.get(result.id);
        assert.equal(stored?.name, "eu-west-1");
        assert.equal(result.outs?.regionId, result.id);
        assert.equal(result.outs?.organizationId, w.organizationId);
        assert.equal(result.outs?.enabled, true);
        assert.equal(result.outs?.createdAt, stored?.createdAt);
        assert.equal(result.outs?.applicationClientSecret, APP_SECRET, "later operations read credentials from state");
        assert.equal((result.outs as any).__provider, undefined);
    });

    it("read refreshes from the server, leaves inputs alone, and reports a deleted region as gone", async () => {
        const { id, outs } = await provider.create(inputs);
        w.fake.regions.get(id)!.name = "renamed-in-ui";
        const refreshed = await provider.read!(id, outs);
        assert.equal(refreshed.id, id);
        assert.equal(refreshed.props?.name, "renamed-in-ui");
        assert.equal(refreshed.props?.applicationClientSecret, APP_SECRET);
        assert.equal(refreshed.inputs, undefined);

        w.fake.regions.delete(id);
        assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} });
    });

    it("read with only the id and credentials imports the region, inputs included", async () => {
        const existing = await w.client().createRegion({ name: "made-elsewhere", organizationId: w.organizationId, enabled: false });
        const imported = await provider.read!(existing.regionId, w.connection);
        assert.equal(imported.id, existing.regionId);
        assert.equal(imported.props?.name, "made-elsewhere");
        assert.deepEqual(imported.inputs, {
            __kind: AIRBYTE_REGION_KIND,
            ...w.connection,
            organizationId: w.organizationId,
            name: "made-elsewhere",
            enabled: false,
        });
    });

    it("update patches what changed, and only reads when just the credentials changed", async () => {
        const { id, outs } = await provider.create(inputs);
        const renamed = await provider.update!(id, outs!, { ...inputs, name: "eu", enabled: false });
        assert.equal(w.fake.regions.get(id)?.name, "eu");
        assert.equal(renamed.outs?.enabled, false);
        assert.deepEqual(w.fake.requests.at(-1)?.body, { name: "eu", enabled: false });

        w.fake.addApplication("second-app", "second-secret-xyz");
        const before = w.fake.apiCalls().length;
        const rotated = await provider.update!(id, renamed.outs!, {
            ...inputs, name: "eu", enabled: false, applicationClientId: "second-app", applicationClientSecret: "second-secret-xyz",
        });
        assert.deepEqual(w.fake.apiCalls().slice(before), [`GET /regions/${id}`]);
        assert.equal(rotated.outs?.applicationClientSecret, "second-secret-xyz", "state now holds the new credentials");
    });

    it("delete removes the region and treats an already deleted one as done", async () => {
        const { id, outs } = await provider.create(inputs);
        await provider.delete!(id, outs!);
        assert.equal(w.fake.regions.has(id), false);
        await provider.delete!(id, outs!);
        assert.deepEqual(w.fake.apiCalls().slice(-2), [`DELETE /regions/${id}`, `DELETE /regions/${id}`]);
    });

    it("adopts an existing region with importId instead of creating one", async () => {
        const existing = await w.client().createRegion({ name: "old-name", organizationId: w.organizationId });
        const before = w.fake.regions.size;
        const adopted = await provider.create({ ...inputs, importId: existing.regionId });
        assert.equal(adopted.id, existing.regionId);
        assert.equal(w.fake.regions.size, before);
        assert.equal(w.fake.regions.get(existing.regionId)?.name, "eu-west-1");

        const wrongOrg = await rejection(provider.create({ ...inputs, organizationId: "another-org", importId: existing.regionId }));
        assert.match(wrongOrg.message, /belongs to organization .*, not another-org\. Fix organizationId or importId/);
    });

    it("surfaces API errors with their fix, and a missing credential before any call", async () => {
        const conflict = await provider.create(inputs).then(() => rejection(provider.create(inputs)));
        assert.equal(conflict.name, "AirbyteApiError");
        assert.match(conflict.message, /409/);

        const before = w.fake.requests.length;
        const missing = await rejection(provider.read!("r", { apiUrl: w.fake.apiUrl }));
        assert.match(missing.message, /Cannot read region r: .*no application clientId and clientSecret/);
        assert.equal(w.fake.requests.length, before);
    });
});
