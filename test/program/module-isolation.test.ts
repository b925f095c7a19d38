import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const CLOUD_SDKS = ["@pulumi/aws", "@pulumi/awsx", "@pulumi/eks", "@pulumi/gcp", "@pulumi/azure-native", "@pulumi/azuread"];

/** Loads `entry` in a fresh process and lists the cloud SDKs that ended up in require.cache. */
function sdksLoadedBy(entry: string): string[] {
    const script = `
        require(${JSON.stringify(path.join(root, entry))});
        const loaded = Object.keys(require.cache);
        const sdks = ${JSON.stringify(CLOUD_SDKS)}.filter((sdk) => loaded.some((f) => f.includes("/node_modules/" + sdk + "/")));
        process.stdout.write(JSON.stringify({ sdks, pulumi: loaded.some((f) => f.includes("/node_modules/@pulumi/pulumi/")) }));`;
    const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: root, encoding: "utf8" });
    const parsed = JSON.parse(out);
    assert.equal(parsed.pulumi, true, "the probe should at least see @pulumi/pulumi load");
    return parsed.sdks;
}

describe("module isolation", () => {
    it("`flexplane` loads no AWS, GCP or Azure SDK", () => {
        assert.deepEqual(sdksLoadedBy("components/index.ts"), []);
    });

    const clouds: Record<string, string[]> = {
        aws: ["@pulumi/aws", "@pulumi/awsx", "@pulumi/eks"],
        gcp: ["@pulumi/gcp"],
        azure: ["@pulumi/azure-native", "@pulumi/azuread"],
    };
    for (const [cloud, own] of Object.entries(clouds)) {
        for (const entry of [`components/${cloud}/index.ts`, `program/${cloud}.ts`]) {
            it(`${entry} loads only its own cloud's SDKs`, () => {
                const loaded = sdksLoadedBy(entry);
                assert.ok(loaded.every((sdk) => own.includes(sdk)), `${entry} loaded ${loaded.join(", ")}`);
                if (entry.startsWith("components/")) {
                    assert.ok(loaded.length > 0, `${entry} should load its cloud's SDK`);
                }
            });
        }
    }

    it("the byo program loads no cloud SDK", () => {
        assert.deepEqual(sdksLoadedBy("program/byo.ts"), []);
    });
});
