import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CLOUD_REGISTRY, CLOUDS } from "../../program/clouds/registry";

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

    // Every cloud of the registry, with the SDKs it declares: its component and its part of the program
    // load those and nothing else (byo, which creates no cloud resource, loads none).
    for (const cloud of CLOUDS) {
        const own = CLOUD_REGISTRY[cloud].sdks;
        const entries = [
            `program/clouds/${cloud}/index.ts`,
            ...(fs.existsSync(path.join(root, "components", cloud)) ? [`components/${cloud}/index.ts`] : []),
        ];
        for (const entry of entries) {
            it(`${entry} loads only the SDKs its registry entry declares (${own.join(", ") || "none"})`, () => {
                const loaded = sdksLoadedBy(entry);
                assert.ok(
                    loaded.every((sdk) => own.includes(sdk)),
                    `${entry} loaded ${loaded.join(", ")}`,
                );
                if (entry.startsWith("components/")) {
                    assert.ok(loaded.length > 0, `${entry} should load its cloud's SDK`);
                }
            });
        }
    }

    it("every SDK a cloud declares is an optional peer dependency of the package", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
        for (const sdk of CLOUDS.flatMap((c) => [...CLOUD_REGISTRY[c].sdks])) {
            assert.equal(pkg.peerDependenciesMeta?.[sdk]?.optional, true, `${sdk} is not an optional peer`);
        }
    });
});
