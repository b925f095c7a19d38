/**
 * The Airbyte handlers behind Pulumi's real nodejs provider server (sdk/nodejs/provider/server.ts), driven over gRPC
 * the way the engine drives a plugin: raw Structs in, secrets in the engine's wire form, answers read back the same
 * way. This is what a Python or YAML program's `pulumi up` sends for a `flexplane:index:AirbyteDataplane`.
 */
import * as assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { AIRBYTE_DATAPLANE_TOKEN, AIRBYTE_REGION_TOKEN } from "../../components/airbyte/kinds";
import { APP_ID, APP_SECRET, rejection, world, World } from "../airbyte/setup";
import { secret } from "./wire-values";

// gRPC and protobuf as @pulumi/pulumi itself loads them (its own dependencies, not ours).
const fromPulumi = (id: string) => require(require.resolve(id, { paths: [path.dirname(require.resolve("@pulumi/pulumi"))] }));
const grpc = fromPulumi("@grpc/grpc-js");
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const proto = require("@pulumi/pulumi/proto/provider_pb");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");

/**
 * The plugin as Pulumi's Node.js language host starts it: `@pulumi/pulumi/cmd/run-plugin <plugin folder>`, in
 * the consuming program's folder (pulumi/pulumi sdk/nodejs/cmd/pulumi-language-nodejs/main.go `RunPlugin`), here
 * an empty one, as a Python or YAML project looks to Node.js.
 */
const RUN_PLUGIN = require.resolve("@pulumi/pulumi/cmd/run-plugin");
const PLUGIN_DIR = path.join(__dirname, "..", "..", "plugin");
const PROGRAM_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "flexplane-program-"));
const urn = (type: string, name: string) => `urn:pulumi:dev::airbyte::${type}::${name}`;

/** Starts the provider process and resolves with its port, the first line it prints (as the engine reads it). */
function startProvider(): Promise<{ child: ChildProcess; port: string }> {
    const child = spawn(process.execPath, [RUN_PLUGIN, PLUGIN_DIR], {
        cwd: PROGRAM_DIR,
        stdio: ["ignore", "pipe", "pipe"],
    });
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout!.on("data", (chunk) => {
            out += chunk;
            const line = out.split("\n")[0];
            if (out.includes("\n")) {
                resolve({ child, port: line.trim() });
            }
        });
        child.stderr!.on("data", (chunk) => (err += chunk));
        child.on("exit", (code) => reject(new Error(`provider exited with ${code}: ${err}`)));
    });
}

describe("Airbyte resources over the plugin's gRPC protocol", function () {
    this.timeout(120_000);
    let provider: ChildProcess;
    let client: any;
    let w: World;

    before(async () => {
        const started = await startProvider();
        provider = started.child;
        client = new ResourceProviderClient(`127.0.0.1:${started.port}`, grpc.credentials.createInsecure());
    });
    after(() => {
        client?.close();
        provider?.kill();
        fs.rmSync(PROGRAM_DIR, { recursive: true, force: true });
    });
    beforeEach(async () => {
        w = await world();
    });
    afterEach(async () => {
        await w.fake.close();
    });

    /** Calls the provider's `method` RPC with `request`, resolving with its response. */
    function call(method: string, request: any): Promise<any> {
        return new Promise((resolve, reject) => client[method](request, (e: Error | null, r: any) => (e ? reject(e) : resolve(r))));
    }
    async function check(type: string, name: string, news: Record<string, unknown>) {
        const request = new proto.CheckRequest();
        request.setUrn(urn(type, name));
        request.setOlds(Struct.fromJavaScript({}));
        request.setNews(Struct.fromJavaScript(news));
        const response = await call("check", request);
        const failures = response.getFailuresList().map((f: any) => `${f.getProperty()}: ${f.getReason()}`);
        return { inputs: response.getInputs().toJavaScript(), failures };
    }
    async function create(type: string, name: string, inputs: Record<string, unknown>) {
        const request = new proto.CreateRequest();
        request.setUrn(urn(type, name));
        request.setProperties(Struct.fromJavaScript(inputs));
        const response = await call("create", request);
        return { id: response.getId() as string, outs: response.getProperties().toJavaScript() };
    }
    async function read(type: string, name: string, id: string, state: Record<string, unknown>) {
        const request = new proto.ReadRequest();
        request.setId(id);
        request.setUrn(urn(type, name));
        request.setProperties(Struct.fromJavaScript(state));
        const response = await call("read", request);
        return { id: response.getId() as string, props: response.getProperties()?.toJavaScript() };
    }
    async function remove(type: string, name: string, id: string, state: Record<string, unknown>) {
        const request = new proto.DeleteRequest();
        request.setId(id);
        request.setUrn(urn(type, name));
        request.setProperties(Struct.fromJavaScript(state));
        await call("delete", request);
    }

    it("is the plugin's entry point, serving the committed schema over GetSchema", async () => {
        const response = await call("getSchema", new proto.GetSchemaRequest());
        const served = response.getSchema();
        assert.equal(served, fs.readFileSync(path.join(PLUGIN_DIR, "schema.json"), "utf8"));
        assert.ok(AIRBYTE_REGION_TOKEN in JSON.parse(served).resources);
    });

    it("accepts secrets at configure, so it must mark secret outputs itself", async () => {
        const request = new proto.ConfigureRequest();
        request.setArgs(Struct.fromJavaScript({}));
        assert.equal((await call("configure", request)).getAcceptsecrets(), true);
    });

    it("creates, reads and deletes a region and a data plane; credentials travel and come back as secrets", async () => {
        const connection = { apiUrl: w.fake.apiUrl, application: secret({ clientId: APP_ID, clientSecret: APP_SECRET }) };
        const regionChecked = await check(AIRBYTE_REGION_TOKEN, "eu", { ...connection, organizationId: w.organizationId, name: "eu" });
        assert.deepEqual(regionChecked.failures, []);
        const region = await create(AIRBYTE_REGION_TOKEN, "eu", regionChecked.inputs);
        assert.equal(w.fake.regions.get(region.id)?.name, "eu");

        const dpChecked = await check(AIRBYTE_DATAPLANE_TOKEN, "eu-1", { ...connection, regionId: region.id, name: "eu-1" });
        const dp = await create(AIRBYTE_DATAPLANE_TOKEN, "eu-1", dpChecked.inputs);
        const issued = w.fake.dataplanes.get(dp.id)!;
        for (const key of ["clientId", "clientSecret"] as const) {
            assert.ok(pulumi.runtime.isRpcSecret(dp.outs[key]), `${key} is a secret on the wire`);
            assert.equal(pulumi.runtime.unwrapRpcSecret(dp.outs[key]), issued[key]);
            assert.ok(pulumi.runtime.isRpcSecret(dp.outs.application[key]), `application.${key} is a secret on the wire`);
        }
        assert.equal((await read(AIRBYTE_DATAPLANE_TOKEN, "eu-1", dp.id, dp.outs)).id, dp.id);

        await remove(AIRBYTE_DATAPLANE_TOKEN, "eu-1", dp.id, dp.outs);
        assert.deepEqual(await read(AIRBYTE_DATAPLANE_TOKEN, "eu-1", dp.id, dp.outs), { id: "", props: {} }, "gone: the engine drops it");
        await remove(AIRBYTE_REGION_TOKEN, "eu", region.id, region.outs);
        assert.equal(w.fake.regions.get(region.id)?.tombstone, true);
    });

    it("reports bad arguments as check failures and a refused create with Airbyte's reason", async () => {
        const bad = await check(AIRBYTE_REGION_TOKEN, "eu", {
            application: { clientId: APP_ID },
            organizationId: w.organizationId,
            name: "",
        });
        assert.deepEqual(
            bad.failures.map((f: string) => f.split(":")[0]).sort(),
            ["application.clientSecret", "name"],
            bad.failures.join("\n"),
        );
        const inputs = {
            apiUrl: w.fake.apiUrl,
            application: { clientId: APP_ID, clientSecret: "wrong" },
            organizationId: w.organizationId,
        };
        const refused = await rejection(create(AIRBYTE_REGION_TOKEN, "eu", { ...inputs, name: "eu" }));
        assert.match(String(refused.details), /applications\/token returned 401/);
    });
});
