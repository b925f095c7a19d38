import { strict as assert } from "assert";
import * as fc from "fast-check";
import { keyVaultHost, secretsManagerIdentity } from "../../components/shared/identity";

describe("secretsManagerIdentity", () => {
    it("names an AWS store by account and the store's own region", () => {
        assert.equal(secretsManagerIdentity({ aws: { region: "US-East-1 ", accountId: "123456789012", useServiceAccountIdentity: true } }),
            "aws-secrets-manager:123456789012:us-east-1");
    });

    it("keeps the store's region even when it differs from the cluster's", () => {
        const euDataPlaneReadingUsStore = secretsManagerIdentity({ aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } });
        const euStore = secretsManagerIdentity({ aws: { region: "eu-west-1", accountId: "123456789012", useServiceAccountIdentity: true } });
        assert.notEqual(euDataPlaneReadingUsStore, euStore);
    });

    it("ignores how the data plane authenticates: keys and IRSA reach the same store", () => {
        assert.equal(
            secretsManagerIdentity({ aws: { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "a", secretAccessKey: "b" } } }),
            secretsManagerIdentity({ aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } }));
    });

    it("separates GCP's global endpoint from a regional one, and treats 'global' as global", () => {
        assert.equal(secretsManagerIdentity({ gcp: { projectId: "Secrets-Project" } }), "gcp-secret-manager:secrets-project");
        assert.equal(secretsManagerIdentity({ gcp: { projectId: "secrets-project", region: "global" } }), "gcp-secret-manager:secrets-project");
        assert.equal(secretsManagerIdentity({ gcp: { projectId: "secrets-project", region: "europe-west1" } }), "gcp-secret-manager:secrets-project:europe-west1");
    });

    it("canonicalizes Key Vault URLs: case, trailing slashes, paths, port 443, bare hosts", () => {
        const expected = "azure-key-vault:kv-one.vault.azure.net";
        for (const url of ["https://kv-one.vault.azure.net", "https://KV-One.vault.azure.net/", "https://kv-one.vault.azure.net//", "kv-one.vault.azure.net", "https://kv-one.vault.azure.net:443/secrets"]) {
            assert.equal(secretsManagerIdentity({ azure: { vaultUrl: url, tenantId: "t" } }), expected, url);
        }
    });

    it("is undefined unless exactly one store is declared", () => {
        assert.equal(secretsManagerIdentity({}), undefined);
        assert.equal(secretsManagerIdentity(undefined), undefined);
        assert.equal(secretsManagerIdentity({ gcp: { projectId: "p-12345" }, azure: { vaultUrl: "https://a.vault.azure.net", tenantId: "t" } }), undefined);
    });

    it("is stable under case and trailing slashes for any vault name (property)", () => {
        const name = fc.stringMatching(/^[a-z][a-z0-9-]{2,22}[a-z0-9]$/);
        fc.assert(fc.property(name, fc.nat({ max: 3 }), (vault, slashes) => {
            const canonical = keyVaultHost(`https://${vault}.vault.azure.net`);
            return keyVaultHost(`https://${vault.toUpperCase()}.vault.azure.net${"/".repeat(slashes)}`) === canonical;
        }));
    });
});
