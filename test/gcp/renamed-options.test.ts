import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseDocument } from "yaml";
import type { GkeClusterArgs } from "../../components/gcp/args";
import { RENAMED_OPTIONS } from "../../components/gcp/resolve";
import { runPlan } from "../../tools/plan/plan";
import { planSnapshot } from "../plan/snapshot";
import { baseArgs, gkeTests, reasons, thrown } from "./helpers";

/** Every option under its old name, and the same options under the new names. */
const OLD: Partial<GkeClusterArgs> = {
    mode: "standard",
    apiServer: undefined,
    masterAuthorizedNetworks: [{ cidrBlock: "203.0.113.0/24", displayName: "deployers" }],
    apiServerOpenToInternet: false,
    privateEndpoint: false,
    secretsEncryption: { keyName: "projects/acme-kms/locations/europe-west1/keyRings/gke/cryptoKeys/secrets" },
    bucket: { logRetentionDays: 14 },
    labels: { team: "data" },
    nodePools: [{ name: "general", diskSizeGb: 120 }],
};
const NEW: Partial<GkeClusterArgs> = {
    mode: "standard",
    apiServer: { authorizedCidrs: ["203.0.113.0/24"], openToInternet: false, privateOnly: false },
    secretsEncryption: { keyId: "projects/acme-kms/locations/europe-west1/keyRings/gke/cryptoKeys/secrets" },
    logStorage: { logRetentionDays: 14 },
    tags: { team: "data" },
    nodePools: [{ name: "general", diskSizeGiB: 120 }],
};

const deprecation = (prefix: string, from: string, to: string) =>
    `${prefix}${from} is deprecated: use ${prefix}${to} instead (same meaning; the old name will be removed in a future release).`;

describe("GkeCluster: old option names", () => {
    const run = gkeTests();

    it("library users: each old name still works, with one deprecation warning, and builds the same resources", async () => {
        await run.deploy(NEW);
        const expected = run.h.resources.map((r) => [r.type, r.name, r.inputs]);
        assert.deepEqual(
            run.warnings.messages.filter((m) => m.includes("deprecated")),
            [],
        );

        run.install();
        run.warnings.messages.length = 0;
        await run.deploy(OLD);
        assert.deepEqual(
            run.h.resources.map((r) => [r.type, r.name, r.inputs]),
            expected,
        );
        assert.deepEqual(
            run.warnings.messages.filter((m) => m.includes("deprecated")).sort(),
            [
                // One warning per use: the only node pool is `nodePools[0]`.
                ...RENAMED_OPTIONS.map((r) => deprecation("", r.from.replace("[]", "[0]"), r.to.replace("[]", "[0]"))),
            ].sort(),
        );
    });

    it("refuses an old name given together with its new one, naming both", async () => {
        const { resolveGkeCluster } = await import("../../components/gcp/resolve");
        const r = reasons(
            thrown(() => resolveGkeCluster("eu", baseArgs({ bucket: { versioning: true }, logStorage: { logRetentionDays: 7 } }))),
        );
        assert.deepEqual(Object.keys(r), ["bucket"]);
        assert.match(r.bucket, /^is the old name of logStorage, which is also set: keep logStorage only\./);
    });
});

describe("GCP stacks: old option names", () => {
    /** The us-central1 example with every renamed option written the old way. */
    function oldStyleStack(): string {
        const doc = parseDocument(fs.readFileSync(path.resolve(__dirname, "..", "..", "stacks", "Pulumi.gcp-us-central1.yaml"), "utf8"));
        const block = ["config", "flexplane:gcp"];
        const cidrs = (doc.getIn([...block, "apiServer", "authorizedCidrs"]) as { toJSON(): string[] }).toJSON();
        doc.deleteIn([...block, "apiServer"]);
        doc.setIn([...block, "masterAuthorizedNetworks"], doc.createNode(cidrs.map((cidrBlock) => ({ cidrBlock }))));
        doc.setIn([...block, "bucket"], doc.getIn([...block, "logStorage"]));
        doc.deleteIn([...block, "logStorage"]);
        for (const i of [0, 1]) {
            doc.setIn([...block, "nodePools", i, "diskSizeGb"], doc.getIn([...block, "nodePools", i, "diskSizeGiB"]));
            doc.deleteIn([...block, "nodePools", i, "diskSizeGiB"]);
        }
        return doc.toString();
    }

    it("plan exactly as the new names do, with one warning per old name naming the stack key", async () => {
        const text = oldStyleStack();
        assert.match(text, /masterAuthorizedNetworks:[\s\S]*bucket:/);
        const old = await runPlan({ stack: "gcp-us-central1", stackText: text });
        const now = await runPlan({ stack: "gcp-us-central1" });
        assert.deepEqual(old.errors, []);
        assert.deepEqual(planSnapshot(old), planSnapshot(now));
        const prefix = "flexplane:gcp.";
        assert.deepEqual(
            old.warnings.filter((w) => w.includes("deprecated")).sort(),
            [
                deprecation(prefix, "bucket", "logStorage"),
                deprecation(prefix, "masterAuthorizedNetworks", "apiServer.authorizedCidrs"),
                deprecation(prefix, "nodePools[0].diskSizeGb", "nodePools[0].diskSizeGiB"),
                deprecation(prefix, "nodePools[1].diskSizeGb", "nodePools[1].diskSizeGiB"),
            ].sort(),
        );
    });
});
