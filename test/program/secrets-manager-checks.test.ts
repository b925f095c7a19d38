import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../../components/shared/errors";
import { checkSecretsManager, SecretsManagerCheckOptions } from "../../components/shared/secrets-manager-checks";
import type { SecretsManagerSpec } from "../../components/shared/types";
import { MockHarness } from "../../tools/harness/runtime";
import { reasons, thrown } from "../support/outputs";

const TENANT = "00000000-0000-0000-0000-000000000001";
const VAULT = "https://kv-acme.vault.azure.net/";

function problems(spec: SecretsManagerSpec | undefined, options?: SecretsManagerCheckOptions): Record<string, string> {
    const collected = new InputProblems("test");
    checkSecretsManager(collected, spec, options);
    if (collected.count === 0) {
        return {};
    }
    return reasons(thrown(() => collected.throwIfAny()));
}

describe("checkSecretsManager (shared by DataPlane, every cluster and the stacks)", () => {
    const table: { name: string; spec: SecretsManagerSpec; options?: SecretsManagerCheckOptions; expect: Record<string, RegExp> }[] = [
        {
            name: "a whole AWS IRSA declaration",
            spec: { aws: { region: "eu-west-1", accountId: "123456789012", useServiceAccountIdentity: true } },
            expect: {},
        },
        {
            name: "an AWS region that is not one",
            spec: { aws: { region: "europe", accountId: "123456789012", useServiceAccountIdentity: true } },
            expect: { "secretsManager.aws.region": /"europe" is not an AWS region: .*may differ from the cluster's/ },
        },
        {
            name: "an AirbyteManaged tag other than true",
            spec: {
                aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true, tags: { AirbyteManaged: "yes" } },
            },
            expect: { "secretsManager.aws.tags.AirbyteManaged": /must be "true" .*read secrets tagged AirbyteManaged=true/ },
        },
        {
            name: "a KMS alias instead of a key",
            spec: {
                aws: {
                    region: "us-east-1",
                    accountId: "123456789012",
                    useServiceAccountIdentity: true,
                    kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/x",
                },
            },
            expect: { "secretsManager.aws.kmsKeyArn": /not a KMS key ARN in the secrets' region us-east-1/ },
        },
        {
            name: "an untagged-secrets opt-in that is not a boolean",
            spec: {
                aws: {
                    region: "us-east-1",
                    accountId: "123456789012",
                    useServiceAccountIdentity: true,
                    allowUntaggedSecrets: "yes" as any,
                },
            },
            expect: {
                "secretsManager.aws.allowUntaggedSecrets":
                    /must be true or false, got "yes": true only when the control plane writes secrets without the AirbyteManaged tag/,
            },
        },
        {
            name: "a GCP store without a key",
            spec: { gcp: { projectId: "acme-secrets" } },
            expect: { "secretsManager.gcp.credentialsJson": /is required: give a service-account JSON key/ },
        },
        {
            name: "a GCP store without a key, where GKE creates one",
            spec: { gcp: { projectId: "acme-secrets" } },
            options: { createsCredentialsFor: "gcp" },
            expect: {},
        },
        {
            name: "a GCP region that is not one",
            spec: { gcp: { projectId: "acme-secrets", region: "EU", credentialsJson: "{}" } },
            expect: { "secretsManager.gcp.region": /"EU" is not a GCP region/ },
        },
        {
            name: "an Azure store without a principal",
            spec: { azure: { vaultUrl: VAULT, tenantId: TENANT } },
            expect: { "secretsManager.azure.clientId": /is required/, "secretsManager.azure.clientSecret": /cannot use managed identity/ },
        },
        {
            name: "an Azure store without a principal, where AKS creates one",
            spec: { azure: { vaultUrl: VAULT, tenantId: TENANT } },
            options: { createsCredentialsFor: "azure" },
            expect: {},
        },
        {
            name: "half a principal, where AKS would create one",
            spec: { azure: { vaultUrl: VAULT, tenantId: TENANT, clientId: "c" } },
            options: { createsCredentialsFor: "azure" },
            expect: { "secretsManager.azure.clientSecret": /give both clientId and clientSecret .* or neither/ },
        },
        {
            name: "a vault host that is not Key Vault's",
            spec: { azure: { vaultUrl: "https://kv-acme.example.com", tenantId: TENANT, clientId: "c", clientSecret: "s" } },
            expect: { "secretsManager.azure.vaultUrl": /not a Key Vault URL: use https:\/\/<vault-name>\.vault\.azure\.net\// },
        },
        {
            name: "only the store's name, under a config key",
            spec: { aws: { region: "us-east-1", accountId: "42" } },
            options: { path: "flexplane:secretsManager", checkCredentials: false },
            expect: { "flexplane:secretsManager.aws.accountId": /"42" is not a 12-digit AWS account id/ },
        },
    ];
    for (const row of table) {
        it(row.name, () => {
            const found = problems(row.spec, row.options);
            assert.deepEqual(Object.keys(found).sort(), Object.keys(row.expect).sort(), JSON.stringify(found));
            for (const [path, reason] of Object.entries(row.expect)) {
                assert.match(found[path], reason);
            }
        });
    }
});

describe("a malformed AWS store on another cloud's cluster", () => {
    const store = { aws: { region: "us-east-1", accountId: "12345", accessKeys: { accessKeyId: "a", secretAccessKey: "b" } } };

    it("is refused by GkeCluster before any resource is registered", async () => {
        const h = MockHarness.install({ config: { "gcp:project": "acme-dp", "gcp:region": "europe-west1" } });
        const { GkeCluster } = await import("../../components/gcp");
        const err = thrown(() => new GkeCluster("eu", { location: "europe-west1", secretsManager: store }));
        assert.ok(pulumi.InputPropertiesError.isInstance(err));
        assert.match(reasons(err)["secretsManager.aws.accountId"], /"12345" is not a 12-digit AWS account id/);
        await h.settle();
        assert.deepEqual(h.resources, []);
    });

    it("is refused by AksCluster before any resource is registered", async () => {
        const h = MockHarness.install();
        const { AksCluster } = await import("../../components/azure");
        const err = thrown(() => new AksCluster("eu", { location: "northeurope", tenantId: TENANT, secretsManager: store }));
        assert.ok(pulumi.InputPropertiesError.isInstance(err));
        assert.match(reasons(err)["secretsManager.aws.accountId"], /"12345" is not a 12-digit AWS account id/);
        await h.settle();
        assert.deepEqual(h.resources, []);
    });
});
