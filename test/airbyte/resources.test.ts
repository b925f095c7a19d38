import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { airbyteOutputs, fakeUuid } from "../../tools/harness/canned/airbyte";
import { REDACTED } from "../../tools/harness/runtime";
import { mockRuntimeEachTest } from "../support/harness";
import { isSecret, thrown, valueOf } from "../support/outputs";

const ORG = "5d0b1f9e-7c1a-4c8e-9d55-0c4b8e2f6a11";
const application = { clientId: "app-id-for-mocks", clientSecret: "app-secret-for-mocks" };

describe("AirbyteRegion and AirbyteDataplane as Pulumi resources", function () {
    this.timeout(60_000);
    const run = mockRuntimeEachTest();

    it("registers a region with its inputs, default apiUrl and secret application credentials", async () => {
        const { AirbyteRegion } = await import("../../components");
        const { AIRBYTE_REGION_TYPE } = await import("../../components/airbyte/kinds");
        const region = new AirbyteRegion("eu", { application, organizationId: ORG, name: "eu-west-1" });
        await run.h.settle();
        const recorded = run.h.one(AIRBYTE_REGION_TYPE, "eu");
        assert.equal(recorded.inputs.__kind, "airbyte-region");
        assert.equal(recorded.inputs.apiUrl, "https://api.airbyte.com/v1");
        assert.equal(recorded.inputs.organizationId, ORG);
        assert.equal(recorded.inputs.applicationClientSecret, REDACTED);
        assert.deepEqual(recorded.secretPaths.sort(), ["applicationClientId", "applicationClientSecret"]);
        assert.equal(typeof recorded.inputs.__provider, "string");
        assert.ok(!recorded.plainInputs.__provider.includes(application.clientSecret), "the provider code captures no secret");
        assert.equal(await valueOf(region.regionId), fakeUuid("airbyte-region/eu"));
        assert.equal(await valueOf(region.enabled), true);
    });

    it("gives a data plane secret clientId and clientSecret outputs", async () => {
        const { AirbyteDataplane } = await import("../../components");
        const { AIRBYTE_DATAPLANE_TYPE } = await import("../../components/airbyte/kinds");
        const dataplane = new AirbyteDataplane("eu-1", {
            application,
            apiUrl: "https://airbyte.corp.example/api/public/v1",
            regionId: fakeUuid("airbyte-region/eu"),
            name: "aws-eu-west-1",
            enabled: false,
        });
        await run.h.settle();
        const recorded = run.h.one(AIRBYTE_DATAPLANE_TYPE, "eu-1");
        assert.equal(recorded.inputs.__kind, "airbyte-dataplane");
        assert.equal(recorded.inputs.enabled, false);
        assert.equal(await isSecret(dataplane.clientSecret), true);
        assert.equal(await isSecret(dataplane.clientId), true);
        assert.equal(await valueOf(dataplane.clientId), fakeUuid("airbyte-dataplane-client/eu-1"));
        assert.match(await valueOf(dataplane.clientSecret), /^offline-plan-secret-/);
        assert.equal(await valueOf(dataplane.dataplaneId), fakeUuid("airbyte-dataplane/eu-1"));
    });

    it("lets a region and a data plane share a name (distinct types)", async () => {
        const { AirbyteDataplane, AirbyteRegion } = await import("../../components");
        const region = new AirbyteRegion("eu", { application, organizationId: ORG, name: "eu" });
        new AirbyteDataplane("eu", { application, regionId: region.regionId, name: "eu" });
        await run.h.settle();
        const types = run.h.resources.filter((r) => r.name === "eu").map((r) => r.type);
        assert.deepEqual(
            types.sort(),
            ["pulumi-nodejs:dynamic/flexplane:AirbyteDataplane", "pulumi-nodejs:dynamic/flexplane:AirbyteRegion"],
            "same-named resources need distinct types, or their URNs would collide",
        );
    });

    it("reports every bad plain argument at once, with the fix, before registering anything", async () => {
        const { AirbyteRegion } = await import("../../components");
        const error = thrown(
            () =>
                new AirbyteRegion("eu", {
                    application: { clientId: "id", clientSecret: "" },
                    apiUrl: "http://airbyte.corp.example/api/public/v1",
                    organizationId: "my-org",
                    name: "",
                }),
        );
        assert.ok(error instanceof pulumi.InputPropertiesError);
        assert.match(error.message, /AirbyteRegion "eu" has invalid arguments/);
        assert.match(error.message, /apiUrl: .*must use https/);
        assert.match(error.message, /application\.clientSecret: required: the client secret of an Airbyte application/);
        assert.match(error.message, /organizationId: "my-org" is not a UUID/);
        assert.match(error.message, /name: required/);
        await run.h.settle();
        assert.equal(run.h.resources.length, 0);
    });

    it("refuses importedCredentials without importId, and a region id that is not a UUID", async () => {
        const { AirbyteDataplane } = await import("../../components");
        const error = thrown(
            () =>
                new AirbyteDataplane("eu-1", {
                    application,
                    regionId: "eu-west-1",
                    name: "eu-1",
                    importedCredentials: { clientId: "a", clientSecret: "b" },
                }),
        );
        assert.ok(error instanceof pulumi.InputPropertiesError);
        assert.match(error.message, /regionId: "eu-west-1" is not a UUID; pass the region's id/);
        assert.match(error.message, /importedCredentials: only used with importId/);
    });

    it("registers a workspace assignment with secret application credentials, and refuses ids that are not UUIDs", async () => {
        const { AirbyteWorkspaceRegion } = await import("../../components");
        const { AIRBYTE_WORKSPACE_REGION_TYPE } = await import("../../components/airbyte/kinds");
        const workspaceId = "3c1d9a7e-5b2f-4c6d-8e9f-0a1b2c3d4e5f";
        new AirbyteWorkspaceRegion("ws", { application, organizationId: ORG, regionId: fakeUuid("airbyte-region/eu"), workspaceId });
        await run.h.settle();
        const recorded = run.h.one(AIRBYTE_WORKSPACE_REGION_TYPE, "ws");
        assert.deepEqual(
            [recorded.inputs.__kind, recorded.inputs.workspaceId, recorded.inputs.applicationClientSecret],
            ["airbyte-workspace-region", workspaceId, REDACTED],
        );
        const error = thrown(
            () => new AirbyteWorkspaceRegion("bad", { application, organizationId: ORG, regionId: "eu", workspaceId: "my workspace" }),
        );
        assert.ok(error instanceof pulumi.InputPropertiesError);
        assert.match(
            error.message,
            /workspaceId: "my workspace" is not a UUID; pass the workspace's id \(a UUID\), from its URL in Airbyte/,
        );
        assert.match(error.message, /regionId: "eu" is not a UUID/);
    });

    it("refuses a reserved region name and one longer than Airbyte stores, before registering", async () => {
        const { AirbyteRegion } = await import("../../components");
        const reserved = thrown(() => new AirbyteRegion("us", { application, organizationId: ORG, name: "US" }));
        assert.match(reserved.message, /name: "US" is reserved by Airbyte's default regions \(AUTO, US, EU\)/);
        const long = thrown(() => new AirbyteRegion("long", { application, organizationId: ORG, name: "r".repeat(300) }));
        assert.match(long.message, /name: is 300 characters long; Airbyte stores at most 255/);
    });

    it("canned outputs ignore other dynamic resources", () => {
        const args = { type: "pulumi-nodejs:dynamic:Resource", name: "x", inputs: { foo: 1 }, custom: true } as any;
        assert.equal(airbyteOutputs(args), undefined);
        assert.match(fakeUuid("a"), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.notEqual(fakeUuid("a"), fakeUuid("b"));
    });
});
