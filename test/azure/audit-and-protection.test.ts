import { strict as assert } from "assert";
import { cannedGuid } from "../../tools/harness/canned/azure";
import { valueOf } from "../support/outputs";
import { aksTests, N, T } from "./helpers";

const WORKSPACE =
    "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/audit";
const VAULT = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/ops/providers/Microsoft.KeyVault/vaults/kv-etcd";
const KEY_ID = "https://kv-etcd.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";

describe("AksCluster: audit logs, Secrets key, deletion protection", () => {
    const run = aksTests();

    it("sends the audit categories to a new Log Analytics workspace that outlives the stack", async () => {
        const c = await run.deploy();
        const workspace = run.h.one(T.workspace, N.workspace);
        const setting = run.h.one(T.diagnostics, N.diagnostics).inputs;
        assert.deepEqual([workspace.inputs.sku, workspace.inputs.retentionInDays], [{ name: "PerGB2018" }, 90]);
        assert.equal(workspace.options.retainOnDelete, true);
        assert.equal(setting.resourceUri, run.h.one(T.cluster, N.cluster).id);
        assert.equal(setting.workspaceId, workspace.id);
        assert.equal(setting.logAnalyticsDestinationType, "Dedicated");
        assert.deepEqual(setting.logs, [
            { category: "kube-audit-admin", enabled: true },
            { category: "guard", enabled: true },
        ]);
        assert.equal(await valueOf(c.auditWorkspaceId), workspace.id);
        assert.equal(run.h.one(T.rg, N.rg).options.retainOnDelete, true, "the group keeps the workspace");
    });

    it("uses a given workspace and categories, or sends nothing when turned off", async () => {
        await run.deploy({ auditLogs: { workspaceId: WORKSPACE, categories: ["kube-audit", "guard"] } });
        assert.equal(run.h.ofType(T.workspace).length, 0);
        const setting = run.h.one(T.diagnostics, N.diagnostics).inputs;
        assert.equal(setting.workspaceId, WORKSPACE);
        assert.deepEqual(
            setting.logs.map((l: any) => l.category),
            ["kube-audit", "guard"],
        );
        run.install();
        const c = await run.deploy({ auditLogs: { enabled: false } });
        assert.equal(run.h.ofType(T.diagnostics).length + run.h.ofType(T.workspace).length, 0);
        assert.equal(await valueOf(c.auditWorkspaceId), undefined);
    });

    it("encrypts Secrets with the caller's key after granting the cluster's identity Key Vault Crypto User on it", async () => {
        await run.deploy({ secretsEncryption: { keyId: KEY_ID, keyVaultResourceId: VAULT } });
        const cluster = run.h.one(T.cluster, N.cluster);
        const grant = run.h.one(T.role, N.secretsKey);
        assert.deepEqual(cluster.inputs.securityProfile.azureKeyVaultKms, {
            enabled: true,
            keyId: KEY_ID,
            keyVaultNetworkAccess: "Public",
        });
        assert.equal(grant.inputs.scope, `${VAULT}/keys/etcd`);
        assert.match(grant.inputs.roleDefinitionId, /roleDefinitions\/12338af0-0e69-4776-bea7-57ae8d297424$/);
        assert.equal(grant.inputs.principalId, cannedGuid("principal/eu-identity"), "the cluster's own identity");
        assert.equal(grant.inputs.principalType, "ServicePrincipal");
        assert.ok(cluster.options.dependencies.includes(grant.urn), "AKS checks the key when it creates the cluster");
    });

    it("locks the cluster against deletion and marks it protected, unless turned off", async () => {
        await run.deploy();
        const cluster = run.h.one(T.cluster, N.cluster);
        const lock = run.h.one(T.lock, N.lock).inputs;
        assert.equal(cluster.options.protect, true);
        assert.deepEqual([lock.scope, lock.level], [cluster.id, "CanNotDelete"]);
        assert.match(lock.notes, /set deletionProtection to false and apply/);
        run.install();
        await run.deploy({ deletionProtection: false });
        assert.equal(run.h.one(T.cluster, N.cluster).options.protect, false);
        assert.equal(run.h.ofType(T.lock).length, 0);
    });

    it("keeps local accounts and signs in with them only when asked", async () => {
        await run.deploy({ localAccounts: true });
        const cluster = run.h.one(T.cluster, N.cluster).inputs;
        assert.equal(cluster.disableLocalAccounts, false);
        assert.equal(cluster.aadProfile, undefined);
        const invoke = run.h.invokes.find((i) => i.token === "azure-native:containerservice:listManagedClusterUserCredentials")!;
        assert.equal(invoke.args.format, undefined, "a client-certificate kubeconfig, no kubelogin");
    });
});
