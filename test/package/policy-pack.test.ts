/**
 * The policy pack as `pulumi policy publish` uploads it: the staged folder packed with `npm pack` (what
 * the CLI does), unpacked elsewhere with only its declared dependencies at hand, started as the
 * Node.js policy host starts it, and asked for its metadata over the analyzer protocol, the CLI's first
 * step of a publish ("Obtaining policy metadata from policy plugin").
 */
import { strict as assert } from "assert";
import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { allPolicies } from "../../policy/policies";
import { StagedPack, stagePolicyPack } from "../../tools/policy-pack/stage";

const root = path.resolve(__dirname, "..", "..");
const policyManifest = JSON.parse(fs.readFileSync(path.join(root, "policy", "package.json"), "utf8"));

/** Starts the pack in `dir` and resolves with the port its analyzer prints. */
function serve(dir: string): { child: ChildProcess; port: Promise<number> } {
    const child = spawn(process.execPath, ["."], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    const port = new Promise<number>((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout!.on("data", (d) => {
            out += d;
            if (out.includes("\n")) {
                resolve(Number(out.split("\n")[0].trim()));
            }
        });
        child.stderr!.on("data", (d) => (err += d));
        child.on("exit", (code) => reject(new Error(`the staged pack exited ${code}: ${err}`)));
    });
    return { child, port };
}

describe("policy pack staged for `pulumi policy publish`", function () {
    this.timeout(180_000);
    let work: string;
    let staged: StagedPack;
    let unpacked: string;

    before(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "policy-publish-"));
        staged = stagePolicyPack(path.join(work, "stage"));
        const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: staged.dir, encoding: "utf8" })
            .trim()
            .split("\n")
            .pop()!;
        unpacked = path.join(work, "unpacked");
        fs.mkdirSync(unpacked);
        execFileSync("tar", ["xzf", path.join(work, tarball), "-C", unpacked]);
        unpacked = path.join(unpacked, "package");
    });

    after(() => fs.rmSync(work, { recursive: true, force: true }));

    it("packs JavaScript only, with the shared modules it imports from components/, PulumiPolicy.yaml and package.json", () => {
        const files = execFileSync("find", [".", "-type", "f"], { cwd: unpacked, encoding: "utf8" })
            .trim()
            .split("\n")
            .map((f) => f.slice(2))
            .sort();
        assert.deepEqual(files, staged.files);
        assert.deepEqual(
            files.filter((f) => !/\.js$/.test(f)),
            ["PulumiPolicy.yaml", "package.json"],
        );
        assert.ok(files.includes("policy/index.js"));
        assert.ok(
            files.some((f) => f.startsWith("components/")),
            "the shared rules the pack imports are inside the package",
        );
    });

    it("keeps the pack's name, version and dependencies, and runs as plain JavaScript", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, "package.json"), "utf8"));
        assert.equal(manifest.version, policyManifest.version);
        assert.deepEqual(manifest.dependencies, policyManifest.dependencies);
        assert.equal(manifest.main, "policy/index.js");
        assert.match(fs.readFileSync(path.join(unpacked, "PulumiPolicy.yaml"), "utf8"), /typescript: false/);
    });

    it("starts with only its dependencies installed and reports every policy, its name and version to the CLI", async () => {
        // Pulumi Cloud installs the declared dependencies next to the unpacked pack; these are the same versions.
        fs.symlinkSync(path.join(root, "node_modules"), path.join(unpacked, "node_modules"), "dir");
        const { child, port } = serve(unpacked);
        try {
            const client = new AnalyzerClient(`127.0.0.1:${await port}`, grpc.credentials.createInsecure());
            const info = await new Promise<import("@pulumi/pulumi/proto/analyzer_pb").AnalyzerInfo>((resolve, reject) =>
                client.getAnalyzerInfo(new Empty(), (err, response) => (err ? reject(err) : resolve(response))),
            );
            client.close();
            assert.equal(info.getName(), "flexplane");
            assert.equal(info.getVersion(), policyManifest.version);
            assert.deepEqual(
                info
                    .getPoliciesList()
                    .map((p) => p.getName())
                    .sort(),
                allPolicies.map((p) => p.name).sort(),
            );
        } finally {
            child.kill();
        }
    });
});
