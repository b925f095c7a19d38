import { strict as assert } from "assert";
import type { MockHarness } from "../../tools/harness/runtime";
import { baseArgs, captureWarnings, installHarness, recordRegistrationOptions, RecordedOptions, valueOf } from "./helpers";

const BUCKET = "gcp:storage/bucket:Bucket";

describe("GkeCluster: log bucket", () => {
    let h: MockHarness;
    let options: Map<string, RecordedOptions>;
    let warnings: ReturnType<typeof captureWarnings>;
    beforeEach(() => {
        h = installHarness();
        options = recordRegistrationOptions();
        warnings = captureWarnings();
    });
    afterEach(() => warnings.restore());

    it("is hardened and kept on destroy by default, in the cluster's region", async () => {
        const { GkeCluster } = await import("../../components/gcp");
        const c = new GkeCluster("eu", baseArgs({ labels: { Team: "Data Platform" } }));
        await h.settle();
        const bucket = h.one(BUCKET, "eu-logs").inputs;
        assert.equal(bucket.location, "EUROPE-WEST1");
        assert.equal(bucket.uniformBucketLevelAccess, true);
        assert.equal(bucket.publicAccessPrevention, "enforced");
        assert.equal(bucket.forceDestroy, false);
        assert.deepEqual(bucket.versioning, { enabled: false });
        assert.deepEqual(bucket.lifecycleRules, [{ action: { type: "Delete" }, condition: { age: 30 } }]);
        assert.deepEqual(bucket.labels, { team: "data_platform" });
        assert.equal(options.get("eu-logs")?.retainOnDelete, true);
        assert.equal(await valueOf(c.bucketName), "eu-logs-0a1b2c3");
    });

    it("follows the caller's retention, versioning and destroy choices", async () => {
        const { GkeCluster } = await import("../../components/gcp");
        new GkeCluster("eu", baseArgs({ bucket: { location: "EU", versioning: true, logRetentionDays: 7, retainOnDelete: false, forceDestroy: true } }));
        await h.settle();
        const bucket = h.one(BUCKET).inputs;
        assert.equal(bucket.location, "EU");
        assert.deepEqual(bucket.versioning, { enabled: true });
        assert.equal(bucket.forceDestroy, true);
        assert.deepEqual(bucket.lifecycleRules, [
            { action: { type: "Delete" }, condition: { age: 7 } },
            { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 7 } },
        ]);
        assert.equal(options.get("eu-logs")?.retainOnDelete, false);
    });

    it("keeps logs forever when logRetentionDays is 0", async () => {
        const { GkeCluster } = await import("../../components/gcp");
        new GkeCluster("eu", baseArgs({ bucket: { logRetentionDays: 0 } }));
        await h.settle();
        assert.deepEqual(h.one(BUCKET).inputs.lifecycleRules, []);
    });

    it("uses an existing bucket by name, creates none, and still scopes the grants to it", async () => {
        const { GkeCluster } = await import("../../components/gcp");
        const c = new GkeCluster("eu", baseArgs({ bucket: { existingBucketName: "company-airbyte-logs" } }));
        await h.settle();
        assert.equal(h.ofType(BUCKET).length, 0);
        const grants = h.ofType("gcp:storage/bucketIAMMember:BucketIAMMember");
        assert.ok(grants.length > 0);
        assert.deepEqual([...new Set(grants.map((g) => g.inputs.bucket))], ["company-airbyte-logs"]);
        assert.equal(await valueOf(c.dataPlaneTarget.storage.gcs!.bucket), "company-airbyte-logs");
    });
});
