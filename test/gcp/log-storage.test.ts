import { strict as assert } from "assert";
import { gkeTests, valueOf } from "./helpers";

const BUCKET = "gcp:storage/bucket:Bucket";

describe("GkeCluster: log storage", () => {
    const run = gkeTests();

    it("is hardened and kept on destroy by default, in the cluster's region", async () => {
        const c = await run.deploy({ tags: { Team: "Data Platform" } });
        const bucket = run.h.one(BUCKET, "eu-logs");
        assert.equal(bucket.inputs.location, "EUROPE-WEST1");
        assert.equal(bucket.inputs.uniformBucketLevelAccess, true);
        assert.equal(bucket.inputs.publicAccessPrevention, "enforced");
        assert.equal(bucket.inputs.forceDestroy, false);
        assert.deepEqual(bucket.inputs.versioning, { enabled: false });
        // Only job logs expire: state and workload output share the bucket.
        assert.deepEqual(bucket.inputs.lifecycleRules, [
            { action: { type: "Delete" }, condition: { age: 30, matchesPrefixes: ["job-logging/"] } },
        ]);
        assert.deepEqual(bucket.inputs.labels, { team: "data_platform" });
        assert.equal(bucket.options.retainOnDelete, true);
        assert.equal(await valueOf(c.bucketName), "eu-logs-0a1b2c3");
    });

    it("follows the caller's retention, versioning and destroy choices", async () => {
        await run.deploy({
            logStorage: { location: "EU", versioning: true, logRetentionDays: 7, retainOnDelete: false, forceDestroy: true },
        });
        const bucket = run.h.one(BUCKET, "eu-logs");
        assert.equal(bucket.inputs.location, "EU");
        assert.deepEqual(bucket.inputs.versioning, { enabled: true });
        assert.equal(bucket.inputs.forceDestroy, true);
        assert.deepEqual(bucket.inputs.lifecycleRules, [
            { action: { type: "Delete" }, condition: { age: 7, matchesPrefixes: ["job-logging/"] } },
            { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 7, matchesPrefixes: ["job-logging/"] } },
        ]);
        assert.equal(bucket.options.retainOnDelete, false);
    });

    it("keeps logs forever when logRetentionDays is 0", async () => {
        await run.deploy({ logStorage: { logRetentionDays: 0 } });
        assert.deepEqual(run.h.one(BUCKET, "eu-logs").inputs.lifecycleRules, []);
    });

    it("uses an existing bucket by name, creates none, and still scopes the grants to it", async () => {
        const c = await run.deploy({ logStorage: { existingBucketName: "company-airbyte-logs" } });
        assert.equal(run.h.ofType(BUCKET).length, 0);
        const grants = ["eu-bucket-storage-objectadmin", "eu-bucket-storage-legacybucketreader"].map((name) =>
            run.h.one("gcp:storage/bucketIAMMember:BucketIAMMember", name),
        );
        assert.deepEqual(
            grants.map((g) => g.inputs.bucket),
            ["company-airbyte-logs", "company-airbyte-logs"],
        );
        assert.equal(await valueOf(c.dataPlaneTarget.storage.gcs!.bucket), "company-airbyte-logs");
    });
});
