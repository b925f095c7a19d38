import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { cannedGuid } from "../../tools/harness/canned/azure";
import { isSecret, valueOf } from "../support/outputs";
import { aksTests, N, T, TENANT, VAULT_URL } from "./helpers";

/** The storage account, its container and the resource group: what `logStorage.retainOnDelete` keeps. */
const KEPT_ON_DESTROY = [
    [T.account, N.account],
    [T.container, N.container],
    [T.rg, N.rg],
] as const;

describe("AksCluster: log storage", () => {
    const run = aksTests();

    it("creates a hardened StorageV2 account and a private container, both kept on destroy with their resource group", async () => {
        const c = await run.deploy();
        const account = run.h.one(T.account, N.account).inputs;
        assert.equal(account.kind, "StorageV2");
        assert.equal(account.enableHttpsTrafficOnly, true);
        assert.equal(account.minimumTlsVersion, "TLS1_2");
        assert.equal(account.allowBlobPublicAccess, false);
        assert.deepEqual(account.sku, { name: "Standard_ZRS" });
        assert.match(account.accountName, /^[a-z0-9]{3,24}$/);
        assert.equal(run.h.one(T.container, N.container).inputs.publicAccess, "None");
        assert.equal(run.h.one(T.container, N.container).inputs.containerName, "airbyte");
        for (const [type, name] of KEPT_ON_DESTROY) {
            assert.equal(run.h.one(type, name).options.retainOnDelete, true, name);
        }
        assert.equal(await valueOf(c.storageAccountName), account.accountName);
        assert.equal(await valueOf(c.containerName), "airbyte");
    });

    it("builds the connection string from the account key, as a secret", async () => {
        const c = await run.deploy({ logStorage: { accountName: "acmelogs01" } });
        const spec = c.dataPlaneTarget.storage.azure!;
        assert.equal(await valueOf(spec.container), "airbyte");
        assert.equal(await isSecret(spec.connectionString!), true);
        const key = Buffer.from("canned-key1-acmelogs01").toString("base64");
        assert.equal(
            await valueOf(spec.connectionString!),
            `DefaultEndpointsProtocol=https;AccountName=acmelogs01;AccountKey=${key};EndpointSuffix=core.windows.net`,
        );
        const list = run.h.invokes.find((i) => i.token === "azure-native:storage:listStorageAccountKeys")!;
        assert.deepEqual(list.args, { resourceGroupName: "eu-rg", accountName: "acmelogs01" });
    });

    it("deletes storage and resource group on destroy when retention is turned off", async () => {
        // The audit workspace would keep the group otherwise: it is the audit trail.
        await run.deploy({ logStorage: { retainOnDelete: false }, auditLogs: { retainOnDelete: false } });
        for (const [type, name] of KEPT_ON_DESTROY) {
            assert.equal(run.h.one(type, name).options.retainOnDelete, false, name);
        }
    });

    it("uses existing storage as given and creates no account", async () => {
        const existing = {
            azure: {
                container: "shared-logs",
                connectionString: pulumi.secret("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=y"),
            },
        };
        const c = await run.deploy({ logStorage: { existing }, resourceGroupName: "platform-rg" });
        assert.equal(run.h.ofType(T.account).length + run.h.ofType(T.container).length + run.h.ofType(T.rg).length, 0);
        assert.equal(c.dataPlaneTarget.storage, existing);
        assert.equal(await valueOf(c.containerName), "shared-logs");
        assert.equal(run.h.one(T.cluster, N.cluster).inputs.resourceGroupName, "platform-rg");
    });
});

describe("AksCluster with DataPlane", () => {
    const run = aksTests();
    const APP_CLIENT_ID = cannedGuid("app-client/eu-kv-app");
    const CLIENT_SECRET = `canned-client-secret-${cannedGuid("password/eu-kv-secret")}`;

    it("gets the connection string and service principal into the DataPlane Secret, and the vault and container into the values", async () => {
        const h = run.h;
        const c = await run.deploy({ logStorage: { accountName: "acmelogs01" } });
        const { DataPlane } = await import("../../components");
        new DataPlane("dp", { ...c.dataPlaneTarget, clientId: pulumi.secret("dp-id-123"), clientSecret: pulumi.secret("dp-secret-456") });
        await h.settle();
        const secret = h.one("kubernetes:core/v1:Secret", "dp-credentials");
        const data = secret.plainInputs.stringData;
        assert.equal(data.AB_AZURE_KEY_VAULT_CLIENT_ID, APP_CLIENT_ID);
        assert.equal(data.AB_AZURE_KEY_VAULT_CLIENT_SECRET, CLIENT_SECRET);
        assert.match(data.AZURE_STORAGE_CONNECTION_STRING, /^DefaultEndpointsProtocol=https;AccountName=acmelogs01;AccountKey=/);
        assert.deepEqual(
            Object.values(secret.inputs.stringData),
            Object.keys(data).map(() => "[secret]"),
        );
        const release = h.one("kubernetes:helm.sh/v3:Release", "dp");
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
        assert.ok(
            deps.some((urn) => urn.endsWith("::eu-pool-workload")),
            deps.join("\n"),
        );
        assert.ok(
            deps.some((urn) => urn.endsWith("::eu-kv-secrets-officer")),
            deps.join("\n"),
        );
        assert.equal(release.parentType, "flexplane:index:DataPlane");
    });
});
