import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { MockHarness } from "../../tools/harness/runtime";
import { baseArgs, DECLARED_STORE, installHarness, policyOf, valueOf } from "./helpers";

type Aws = typeof import("../../components/aws");

/** EksCluster when some credentials come from the caller instead of IRSA. */
describe("EksCluster credential modes (mocks)", () => {
    let h: MockHarness;
    let aws: Aws;

    beforeEach(async () => {
        h = installHarness();
        aws = await import("../../components/aws");
    });

    const policyNames = () => h.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name).sort();

    it("creates no Secrets Manager IAM when the declared store is read with access keys, and keeps the keys secret", async () => {
        const c = new aws.EksCluster(
            "dp",
            baseArgs({ secretsManager: { aws: { ...DECLARED_STORE, accessKeys: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "s3cr3t" } } } }),
        );
        await h.settle();
        assert.deepEqual(policyNames(), ["dp-log-bucket"]);
        const keys = c.dataPlaneTarget.secretsManager.aws!.accessKeys!;
        assert.equal(await pulumi.isSecret(pulumi.output(keys.accessKeyId)), true);
        assert.equal(await pulumi.isSecret(pulumi.output(keys.secretAccessKey)), true);
        assert.equal(await valueOf(keys.secretAccessKey), "s3cr3t");
        assert.equal(c.dataPlaneTarget.secretsManager.aws!.useServiceAccountIdentity, undefined);
        assert.equal(c.dataPlaneTarget.secretsManager.aws!.region, DECLARED_STORE.region);
    });

    it("passes a GCP store through, secret, and keeps IRSA for S3 only", async () => {
        const c = new aws.EksCluster("dp", baseArgs({ secretsManager: { gcp: { projectId: "airbyte-secrets", credentialsJson: "{\"type\":\"service_account\"}" } } }));
        await h.settle();
        assert.deepEqual(policyNames(), ["dp-log-bucket"]);
        assert.equal(c.dataPlaneTarget.secretsManager.gcp!.projectId, "airbyte-secrets");
        assert.equal(await pulumi.isSecret(pulumi.output(c.dataPlaneTarget.secretsManager.gcp!.credentialsJson!)), true);
        assert.ok(c.dataPlaneTarget.serviceAccountAnnotations, "S3 still goes through the role");
    });

    it("passes an Azure store through with its service principal secret", async () => {
        const c = new aws.EksCluster(
            "dp",
            baseArgs({ secretsManager: { azure: { vaultUrl: "https://kv-acme.vault.azure.net/", tenantId: "00000000-0000-0000-0000-000000000001", clientId: "c", clientSecret: "s" } } }),
        );
        await h.settle();
        assert.deepEqual(policyNames(), ["dp-log-bucket"]);
        assert.equal(await pulumi.isSecret(pulumi.output(c.dataPlaneTarget.secretsManager.azure!.clientSecret!)), true);
    });

    it("grants the role the caller's existing bucket, in its own region, and creates no bucket", async () => {
        const c = new aws.EksCluster("dp", baseArgs({ logBucket: { existingBucketName: "acme-airbyte-logs", region: "eu-central-1" } }));
        await h.settle();
        assert.equal(h.ofType("aws:s3/bucket:Bucket").length, 0);
        assert.deepEqual(policyOf(h.one("aws:iam/rolePolicy:RolePolicy", "dp-log-bucket").inputs.policy), aws.s3PolicyDocument({ bucket: "acme-airbyte-logs", region: "eu-central-1" }));
        assert.deepEqual(c.dataPlaneTarget.storage.s3, { bucket: c.dataPlaneTarget.storage.s3!.bucket, region: "eu-central-1", useServiceAccountIdentity: true });
        assert.equal(await valueOf(c.bucketName), "acme-airbyte-logs");
    });

    it("creates no role at all for an existing bucket with keys and a store read with keys", async () => {
        const keys = { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "s3cr3t" };
        const c = new aws.EksCluster(
            "dp",
            baseArgs({
                secretsManager: { aws: { ...DECLARED_STORE, accessKeys: keys } },
                logBucket: { existingBucketName: "acme-airbyte-logs", accessKeys: keys },
            }),
        );
        await h.settle();
        assert.equal(h.ofType("aws:iam/role:Role").map((r) => r.name).join(), "dp-nodes");
        assert.equal(c.dataPlaneTarget.serviceAccountAnnotations, undefined);
        assert.equal(await valueOf(c.roleArn), undefined);
        const s3 = c.dataPlaneTarget.storage.s3!;
        assert.equal(s3.useServiceAccountIdentity, undefined);
        assert.equal(await pulumi.isSecret(pulumi.output(s3.accessKeys!.secretAccessKey)), true);
    });

    it("uses SSE-KMS with the caller's key and lets the role use it through S3", async () => {
        const key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        new aws.EksCluster("dp", baseArgs({ logBucket: { kmsKeyArn: key, logExpirationDays: 0 } }));
        await h.settle();
        const encryption = h.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules[0];
        assert.deepEqual(encryption, { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key }, bucketKeyEnabled: true });
        const s3 = policyOf(h.one("aws:iam/rolePolicy:RolePolicy", "dp-log-bucket").inputs.policy);
        assert.equal(s3.Statement[3].Resource, key);
        const rules = h.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules;
        assert.deepEqual(rules.map((r: any) => r.id), ["abort-incomplete-uploads"], "0 days keeps logs: no expiry rule");
    });

    it("adds KMS access for the secrets' key to the Secrets Manager policy", async () => {
        const key = "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        new aws.EksCluster("dp", baseArgs({ secretsManager: { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true, kmsKeyArn: key } } }));
        await h.settle();
        const policy = policyOf(h.one("aws:iam/rolePolicy:RolePolicy", "dp-secrets-manager").inputs.policy);
        // The data plane only reads secrets, so it only decrypts.
        assert.deepEqual(policy.Statement[1].Action, ["kms:Decrypt"]);
        assert.equal(policy.Statement[1].Resource, key);
    });
});
