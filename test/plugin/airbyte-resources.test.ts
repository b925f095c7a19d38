import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "../../components/airbyte/provider-common";
import { AirbyteResourceHandler, createAirbyteResourceHandlers } from "../../plugin/airbyte-resources";
import { AIRBYTE_DATAPLANE_TOKEN, AIRBYTE_REGION_TOKEN } from "../../components/airbyte/kinds";
import { APP_ID, APP_SECRET, rejection, world, World } from "../airbyte/setup";
import { reveal, secret, secrets } from "./wire-values";

const REGION_URN = `urn:pulumi:dev::airbyte::${AIRBYTE_REGION_TOKEN}::eu`;
const DATAPLANE_URN = `urn:pulumi:dev::airbyte::${AIRBYTE_DATAPLANE_TOKEN}::eu-1`;

describe("Airbyte resources served by the plugin", function () {
    this.timeout(60_000);
    let w: World;
    let region: AirbyteResourceHandler;
    let dataplane: AirbyteResourceHandler;
    /** Region inputs as a generated SDK sends them: `application` is a secret input in the schema. */
    let regionInputs: Record<string, unknown>;

    beforeEach(async () => {
        w = await world();
        const handlers = createAirbyteResourceHandlers(w.providerOptions());
        region = handlers[AIRBYTE_REGION_TOKEN];
        dataplane = handlers[AIRBYTE_DATAPLANE_TOKEN];
        regionInputs = {
            apiUrl: `${w.fake.apiUrl}/`,
            application: secret({ clientId: APP_ID, clientSecret: APP_SECRET }),
            organizationId: w.organizationId,
            name: "eu",
        };
    });
    afterEach(async () => {
        await w.fake.close();
    });

    /** A region created through check and create, as the engine drives them. */
    async function createRegion() {
        const checked = await region.check(REGION_URN, {}, regionInputs);
        assert.deepEqual(checked.failures, []);
        const created = await region.create(REGION_URN, checked.inputs);
        return { inputs: checked.inputs, ...created };
    }

    it("check normalizes the inputs and keeps the application credentials secret", async () => {
        const checked = await region.check(REGION_URN, {}, regionInputs);
        assert.equal(checked.inputs.apiUrl, w.fake.apiUrl, "trailing slash dropped");
        const { paths, redacted } = secrets(checked.inputs);
        assert.deepEqual(paths, ["application.clientId", "application.clientSecret"]);
        assert.ok(!JSON.stringify(redacted).includes(APP_SECRET));
        assert.equal(reveal(checked.inputs.application.clientSecret), APP_SECRET);
    });

    it("check names each bad argument by its path in the schema, with the TypeScript validators' messages", async () => {
        const checked = await region.check(
            REGION_URN,
            {},
            { apiUrl: "http://airbyte.example/v1", application: { clientId: APP_ID }, organizationId: "org-1", name: "EU" },
        );
        const reasons = Object.fromEntries((checked.failures ?? []).map((f) => [f.property, f.reason]));
        assert.deepEqual(Object.keys(reasons).sort(), ["apiUrl", "application.clientSecret", "name", "organizationId"]);
        assert.match(reasons.organizationId, /"org-1" is not a UUID; pass the organization's id/);
        assert.match(reasons["application.clientSecret"], /required: the client secret of an Airbyte application/);
        assert.match(reasons.name, /"EU" is reserved by Airbyte's default regions/);
        assert.match(reasons.apiUrl, /https/);

        const orphan = await dataplane.check(
            DATAPLANE_URN,
            {},
            { ...regionInputs, regionId: "not-a-uuid", name: "", importedCredentials: { clientId: "dp" } },
        );
        const dpReasons = Object.fromEntries((orphan.failures ?? []).map((f) => [f.property, f.reason]));
        assert.deepEqual(Object.keys(dpReasons).sort(), ["importedCredentials", "importedCredentials.clientSecret", "name", "regionId"]);
        assert.match(dpReasons.importedCredentials, /only used with importId/);
        assert.match(dpReasons["importedCredentials.clientSecret"], /give both importedClientId and importedClientSecret/);
    });

    it("check leaves unknown values (preview) to the real run, a whole unknown application included", async () => {
        const preview = await dataplane.check(
            DATAPLANE_URN,
            {},
            { application: UNKNOWN, regionId: UNKNOWN, name: UNKNOWN, apiUrl: UNKNOWN },
        );
        assert.deepEqual(preview.failures, []);
        assert.equal(preview.inputs.application, UNKNOWN, "an unknown object stays unknown");
    });

    it("a null argument counts as unset, as in the TypeScript API", async () => {
        const checked = await region.check(REGION_URN, {}, { ...regionInputs, enabled: null, importId: null });
        assert.deepEqual([checked.failures, "enabled" in checked.inputs, "importId" in checked.inputs], [[], false, false]);
    });

    it("create registers the region; every credential in its state is secret", async () => {
        const created = await createRegion();
        assert.equal(w.fake.regions.get(created.id)?.name, "eu");
        assert.deepEqual([created.outs.regionId, created.outs.organizationId, created.outs.enabled], [created.id, w.organizationId, true]);
        const { paths, redacted } = secrets(created.outs);
        assert.deepEqual(paths, ["application.clientId", "application.clientSecret"]);
        assert.ok(!JSON.stringify(redacted).includes(APP_SECRET) && !JSON.stringify(redacted).includes(APP_ID));
    });

    it("a data plane's own client id and secret come back secret, equal to what Airbyte issued", async () => {
        const { id: regionId } = await createRegion();
        const checked = await dataplane.check(DATAPLANE_URN, {}, { ...regionInputs, regionId, name: "eu-1" });
        const created = await dataplane.create(DATAPLANE_URN, checked.inputs);
        const issued = w.fake.dataplanes.get(created.id)!;
        assert.deepEqual([reveal(created.outs.clientSecret), created.outs.dataplaneId], [issued.clientSecret, created.id]);
        const { paths, redacted } = secrets(created.outs);
        assert.deepEqual(paths, ["application.clientId", "application.clientSecret", "clientId", "clientSecret"]);
        assert.ok(!JSON.stringify(redacted).includes(issued.clientSecret));

        const refreshed = await dataplane.read(created.id, DATAPLANE_URN, created.outs);
        assert.equal(refreshed.id, created.id);
        assert.equal(
            reveal(refreshed.props.clientSecret),
            issued.clientSecret,
            "refresh keeps the credentials Airbyte never returns again",
        );
        assert.deepEqual(secrets(refreshed.props).paths, paths);
    });

    it("an adopted data plane keeps the imported credentials, secret in inputs and outputs", async () => {
        const { id: regionId } = await createRegion();
        const existing = await w.client().createDataplane({ name: "eu-1", regionId });
        const imported = secret({ clientId: existing.clientId, clientSecret: existing.clientSecret });
        const inputs = { ...regionInputs, regionId, name: "eu-1", importId: existing.dataplaneId, importedCredentials: imported };
        const checked = await dataplane.check(DATAPLANE_URN, {}, inputs);
        assert.deepEqual(secrets(checked.inputs).paths, [
            "application.clientId",
            "application.clientSecret",
            "importedCredentials.clientId",
            "importedCredentials.clientSecret",
        ]);
        const adopted = await dataplane.create(DATAPLANE_URN, checked.inputs);
        assert.deepEqual([adopted.id, reveal(adopted.outs.clientSecret)], [existing.dataplaneId, existing.clientSecret]);
        assert.ok(pulumi.runtime.isRpcSecret(adopted.outs.importedCredentials.clientSecret));
    });

    it("read reports a region deleted outside Pulumi as gone", async () => {
        const created = await createRegion();
        assert.equal((await region.read(created.id, REGION_URN, created.outs)).id, created.id);
        await w.client().deleteRegion(created.id);
        assert.deepEqual(await region.read(created.id, REGION_URN, created.outs), { id: "", props: {}, inputs: undefined });
    });

    it("diff and update rename in place; a new organization replaces", async () => {
        const created = await createRegion();
        const renamed = (await region.check(REGION_URN, created.inputs, { ...regionInputs, name: "eu-renamed" })).inputs;
        const diff = await region.diff(created.id, REGION_URN, created.outs, renamed);
        assert.deepEqual([diff.changes, diff.replaces], [true, []]);
        assert.equal((await region.diff(created.id, REGION_URN, created.outs, created.inputs)).changes, false);
        const moved = await region.diff(created.id, REGION_URN, created.outs, { ...renamed, organizationId: UNKNOWN });
        assert.deepEqual(moved.replaces, ["organizationId"]);

        const updated = await region.update(created.id, REGION_URN, created.outs, renamed);
        assert.equal(w.fake.regions.get(created.id)?.name, "eu-renamed");
        assert.equal(updated.outs.name, "eu-renamed");
        assert.deepEqual(secrets(updated.outs).paths, ["application.clientId", "application.clientSecret"]);
    });

    it("delete removes the region and frees its name; one with data planes is refused, naming them", async () => {
        const created = await createRegion();
        const checked = await dataplane.check(DATAPLANE_URN, {}, { ...regionInputs, regionId: created.id, name: "eu-1" });
        const dp = await dataplane.create(DATAPLANE_URN, checked.inputs);
        const refused = await rejection(region.delete(created.id, REGION_URN, created.outs));
        assert.match(refused.message, /Cannot delete region "eu" .* still has 1 data plane, "eu-1"/);
        await dataplane.delete(dp.id, DATAPLANE_URN, dp.outs);
        assert.equal(w.fake.dataplanes.get(dp.id)?.tombstone, true);
        await region.delete(created.id, REGION_URN, created.outs);
        assert.deepEqual(
            [w.fake.regions.get(created.id)?.tombstone, w.fake.regions.get(created.id)?.name],
            [true, `deleted-${created.id}-eu`],
        );
    });
});
