import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { managedClusterArgs } from "../../components/azure/cluster";
import { resolveAksCluster } from "../../components/azure/validation";
import type { AksClusterArgs } from "../../components/azure/args";
import { MockHarness } from "../../tools/harness/runtime";
import { baseArgs, reasons, TENANT, thrown, VAULT_URL } from "./helpers";

const naming = { project: "flexplane", stack: "test" };
const NAMING = naming;
const REFS = { resourceGroupName: "rg", identityId: "identity-id", subnetId: "subnet-id" };
const WORKSPACE = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/audit";
const KEY_VAULT = (name: string) => `/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/ops/providers/Microsoft.KeyVault/vaults/${name}`;
const KEY_ID = "https://kv-a.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";

function problemsOf(args: AksClusterArgs): Record<string, string> {
    const err = thrown(() => resolveAksCluster("eu", args, naming));
    assert.ok(pulumi.InputPropertiesError.isInstance(err), `expected InputPropertiesError, got ${err}`);
    assert.match(err.message, /^AksCluster "eu" has invalid arguments:/);
    return reasons(err);
}

function expectProblem(args: AksClusterArgs, path: string, fix: RegExp): void {
    const found = problemsOf(args);
    assert.ok(found[path], `no problem at ${path}; got ${JSON.stringify(found)}`);
    assert.match(found[path], fix);
}

describe("AksCluster bad input", () => {
    it("accepts the base arguments and applies the documented defaults", () => {
        const s = resolveAksCluster("eu", baseArgs(), naming);
        assert.equal(s.kubernetesVersion, "1.35");
        assert.equal(s.skuTier, "Standard");
        assert.deepEqual(s.systemPool.zones, ["1", "2", "3"]);
        assert.deepEqual(s.systemPool.taints, ["CriticalAddonsOnly=true:NoSchedule"]);
        assert.deepEqual(s.workloadPools.map((p) => [p.name, p.vmSize, p.minCount, p.maxCount, p.osDiskSizeGB]), [["workload", "Standard_D8ds_v5", 1, 6, 256]]);
        assert.equal(s.keyVault?.createPrincipal, true);
        assert.equal(s.keyVault?.vaultName, "acme-dp-secrets");
        assert.equal(s.storage.retainOnDelete, true);
        assert.equal(s.storage.sku, "Standard_ZRS");
        assert.equal(s.network.outboundType, "userAssignedNATGateway");
        assert.deepEqual(s.entraId, { azureRbac: true, adminGroupObjectIds: [], grantDeployerClusterAdmin: true, kubeloginMode: "azurecli" });
        assert.deepEqual(s.auditLogs, { workspaceId: undefined, categories: ["kube-audit-admin", "guard"], retentionDays: 90, retainOnDelete: true });
        assert.equal(s.deletionProtection, true);
        assert.equal(s.secretsEncryption, undefined);
    });

    it("refuses a single zone for the cluster, citing Airbyte's two-zone requirement", () => {
        expectProblem(baseArgs({ zones: ["1"] }), "zones", /1 distinct zone; Airbyte supports AKS only "in 2 or more availability zones".*at least 2/);
    });

    it("refuses a single zone on one workload pool, and counts repeated zones once", () => {
        const args = baseArgs({ workloadPools: [{ name: "workload" }, { name: "jobs", zones: ["2", "2"] }] });
        expectProblem(args, "workloadPools[1].zones", /1 distinct zone; .*2 or more availability zones/);
        expectProblem(baseArgs({ zones: ["1", "4"] }), "zones", /4 is not a zone: Azure zones are "1", "2" and "3"/);
    });

    it("refuses two inline pools and says where the second one belongs", () => {
        const args = baseArgs({ systemPool: [{ name: "system" }, { name: "extra" }] as any });
        expectProblem(args, "systemPool", /gives 2 pools, but the cluster takes exactly one inline system pool.*list the others under workloadPools, which become separate AgentPool resources/);
    });

    it("refuses a missing tenant and says where to find it", () => {
        const args = baseArgs({ secretsManager: { azure: { vaultUrl: VAULT_URL } as any } });
        expectProblem(args, "secretsManager.azure.tenantId", /is required: give the Entra ID tenant GUID .*az account show --query tenantId/);
    });

    it("leaves the tenant to AKS (the subscription's) when neither tenantId nor an Azure store names one", () => {
        const args = baseArgs({ secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "a", secretAccessKey: "s" } } }, keyVault: undefined });
        const s = resolveAksCluster("eu", args, NAMING);
        assert.equal(s.tenantId, undefined);
        assert.equal((managedClusterArgs("eu", s, REFS).aadProfile as any).tenantID, undefined);
    });

    it("refuses local accounts next to entraId, and a non-boolean switch", () => {
        expectProblem(baseArgs({ localAccounts: true, entraId: {} }), "localAccounts", /contradicts entraId: Entra ID disables local accounts/);
        expectProblem(baseArgs({ localAccounts: "yes" as any }), "localAccounts", /set true \(keep local accounts, no Entra ID\) or false/);
    });

    it("never opens the API server to every address unless apiServerOpenToInternet says so", () => {
        expectProblem(baseArgs({ apiServerAuthorizedIpRanges: undefined }), "apiServerAuthorizedIpRanges",
            /is required: list the addresses or CIDRs that run Pulumi and kubectl .* or set apiServerOpenToInternet: true/);
        expectProblem(baseArgs({ apiServerAuthorizedIpRanges: ["0.0.0.0/0"] }), "apiServerAuthorizedIpRanges[0]",
            /is 0\.0\.0\.0\/0, which opens the API server to the whole internet/);
        const open = resolveAksCluster("eu", baseArgs({ apiServerAuthorizedIpRanges: undefined, apiServerOpenToInternet: true }), NAMING);
        assert.equal(managedClusterArgs("eu", open, REFS).apiServerAccessProfile, undefined);
    });

    it("checks audit-log, Secrets-key and deletion-protection settings", () => {
        expectProblem(baseArgs({ auditLogs: { categories: ["kube-audit", "audit"] as any } }), "auditLogs.categories", /list one or more of kube-audit, kube-audit-admin, guard/);
        expectProblem(baseArgs({ auditLogs: { retentionDays: 7 } }), "auditLogs.retentionDays", /7 is out of range: give 30 to 730 days/);
        expectProblem(baseArgs({ auditLogs: { workspaceId: "law-1" } }), "auditLogs.workspaceId", /not a Log Analytics workspace id/);
        expectProblem(baseArgs({ auditLogs: { workspaceId: WORKSPACE, retentionDays: 60 } }), "auditLogs.retentionDays", /applies only to a workspace this component creates/);
        expectProblem(baseArgs({ secretsEncryption: { keyId: "https://kv-a.vault.azure.net/keys/etcd", keyVaultResourceId: KEY_VAULT("kv-a") } }),
            "secretsEncryption.keyId", /not a versioned Key Vault key id: .*AKS needs the version/);
        expectProblem(baseArgs({ secretsEncryption: { keyId: KEY_ID, keyVaultResourceId: KEY_VAULT("kv-b") } }),
            "secretsEncryption.keyVaultResourceId", /names vault "kv-b", but the key is in "kv-a"/);
        expectProblem(baseArgs({ deletionProtection: "no" as any }), "deletionProtection", /set true \(the default: a CanNotDelete lock and Pulumi protection\) or false/);
    });

    it("refuses a vault URL that is not a Key Vault URL", () => {
        const args = baseArgs({ secretsManager: { azure: { vaultUrl: "https://acme.example.com/", tenantId: TENANT } } });
        expectProblem(args, "secretsManager.azure.vaultUrl", /not a Key Vault URL: use https:\/\/<vault-name>\.vault\.azure\.net\//);
    });

    it("refuses half of a service principal's credentials", () => {
        const args = baseArgs({ secretsManager: { azure: { vaultUrl: VAULT_URL, tenantId: TENANT, clientId: "abc" } } });
        expectProblem(args, "secretsManager.azure.clientSecret", /give both clientId and clientSecret .* or neither/);
    });

    it("needs the vault's resource group to scope a service principal it creates", () => {
        expectProblem(baseArgs({ keyVault: {} }), "keyVault.resourceGroupName", /role is scoped to the vault, so name the vault's resource group.*or set keyVault.create/);
        // With the caller's credentials nothing is scoped, so the group is not needed.
        const given = baseArgs({ keyVault: {}, secretsManager: { azure: { vaultUrl: VAULT_URL, tenantId: TENANT, clientId: "a", clientSecret: "b" } } });
        assert.equal(resolveAksCluster("eu", given, naming).keyVault?.createPrincipal, false);
    });

    it("refuses to create a Key Vault for an AWS store", () => {
        const args = baseArgs({ secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "a", secretAccessKey: "b" } } }, keyVault: { create: true } });
        expectProblem(args, "keyVault.create", /secrets are in aws, so a Key Vault here would hold nothing: remove keyVault/);
    });

    it("refuses overlapping and misplaced address ranges", () => {
        const problems = problemsOf(baseArgs({ network: { subnetCidr: "10.250.0.0/20", podCidr: "10.240.128.0/17", dnsServiceIp: "10.0.0.0" } }));
        assert.match(problems["network.subnetCidr"], /must lie inside vnetCidr 10\.240\.0\.0\/16/);
        assert.match(problems["network.podCidr"], /overlaps vnetCidr/);
        assert.match(problems["network.dnsServiceIp"], /must lie inside serviceCidr 10\.0\.0\.0\/16 and must not be its first address/);
        expectProblem(baseArgs({ network: { serviceCidr: "10.0.0.5/16" } }), "network.serviceCidr", /not an IPv4 CIDR with a clean network address/);
    });

    it("refuses new-network settings next to an existing subnet, and user-defined routing without one", () => {
        const subnet = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks";
        expectProblem(baseArgs({ network: { existingSubnetId: subnet, vnetCidr: "10.1.0.0/16" } }), "network.vnetCidr", /applies only to a network this component creates/);
        expectProblem(baseArgs({ network: { outboundType: "userDefinedRouting" } }), "network.outboundType", /needs a route you manage: give existingSubnetId/);
        expectProblem(baseArgs({ network: { existingSubnetId: "subnet-1" } }), "network.existingSubnetId", /is not a subnet id: give \/subscriptions\//);
    });

    it("refuses pools the launcher cannot run on, duplicate names and two jobs pools", () => {
        expectProblem(baseArgs({ workloadPools: [{ name: "jobs", taints: ["airbyte.io/jobs=true:NoSchedule"] }] }), "workloadPools",
            /every pool is tainted, so the workload launcher has nowhere to run/);
        expectProblem(baseArgs({ workloadPools: [{ name: "system" }] }), "workloadPools[0].name", /"system" is used by another pool/);
        expectProblem(baseArgs({ workloadPools: [{ name: "a", runsJobs: true }, { name: "b", runsJobs: true }] }), "workloadPools", /a and b all set runsJobs/);
        expectProblem(baseArgs({ workloadPools: [{ name: "Workload-Pool" }] }), "workloadPools[0].name", /not an AKS pool name: use 1 to 12 lower-case letters/);
        expectProblem(baseArgs({ workloadPools: [{}] }), "workloadPools[0].name", /is required for every workload pool/);
        expectProblem(baseArgs({ workloadPools: [{ name: "w", taints: ["dedicated"] }] }), "workloadPools[0].taints[0]", /write key=value:Effect/);
    });

    it("reports every problem at once", () => {
        const problems = problemsOf(baseArgs({ location: "West Europe", zones: ["1"], kubernetesVersion: "latest", storage: { accountName: "Logs-Account" } }));
        assert.deepEqual(Object.keys(problems).sort(), ["kubernetesVersion", "location", "storage.accountName", "zones"]);
    });

    it("registers nothing when the arguments are bad", async () => {
        const h = MockHarness.install();
        const { AksCluster } = await import("../../components/azure");
        const err = thrown(() => new AksCluster("eu", baseArgs({ zones: ["1"] })));
        assert.ok(pulumi.InputPropertiesError.isInstance(err));
        await h.settle();
        assert.deepEqual(h.resources.map((r) => r.type), []);
    });
});
