import { strict as assert } from "assert";
import { execFile, execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const root = path.resolve(__dirname, "..", "..");
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
const pinned = (name: string) => lock.packages[`node_modules/${name}`].version as string;
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

/** The lowest version a caret range `^x.y.z` allows: x.y.z itself. */
function lowestOf(range: string): string {
    const match = /^\^(\d+\.\d+\.\d+)$/.exec(range);
    assert.ok(match, `peer range ${range} is not a caret range; teach lowestOf its lowest version`);
    return match[1];
}

/** Both ends of the `@pulumi/pulumi` peer range: its floor, and the newest SDK (the one this repository pins). */
const PULUMI_LOWEST = lowestOf(manifest.peerDependencies["@pulumi/pulumi"]);
const PULUMI_NEWEST = pinned("@pulumi/pulumi");

/**
 * What `pulumi new typescript` writes: pulumi/templates `typescript/tsconfig.json` and
 * `package.json` at 65db26b (2026-08-04). Until 81e6522 (2026-03-25) the template had
 * `"module": "commonjs", "moduleResolution": "node"` instead, which projects made earlier still use.
 */
const TEMPLATE_TSCONFIG = {
    compilerOptions: {
        strict: true,
        outDir: "bin",
        target: "es2020",
        module: "nodenext",
        moduleResolution: "nodenext",
        sourceMap: true,
        experimentalDecorators: true,
        pretty: true,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
};
const TEMPLATE_PACKAGE = {
    main: "index.ts",
    devDependencies: { "@types/node": "^18", typescript: "^5.0.0" },
    dependencies: { "@pulumi/pulumi": "^3.113.0" },
};

/** A fenced TypeScript block of `file` under the heading `heading`. */
function exampleUnder(file: string, heading: string): string {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const section = text.slice(text.indexOf(heading));
    const match = /```(?:ts|typescript)\n([\s\S]*?)```/.exec(section);
    assert.ok(match, `no TypeScript example under "${heading}" in ${file}`);
    return match[1];
}

/**
 * Runs a compiled program under Pulumi's mocks with `flexplane/testing`, as a consumer's test would,
 * and prints what was registered, the error it threw (if any) and the cloud SDKs it loaded.
 */
const RUNNER = `
process.env.PULUMI_CONFIG = JSON.stringify({ "consumer:dataPlaneClientId": "id", "consumer:dataPlaneClientSecret": "secret", "aws:region": "us-east-1" });
const pulumi = require("@pulumi/pulumi");
const { flexplaneMocks } = require("flexplane/testing");
const mocks = flexplaneMocks();
const registered = [];
pulumi.runtime.setMocks({
    newResource: (args) => { registered.push({ type: args.type, inputs: args.inputs }); return mocks.newResource(args); },
    call: (args) => mocks.call(args),
}, "consumer", "dev", false);
let error;
try { require("./bin/index.js"); } catch (e) { error = e.constructor.name + ": " + e.message; }
pulumi.runtime.waitForRPCs().then(() => {
    const loaded = Object.keys(require.cache);
    const sdks = ["@pulumi/gcp", "@pulumi/azure-native", "@pulumi/azuread"].filter((s) => loaded.some((f) => f.includes("/node_modules/" + s + "/")));
    process.stdout.write(JSON.stringify({ error, sdks, registered }));
});
`;

interface RunResult {
    error?: string;
    sdks: string[];
    registered: { type: string; inputs: Record<string, any> }[];
}

/** Runs the compiled example under the mocks in `consumer`; the runner's own failure shows its stderr. */
function runExample(consumer: string): RunResult {
    const run = spawnSync(process.execPath, ["run.js"], { cwd: consumer, encoding: "utf8" });
    assert.equal(run.status, 0, `run.js exited ${run.status}:\n${run.stderr}`);
    return JSON.parse(run.stdout);
}

/**
 * Loads the Airbyte credential check's provider the way Pulumi's dynamic-provider host does at
 * deployment time: the serialized module text of `__provider`, evaluated in the consumer project, where
 * its `require`s of flexplane's own modules must resolve through the package's exports.
 */
function providerMethods(consumer: string, result: RunResult): string[] {
    const check = result.registered.find((r) => r.type === "pulumi-nodejs:dynamic/flexplane:AirbyteDataplaneCredentialCheck");
    assert.ok(check, "no credential check registered");
    const serialized = check.inputs.__provider;
    fs.writeFileSync(path.join(consumer, "provider.js"), typeof serialized === "string" ? serialized : serialized.value);
    const load = spawnSync(
        process.execPath,
        ["-e", "process.stdout.write(JSON.stringify(Object.keys(require('./provider.js').handler())))"],
        { cwd: consumer, encoding: "utf8" },
    );
    assert.equal(load.status, 0, `the serialized provider does not load:\n${load.stderr}`);
    return JSON.parse(load.stdout);
}

/**
 * A project as `pulumi new typescript` makes it, with the tarball, the AWS SDKs and `@pulumi/pulumi` at
 * `pulumiVersion`, the README's example and the runner. The folder name avoids "flexplane": the SDK's
 * closure serializer finds a module's package.json by the first occurrence of the package name in its
 * path (`getPackageDefinition`, sdk/nodejs/runtime/closure/package.ts), so a project folder named after
 * the package would hide a missing export path.
 */
async function makeConsumer(tarball: string, pulumiVersion: string): Promise<string> {
    const consumer = fs.mkdtempSync(path.join(os.tmpdir(), `consumer-pulumi-${pulumiVersion}-`));
    fs.copyFileSync(tarball, path.join(consumer, path.basename(tarball)));
    fs.writeFileSync(
        path.join(consumer, "package.json"),
        JSON.stringify(
            {
                name: "consumer",
                ...TEMPLATE_PACKAGE,
                // The template's ranges, pinned to this repository's versions where they fall inside them.
                devDependencies: { ...TEMPLATE_PACKAGE.devDependencies, typescript: pinned("typescript") },
                dependencies: {
                    "@pulumi/pulumi": pulumiVersion,
                    // What the README tells an AWS user to add.
                    flexplane: `file:./${path.basename(tarball)}`,
                    "@pulumi/kubernetes": pinned("@pulumi/kubernetes"),
                    "@pulumi/aws": pinned("@pulumi/aws"),
                    "@pulumi/awsx": pinned("@pulumi/awsx"),
                    "@pulumi/eks": pinned("@pulumi/eks"),
                },
            },
            null,
            2,
        ),
    );
    await promisify(execFile)("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
        cwd: consumer,
    });
    fs.writeFileSync(path.join(consumer, "index.ts"), exampleUnder("README.md", "## As a library"));
    fs.writeFileSync(path.join(consumer, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG, null, 4));
    fs.writeFileSync(path.join(consumer, "run.js"), RUNNER);
    return consumer;
}

const tsc = (consumer: string, project: string) =>
    promisify(execFile)(path.join(consumer, "node_modules", ".bin", "tsc"), ["-p", project], { cwd: consumer });

/** The SDK versions installed in `consumer`: exactly one copy is what makes mocks work. */
function installedPulumiVersions(consumer: string): string[] {
    const found = execFileSync("find", ["node_modules", "-path", "*/@pulumi/pulumi/package.json"], { cwd: consumer, encoding: "utf8" })
        .trim()
        .split("\n");
    return found.map((file) => JSON.parse(fs.readFileSync(path.join(consumer, file), "utf8")).version as string);
}

const REGISTERED_BY_EXAMPLE = [
    "flexplane:index:EksCluster",
    "awsx:ec2:Vpc",
    "eks:index:Cluster",
    "eks:index:ManagedNodeGroup",
    "aws:iam/role:Role",
    "aws:s3/bucket:Bucket",
    "flexplane:index:DataPlane",
    "kubernetes:helm.sh/v3:Release",
];

describe("packaged consumer: a `pulumi new typescript` project with the tarball", function () {
    this.timeout(900_000);
    const consumers: Record<string, string> = {};
    let packDir: string;

    before(async () => {
        packDir = fs.mkdtempSync(path.join(os.tmpdir(), "consumer-pack-"));
        const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", packDir], { cwd: root, encoding: "utf8" })
            .trim()
            .split("\n")
            .pop()!;
        // One pack, both ends of the peer range installed side by side.
        const [lowest, newest] = await Promise.all([PULUMI_LOWEST, PULUMI_NEWEST].map((v) => makeConsumer(path.join(packDir, tarball), v)));
        consumers[PULUMI_LOWEST] = lowest;
        consumers[PULUMI_NEWEST] = newest;
    });

    after(() => {
        for (const dir of [packDir, ...Object.values(consumers)]) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    describe(`on @pulumi/pulumi ${PULUMI_NEWEST}, the newest SDK (the one this repository pins)`, () => {
        let consumer: string;
        before(() => {
            consumer = consumers[PULUMI_NEWEST];
            // The same project under the older template's resolution, node16 and a bundler's; these only
            // type-check how `flexplane/*` resolves, so the libraries' own declarations are skipped.
            const variant = (options: object) =>
                JSON.stringify({
                    ...TEMPLATE_TSCONFIG,
                    compilerOptions: { ...TEMPLATE_TSCONFIG.compilerOptions, skipLibCheck: true, ...options },
                });
            fs.writeFileSync(
                path.join(consumer, "tsconfig.node.json"),
                variant({ module: "commonjs", moduleResolution: "node", noEmit: true }),
            );
            fs.writeFileSync(
                path.join(consumer, "tsconfig.node16.json"),
                variant({ module: "node16", moduleResolution: "node16", noEmit: true }),
            );
            fs.writeFileSync(
                path.join(consumer, "tsconfig.bundler.json"),
                variant({ module: "preserve", moduleResolution: "bundler", noEmit: true }),
            );
        });

        it("installs exactly that SDK, and no GCP or Azure SDK", () => {
            assert.deepEqual(installedPulumiVersions(consumer), [PULUMI_NEWEST]);
            for (const sdk of ["@pulumi/gcp", "@pulumi/azure-native", "@pulumi/azuread"]) {
                assert.equal(fs.existsSync(path.join(consumer, "node_modules", sdk)), false, `${sdk} was installed`);
            }
            assert.ok(fs.existsSync(path.join(consumer, "node_modules", "flexplane", "dist", "components", "aws", "index.d.ts")));
        });

        it("ships built JavaScript, declarations, README and docs only", () => {
            const files = execFileSync("find", [".", "-type", "f"], {
                cwd: path.join(consumer, "node_modules", "flexplane"),
                encoding: "utf8",
            })
                .trim()
                .split("\n");
            const stray = files.filter((f) => !/^\.\/(dist\/components\/.*\.(js|d\.ts)|README\.md|docs\/.*\.md|package\.json)$/.test(f));
            assert.deepEqual(stray, []);
            assert.ok(files.includes("./dist/components/testing/index.d.ts"), "flexplane/testing is shipped");
        });

        it("compiles the README's example with the template's tsconfig (nodenext), and under `node`, `node16` and `bundler` resolution", async () => {
            await Promise.all(
                ["tsconfig.json", "tsconfig.node.json", "tsconfig.node16.json", "tsconfig.bundler.json"].map((p) => tsc(consumer, p)),
            );
            assert.ok(fs.existsSync(path.join(consumer, "bin", "index.js")));
        });

        it("runs the README's example under flexplane/testing's mocks: cluster, nodes, role and release, no GCP or Azure loaded", () => {
            const result = runExample(consumer);
            assert.equal(result.error, undefined);
            const types = result.registered.map((r) => r.type);
            for (const type of REGISTERED_BY_EXAMPLE) {
                assert.ok(types.includes(type), `no ${type} registered; got ${types.join(", ")}`);
            }
            assert.deepEqual(result.sdks, []);
            // The canned cluster outputs reach the provider, and the canned role ARN reaches the chart.
            const provider = result.registered.find((r) => r.type === "pulumi:providers:kubernetes")!;
            const kubeconfig = JSON.parse(provider.inputs.kubeconfig.value ?? provider.inputs.kubeconfig);
            assert.match(kubeconfig.clusters[0].cluster.server, /^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
            assert.deepEqual(kubeconfig.users[0].user.exec.args.slice(2), ["eks", "get-token", "--cluster-name", "us", "--output", "json"]);
            const release = result.registered.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!;
            assert.match(JSON.stringify(release.inputs.values), /"eks\.amazonaws\.com\/role-arn":"arn:aws:iam::123456789012:role\//);
            assert.deepEqual(providerMethods(consumer, result).sort(), ["check", "create", "diff", "update"]);
        });

        it("without @pulumi/awsx, refuses the example's new VPC before any resource and names the install command", () => {
            const awsx = path.join(consumer, "node_modules", "@pulumi", "awsx");
            fs.renameSync(awsx, `${awsx}.removed`);
            try {
                const result = runExample(consumer);
                assert.match(
                    result.error ?? "",
                    /InputPropertiesError: EksCluster "us" has invalid arguments:\n {2}- network: .*run `npm install "@pulumi\/awsx@\^3\.0\.0"`/,
                );
                assert.deepEqual(result.registered, []);
            } finally {
                fs.renameSync(`${awsx}.removed`, awsx);
            }
        });

        it("runs the unit test of docs/testing.md in the project", () => {
            fs.writeFileSync(path.join(consumer, "example.test.ts"), exampleUnder("docs/testing.md", "## Example (mocha)"));
            const mocha = path.join(root, "node_modules", "mocha", "bin", "mocha.js");
            const out = execFileSync(
                process.execPath,
                [
                    mocha,
                    "--no-config",
                    "-r",
                    path.join(root, "node_modules", "ts-node", "register", "transpile-only"),
                    "--timeout",
                    "60000",
                    "example.test.ts",
                ],
                { cwd: consumer, encoding: "utf8" },
            );
            assert.match(out, /1 passing/);
        });
    });

    describe(`on @pulumi/pulumi ${PULUMI_LOWEST}, the lowest the peer range ${manifest.peerDependencies["@pulumi/pulumi"]} allows`, () => {
        let consumer: string;
        before(() => {
            consumer = consumers[PULUMI_LOWEST];
        });

        it("installs exactly that SDK, once", () => {
            assert.deepEqual(installedPulumiVersions(consumer), [PULUMI_LOWEST]);
        });

        it("compiles the README's example against that SDK's declarations with the template's tsconfig", async () => {
            await tsc(consumer, "tsconfig.json");
            assert.ok(fs.existsSync(path.join(consumer, "bin", "index.js")));
        });

        it("runs the example under flexplane/testing's mocks, and its serialized Airbyte provider loads", () => {
            const result = runExample(consumer);
            assert.equal(result.error, undefined);
            const types = result.registered.map((r) => r.type);
            assert.deepEqual(
                REGISTERED_BY_EXAMPLE.filter((t) => !types.includes(t)),
                [],
            );
            assert.deepEqual(providerMethods(consumer, result).sort(), ["check", "create", "diff", "update"]);
        });
    });
});
