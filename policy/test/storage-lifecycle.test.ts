import * as assert from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { lifecycleRules } from "../../components/aws/log-storage";
import { lifecycleDeletesJobLogsOnly, s3AccessLogged } from "../policies/storage-lifecycle";
import { T } from "../policies/tokens";
import { checkResource, checkStack, messages } from "./support/args";
import { ok } from "./support/fixtures";

const lifecycle = lifecycleDeletesJobLogsOnly as ResourceValidationPolicy;
const logging = s3AccessLogged as StackValidationPolicy;

describe("policy lifecycle-deletes-job-logs-only", () => {
    it("passes the rules EksCluster writes, and a GCS rule limited to job logs", () => {
        const rules = JSON.parse(JSON.stringify(lifecycleRules({ logRetentionDays: 30, versioning: true })));
        assert.deepStrictEqual(messages(checkResource(lifecycle, T.s3Lifecycle, { bucket: "b", rules })), []);
        const gcs = {
            ...ok.gcsBucket,
            lifecycleRules: [{ action: { type: "Delete" }, condition: { age: 30, matchesPrefixes: ["job-logging/"] } }],
        };
        assert.deepStrictEqual(messages(checkResource(lifecycle, T.gcsBucket, gcs)), []);
    });

    it("reports rules that would delete state or workload output", () => {
        const everything = {
            bucket: "b",
            rules: [{ id: "expire-all", status: "Enabled", filter: { prefix: "" }, expiration: { days: 30 } }],
        };
        assert.match(
            messages(checkResource(lifecycle, T.s3Lifecycle, everything))[0],
            /`rules\[0\]` \(expire-all\) expires objects outside job-logging\//,
        );
        const gcs = { ...ok.gcsBucket, lifecycleRules: [{ action: { type: "Delete" }, condition: { age: 30 } }] };
        assert.match(messages(checkResource(lifecycle, T.gcsBucket, gcs))[0], /deletes objects outside job-logging\/.*matchesPrefixes/);
        const state = {
            ...ok.gcsBucket,
            lifecycleRules: [{ action: { type: "Delete" }, condition: { age: 30, matchesPrefixes: ["job-logging/", "state/"] } }],
        };
        assert.strictEqual(messages(checkResource(lifecycle, T.gcsBucket, state)).length, 1);
    });

    it("leaves rules that only abort uploads or change storage class alone", () => {
        const abort = {
            bucket: "b",
            rules: [{ id: "abort", status: "Enabled", filter: { prefix: "" }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }],
        };
        assert.deepStrictEqual(messages(checkResource(lifecycle, T.s3Lifecycle, abort)), []);
        const nearline = {
            ...ok.gcsBucket,
            lifecycleRules: [{ action: { type: "SetStorageClass", storageClass: "NEARLINE" }, condition: { age: 30 } }],
        };
        assert.deepStrictEqual(messages(checkResource(lifecycle, T.gcsBucket, nearline)), []);
    });
});

describe("policy s3-access-logging (advisory)", () => {
    const bucket = { type: T.s3Bucket, name: "logs", props: ok.s3Bucket };

    it("passes a bucket with a BucketLogging and notes one without", () => {
        assert.deepStrictEqual(messages(checkStack(logging, [bucket, { type: T.s3Logging, name: "l", props: ok.s3Logging }])), []);
        const [m] = messages(checkStack(logging, [bucket]));
        assert.match(m, /S3 bucket "logs" keeps no server access logs/);
        assert.strictEqual(logging.enforcementLevel, "advisory");
        const receiver = { type: T.s3Bucket, name: "access", props: { bucket: "acme-access-logs" } };
        assert.deepStrictEqual(
            messages(checkStack(logging, [bucket, receiver, { type: T.s3Logging, name: "l", props: ok.s3Logging }])),
            [],
            "the bucket that receives access logs needs none of its own",
        );
    });
});
