import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { cannedGuid, CANNED_AZURE_DEPLOYER_OBJECT_ID, CANNED_AZURE_SUBSCRIPTION_ID } from "../../tools/harness/canned/azure";
import { isSecret, rejection, valueOf } from "../support/outputs";
import { aksTests, N, T, TENANT, VAULT_URL } from "./helpers";

const SECRETS_OFFICER = `/subscriptions/${CANNED_AZURE_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7`;
const EXISTING_VAULT_ID = `/subscriptions/${CANNED_AZURE_SUBSCRIPTION_ID}/resourceGroups/control-rg/providers/Microsoft.KeyVault/vaults/acme-dp-secrets`;
const APP_CLIENT_ID = cannedGuid("app-client/eu-kv-app");
const CLIENT_SECRET = `canned-client-secret-${cannedGuid("password/eu-kv-secret")}`;

describe("AksCluster: Key Vault wiring", () => {
    const run = aksTests();

    it("creates a service principal for an existing vault and grants Key Vault Secrets Officer on that vault only", async () => {
        const c = await run.deploy();
        const lookup = run.h.invokes.find((i) => i.token === "azure-native:keyvault:getVault")!;
        assert.deepEqual(lookup.args, { resourceGroupName: "control-rg", vaultName: "acme-dp-secrets" });
        assert.equal(run.h.ofType(T.vault).length, 0);
        assert.deepEqual(run.h.one(T.app, N.app).inputs.owners, [CANNED_AZURE_DEPLOYER_OBJECT_ID]);
        assert.equal(run.h.one(T.app, N.app).inputs.displayName, "eu-key-vault");
        assert.equal(run.h.one(T.sp, N.sp).inputs.clientId, APP_CLIENT_ID);
        assert.equal(run.h.one(T.password, N.password).inputs.applicationId, "eu-kv-app-id");
        // The SDK marks the password's value secret in state.
        assert.ok(run.h.one(T.password, N.password).options.additionalSecretOutputs.includes("value"));
        const role = run.h.one(T.role, N.secretsOfficer).inputs;
        assert.equal(role.roleDefinitionId, SECRETS_OFFICER);
        assert.equal(role.scope, EXISTING_VAULT_ID);
        assert.equal(role.principalId, cannedGuid("sp-object/eu-kv-sp"));
        assert.equal(role.principalType, "ServicePrincipal");

        const azure = c.dataPlaneTarget.secretsManager.azure!;
        assert.equal(azure.vaultUrl, VAULT_URL);
        assert.equal(azure.tenantId, TENANT);
        assert.equal(await valueOf(azure.clientId!), APP_CLIENT_ID);
        assert.equal(await valueOf(azure.clientSecret!), CLIENT_SECRET);
        assert.equal(await isSecret(azure.clientSecret!), true);
        assert.equal(await isSecret(azure.clientId!), true);
        assert.equal(await valueOf(c.vaultUrl), VAULT_URL);
    });

    it("creates the declared vault with the RBAC model, soft delete and purge protection, and keeps it on destroy", async () => {
        const c = await run.deploy({ keyVault: { create: true, softDeleteRetentionDays: 30 } });
        const vault = run.h.one(T.vault, N.vault).inputs;
        assert.equal(vault.vaultName, "acme-dp-secrets");
        assert.equal(vault.location, "westeurope");
        const expected = {
            tenantId: TENANT,
            sku: { family: "A", name: "standard" },
            enableRbacAuthorization: true,
            enableSoftDelete: true,
            enablePurgeProtection: true,
            softDeleteRetentionInDays: 30,
            publicNetworkAccess: "Enabled",
        };
        for (const [key, value] of Object.entries(expected)) {
            assert.deepEqual(vault.properties[key], value, key);
        }
        assert.equal(vault.properties.accessPolicies, undefined);
        assert.equal(run.h.one(T.vault, N.vault).options.retainOnDelete, true);
        assert.equal(run.h.one(T.role, N.secretsOfficer).inputs.scope, "eu-vault-id");
        assert.equal(run.h.invokes.filter((i) => i.token === "azure-native:keyvault:getVault").length, 0);
        assert.equal(await valueOf(c.vaultUrl), VAULT_URL);
    });

    it("fails when the vault Azure reports is not the declared store", async () => {
        run.install({
            outputs: (args) =>
                args.type === T.vault
                    ? { properties: { ...args.inputs.properties, vaultUri: "https://acme-dp-secrets.vault.azure.cn/" } }
                    : undefined,
        });
        const c = await run.deploy({ keyVault: { create: true } });
        const err = await rejection(() => (c.vaultUrl as any).promise());
        assert.ok(pulumi.ResourceError.isInstance(err), String(err));
        assert.match(
            err.message,
            /The created Key Vault "acme-dp-secrets" does not match the declared secret store: its URL is https:\/\/acme-dp-secrets\.vault\.azure\.cn\/, but secretsManager\.azure\.vaultUrl declares https:\/\/acme-dp-secrets\.vault\.azure\.net\//,
        );
    });

    it("fails on an existing vault that uses access policies, naming the switch to make", async () => {
        run.install({
            invokes: (args) =>
                args.token === "azure-native:keyvault:getVault"
                    ? { id: EXISTING_VAULT_ID, properties: { vaultUri: VAULT_URL, tenantId: TENANT, enableRbacAuthorization: false } }
                    : undefined,
        });
        const c = await run.deploy();
        const err = await rejection(() => (c.vaultUrl as any).promise());
        assert.match(
            err.message,
            /uses access policies, so a Key Vault Secrets Officer role assignment grants nothing: .*--enable-rbac-authorization true/,
        );
    });

    it("fails when Entra ID sign-in is for another tenant than the vault's", async () => {
        const other = "22222222-3333-4444-5555-666666666666";
        run.install({
            invokes: (args) =>
                args.token === "azuread:index/getClientConfig:getClientConfig"
                    ? { tenantId: other, objectId: CANNED_AZURE_DEPLOYER_OBJECT_ID, clientId: "x", id: "x" }
                    : undefined,
        });
        const c = await run.deploy();
        const err = await rejection(() => (c.vaultUrl as any).promise());
        assert.match(
            err.message,
            new RegExp(`sign-in is for tenant ${other}, but the vault trusts tenant ${TENANT}.*az login --tenant ${TENANT}`),
        );
    });

    it("creates nothing for the caller's service principal and passes its credentials on as secrets", async () => {
        const c = await run.deploy({
            keyVault: undefined,
            secretsManager: {
                azure: { vaultUrl: VAULT_URL, tenantId: TENANT, clientId: "given-client-id", clientSecret: "given-client-secret" },
            },
        });
        for (const type of [T.app, T.sp, T.password, T.vault]) {
            assert.equal(run.h.ofType(type).length, 0, type);
        }
        // Only the subnet grant and the deployer's cluster-admin grant (Entra ID): nothing on the vault.
        assert.deepEqual(
            run.h
                .ofType(T.role)
                .map((r) => r.name)
                .sort(),
            ["eu-deployer-cluster-admin", "eu-subnet-access"],
        );
        assert.equal(run.h.invokes.filter((i) => i.token.startsWith("azuread:") || i.token === "azure-native:keyvault:getVault").length, 0);
        const azure = c.dataPlaneTarget.secretsManager.azure!;
        assert.equal(await valueOf(azure.clientSecret!), "given-client-secret");
        assert.equal(await isSecret(azure.clientSecret!), true);
    });

    it("passes an AWS store through untouched and creates nothing for it", async () => {
        const store = {
            aws: { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "AKIA-X", secretAccessKey: "secret-x" } },
        };
        const c = await run.deploy({ keyVault: undefined, secretsManager: store });
        assert.equal(c.dataPlaneTarget.secretsManager, store);
        for (const type of [T.app, T.sp, T.password, T.vault]) {
            assert.equal(run.h.ofType(type).length, 0, type);
        }
        assert.equal(await valueOf(c.vaultUrl), undefined);
    });
});

describe("AksCluster and the optional azuread peer", () => {
    it("loads @pulumi/azuread only when it creates a service principal", () => {
        // A fresh process, so nothing else has loaded azuread: import, build with the caller's principal, then with a new one.
        const root = path.resolve(__dirname, "..", "..");
        const script = `
            const pulumi = require("@pulumi/pulumi");
            const { flexplaneMocks } = require(${JSON.stringify(path.join(root, "components", "testing"))});
            pulumi.runtime.setMocks(flexplaneMocks(), "p", "s", false);
            const loaded = () => Object.keys(require.cache).some((f) => f.includes("/node_modules/@pulumi/azuread/"));
            const { AksCluster } = require(${JSON.stringify(path.join(root, "components", "azure"))});
            const { baseArgs } = require(${JSON.stringify(path.join(root, "test", "azure", "helpers"))});
            const seen = [loaded()];
            const store = { vaultUrl: "${VAULT_URL}", tenantId: "${TENANT}" };
            new AksCluster("given", baseArgs({ secretsManager: { azure: { ...store, clientId: "c", clientSecret: "s" } } }));
            seen.push(loaded());
            new AksCluster("created", baseArgs());
            seen.push(loaded());
            pulumi.runtime.waitForRPCs().then(() => process.stdout.write(JSON.stringify(seen)));`;
        const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
            cwd: root,
            encoding: "utf8",
        });
        assert.deepEqual(JSON.parse(out), [false, false, true]);
    });
});
