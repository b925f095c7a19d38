/**
 * The plugin's provider builds each component the schema publishes, registered under the very token
 * the schema gives it, with the inputs and resource options a program in another language sends
 * (a plugin's `construct` receives providers as a `{ package: provider }` map and dependencies as
 * resources: pulumi/pulumi `sdk/nodejs/provider/server.ts` `construct`).
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { mockRuntimeEachTest } from "../support/harness";
import { secret } from "./wire-values";
import { isSecret, valueOf } from "../support/outputs";
import { FlexplaneProvider, PLUGIN_COMPONENTS, SCHEMA_PATH } from "../../plugin/provider";
import * as aws from "../aws/helpers";
import * as gcp from "../gcp/helpers";
import * as azure from "../azure/helpers";
import { baseArgs as dataPlaneArgs } from "../dataplane/helpers";

const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8"));

/** For each published component: the stack config and smallest valid arguments its own tests use. */
const EXAMPLES: Record<string, { config: Record<string, string>; args: () => Record<string, unknown> }> = {
    "flexplane:index:DataPlane": { config: {}, args: () => ({ ...dataPlaneArgs() }) },
    "flexplane:index:EksCluster": { config: aws.BASE_CONFIG, args: () => ({ ...aws.baseArgs() }) },
    "flexplane:index:ControlPlaneSecretsRole": {
        config: {},
        args: () => ({
            airbytePrincipalArn: "arn:aws:iam::094410056844:role/airbyte-control-plane",
            externalId: "acme-airbyte-7f3c",
            secretsManager: { region: "us-east-1", accountId: "123456789012" },
        }),
    },
    "flexplane:index:GkeCluster": { config: gcp.BASE_CONFIG, args: () => ({ ...gcp.baseArgs() }) },
    "flexplane:index:AksCluster": { config: {}, args: () => ({ ...azure.baseArgs() }) },
};

describe("the plugin's provider", () => {
    const run = mockRuntimeEachTest();

    it("serves the committed schema under the package's version", async () => {
        const provider = new FlexplaneProvider();
        assert.equal(await provider.getSchema(), fs.readFileSync(SCHEMA_PATH, "utf8"));
        assert.equal(provider.version, schema.version);
    });

    it("has an example for every component it serves", () => {
        assert.deepEqual(Object.keys(EXAMPLES).sort(), Object.keys(PLUGIN_COMPONENTS).sort());
    });

    for (const [token, example] of Object.entries(EXAMPLES)) {
        it(`constructs ${token.split(":")[2]} under the token the schema publishes, returning every published output`, async () => {
            run.install({ config: example.config });
            const k8s = await import("@pulumi/kubernetes");
            const cluster = new k8s.Provider("program-cluster", { kubeconfig: "fake" });
            const result = await new FlexplaneProvider().construct("eu", token, example.args(), { providers: { kubernetes: cluster } });
            const urn = await valueOf(pulumi.output(result.urn));
            assert.equal(urn.split("::")[2], token, "the registered type must be the schema's token");
            await run.h.settle();
            assert.equal(run.h.one(token).name, "eu");
            const published = Object.keys(schema.resources[token].properties).sort();
            assert.deepEqual(Object.keys(result.state ?? {}).sort(), published);
            for (const [name, property] of Object.entries<any>(schema.resources[token].properties)) {
                if (property.secret) {
                    assert.ok(await isSecret(pulumi.output(result.state![name])), `${name} must be returned as a secret`);
                }
            }
        });
    }

    it("installs a DataPlane on the cluster the program passes as a provider, waiting for the program's dependencies", async () => {
        const k8s = await import("@pulumi/kubernetes");
        const cluster = new k8s.Provider("program-cluster", { kubeconfig: "fake" });
        const nodes = new k8s.core.v1.ConfigMap("nodes-ready", {}, { provider: cluster });
        await new FlexplaneProvider().construct("eu", "flexplane:index:DataPlane", dataPlaneArgs(), {
            providers: { kubernetes: cluster },
            dependsOn: [nodes],
        });
        await run.h.settle();
        const release = run.h.one("kubernetes:helm.sh/v3:Release");
        assert.match(release.options.provider, /::program-cluster::/);
        assert.ok(release.options.dependencies.some((urn) => urn.endsWith("::nodes-ready")));
    });

    it("takes a plain argument whose nested credential arrived as one secret, as an SDK without output values sends it", async () => {
        // pulumi/pulumi sdk/nodejs/provider/server.ts `construct` deserializes the request with `deserializeInputs`.
        const { deserializeInputs } = require("@pulumi/pulumi/provider/server");
        const fromPulumi = (id: string) => require(require.resolve(id, { paths: [require.resolve("@pulumi/pulumi")] }));
        const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb");
        const keys = { accessKeyId: secret("AKIA-NESTED-1"), secretAccessKey: secret("nested-secret-2") };
        const request = Struct.fromJavaScript({
            clientId: secret("dp-id"),
            clientSecret: secret("dp-secret"),
            secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", accessKeys: keys } },
            storage: { s3: { bucket: "eu-logs", region: "us-east-1", accessKeys: keys } },
        });
        const inputs = await deserializeInputs(request, new Map());
        assert.ok(pulumi.Output.isInstance(inputs.secretsManager), "the SDK lifts the nested secret to the whole argument");

        const k8s = await import("@pulumi/kubernetes");
        const cluster = new k8s.Provider("program-cluster", { kubeconfig: "fake" });
        await new FlexplaneProvider().construct("eu", "flexplane:index:DataPlane", inputs, { providers: { kubernetes: cluster } });
        await run.h.settle();
        const credentials = run.h.one("kubernetes:core/v1:Secret", "eu-credentials");
        assert.ok(credentials.secretPaths.includes("stringData"), "the credentials stay secret");
        assert.ok(!JSON.stringify(credentials.inputs).includes("nested-secret-2"));
        assert.equal(credentials.plainInputs.stringData.AWS_SECRET_MANAGER_SECRET_ACCESS_KEY, "nested-secret-2");
    });

    it("refuses a custom resource it does not serve, naming the ones it does", async () => {
        await assert.rejects(
            Promise.resolve().then(() => new FlexplaneProvider().create("urn:pulumi:dev::p::flexplane:index:Nope::x", {})),
            /flexplane has no custom resource flexplane:index:Nope: it serves flexplane:index:AirbyteRegion, flexplane:index:AirbyteDataplane/,
        );
    });

    it("refuses a type it does not serve, naming the ones it does", async () => {
        await assert.rejects(
            new FlexplaneProvider().construct("x", "flexplane:index:Nope", {}, {}),
            /flexplane has no component flexplane:index:Nope: it serves flexplane:index:DataPlane, flexplane:index:EksCluster/,
        );
    });
});
