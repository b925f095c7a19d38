import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
const pinned = (name: string) => lock.packages[`node_modules/${name}`].version as string;

/** The consumer's program: only `flexplane` and `flexplane/aws`, as an AWS-only platform team writes it. */
const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { DataPlane } from "flexplane";
import { EksCluster } from "flexplane/aws";

export function main(): void {
    const cluster = new EksCluster("consumer", {
        region: "us-east-1",
        secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
        endpoint: { publicAccessCidrs: ["203.0.113.0/24"] },
    });
    new DataPlane("consumer", { ...cluster.dataPlaneTarget, clientId: pulumi.secret("id"), clientSecret: pulumi.secret("secret") });
}
`;

/** Runs the compiled program under the mock runtime, with the repository's canned cloud answers. */
const RUNNER = `
const pulumi = require("@pulumi/pulumi");
require(${JSON.stringify(path.join(root, "node_modules", "ts-node"))}).register({ transpileOnly: true, project: ${JSON.stringify(path.join(root, "tsconfig.json"))} });
const { cannedOutputs, cannedInvoke } = require(${JSON.stringify(path.join(root, "tools", "harness", "canned"))});
const types = [];
pulumi.runtime.setMocks({
    newResource: (args) => { types.push(args.type); return { id: args.name + "-id", state: { ...args.inputs, ...(cannedOutputs(args) || {}) } }; },
    call: (args) => { const r = cannedInvoke(args); if (!r) throw new Error("unmocked invoke " + args.token); return r; },
}, "consumer", "dev", false);
require("./dist/index.js").main();
pulumi.runtime.waitForRPCs().then(() => {
    const loaded = Object.keys(require.cache).filter((f) => !f.startsWith(${JSON.stringify(root)}));
    const sdks = ["@pulumi/gcp", "@pulumi/azure-native", "@pulumi/azuread"].filter((s) => loaded.some((f) => f.includes("/node_modules/" + s + "/")));
    process.stdout.write(JSON.stringify({ types, sdks }));
});
`;

describe("packaged consumer (AWS only)", function () {
    this.timeout(600_000);
    let consumer: string;

    before(() => {
        consumer = fs.mkdtempSync(path.join(os.tmpdir(), "flexplane-consumer-"));
        const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", consumer], { cwd: root, encoding: "utf8" }).trim().split("\n").pop()!;
        fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({
            name: "consumer", private: true,
            dependencies: {
                flexplane: `file:./${tarball}`,
                "@pulumi/pulumi": pinned("@pulumi/pulumi"),
                "@pulumi/kubernetes": pinned("@pulumi/kubernetes"),
                "@pulumi/aws": pinned("@pulumi/aws"),
                "@pulumi/awsx": pinned("@pulumi/awsx"),
                "@pulumi/eks": pinned("@pulumi/eks"),
                typescript: pinned("typescript"),
            },
        }, null, 2));
        execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: consumer, stdio: "inherit" });
        fs.writeFileSync(path.join(consumer, "index.ts"), PROGRAM);
        fs.writeFileSync(path.join(consumer, "tsconfig.json"), JSON.stringify({
            compilerOptions: { target: "es2022", module: "node16", moduleResolution: "node16", strict: true, skipLibCheck: true, outDir: "dist" },
            files: ["index.ts"],
        }));
    });

    after(() => fs.rmSync(consumer, { recursive: true, force: true }));

    it("installs no GCP or Azure SDK", () => {
        for (const sdk of ["@pulumi/gcp", "@pulumi/azure-native", "@pulumi/azuread"]) {
            assert.equal(fs.existsSync(path.join(consumer, "node_modules", sdk)), false, `${sdk} was installed`);
        }
        assert.ok(fs.existsSync(path.join(consumer, "node_modules", "flexplane", "dist", "components", "aws", "index.d.ts")));
    });

    it("ships built JavaScript, declarations, README and docs only", () => {
        const files = execFileSync("find", [".", "-type", "f"], { cwd: path.join(consumer, "node_modules", "flexplane"), encoding: "utf8" }).trim().split("\n");
        const stray = files.filter((f) => !/^\.\/(dist\/components\/.*\.(js|d\.ts)|README\.md|docs\/.*\.md|package\.json)$/.test(f));
        assert.deepEqual(stray, []);
        assert.ok(!files.some((f) => f.includes("/test/") || f.endsWith(".ts") && !f.endsWith(".d.ts")));
    });

    it("compiles a program that uses flexplane and flexplane/aws through the subpath exports", () => {
        execFileSync(path.join(consumer, "node_modules", ".bin", "tsc"), ["-p", "."], { cwd: consumer, encoding: "utf8" });
        assert.ok(fs.existsSync(path.join(consumer, "dist", "index.js")));
    });

    it("runs it under mocks: cluster, IAM, bucket and release, without loading GCP or Azure", () => {
        fs.writeFileSync(path.join(consumer, "run.js"), RUNNER);
        const result = JSON.parse(execFileSync(process.execPath, ["run.js"], { cwd: consumer, encoding: "utf8" }));
        for (const type of ["flexplane:aws:EksCluster", "eks:index:Cluster", "eks:index:ManagedNodeGroup", "aws:iam/role:Role", "aws:s3/bucket:Bucket", "flexplane:index:DataPlane", "kubernetes:helm.sh/v3:Release"]) {
            assert.ok(result.types.includes(type), `no ${type} registered; got ${result.types.join(", ")}`);
        }
        assert.deepEqual(result.sdks, []);
    });
});
