import { strict as assert } from "assert";
import * as fc from "fast-check";
import {
    canonicalSecretsManagerIdentity,
    formatSecretsManagerIdentity,
    keyVaultHost,
    parseSecretsManagerIdentity,
    secretsManagerIdentity,
} from "../../components/shared/identity";

describe("secretsManagerIdentity", () => {
    it("names an AWS store by account and the store's own region", () => {
        assert.equal(
            secretsManagerIdentity({ aws: { region: "US-East-1 ", accountId: "123456789012", useServiceAccountIdentity: true } }),
            "aws-secrets-manager:123456789012:us-east-1",
        );
    });

    it("keeps the store's region even when it differs from the cluster's", () => {
        const euDataPlaneReadingUsStore = secretsManagerIdentity({
            aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true },
        });
        const euStore = secretsManagerIdentity({
            aws: { region: "eu-west-1", accountId: "123456789012", useServiceAccountIdentity: true },
        });
        assert.notEqual(euDataPlaneReadingUsStore, euStore);
    });

    it("ignores how the data plane authenticates: keys and IRSA reach the same store", () => {
        assert.equal(
            secretsManagerIdentity({
                aws: { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "a", secretAccessKey: "b" } },
            }),
            secretsManagerIdentity({ aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } }),
        );
    });

    it("separates GCP's global endpoint from a regional one, and treats 'global' as global", () => {
        assert.equal(secretsManagerIdentity({ gcp: { projectId: "Secrets-Project" } }), "gcp-secret-manager:secrets-project");
        assert.equal(
            secretsManagerIdentity({ gcp: { projectId: "secrets-project", region: "global" } }),
            "gcp-secret-manager:secrets-project",
        );
        assert.equal(
            secretsManagerIdentity({ gcp: { projectId: "secrets-project", region: "europe-west1" } }),
            "gcp-secret-manager:secrets-project:europe-west1",
        );
    });

    it("canonicalizes Key Vault URLs: case, trailing slashes, paths, port 443, bare hosts", () => {
        const expected = "azure-key-vault:kv-one.vault.azure.net";
        for (const url of [
            "https://kv-one.vault.azure.net",
            "https://KV-One.vault.azure.net/",
            "https://kv-one.vault.azure.net//",
            "kv-one.vault.azure.net",
            "https://kv-one.vault.azure.net:443/secrets",
        ]) {
            assert.equal(secretsManagerIdentity({ azure: { vaultUrl: url, tenantId: "t" } }), expected, url);
        }
    });

    it("is undefined unless exactly one store is declared", () => {
        assert.equal(secretsManagerIdentity({}), undefined);
        assert.equal(secretsManagerIdentity(undefined), undefined);
        assert.equal(
            secretsManagerIdentity({ gcp: { projectId: "p-12345" }, azure: { vaultUrl: "https://a.vault.azure.net", tenantId: "t" } }),
            undefined,
        );
    });

    it("is stable under case and trailing slashes for any vault name (property)", () => {
        const name = fc.stringMatching(/^[a-z][a-z0-9-]{2,22}[a-z0-9]$/);
        fc.assert(
            fc.property(name, fc.nat({ max: 3 }), (vault, slashes) => {
                const canonical = keyVaultHost(`https://${vault}.vault.azure.net`);
                return keyVaultHost(`https://${vault.toUpperCase()}.vault.azure.net${"/".repeat(slashes)}`) === canonical;
            }),
        );
    });
});

describe("secret-store identity strings", () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/);
    const spaced = (w: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom("", " ", "  "), w).map(([pad, s]) => `${pad}${s}${pad}`);
    const spec = fc.oneof(
        fc.record({
            aws: fc.record({
                region: spaced(word),
                accountId: fc.stringMatching(/^\d{12}$/),
                useServiceAccountIdentity: fc.constant(true),
            }),
        }),
        fc.record({
            gcp: fc.record({ projectId: spaced(word), region: fc.option(fc.oneof(word, fc.constant("global")), { nil: undefined }) }),
        }),
        fc.record({
            azure: fc.record({
                vaultUrl: fc
                    .tuple(word, fc.constantFrom("https://", "", "HTTPS://"), fc.constantFrom("", "/", "//"))
                    .map(([name, scheme, tail]) => `${scheme}${name}.vault.azure.net${tail}`),
                tenantId: fc.constant("t"),
            }),
        }),
    );

    it("parses each store's parts, canonical and with GCP's global endpoint as no region", () => {
        assert.deepEqual(parseSecretsManagerIdentity(" AWS-Secrets-Manager:123456789012:US-EAST-1 "), {
            kind: "aws",
            account: "123456789012",
            region: "us-east-1",
        });
        assert.deepEqual(parseSecretsManagerIdentity("gcp-secret-manager:Acme-Secrets:global"), { kind: "gcp", project: "acme-secrets" });
        assert.deepEqual(parseSecretsManagerIdentity("gcp-secret-manager:p:Europe-West1"), {
            kind: "gcp",
            project: "p",
            region: "europe-west1",
        });
        assert.deepEqual(parseSecretsManagerIdentity("azure-key-vault:https://ACME-vault.vault.azure.net/"), {
            kind: "azure",
            host: "acme-vault.vault.azure.net",
        });
    });

    it("rejects strings that are not identities: no scheme, unknown scheme, missing or empty parts", () => {
        for (const bad of [
            "",
            "us-east-1",
            "aws-secrets-manager:us-east-1",
            "aws-secrets-manager:1::x",
            "aws-secrets-manager:1:r:x",
            "vault:x",
            "gcp-secret-manager:",
            "gcp-secret-manager:p:r:x",
        ]) {
            assert.equal(parseSecretsManagerIdentity(bad), undefined, bad);
            assert.equal(canonicalSecretsManagerIdentity(bad), undefined, bad);
        }
    });

    it("canonicalizes case, spacing, the global GCP endpoint and Key Vault URLs", () => {
        assert.equal(
            canonicalSecretsManagerIdentity(" AWS-Secrets-Manager:123456789012:US-EAST-1 "),
            "aws-secrets-manager:123456789012:us-east-1",
        );
        assert.equal(canonicalSecretsManagerIdentity("gcp-secret-manager:Acme-Secrets:global"), "gcp-secret-manager:acme-secrets");
        assert.equal(
            canonicalSecretsManagerIdentity("azure-key-vault:https://ACME-vault.vault.azure.net:443/x"),
            "azure-key-vault:acme-vault.vault.azure.net",
        );
    });

    it("formats what it parses: secretsManagerIdentity's strings are fixed points, re-spelled ones land on them (property)", () => {
        fc.assert(
            fc.property(spec, (s) => {
                const canonical = secretsManagerIdentity(s)!;
                const parsed = parseSecretsManagerIdentity(canonical);
                assert.ok(parsed, canonical);
                assert.equal(formatSecretsManagerIdentity(parsed), canonical);
                assert.equal(canonicalSecretsManagerIdentity(canonical), canonical);
                assert.equal(canonicalSecretsManagerIdentity(` ${canonical.toUpperCase()} `), canonical);
            }),
        );
    });
});
