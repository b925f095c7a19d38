import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { s3PolicyDocument } from "../../components/aws/policies";
import { valueOf } from "../support/outputs";
import { DECLARED_STORE, eksClusterTests } from "./helpers";

/** EksCluster when some credentials come from the caller instead of IRSA. */
describe("EksCluster credential modes (mocks)", () => {
    const t = eksClusterTests();

    const policyNames = () =>
        t.h
            .ofType("aws:iam/rolePolicy:RolePolicy")
            .map((p) => p.name)
            .sort();

    it("creates no Secrets Manager IAM when the declared store is read with access keys, and keeps the keys secret", async () => {
        const c = await t.deploy({
            secretsManager: { aws: { ...DECLARED_STORE, accessKeys: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "s3cr3t" } } },
        });
        assert.deepEqual(policyNames(), ["dp-log-bucket"]);
        const keys = c.dataPlaneTarget.secretsManager.aws!.accessKeys!;
        assert.equal(await pulumi.isSecret(pulumi.output(keys.accessKeyId)), true);
        assert.equal(await pulumi.isSecret(pulumi.output(keys.secretAccessKey)), true);
        assert.equal(await valueOf(keys.secretAccessKey), "s3cr3t");
        assert.equal(c.dataPlaneTarget.secretsManager.aws!.useServiceAccountIdentity, undefined);
        assert.equal(c.dataPlaneTarget.secretsManager.aws!.region, DECLARED_STORE.region);
    });

    it("passes a GCP store through, secret, and keeps IRSA for S3 only", async () => {
        const c = await t.deploy({
            secretsManager: { gcp: { projectId: "airbyte-secrets", credentialsJson: '{"type":"service_account"}' } },
        });
        assert.deepEqual(policyNames(), ["dp-log-bucket"]);
        assert.equal(c.dataPlaneTarget.secretsManager.gcp!.projectId, "airbyte-secrets");
        assert.equal(await pulumi.isSecret(pulumi.output(c.dataPlaneTarget.secretsManager.gcp!.credentialsJson!)), true);
        assert.ok(c.dataPlaneTarget.serviceAccountAnnotations, "S3 still goes through the role");
    });

    it("passes an Azure store through with its service principal secret", async () => {
        const c = await t.deploy({
            secretsManager: {
                azure: {
                    vaultUrl: "https://kv-acme.vault.azure.net/",
                    tenantId: "00000000-0000-0000-0000-000000000001",
                    clientId: "c",
                    clientSecret: "s",
                },
            },
        });
        assert.deepEqual(policyNames(), ["dp-log-bucket"]);
        assert.equal(await pulumi.isSecret(pulumi.output(c.dataPlaneTarget.secretsManager.azure!.clientSecret!)), true);
    });

    it("grants the role the caller's existing bucket, in its own region, and creates no bucket", async () => {
        const c = await t.deploy({ logStorage: { existingBucketName: "acme-airbyte-logs", region: "eu-central-1" } });
        assert.equal(t.h.ofType("aws:s3/bucket:Bucket").length, 0);
        assert.deepEqual(
            JSON.parse(t.h.one("aws:iam/rolePolicy:RolePolicy", "dp-log-bucket").inputs.policy),
            s3PolicyDocument({ bucket: "acme-airbyte-logs", region: "eu-central-1" }),
        );
        assert.deepEqual(c.dataPlaneTarget.storage.s3, {
            bucket: c.dataPlaneTarget.storage.s3!.bucket,
            region: "eu-central-1",
            useServiceAccountIdentity: true,
        });
        assert.equal(await valueOf(c.bucketName), "acme-airbyte-logs");
    });

    it("creates no role at all for an existing bucket with keys and a store read with keys", async () => {
        const keys = { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "s3cr3t" };
        const c = await t.deploy({
            secretsManager: { aws: { ...DECLARED_STORE, accessKeys: keys } },
            logStorage: { existingBucketName: "acme-airbyte-logs", accessKeys: keys },
        });
        assert.equal(
            t.h
                .ofType("aws:iam/role:Role")
                .map((r) => r.name)
                .join(),
            "dp-nodes",
        );
        assert.equal(c.dataPlaneTarget.serviceAccountAnnotations, undefined);
        assert.equal(await valueOf(c.roleArn), undefined);
        const s3 = c.dataPlaneTarget.storage.s3!;
        assert.equal(s3.useServiceAccountIdentity, undefined);
        assert.equal(await pulumi.isSecret(pulumi.output(s3.accessKeys!.secretAccessKey)), true);
    });

    it("uses SSE-KMS with the caller's key and lets the role use it through S3", async () => {
        const key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        await t.deploy({ logStorage: { kmsKeyArn: key, logRetentionDays: 0 } });
        const encryption = t.h.one(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "dp-logs-encryption",
        ).inputs.rules[0];
        assert.deepEqual(encryption, {
            applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key },
            bucketKeyEnabled: true,
        });
        const s3 = JSON.parse(t.h.one("aws:iam/rolePolicy:RolePolicy", "dp-log-bucket").inputs.policy);
        assert.equal(s3.Statement.find((st: any) => st.Sid === "UseLogBucketKey").Resource, key);
        const rules = t.h.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "dp-logs-lifecycle").inputs.rules;
        assert.deepEqual(
            rules.map((r: any) => r.id),
            ["abort-incomplete-uploads"],
            "0 days keeps logs: no expiry rule",
        );
    });

    it("adds KMS access for the secrets' key to the Secrets Manager policy", async () => {
        const key = "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        await t.deploy({ secretsManager: { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true, kmsKeyArn: key } } });
        const policy = JSON.parse(t.h.one("aws:iam/rolePolicy:RolePolicy", "dp-secrets-manager").inputs.policy);
        // The data plane only reads secrets, so it only decrypts.
        const useKey = policy.Statement.find((st: any) => st.Sid === "UseSecretsKey");
        assert.deepEqual(useKey.Action, ["kms:Decrypt"]);
        assert.equal(useKey.Resource, key);
    });
});
