import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { GKE_DEFAULTS } from "../../components/gcp/args";
import { LONG_LIVED_KEY_WARNING } from "../../components/gcp/identity";
import { cannedServiceAccountKeyJson } from "../../tools/harness/canned/gcp";
import { gkeTests, isSecret, valueOf } from "./helpers";

const ACCOUNT = "gcp:serviceaccount/account:Account";
const KEY = "gcp:serviceaccount/key:Key";
const PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";
const BUCKET_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
const PLATFORM_EMAIL = "eu-airbyte@flexplane-gke.iam.gserviceaccount.com";

describe("GkeCluster: secret store and storage identity", () => {
    const run = gkeTests();

    const platformMembers = (type: string) => run.h.ofType(type).filter((m) => m.inputs.member === `serviceAccount:${PLATFORM_EMAIL}`);

    it("grants the Secret Manager roles on the secret-store project, not the cluster's", async () => {
        await run.deploy({ secretsManager: { gcp: { projectId: "airbyte-secrets" } } });
        const grants = platformMembers(PROJECT_MEMBER);
        assert.deepEqual(grants.map((g) => g.inputs.role).sort(), [...GKE_DEFAULTS.secretManagerRoles].sort());
        assert.deepEqual([...new Set(grants.map((g) => g.inputs.project))], ["airbyte-secrets"]);
        assert.equal(run.h.one(ACCOUNT, "eu-airbyte").inputs.project, "flexplane-gke");
    });

    it("grants storage roles on the bucket only, never on a project", async () => {
        await run.deploy();
        const grants = platformMembers(BUCKET_MEMBER);
        assert.deepEqual(grants.map((g) => g.inputs.role).sort(), [...GKE_DEFAULTS.bucketRoles].sort());
        assert.deepEqual([...new Set(grants.map((g) => g.inputs.bucket))], ["eu-logs-0a1b2c3"]);
        assert.equal(
            platformMembers(PROJECT_MEMBER).some((g) => g.inputs.role.startsWith("roles/storage.")),
            false,
        );
    });

    it("fills the decoded key, secret, into the secret store and storage of the data-plane target", async () => {
        const c = await run.deploy({ secretsManager: { gcp: { projectId: "airbyte-secrets", region: "europe-west1" } } });
        const target = c.dataPlaneTarget;
        const storeKey = target.secretsManager.gcp!.credentialsJson as pulumi.Output<string>;
        const storageKey = target.storage.gcs!.credentialsJson as pulumi.Output<string>;
        assert.equal(await valueOf(storeKey), cannedServiceAccountKeyJson(PLATFORM_EMAIL));
        assert.equal(await valueOf(storageKey), cannedServiceAccountKeyJson(PLATFORM_EMAIL));
        assert.equal(await isSecret(storeKey), true);
        assert.equal(await isSecret(storageKey), true);
        assert.equal(target.secretsManager.gcp!.projectId, "airbyte-secrets");
        assert.equal(target.secretsManager.gcp!.region, "europe-west1");
        assert.equal(await valueOf(target.storage.gcs!.bucket), "eu-logs-0a1b2c3");
        assert.ok(run.h.one(KEY, "eu-airbyte-key").options.additionalSecretOutputs.includes("privateKey"));
        assert.equal(run.h.one(KEY, "eu-airbyte-key").inputs.serviceAccountId, `projects/flexplane-gke/serviceAccounts/${PLATFORM_EMAIL}`);
        assert.equal(await valueOf(c.serviceAccountEmail), PLATFORM_EMAIL);
    });

    it("makes the data plane wait for every role binding and node pool", async () => {
        const c = await run.deploy({ mode: "standard" });
        const waitedFor = await Promise.all(
            (c.dataPlaneTarget.dependsOn ?? []).map((d) => valueOf(pulumi.output(d).apply((r) => (r as any).__name as string))),
        );
        for (const name of [
            "eu-general",
            "eu-bucket-storage-objectadmin",
            "eu-secrets-secretmanager-secretaccessor",
            "eu-nodes-container-defaultnodeserviceaccount",
        ]) {
            assert.ok(waitedFor.includes(name), `${name} missing from dependsOn (${waitedFor.join(", ")})`);
        }
    });

    it("creates nothing for the secret store when the caller gives its key, and passes that key on as a secret", async () => {
        const c = await run.deploy({
            secretsManager: { gcp: { projectId: "airbyte-secrets", credentialsJson: '{"type":"service_account","caller":true}' } },
        });
        assert.equal(platformMembers(PROJECT_MEMBER).length, 0);
        const storeKey = c.dataPlaneTarget.secretsManager.gcp!.credentialsJson as pulumi.Output<string>;
        assert.equal(await valueOf(storeKey), '{"type":"service_account","caller":true}');
        assert.equal(await isSecret(storeKey), true);
        // storage still needs a key: the account exists for the bucket only
        assert.equal(platformMembers(BUCKET_MEMBER).length, GKE_DEFAULTS.bucketRoles.length);
    });

    it("passes an AWS store through untouched and grants nothing for it", async () => {
        const aws = { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "AKIA", secretAccessKey: "s" } };
        const c = await run.deploy({ secretsManager: { aws } });
        assert.equal(c.dataPlaneTarget.secretsManager.aws, aws);
        assert.equal(c.dataPlaneTarget.secretsManager.gcp, undefined);
        assert.equal(platformMembers(PROJECT_MEMBER).length, 0);
        assert.equal(platformMembers(BUCKET_MEMBER).length, GKE_DEFAULTS.bucketRoles.length);
    });

    it("creates no account or key at all when the caller gives both keys", async () => {
        const c = await run.deploy({
            secretsManager: {
                azure: {
                    vaultUrl: "https://kv-acme.vault.azure.net/",
                    tenantId: "00000000-0000-0000-0000-000000000001",
                    clientId: "c",
                    clientSecret: "s",
                },
            },
            storageCredentialsJson: '{"type":"service_account","bucket":true}',
        });
        assert.equal(run.h.ofType(ACCOUNT).filter((a) => a.name === "eu-airbyte").length, 0);
        assert.equal(run.h.ofType(KEY).length, 0);
        assert.equal(run.h.ofType(BUCKET_MEMBER).length, 0);
        const storageKey = c.dataPlaneTarget.storage.gcs!.credentialsJson as pulumi.Output<string>;
        assert.equal(await valueOf(storageKey), '{"type":"service_account","bucket":true}');
        assert.equal(await isSecret(storageKey), true);
        assert.equal(await valueOf(c.serviceAccountEmail), undefined);
    });

    it("warns exactly once that the platform needs a long-lived key", async () => {
        await run.deploy();
        assert.deepEqual(run.warnings.messages, [LONG_LIVED_KEY_WARNING]);
        assert.match(LONG_LIVED_KEY_WARNING, /Workload Identity is not supported/);
    });
});
