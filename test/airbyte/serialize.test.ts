import * as assert from "node:assert/strict";
import Module from "node:module";
import * as pulumi from "@pulumi/pulumi";
import { airbyteDataplaneProvider, AirbyteDataplaneState } from "../../components/airbyte/dataplane";
import { AIRBYTE_DATAPLANE_KIND, AIRBYTE_REGION_KIND } from "../../components/airbyte/kinds";
import { credentialCheckProvider } from "../../components/airbyte/credential-check";
import { healthCheckProvider } from "../../components/airbyte/health-check";
import { AIRBYTE_CREDENTIAL_CHECK_KIND, AIRBYTE_HEALTH_CHECK_KIND, AIRBYTE_WORKSPACE_REGION_KIND } from "../../components/airbyte/kinds";
import { airbyteRegionProvider } from "../../components/airbyte/region";
import { workspaceRegionProvider } from "../../components/airbyte/workspace";
import { APP_ID, APP_SECRET, rejection, world } from "./setup";

/** Loads serialized provider text the way Pulumi's dynamic provider host does (`require(...).handler()`). */
function load(text: string): pulumi.dynamic.ResourceProvider {
    const loaded = new Module("serialized-provider.js") as any;
    loaded.paths = (module as any).paths;
    loaded._compile(text, "serialized-provider.js");
    return loaded.exports.handler();
}

describe("Airbyte dynamic providers serialize without credentials", function () {
    this.timeout(60_000);
    let w: Awaited<ReturnType<typeof world>>;
    beforeEach(async () => {
        w = await world();
    });
    afterEach(async () => {
        await w.fake.close();
    });

    it("holds no application credential, token or data-plane secret after real use", async () => {
        // Use the very provider objects the resources serialize, so any cache they kept would show up.
        const regionInputs = {
            __kind: AIRBYTE_REGION_KIND,
            ...w.connection,
            organizationId: w.organizationId,
            name: "eu",
        };
        const region = await airbyteRegionProvider.create(regionInputs);
        const dataplane = await airbyteDataplaneProvider.create({
            ...regionInputs,
            __kind: AIRBYTE_DATAPLANE_KIND,
            regionId: region.id,
            name: "eu-1",
        });
        const dataplaneSecret = (dataplane.outs as AirbyteDataplaneState).clientSecret ?? "";
        assert.ok(dataplaneSecret.length > 10 && w.fake.issuedTokens.length > 0);

        const check = await credentialCheckProvider.create({
            __kind: AIRBYTE_CREDENTIAL_CHECK_KIND,
            airbyteUrl: w.fake.airbyteUrl,
            clientId: (dataplane.outs as AirbyteDataplaneState).clientId,
            clientSecret: dataplaneSecret,
        });
        assert.match(String(check.outs?.tokenEndpoint), /\/api\/v1\/dataplanes\/token$/);

        for (const provider of [
            airbyteRegionProvider,
            airbyteDataplaneProvider,
            credentialCheckProvider,
            healthCheckProvider,
            workspaceRegionProvider,
        ]) {
            const serialized = await pulumi.runtime.serializeFunction(() => provider);
            assert.equal(serialized.containsSecrets, false);
            for (const secret of [APP_ID, APP_SECRET, dataplaneSecret, ...w.fake.issuedTokens]) {
                assert.ok(!serialized.text.includes(secret), "serialized provider must not contain a credential");
            }
            assert.match(serialized.text, /applications\/token|dataplanes\/token/, "the text is the real provider, client included");
        }
    });

    it("runs the serialized data-plane provider end to end against the API", async () => {
        const serialized = await pulumi.runtime.serializeFunction(() => airbyteDataplaneProvider);
        const provider = load(serialized.text);
        const regionId = (await w.client().createRegion({ name: "eu", organizationId: w.organizationId })).regionId;
        const inputs = {
            __kind: AIRBYTE_DATAPLANE_KIND,
            ...w.connection,
            regionId,
            name: "eu-1",
        };
        const created = await provider.create(inputs);
        assert.equal(created.outs.clientSecret, w.fake.dataplanes.get(created.id)?.clientSecret);
        const read = await provider.read!(created.id, created.outs);
        assert.equal(read.props.clientSecret, created.outs.clientSecret);
        await provider.delete!(created.id, created.outs);
        assert.equal(w.fake.dataplanes.get(created.id)?.tombstone, true);
        assert.deepEqual(await provider.read!(created.id, created.outs), { id: "", props: {} });
    });

    it("runs every operation of the serialized region provider, the shared ones included", async () => {
        const provider = load((await pulumi.runtime.serializeFunction(() => airbyteRegionProvider)).text);
        const inputs = { ...w.connection, apiUrl: `${w.fake.apiUrl}/`, organizationId: w.organizationId, name: "eu" };
        const checked = await provider.check!({}, inputs);
        assert.deepEqual([checked.failures, checked.inputs.apiUrl, checked.inputs.__kind], [[], w.fake.apiUrl, AIRBYTE_REGION_KIND]);
        const created = await provider.create(checked.inputs);
        const renamed = { ...checked.inputs, name: "eu-renamed" };
        assert.equal((await provider.diff!(created.id, created.outs, renamed)).changes, true);
        await provider.update!(created.id, created.outs, renamed);
        assert.equal(w.fake.regions.get(created.id)?.name, "eu-renamed");
        const imported = await provider.read!(created.id, w.connection);
        assert.equal(imported.inputs?.organizationId, w.organizationId);
        const adopted = await provider.create({ ...checked.inputs, importId: created.id });
        assert.equal(adopted.id, created.id);
        assert.equal(w.fake.regions.get(created.id)?.name, "eu", "adopting renames the region back to the inputs' name");
        await provider.delete!(created.id, created.outs);
        await provider.delete!(created.id, created.outs);
        assert.deepEqual(
            [w.fake.regions.get(created.id)?.tombstone, w.fake.regions.get(created.id)?.name],
            [true, `deleted-${created.id}-eu`],
        );
        assert.deepEqual(await provider.read!(created.id, created.outs), { id: "", props: {} });
    });

    it("runs the serialized connection-proof and workspace providers end to end", async () => {
        const [check, health, workspace] = await Promise.all(
            [credentialCheckProvider, healthCheckProvider, workspaceRegionProvider].map(async (p) =>
                load((await pulumi.runtime.serializeFunction(() => p)).text),
            ),
        );
        const regionId = (await w.client().createRegion({ name: "eu", organizationId: w.organizationId })).regionId;
        const dp = await w.client().createDataplane({ name: "eu-1", regionId });
        const checked = await check.create({
            __kind: AIRBYTE_CREDENTIAL_CHECK_KIND,
            airbyteUrl: w.fake.airbyteUrl,
            clientId: dp.clientId,
            clientSecret: dp.clientSecret,
        });
        assert.equal(checked.id, "dataplane-credentials");
        const refused = await rejection(
            check.create({
                __kind: AIRBYTE_CREDENTIAL_CHECK_KIND,
                airbyteUrl: w.fake.airbyteUrl,
                clientId: dp.clientId,
                clientSecret: "wrong-secret",
            }),
        );
        assert.ok(refused instanceof Error);
        assert.match(refused.message, /refused data plane client/);
        w.fake.heartbeat(dp.dataplaneId);
        const healthy = await health.create({
            __kind: AIRBYTE_HEALTH_CHECK_KIND,
            ...w.connection,
            airbyteUrl: w.fake.airbyteUrl,
            dataplaneId: dp.dataplaneId,
            organizationId: w.organizationId,
            timeoutSeconds: 30,
        });
        assert.equal(healthy.outs.status, "HEALTHY");
        const workspaceId = w.fake.addWorkspace(w.organizationId);
        await workspace.create({
            __kind: AIRBYTE_WORKSPACE_REGION_KIND,
            ...w.connection,
            organizationId: w.organizationId,
            regionId,
            workspaceId,
        });
        assert.equal(w.fake.state.workspaces.get(workspaceId)?.regionId, regionId);
    });

    it("throws real Errors with the explanation from serialized code", async () => {
        const provider = load((await pulumi.runtime.serializeFunction(() => airbyteRegionProvider)).text);
        const error = await rejection(
            provider.create({ ...w.connection, applicationClientSecret: "wrong-secret", organizationId: w.organizationId, name: "eu" }),
        );
        assert.ok(error instanceof Error, "the dynamic provider host reports e.message; a non-Error would show nothing");
        assert.match(String(error), /^AirbyteApiError: Airbyte API POST \/applications\/token returned 401/);
        assert.equal((error as { kind?: string }).kind, "bad-credentials");
    });
});
