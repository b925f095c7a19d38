import { strict as assert } from "assert";
import { harnessEachTest, valueOf } from "./helpers";

const BUCKET = "gcp:storage/bucket:Bucket";

describe("GkeCluster: log bucket", () => {
    const run = harnessEachTest();

    it("is hardened and kept on destroy by default, in the cluster's region", async () => {
        const c = await run.deploy({ labels: { Team: "Data Platform" } });
        const bucket = run.h.one(BUCKET, "eu-logs").inputs;
        assert.equal(bucket.location, "EUROPE-WEST1");
        assert.equal(bucket.uniformBucketLevelAccess, true);
        assert.equal(bucket.publicAccessPrevention, "enforced");
        assert.equal(bucket.forceDestroy, false);
        assert.deepEqual(bucket.versioning, { enabled: false });
        // Only job logs expire: state and workload output share the bucket.
        assert.deepEqual(bucket.lifecycleRules, [{ action: { type: "Delete" }, condition: { age: 30, matchesPrefixes: ["job-logging/"] } }]);
        assert.deepEqual(bucket.labels, { team: "data_platform" });
        assert.equal(run.h.one(BUCKET, "eu-logs").options.retainOnDelete, true);
        assert.equal(await valueOf(c.bucketName), "eu-logs-0a1b2c3");
    });

    it("follows the caller's retention, versioning and destroy choices", async () => {
        await run.deploy({ bucket: { location: "EU", versioning: true, logRetentionDays: 7, retainOnDelete: false, forceDestroy: true } });
        const bucket = run.h.one(BUCKET).inputs;
        assert.equal(bucket.location, "EU");
        assert.deepEqual(bucket.versioning, { enabled: true });
        assert.equal(bucket.forceDestroy, true);
        assert.deepEqual(bucket.lifecycleRules, [
            { action: { type: "Delete" }, condition: { age: 7, matchesPrefixes: ["job-logging/"] } },
            { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 7, matchesPrefixes: ["job-logging/"] } },
        ]);
        assert.equal(run.h.one(BUCKET, "eu-logs").options.retainOnDelete, false);
    });

    it("keeps logs forever when logRetentionDays is 0", async () => {
        await run.deploy({ bucket: { logRetentionDays: 0 } });
        assert.deepEqual(run.h.one(BUCKET).inputs.lifecycleRules, []);
    });

    it("uses an existing bucket by name, creates none, and still scopes the grants to it", async () => {
        const c = await run.deploy({ bucket: { existingBucketName: "company-airbyte-logs" } });
        assert.equal(run.h.ofType(BUCKET).length, 0);
        const grants = run.h.ofType("gcp:storage/bucketIAMMember:BucketIAMMember");
        assert.ok(grants.length > 0);
        assert.deepEqual([...new Set(grants.map((g) => g.inputs.bucket))], ["company-airbyte-logs"]);
        assert.equal(await valueOf(c.dataPlaneTarget.storage.gcs!.bucket), "company-airbyte-logs");
    });
});
