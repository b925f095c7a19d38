import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { allPolicies, CONFIG_OWNERS, CONFIG_PROPERTIES, DEFAULT_POLICY_CONFIG } from "../policies";
import { at, mostDistinct, plain, UNKNOWN } from "../policies/values";
import { engineProps } from "./support/args";

const policyDir = path.join(__dirname, "..");

describe("the pack", () => {
    it("names every policy uniquely in kebab-case, never `all`, with a level and remediation", () => {
        const names = allPolicies.map((p) => p.name);
        assert.strictEqual(new Set(names).size, names.length);
        for (const p of allPolicies) {
            assert.match(p.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
            assert.notStrictEqual(p.name, "all");
            assert.ok(p.enforcementLevel === "mandatory" || p.enforcementLevel === "advisory", p.name);
            assert.ok((p.remediationSteps ?? "").length > 20, p.name);
        }
    });

    it("keeps exactly two advisory policies: the ones that need the user's own resources or cannot be avoided", () => {
        assert.deepStrictEqual(
            allPolicies.filter((p) => p.enforcementLevel === "advisory").map((p) => p.name),
            ["gcp-no-long-lived-sa-keys", "s3-access-logging"],
        );
    });

    it("declares each config key in the schema of exactly the policy that owns it, with the documented defaults", () => {
        for (const [key, owner] of Object.entries(CONFIG_OWNERS)) {
            const declaring = allPolicies.filter((p) => p.configSchema?.properties[key]).map((p) => p.name);
            assert.deepStrictEqual(declaring, [owner], key);
        }
        assert.deepStrictEqual(CONFIG_PROPERTIES.dataPlaneNamespaces.default, ["airbyte"]);
        assert.deepStrictEqual(CONFIG_PROPERTIES.allowedChartVersions.default, DEFAULT_POLICY_CONFIG.allowedChartVersions);
        for (const p of allPolicies) {
            assert.ok(!p.configSchema?.properties.enforcementLevel, "the engine refuses enforcementLevel in a schema");
        }
    });

    it("constructs the PolicyPack only in index.ts", () => {
        const sources = (dir: string): string[] =>
            fs
                .readdirSync(dir, { withFileTypes: true })
                .flatMap((e) =>
                    e.isDirectory() && e.name !== "node_modules"
                        ? sources(path.join(dir, e.name))
                        : e.name.endsWith(".ts")
                          ? [path.join(dir, e.name)]
                          : [],
                );
        const constructing = sources(policyDir).filter(
            (f) => /new\s+PolicyPack\s*\(/.test(fs.readFileSync(f, "utf8")) && !f.includes(`${path.sep}test${path.sep}`),
        );
        assert.deepStrictEqual(
            constructing.map((f) => path.relative(policyDir, f)),
            ["index.ts"],
        );
    });

    it("documents every policy and config key in docs/policy.md", () => {
        const doc = fs.readFileSync(path.join(policyDir, "..", "docs", "policy.md"), "utf8");
        for (const name of [...allPolicies.map((p) => p.name), ...Object.keys(CONFIG_PROPERTIES)]) {
            assert.ok(doc.includes(`\`${name}\``), `${name} is not in docs/policy.md`);
        }
    });
});

describe("the pack as the Pulumi CLI starts it", () => {
    it("describes every policy, level and config schema to the engine", () => {
        const { makeAnalyzerInfo } = require("@pulumi/policy/protoutil");
        const info = makeAnalyzerInfo("flexplane", "0.1.0", "advisory", { policies: allPolicies }).toObject();
        const byName = new Map<string, any>(info.policiesList.map((p: any) => [p.name, p]));
        assert.strictEqual(byName.size, allPolicies.length);
        // Engine enum: 0 advisory, 1 mandatory.
        assert.strictEqual(byName.get("eks-no-fargate").enforcementlevel, 1);
        assert.strictEqual(byName.get("cluster-endpoint-restricted").enforcementlevel, 1);
        assert.strictEqual(byName.get("s3-access-logging").enforcementlevel, 0);
        const schema = byName.get("data-plane-chart-pinned").configschema;
        assert.ok(JSON.stringify(schema).includes("allowedChartVersions"));
    });

    it("serves the pack from index.ts (the analyzer prints its port)", async function () {
        this.timeout(60000);
        const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "index.ts"], {
            cwd: policyDir,
            stdio: ["ignore", "pipe", "pipe"],
        });
        try {
            const firstLine = await new Promise<string>((resolve, reject) => {
                let out = "";
                let err = "";
                child.stdout.on("data", (d) => {
                    out += d;
                    if (out.includes("\n")) {
                        resolve(out.split("\n")[0]);
                    }
                });
                child.stderr.on("data", (d) => (err += d));
                child.on("exit", (code) => reject(new Error(`analyzer exited ${code}: ${err}`)));
            });
            assert.match(firstLine.trim(), /^\d+$/);
        } finally {
            child.kill();
        }
    });
});

describe("plain", () => {
    it("reads through the engine's unknown-checking proxy without throwing, mapping unknowns", () => {
        const props = engineProps({ a: { b: UNKNOWN, c: [1, UNKNOWN] }, d: UNKNOWN, e: "x" });
        assert.throws(() => (props as any).d, /can't be known during preview/);
        assert.deepStrictEqual(plain(props), { a: { b: UNKNOWN, c: [1, UNKNOWN] }, d: UNKNOWN, e: "x" });
    });

    it("walks paths, stopping at unknowns", () => {
        assert.strictEqual(at({ a: UNKNOWN }, "a.b.c"), UNKNOWN);
        assert.strictEqual(at({ a: { b: 1 } }, "a.x.c"), undefined);
        assert.strictEqual(at({ a: { b: 1 } }, "a.b"), 1);
    });

    it("counts distinct entries, each unknown as possibly new", () => {
        assert.strictEqual(mostDistinct(["a", "A ", UNKNOWN, UNKNOWN]), 3);
        assert.strictEqual(mostDistinct(UNKNOWN), undefined);
    });
});
