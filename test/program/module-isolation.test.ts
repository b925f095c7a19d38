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
        process.stdout.write(JSON.stringify({ sdks, kubernetes: loaded.some((f) => f.includes("/node_modules/@pulumi/kubernetes/")) }));`;
    const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: root, encoding: "utf8" });
    const parsed = JSON.parse(out);
    assert.equal(parsed.kubernetes, true, "the probe should at least see @pulumi/kubernetes load");
    return parsed.sdks;
}

describe("module isolation", () => {
    it("`flexplane` loads no AWS, GCP or Azure SDK", () => {
        assert.deepEqual(sdksLoadedBy("components/index.ts"), []);
    });
});
