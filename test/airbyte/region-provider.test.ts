import * as assert from "node:assert/strict";
import { AIRBYTE_REGION_KIND } from "../../components/airbyte/kinds";
import { UNKNOWN } from "../../components/airbyte/provider-common";
import { AirbyteRegionState, createRegionProvider } from "../../components/airbyte/region";
import { APP_SECRET, liveRegionNames, rejection, world, World } from "./setup";

describe("AirbyteRegion provider against a server that answers as airbyte-server does", () => {
    let w: World;
    let provider: ReturnType<typeof createRegionProvider>;
    let inputs: AirbyteRegionState;

    beforeEach(async () => {
        w = await world();
        provider = createRegionProvider(w.providerOptions());
        inputs = { __kind: AIRBYTE_REGION_KIND, ...w.connection, organizationId: w.organizationId, name: "eu-west-1" };
    });
    afterEach(async () => {
        await w.fake.close();
    });

    it("check normalizes apiUrl, and names every missing input, a reserved name and one too long", async () => {
        const ok = await provider.check!({}, { ...inputs, apiUrl: `${w.fake.apiUrl}/`, __kind: undefined });
        assert.deepEqual([ok.failures, ok.inputs?.apiUrl, ok.inputs?.__kind], [[], w.fake.apiUrl, AIRBYTE_REGION_KIND]);
        const bad = await provider.check!({}, { apiUrl: "http://airbyte.example/v1", name: " ", applicationClientSecret: "" });
        assert.deepEqual(bad.failures?.map((f) => f.property).sort(), [
            "apiUrl",
            "applicationClientId",
            "applicationClientSecret",
            "name",
            "organizationId",
        ]);
        const reserved = await provider.check!({}, { ...inputs, name: "EU" });
        assert.match(reserved.failures?.[0].reason ?? "", /"EU" is reserved by Airbyte's default regions/);
        assert.deepEqual((await provider.check!({}, { ...inputs, name: "eu" })).failures, [], "reserved names are exact case");
        const long = await provider.check!({}, { ...inputs, name: "x".repeat(256) });
        assert.match(long.failures?.[0].reason ?? "", /256 characters long; Airbyte stores at most 255/);
        const preview = await provider.check!({}, { ...inputs, organizationId: UNKNOWN, applicationClientSecret: UNKNOWN });
        assert.deepEqual(preview.failures, [], "unknown values are not judged during preview");
    });

    it("diff replaces on a new organization, updates name, enabled, deleteDataplanes and connection in place", async () => {
        const olds = { ...inputs, regionId: "r", enabled: true };
        const diff = (news: AirbyteRegionState) => provider.diff!("r", olds, news);
        assert.deepEqual(await diff({ ...inputs }), { changes: false, replaces: [], deleteBeforeReplace: false });
        assert.deepEqual(await diff({ ...inputs, name: "eu" }), { changes: true, replaces: [], deleteBeforeReplace: false });
        assert.equal((await diff({ ...inputs, deleteDataplanes: true })).changes, true);
        assert.equal((await diff({ ...inputs, enabled: undefined })).changes, false, "no opinion on enabled, no diff");
        assert.deepEqual((await diff({ ...inputs, applicationClientSecret: "rotated" })).replaces, []);
        assert.deepEqual((await diff({ ...inputs, organizationId: UNKNOWN })).replaces, ["organizationId"]);
    });

    it("create registers the region and keeps inputs and server fields as outputs", async () => {
        const result = await provider.create({ ...inputs, __provider: "serialized" } as AirbyteRegionState);
        assert.equal(w.fake.regions.get(result.id)?.name, "eu-west-1");
        assert.deepEqual([result.outs?.regionId, result.outs?.organizationId, result.outs?.enabled], [result.id, w.organizationId, true]);
        assert.equal(result.outs?.applicationClientSecret, APP_SECRET, "later operations read credentials from state");
        assert.equal((result.outs as any).__provider, undefined);
    });

    it("refuses, before creating, a name a live region of the organization or a default region holds", async () => {
        const existing = await w.client().createRegion({ name: "eu-west-1", organizationId: w.organizationId });
        const taken = await rejection(provider.create(inputs));
        assert.match(
            taken.message,
            new RegExp(
                `already has a region named "eu-west-1" \\(${existing.regionId}\\)\\. Adopt it with importId: "${existing.regionId}"`,
            ),
        );
        // A self-managed control plane's default region: listed for every organization, owned by the default one.
        w.fake.state.createRegion({ name: "onprem-default", organizationId: "00000000-0000-0000-0000-000000000000" });
        const reserved = await rejection(provider.create({ ...inputs, name: "onprem-default" }));
        assert.match(reserved.message, /Region name "onprem-default" is reserved/);
        assert.deepEqual(
            w.fake.apiCalls().filter((c) => c === "POST /regions"),
            ["POST /regions"],
            "only the setup created one",
        );
    });

    it("refresh judges existence from the organization's list: a region deleted elsewhere is dropped, though GET still answers", async () => {
        const { id, outs } = await provider.create(inputs);
        w.fake.regions.get(id)!.name = "renamed-in-ui";
        const refreshed = await provider.read!(id, outs);
        assert.deepEqual([refreshed.id, refreshed.props?.name, refreshed.inputs], [id, "renamed-in-ui", undefined]);
        await w.client().deleteRegion(id);
        assert.equal((await w.client().getRegion(id)).regionId, id, "the tombstone still reads by id");
        assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} });
    });

    it("refresh against a wrong base path fails, naming the URL, and drops nothing", async () => {
        const { id, outs } = await provider.create(inputs);
        const wrong = { ...outs!, apiUrl: `${w.fake.airbyteUrl}/api/airbyte/v1` };
        const error = await rejection(provider.read!(id, wrong));
        assert.equal(error.kind, "no-route");
        assert.match(error.message, /\/api\/airbyte\/v1\/applications\/token is not a route/);
    });

    it("read with only the id imports the region, inputs included; a deleted one is not found", async () => {
        const existing = await w.client().createRegion({ name: "made-elsewhere", organizationId: w.organizationId, enabled: false });
        const imported = await provider.read!(existing.regionId, w.connection);
        assert.deepEqual(imported.inputs, {
            __kind: AIRBYTE_REGION_KIND,
            ...w.connection,
            organizationId: w.organizationId,
            name: "made-elsewhere",
            enabled: false,
        });
        await w.client().deleteRegion(existing.regionId);
        assert.equal((await provider.read!(existing.regionId, w.connection)).id, "");
    });

    it("update patches what changed, only lists when just the credentials changed, and refuses a region deleted elsewhere", async () => {
        const { id, outs } = await provider.create(inputs);
        const renamed = await provider.update!(id, outs!, { ...inputs, name: "eu", enabled: false });
        assert.equal(w.fake.regions.get(id)?.name, "eu");
        assert.deepEqual(w.fake.requests.at(-1)?.body, { name: "eu", enabled: false });
        w.fake.addApplication("second-app", "second-secret-xyz");
        const before = w.fake.apiCalls().length;
        const rotated = await provider.update!(id, renamed.outs!, {
            ...inputs,
            name: "eu",
            enabled: false,
            applicationClientId: "second-app",
            applicationClientSecret: "second-secret-xyz",
        });
        assert.deepEqual(w.fake.apiCalls().slice(before), ["GET /regions"]);
        assert.equal(rotated.outs?.applicationClientSecret, "second-secret-xyz");
        await w.client().deleteRegion(id);
        const gone = await rejection(provider.update!(id, rotated.outs!, { ...inputs, name: "eu-2" }));
        assert.match(gone.message, /was deleted outside Pulumi: organization .* no longer lists it\. Run `pulumi refresh`/);
        assert.equal(w.fake.regions.get(id)?.name, "eu", "no PATCH reached the tombstone");
    });

    it("delete frees the name first, so destroy then up with the same name works", async () => {
        const { id, outs } = await provider.create(inputs);
        await provider.delete!(id, outs!);
        assert.deepEqual(w.fake.apiCalls().slice(-3), ["GET /dataplanes", `PATCH /regions/${id}`, `DELETE /regions/${id}`]);
        assert.equal(w.fake.regions.get(id)?.name, `deleted-${id}-eu-west-1`);
        assert.deepEqual(liveRegionNames(w), []);
        const again = await provider.create(inputs);
        assert.notEqual(again.id, id);
        assert.deepEqual(liveRegionNames(w), ["eu-west-1"]);
        await provider.delete!(id, outs!);
        assert.equal(w.fake.apiCalls().filter((c) => c === `DELETE /regions/${id}`).length, 1, "an unlisted region counts as deleted");
    });

    it("refuses to delete a region that still has data planes, naming them; deleteDataplanes deletes them with it", async () => {
        const { id, outs } = await provider.create(inputs);
        const one = await w.client().createDataplane({ name: "aws-eu-west-1", regionId: id });
        await w.client().createDataplane({ name: "gcp-europe-west1", regionId: id });
        const refused = await rejection(provider.delete!(id, outs!));
        assert.match(refused.message, /Cannot delete region "eu-west-1" .* still has 2 data planes, "(aws-eu-west-1|gcp-europe-west1)" \(/);
        assert.match(refused.message, new RegExp(one.dataplaneId));
        assert.match(
            refused.message,
            /registered by the region stack whose flexplane:dataPlaneName .* Destroy those stacks first, or set deleteDataplanes: true/,
        );
        assert.equal(w.fake.regions.get(id)?.tombstone, false);
        await provider.delete!(id, { ...outs!, deleteDataplanes: true });
        assert.equal(w.fake.regions.get(id)?.tombstone, true);
        assert.equal(w.fake.dataplanes.get(one.dataplaneId)?.tombstone, true, "Airbyte deletes the region's data planes with it");
    });

    it("adopts a live region with importId, found in the organization's list, and says why it cannot otherwise", async () => {
        const existing = await w.client().createRegion({ name: "old-name", organizationId: w.organizationId });
        const adopted = await provider.create({ ...inputs, importId: existing.regionId });
        assert.equal(adopted.id, existing.regionId);
        assert.equal(w.fake.regions.get(existing.regionId)?.name, "eu-west-1");

        const otherOrg = w.fake.addOrganization();
        const wrongOrg = await rejection(provider.create({ ...inputs, organizationId: otherOrg, importId: existing.regionId }));
        assert.match(
            wrongOrg.message,
            new RegExp(`belongs to organization ${w.organizationId}, not ${otherOrg}\\. Fix organizationId or importId`),
        );
        const unknown = await rejection(provider.create({ ...inputs, importId: "9a1b2c3d-0000-4000-8000-000000000000" }));
        assert.match(unknown.message, /Airbyte does not know this id \(it answers 500 for unknown ids\)/);
        await w.client().deleteRegion(existing.regionId);
        const deleted = await rejection(provider.create({ ...inputs, importId: existing.regionId }));
        assert.match(deleted.message, /it was deleted \(Airbyte keeps deleted objects readable by id\)/);
    });

    for (const how of ["reset", "hang"] as const) {
        it(`adopts the region a create made when its answer was lost (${how}), without a second create`, async () => {
            w.fake.loseResponse({ method: "POST", path: /^\/regions$/ }, how);
            const quick = createRegionProvider({ ...w.providerOptions(), timeoutMs: 200 });
            const { id, outs } = await quick.create(inputs);
            assert.equal(w.fake.regions.get(id)?.name, "eu-west-1");
            assert.equal(outs?.regionId, id);
            assert.deepEqual(liveRegionNames(w), ["eu-west-1"]);
            assert.equal(w.fake.apiCalls().filter((c) => c === "POST /regions").length, 1);
        });
    }

    it("after a lost answer with nothing created, says so instead of creating blindly", async () => {
        w.fake.inject({ method: "POST", path: /^\/regions$/ }, { status: 504 });
        const error = await rejection(provider.create(inputs));
        assert.match(error.message, /returned 504.*No region named "eu-west-1" appeared in organization .* so the create did not happen/);
        assert.equal(w.waits.at(-1), 2_000, "it looked twice, two seconds apart");
        assert.deepEqual(liveRegionNames(w), []);
    });

    it("reports a name kept by a region deleted elsewhere as a name conflict, without retrying", async () => {
        const made = await w.client().createRegion({ name: "eu-west-1", organizationId: w.organizationId });
        await w.client().deleteRegion(made.regionId);
        const error = await rejection(provider.create(inputs));
        assert.equal(error.kind, "name-taken");
        assert.equal(error.attempts, 1);
        assert.doesNotMatch(error.message, /credentials/);
    });

    it("surfaces a missing credential before any call", async () => {
        const before = w.fake.requests.length;
        const missing = await rejection(provider.read!("r", { apiUrl: w.fake.apiUrl }));
        assert.match(missing.message, /Cannot read region r: .*no application clientId and clientSecret/);
        assert.equal(w.fake.requests.length, before);
    });
});
