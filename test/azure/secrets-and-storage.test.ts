import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { MockHarness } from "../../tools/harness/runtime";
import { cannedGuid, CANNED_AZURE_DEPLOYER_OBJECT_ID, CANNED_AZURE_SUBSCRIPTION_ID } from "../../tools/harness/canned/azure";
import { baseArgs, harnessEachTest, isSecret, loadAksCluster, T, TENANT, valueOf, VAULT_URL } from "./helpers";

const SECRETS_OFFICER = `/subscriptions/${CANNED_AZURE_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7`;
const EXISTING_VAULT_ID = `/subscriptions/${CANNED_AZURE_SUBSCRIPTION_ID}/resourceGroups/control-rg/providers/Microsoft.KeyVault/vaults/acme-dp-secrets`;
const APP_CLIENT_ID = cannedGuid("app-client/eu-kv-app");
const CLIENT_SECRET = `canned-client-secret-${cannedGuid("password/eu-kv-secret")}`;

/** The storage account, its container and the resource group: what `storage.retainOnDelete` keeps. */
const KEPT_ON_DESTROY = [[T.account, "eu-logs"], [T.container, "eu-logs-container"], [T.rg, "eu-rg"]] as const;

function rejection(output: pulumi.Output<unknown>): Promise<Error> {
    return (output as any).promise().then(
        () => { throw new Error("expected the output to fail"); },
        (err: Error) => err,
    );
}

describe("AksCluster: Key Vault wiring", () => {
    const run = harnessEachTest();

    it("creates a service principal for an existing vault and grants Key Vault Secrets Officer on that vault only", async () => {
        const c = await run.deploy();
        const lookup = run.h.invokes.find((i) => i.token === "azure-native:keyvault:getVault")!;
        assert.deepEqual(lookup.args, { resourceGroupName: "control-rg", vaultName: "acme-dp-secrets" });
        assert.equal(run.h.ofType(T.vault).length, 0);
        assert.deepEqual(run.h.one(T.app).inputs.owners, [CANNED_AZURE_DEPLOYER_OBJECT_ID]);
        assert.equal(run.h.one(T.app).inputs.displayName, "eu-key-vault");
        assert.equal(run.h.one(T.sp).inputs.clientId, APP_CLIENT_ID);
        assert.equal(run.h.one(T.password).inputs.applicationId, "eu-kv-app-id");
        // The SDK marks the password's value secret in state.
        assert.ok(run.h.one(T.password, "eu-kv-secret").options.additionalSecretOutputs.includes("value"));
        const role = run.h.one(T.role, "eu-kv-secrets-officer").inputs;
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
        const vault = run.h.one(T.vault).inputs;
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
        assert.equal(run.h.one(T.vault, "eu-vault").options.retainOnDelete, true);
        assert.equal(run.h.one(T.role, "eu-kv-secrets-officer").inputs.scope, "eu-vault-id");
        assert.equal(run.h.invokes.filter((i) => i.token === "azure-native:keyvault:getVault").length, 0);
        assert.equal(await valueOf(c.vaultUrl), VAULT_URL);
    });

    it("fails when the vault Azure reports is not the declared store", async () => {
        run.h = MockHarness.install({
            outputs: (args) => args.type === T.vault ? { properties: { ...args.inputs.properties, vaultUri: "https://acme-dp-secrets.vault.azure.cn/" } } : undefined,
        });
        const c = await run.deploy({ keyVault: { create: true } });
        const err = await rejection(c.vaultUrl);
        assert.ok(pulumi.ResourceError.isInstance(err), String(err));
        assert.match(err.message, /The created Key Vault "acme-dp-secrets" does not match the declared secret store: its URL is https:\/\/acme-dp-secrets\.vault\.azure\.cn\/, but secretsManager\.azure\.vaultUrl declares https:\/\/acme-dp-secrets\.vault\.azure\.net\//);
    });

    it("fails on an existing vault that uses access policies, naming the switch to make", async () => {
        run.h = MockHarness.install({
            invokes: (args) => args.token === "azure-native:keyvault:getVault"
                ? { id: EXISTING_VAULT_ID, properties: { vaultUri: VAULT_URL, tenantId: TENANT, enableRbacAuthorization: false } }
                : undefined,
        });
        const c = await run.deploy();
        const err = await rejection(c.vaultUrl);
        assert.match(err.message, /uses access policies, so a Key Vault Secrets Officer role assignment grants nothing: .*--enable-rbac-authorization true/);
    });

    it("fails when Entra ID sign-in is for another tenant than the vault's", async () => {
        const other = "22222222-3333-4444-5555-666666666666";
        run.h = MockHarness.install({
            invokes: (args) => args.token === "azuread:index/getClientConfig:getClientConfig" ? { tenantId: other, objectId: CANNED_AZURE_DEPLOYER_OBJECT_ID, clientId: "x", id: "x" } : undefined,
        });
        const c = await run.deploy();
        const err = await rejection(c.vaultUrl);
        assert.match(err.message, new RegExp(`sign-in is for tenant ${other}, but the vault trusts tenant ${TENANT}.*az login --tenant ${TENANT}`));
    });

    it("creates nothing for the caller's service principal and passes its credentials on as secrets", async () => {
        const c = await run.deploy({
            keyVault: undefined,
            secretsManager: { azure: { vaultUrl: VAULT_URL, tenantId: TENANT, clientId: "given-client-id", clientSecret: "given-client-secret" } },
        });
        for (const type of [T.app, T.sp, T.password, T.vault]) {
            assert.equal(run.h.ofType(type).length, 0, type);
        }
        // Only the subnet grant and the deployer's cluster-admin grant (Entra ID): nothing on the vault.
        assert.deepEqual(run.h.ofType(T.role).map((r) => r.name).sort(), ["eu-deployer-cluster-admin", "eu-subnet-access"]);
        assert.equal(run.h.invokes.filter((i) => i.token.startsWith("azuread:") || i.token === "azure-native:keyvault:getVault").length, 0);
        const azure = c.dataPlaneTarget.secretsManager.azure!;
        assert.equal(await valueOf(azure.clientSecret!), "given-client-secret");
        assert.equal(await isSecret(azure.clientSecret!), true);
    });

    it("passes an AWS store through untouched and creates nothing for it", async () => {
        const store = { aws: { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "AKIA-X", secretAccessKey: "secret-x" } } };
        const c = await run.deploy({ keyVault: undefined, secretsManager: store });
        assert.equal(c.dataPlaneTarget.secretsManager, store);
        for (const type of [T.app, T.sp, T.password, T.vault]) {
            assert.equal(run.h.ofType(type).length, 0, type);
        }
        assert.equal(await valueOf(c.vaultUrl), undefined);
    });
});

describe("AksCluster: log storage", () => {
    const run = harnessEachTest();

    it("creates a hardened StorageV2 account and a private container, both kept on destroy with their resource group", async () => {
        const c = await run.deploy();
        const account = run.h.one(T.account).inputs;
        assert.equal(account.kind, "StorageV2");
        assert.equal(account.enableHttpsTrafficOnly, true);
        assert.equal(account.minimumTlsVersion, "TLS1_2");
        assert.equal(account.allowBlobPublicAccess, false);
        assert.deepEqual(account.sku, { name: "Standard_ZRS" });
        assert.match(account.accountName, /^[a-z0-9]{3,24}$/);
        assert.equal(run.h.one(T.container).inputs.publicAccess, "None");
        assert.equal(run.h.one(T.container).inputs.containerName, "airbyte");
        for (const [type, name] of KEPT_ON_DESTROY) {
            assert.equal(run.h.one(type, name).options.retainOnDelete, true, name);
        }
        assert.equal(await valueOf(c.storageAccountName), account.accountName);
        assert.equal(await valueOf(c.containerName), "airbyte");
    });

    it("builds the connection string from the account key, as a secret", async () => {
        const c = await run.deploy({ storage: { accountName: "acmelogs01" } });
        const spec = c.dataPlaneTarget.storage.azure!;
        assert.equal(await valueOf(spec.container), "airbyte");
        assert.equal(await isSecret(spec.connectionString!), true);
        const key = Buffer.from("canned-key1-acmelogs01").toString("base64");
        assert.equal(await valueOf(spec.connectionString!), `DefaultEndpointsProtocol=https;AccountName=acmelogs01;AccountKey=${key};EndpointSuffix=core.windows.net`);
        const list = run.h.invokes.find((i) => i.token === "azure-native:storage:listStorageAccountKeys")!;
        assert.deepEqual(list.args, { resourceGroupName: "eu-rg", accountName: "acmelogs01" });
    });

    it("deletes storage and resource group on destroy when retention is turned off", async () => {
        // The audit workspace would keep the group otherwise: it is the audit trail.
        await run.deploy({ storage: { retainOnDelete: false }, auditLogs: { retainOnDelete: false } });
        for (const [type, name] of KEPT_ON_DESTROY) {
            assert.equal(run.h.one(type, name).options.retainOnDelete, false, name);
        }
    });

    it("uses existing storage as given and creates no account", async () => {
        const existing = { azure: { container: "shared-logs", connectionString: pulumi.secret("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=y") } };
        const c = await run.deploy({ storage: { existing }, resourceGroupName: "platform-rg" });
        assert.equal(run.h.ofType(T.account).length + run.h.ofType(T.container).length + run.h.ofType(T.rg).length, 0);
        assert.equal(c.dataPlaneTarget.storage, existing);
        assert.equal(await valueOf(c.containerName), "shared-logs");
        assert.equal(run.h.one(T.cluster).inputs.resourceGroupName, "platform-rg");
    });
});

describe("AksCluster with DataPlane", () => {
    it("gets the connection string and service principal into the DataPlane Secret, and the vault and container into the values", async () => {
        const h = MockHarness.install();
        const AksCluster = await loadAksCluster();
        const { DataPlane } = await import("../../components");
        const c = new AksCluster("eu", baseArgs({ storage: { accountName: "acmelogs01" } }));
        new DataPlane("dp", { ...c.dataPlaneTarget, clientId: pulumi.secret("dp-id-123"), clientSecret: pulumi.secret("dp-secret-456") });
        await h.settle();
        const secret = h.one("kubernetes:core/v1:Secret");
        const data = secret.plainInputs.stringData;
        assert.equal(data.AB_AZURE_KEY_VAULT_CLIENT_ID, APP_CLIENT_ID);
        assert.equal(data.AB_AZURE_KEY_VAULT_CLIENT_SECRET, CLIENT_SECRET);
        assert.match(data.AZURE_STORAGE_CONNECTION_STRING, /^DefaultEndpointsProtocol=https;AccountName=acmelogs01;AccountKey=/);
        assert.deepEqual(Object.values(secret.inputs.stringData), Object.keys(data).map(() => "[secret]"));
        const release = h.one("kubernetes:helm.sh/v3:Release");
        const values = release.plainInputs.values;
        assert.equal(values.secretsManager.type, "AZURE_KEY_VAULT");
        assert.equal(values.secretsManager.azureKeyVault.vaultUrl, VAULT_URL);
        assert.equal(values.secretsManager.azureKeyVault.tenantId, TENANT);
        assert.equal(values.storage.type, "azure");
        assert.equal(values.storage.bucket.log, "airbyte");
        const valuesText = JSON.stringify(values);
        for (const leaked of [CLIENT_SECRET, "AccountKey", "dp-secret-456"]) {
            assert.ok(!valuesText.includes(leaked), `${leaked} leaked into the Helm values`);
        }
        const deps = h.one("kubernetes:helm.sh/v3:Release", "dp").options.dependencies;
        assert.ok(deps.some((urn) => urn.endsWith("::eu-pool-workload")), deps.join("\n"));
        assert.ok(deps.some((urn) => urn.endsWith("::eu-kv-secrets-officer")), deps.join("\n"));
        assert.equal(release.parentType, "flexplane:index:DataPlane");
    });
});
