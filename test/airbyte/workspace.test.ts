import * as assert from "node:assert/strict";
import { AIRBYTE_WORKSPACE_REGION_KIND } from "../../components/airbyte/kinds";
import { createWorkspaceRegionProvider, residesIn, WorkspaceRegionState } from "../../components/airbyte/workspace";
import { rejection, world, World } from "./setup";

describe("AirbyteWorkspaceRegion provider against a server that answers as airbyte-server does", () => {
    let w: World;
    let provider: ReturnType<typeof createWorkspaceRegionProvider>;
    let regionId: string;
    let workspaceId: string;
    let inputs: WorkspaceRegionState;

    beforeEach(async () => {
        w = await world();
        provider = createWorkspaceRegionProvider(w.providerOptions());
        regionId = (await w.client().createRegion({ name: "EU-West", organizationId: w.organizationId })).regionId;
        workspaceId = w.fake.addWorkspace(w.organizationId);
        inputs = { __kind: AIRBYTE_WORKSPACE_REGION_KIND, ...w.connection, organizationId: w.organizationId, regionId, workspaceId };
    });
    afterEach(async () => {
        await w.fake.close();
    });

    it("moves the workspace into the region with PATCH /workspaces/{id} {regionId}", async () => {
        const { id, outs } = await provider.create(inputs);
        assert.equal(id, workspaceId);
        assert.equal(w.fake.state.workspaces.get(workspaceId)?.regionId, regionId);
        assert.deepEqual(w.fake.requests.at(-1)?.body, { regionId });
        assert.deepEqual(
            [outs?.regionName, outs?.dataResidency],
            ["EU-West", "eu-west"],
            "the workspace shows the region's name in lower case",
        );
    });

    it("refresh notices a workspace moved elsewhere, so the next up moves it back", async () => {
        const { outs } = await provider.create(inputs);
        const unchanged = await provider.read!(workspaceId, outs);
        assert.equal(unchanged.props?.regionId, regionId);
        w.fake.state.workspaces.get(workspaceId)!.regionId = [...w.fake.regions.values()].find((r) => r.name === "US")!.regionId;
        const moved = await provider.read!(workspaceId, outs);
        assert.deepEqual([moved.props?.regionId, moved.props?.dataResidency], [undefined, "us"]);
        assert.equal((await provider.diff!(workspaceId, moved.props!, inputs)).changes, true);
    });

    it("refuses a deleted region, which Airbyte itself would accept", async () => {
        await w.client().deleteRegion(regionId);
        const error = await rejection(provider.create(inputs));
        assert.match(error.message, new RegExp(`organization ${w.organizationId} has no live region with this id`));
        assert.notEqual(w.fake.state.workspaces.get(workspaceId)?.regionId, regionId);
    });

    it("explains a workspace the application may not edit (or that does not exist) with who may", async () => {
        const error = await rejection(provider.create({ ...inputs, workspaceId: "0b7e57d1-0000-4000-8000-000000000404" }));
        assert.equal(error.kind, "forbidden");
        assert.match(error.message, /this call needs an organization admin of the workspace's organization, or an editor of the workspace/);
    });

    it("replaces only for another workspace; a new region is an update; delete leaves the workspace where it is", async () => {
        const { outs } = await provider.create(inputs);
        assert.deepEqual((await provider.diff!(workspaceId, outs!, { ...inputs, workspaceId: "other" })).replaces, ["workspaceId"]);
        const move = await provider.diff!(workspaceId, outs!, { ...inputs, regionId: "another" });
        assert.deepEqual([move.changes, move.replaces], [true, []]);
        const before = w.fake.requests.length;
        await provider.delete!(workspaceId, outs!);
        assert.equal(w.fake.requests.length, before);
        assert.equal(w.fake.state.workspaces.get(workspaceId)?.regionId, regionId);
    });

    it("compares residency the only way the API allows: the lower-cased region name", () => {
        assert.equal(residesIn({ dataResidency: "eu-west" }, "EU-West"), true);
        assert.equal(residesIn({ dataResidency: "eu-west" }, "eu-west-2"), false);
        assert.equal(residesIn({ dataResidency: "auto" }, undefined), false);
    });
});
