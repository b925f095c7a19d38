import * as assert from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { azureLogStoragePrivate, deniesInsecureTransport, gcsLogBucketsPrivate, s3LogBucketsProtected } from "../policies/storage";
import { T } from "../policies/tokens";
import { checkResource, checkStack, messages, mutate, StackEntry, UNKNOWN, urnOf } from "./support/args";
import { ok } from "./support/fixtures";

const s3 = s3LogBucketsProtected as StackValidationPolicy;
const gcs = gcsLogBucketsPrivate as ResourceValidationPolicy;
const azure = azureLogStoragePrivate as ResourceValidationPolicy;

const bucket: StackEntry = { type: T.s3Bucket, name: "logs", props: ok.s3Bucket };
const pab: StackEntry = { type: T.s3PublicAccessBlock, name: "logs-pab", props: ok.s3PublicAccessBlock };
const sse: StackEntry = { type: T.s3Encryption, name: "logs-sse", props: ok.s3Encryption };
const tls: StackEntry = { type: T.s3BucketPolicy, name: "logs-tls", props: ok.s3BucketPolicy };
const compliant = [bucket, pab, sse, tls];

/** The same stack as a first preview shows it: bucket names unknown, links only through property dependencies. */
function asFirstPreview(entries: StackEntry[]): StackEntry[] {
    return entries.map((e) =>
        e.type === T.s3Bucket
            ? { ...e, props: { ...e.props, bucket: UNKNOWN } }
            : { ...e, props: { ...e.props, bucket: UNKNOWN }, propertyDependencies: { bucket: ["logs"] } },
    );
}

describe("policy s3-log-buckets-protected", () => {
    it("passes a bucket with a public access block, default encryption and a TLS-only policy", () => {
        assert.deepStrictEqual(checkStack(s3, compliant).violations, []);
    });

    it("links the bucket's settings through property dependencies during a first preview", () => {
        assert.deepStrictEqual(checkStack(s3, asFirstPreview(compliant)).violations, []);
        const { violations } = checkStack(s3, asFirstPreview([bucket, pab, sse]));
        assert.strictEqual(violations.length, 1);
        assert.match(violations[0].message, /S3 bucket "logs" has no TLS-only bucket policy/);
    });

    it("reports a bucket without a public access block, on the bucket's URN", () => {
        const { violations } = checkStack(s3, [bucket, sse, tls]);
        assert.strictEqual(violations.length, 1);
        assert.match(violations[0].message, /has no public access block: add a BucketPublicAccessBlock with all four flags true/);
        assert.strictEqual(violations[0].urn, urnOf(T.s3Bucket, "logs"));
    });

    it("reports a bucket without default encryption", () => {
        assert.match(
            messages(checkStack(s3, [bucket, pab, tls]))[0],
            /has no default encryption: add a BucketServerSideEncryptionConfiguration/,
        );
    });

    it("accepts the V2 encryption resource and inline encryption", () => {
        const v2: StackEntry = { ...sse, type: T.s3EncryptionV2 };
        assert.deepStrictEqual(checkStack(s3, [bucket, pab, v2, tls]).violations, []);
        const inline = mutate(ok.s3Bucket, "serverSideEncryptionConfiguration", {
            rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
        });
        assert.deepStrictEqual(checkStack(s3, [{ ...bucket, props: inline }, pab, tls]).violations, []);
    });

    it("reports a public access block with a flag left false", () => {
        const open: StackEntry = { ...pab, props: mutate(ok.s3PublicAccessBlock, "restrictPublicBuckets", false) };
        const { violations } = checkStack(s3, [bucket, open, sse, tls]);
        assert.strictEqual(violations.length, 1);
        assert.match(violations[0].message, /"logs-pab" leaves restrictPublicBuckets unset or false/);
        assert.strictEqual(violations[0].urn, urnOf(T.s3PublicAccessBlock, "logs-pab"));
    });

    it("reports an encryption configuration without an algorithm", () => {
        const empty: StackEntry = { ...sse, props: mutate(ok.s3Encryption, "rules", [{ bucketKeyEnabled: true }]) };
        assert.match(
            messages(checkStack(s3, [bucket, pab, empty, tls]))[0],
            /"logs-sse" has no rule with applyServerSideEncryptionByDefault/,
        );
    });

    it("reports a bucket policy that does not deny plain HTTP", () => {
        const allow = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] });
        const weak: StackEntry = { ...tls, props: mutate(ok.s3BucketPolicy, "policy", allow) };
        assert.match(messages(checkStack(s3, [bucket, pab, sse, weak]))[0], /BucketPolicy "logs-tls" does not deny requests without TLS/);
    });

    it("blames no bucket for settings whose bucket cannot be resolved", () => {
        const unresolved = [pab, sse, tls].map((e) => ({ ...e, props: { ...e.props, bucket: UNKNOWN } }));
        assert.deepStrictEqual(checkStack(s3, [bucket, ...unresolved]).violations, []);
    });

    it("checks each bucket against its own settings", () => {
        const second: StackEntry = { type: T.s3Bucket, name: "state", props: { bucket: "acme-flex-state" } };
        const { violations } = checkStack(s3, [...compliant, second]);
        assert.strictEqual(violations.length, 1);
        assert.strictEqual(violations[0].urn, urnOf(T.s3Bucket, "state"));
        assert.match(violations[0].message, /no public access block, no default encryption, no TLS-only bucket policy/);
    });
});

describe("deniesInsecureTransport", () => {
    it("reads JSON strings and objects, Bool and BoolIfExists, and single statements", () => {
        const statement = {
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: ["s3:*"],
            Condition: { BoolIfExists: { "aws:securetransport": false } },
        };
        assert.strictEqual(deniesInsecureTransport({ Statement: statement }), true);
        assert.strictEqual(deniesInsecureTransport(JSON.stringify({ Statement: [statement] })), true);
        assert.strictEqual(deniesInsecureTransport({ Statement: [{ ...statement, Effect: "Allow" }] }), false);
        assert.strictEqual(deniesInsecureTransport("not json"), false);
        assert.strictEqual(deniesInsecureTransport(UNKNOWN), UNKNOWN);
    });
});

describe("policy gcs-log-buckets-private", () => {
    it("passes a bucket with uniform access and enforced public access prevention", () => {
        assert.deepStrictEqual(messages(checkResource(gcs, T.gcsBucket, ok.gcsBucket)), []);
    });

    it("reports a bucket without uniform bucket-level access", () => {
        const [m] = messages(checkResource(gcs, T.gcsBucket, mutate(ok.gcsBucket, "uniformBucketLevelAccess", undefined)));
        assert.match(m, /`uniformBucketLevelAccess` is not true.*set it to true/);
    });

    it("reports public access prevention left to inheritance", () => {
        const [m] = messages(checkResource(gcs, T.gcsBucket, mutate(ok.gcsBucket, "publicAccessPrevention", "inherited")));
        assert.match(m, /`publicAccessPrevention` is "inherited": set it to "enforced"/);
    });
});

describe("policy azure-log-storage-private", () => {
    it("passes an HTTPS-only TLS 1.2 account without public blob access, and a private container", () => {
        assert.deepStrictEqual(messages(checkResource(azure, T.azureStorageAccount, ok.storageAccount)), []);
        assert.deepStrictEqual(messages(checkResource(azure, T.azureBlobContainer, ok.blobContainer)), []);
    });

    it("accepts enableHttpsTrafficOnly left at its default (true)", () => {
        const props = mutate(ok.storageAccount, "enableHttpsTrafficOnly", undefined);
        assert.deepStrictEqual(messages(checkResource(azure, T.azureStorageAccount, props)), []);
    });

    it("reports plain HTTP allowed", () => {
        const props = mutate(ok.storageAccount, "enableHttpsTrafficOnly", false);
        assert.match(messages(checkResource(azure, T.azureStorageAccount, props))[0], /`enableHttpsTrafficOnly` is false/);
    });

    it("reports a missing minimum TLS version, which Azure reads as TLS 1.0", () => {
        const props = mutate(ok.storageAccount, "minimumTlsVersion", undefined);
        assert.match(
            messages(checkResource(azure, T.azureStorageAccount, props))[0],
            /not set \(Azure then accepts TLS 1.0\): set it to "TLS1_2"/,
        );
    });

    it("reports public blob access allowed on the account", () => {
        const props = mutate(ok.storageAccount, "allowBlobPublicAccess", true);
        assert.match(messages(checkResource(azure, T.azureStorageAccount, props))[0], /`allowBlobPublicAccess` is true/);
    });

    it("reports a container open to anonymous reads", () => {
        const props = mutate(ok.blobContainer, "publicAccess", "Blob");
        assert.match(messages(checkResource(azure, T.azureBlobContainer, props))[0], /`publicAccess` is "Blob"/);
    });
});
