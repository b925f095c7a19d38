import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { AksClusterArgs } from "../../components/azure/args";
import { managedClusterArgs } from "../../components/azure/cluster";
import { renameAksOptions, resolveAksCluster } from "../../components/azure/resolve";
import { InputProblems } from "../../components/shared/errors";
import { CapturedWarnings, captureWarnings, expectProblem, problemsOf } from "../support/harness";
import { reasons, thrown } from "../support/outputs";
import { MockHarness } from "../../tools/harness/runtime";
import { baseArgs, TENANT, VAULT_URL } from "./helpers";

const NAMING = { project: "flexplane", stack: "test" };
const REFS = { resourceGroupName: "rg", identityId: "identity-id", subnetId: "subnet-id" };
const WORKSPACE =
    "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/audit";
const KEY_VAULT = (name: string) =>
    `/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/ops/providers/Microsoft.KeyVault/vaults/${name}`;
const KEY_ID = "https://kv-a.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
const AWS_STORE = { aws: { region: "us-east-1", accountId: "123456789012", accessKeys: { accessKeyId: "a", secretAccessKey: "s" } } };

const resolve = (args: AksClusterArgs) => resolveAksCluster("eu", args, NAMING);
/** The problems of `args`, by path; checks the message names the component. */
function problems(args: AksClusterArgs): Record<string, string> {
    const err = thrown(() => resolve(args));
    assert.match(err.message, /^AksCluster "eu" has invalid arguments:/);
    return reasons(err);
}

describe("resolveAksCluster", () => {
    let warnings: CapturedWarnings;
    beforeEach(() => {
        warnings = captureWarnings();
    });
    afterEach(() => warnings.restore());

    it("accepts the base arguments and applies the documented defaults", () => {
        const s = resolve(baseArgs());
        assert.equal(s.kubernetesVersion, "1.35");
        assert.equal(s.skuTier, "Standard");
        assert.deepEqual([s.namespace, s.serviceAccountName], ["airbyte", "airbyte-workload-launcher"]);
        assert.deepEqual(s.pools.system.zones, ["1", "2", "3"]);
        assert.deepEqual(s.pools.system.taints, ["CriticalAddonsOnly=true:NoSchedule"]);
        assert.deepEqual(
            s.pools.workload.map((p) => [p.name, p.vmSize, p.minSize, p.maxSize, p.diskSizeGiB]),
            [["workload", "Standard_D8ds_v5", 1, 6, 256]],
        );
        assert.equal(s.keyVault?.createPrincipal, true);
        assert.equal(s.keyVault?.vaultName, "acme-dp-secrets");
        assert.deepEqual([s.logStorage.retainOnDelete, s.logStorage.sku, s.logStorage.containerName], [true, "Standard_ZRS", "airbyte"]);
        assert.equal(s.network.outboundType, "userAssignedNATGateway");
        assert.deepEqual(s.apiServer, { authorizedCidrs: ["203.0.113.0/24"], openToInternet: false, privateOnly: false });
        assert.deepEqual(s.entraId, {
            azureRbac: true,
            adminGroupObjectIds: [],
            grantDeployerClusterAdmin: true,
            kubeloginMode: "azurecli",
        });
        assert.deepEqual(s.auditLogs, {
            workspaceId: undefined,
            categories: ["kube-audit-admin", "guard"],
            retentionDays: 90,
            retainOnDelete: true,
        });
        assert.deepEqual(s.resourceGroup, { name: undefined, retainOnDelete: true });
        assert.equal(s.deletionProtection, true);
        assert.equal(s.secretsEncryption, undefined);
        assert.deepEqual(warnings.messages, []);
    });

    it("takes every old option name with one deprecation warning each, and resolves it as the new one", () => {
        const old = resolve(
            baseArgs({
                apiServer: undefined,
                apiServerAuthorizedIpRanges: ["198.51.100.0/24"],
                storage: { containerName: "logs" },
                network: { podCidr: "10.250.0.0/16", serviceCidr: "10.1.0.0/16", dnsServiceIp: "10.1.0.10" },
                systemPool: { minCount: 3, maxCount: 4, osDiskSizeGB: 64 },
                workloadPools: [{ name: "workload" }, { name: "jobs", minCount: 0, maxCount: 9, osDiskSizeGB: 512, runsJobs: true }],
            }),
        );
        assert.deepEqual(old.apiServer.authorizedCidrs, ["198.51.100.0/24"]);
        assert.equal(old.logStorage.containerName, "logs");
        assert.deepEqual([old.network.podsCidr, old.network.servicesCidr], ["10.250.0.0/16", "10.1.0.0/16"]);
        assert.deepEqual([old.pools.system.minSize, old.pools.system.maxSize, old.pools.system.diskSizeGiB], [3, 4, 64]);
        const jobs = old.pools.workload.find((p) => p.name === "jobs")!;
        assert.deepEqual([jobs.minSize, jobs.maxSize, jobs.diskSizeGiB, jobs.dedicatedToJobs], [0, 9, 512, true]);
        assert.deepEqual(warnings.messages.map((m) => m.split(" is deprecated")[0]).sort(), [
            "apiServerAuthorizedIpRanges",
            "network.podCidr",
            "network.serviceCidr",
            "storage",
            "systemPool.maxCount",
            "systemPool.minCount",
            "systemPool.osDiskSizeGB",
            "workloadPools[1].maxCount",
            "workloadPools[1].minCount",
            "workloadPools[1].osDiskSizeGB",
            "workloadPools[1].runsJobs",
        ]);
        assert.ok(
            warnings.messages.includes(
                "workloadPools[1].runsJobs is deprecated: use workloadPools[1].dedicatedToJobs instead (same meaning; the old name will be removed in a future release).",
            ),
        );
        assert.deepEqual(resolve(baseArgs({ apiServer: undefined, apiServerOpenToInternet: true })).apiServer, {
            authorizedCidrs: [],
            openToInternet: true,
            privateOnly: false,
        });
    });

    it("refuses an old name next to its new one, where it was written, and leaves the caller's arguments alone", () => {
        const args = baseArgs({
            apiServer: { authorizedCidrs: ["203.0.113.0/24"], openToInternet: false },
            apiServerOpenToInternet: true,
            workloadPools: [{ name: "workload", runsJobs: true, dedicatedToJobs: false }],
        });
        const found = problems(args);
        assert.match(
            found.apiServerOpenToInternet,
            /^is the old name of apiServer\.openToInternet, which is also set: keep apiServer\.openToInternet only\./,
        );
        assert.match(
            found["workloadPools[0].runsJobs"],
            /^is the old name of workloadPools\[0\]\.dedicatedToJobs, which is also set: keep workloadPools\[0\]\.dedicatedToJobs only\./,
        );
        assert.deepEqual(Object.keys(found).sort(), ["apiServerOpenToInternet", "workloadPools[0].runsJobs"]);
        assert.equal(args.workloadPools![0].runsJobs, true);
        const stack = new InputProblems("x");
        renameAksOptions({ storage: {}, logStorage: {} }, stack, { prefix: "flexplane:azure.", warn: () => undefined });
        assert.match(reasons(thrown(() => stack.throwIfAny()))["flexplane:azure.storage"], /keep flexplane:azure\.logStorage only/);
    });

    it("names unknown keys at every level, with the closest setting", () => {
        const found = problems(
            baseArgs({
                zone: ["1"],
                network: { podsCidrs: "10.1.0.0/16" },
                workloadPools: [{ name: "workload", minsize: 1 }],
                logStorage: { bucket: "x" },
                apiServer: { cidrs: [] },
            } as any),
        );
        assert.match(found.zone, /is not a setting: .*Did you mean "zones"\?/);
        assert.match(found["network.podsCidrs"], /Did you mean "podsCidr"\?/);
        assert.match(found["workloadPools[0].minsize"], /Did you mean "minSize"\?/);
        assert.match(
            found["logStorage.bucket"],
            /is not a setting: remove it or use one of existing, accountName, containerName, sku, retainOnDelete\./,
        );
        assert.doesNotMatch(found["workloadPools[0].minsize"], /minCount/, "old names are not offered");
        expectProblem(
            () => resolve(baseArgs({ network: "10.0.0.0/8" as any })),
            "network",
            /^must be a map of settings \(existingSubnetId, .*\), got "10\.0\.0\.0\/8"\./,
        );
    });

    it("refuses a missing or malformed location with the fix", () => {
        expectProblem(
            () => resolve(baseArgs({ location: undefined as any })),
            "location",
            /^is required: set the cluster's region, e.g\. westeurope/,
        );
        expectProblem(
            () => resolve(baseArgs({ location: "West Europe" })),
            "location",
            /^"West Europe" is not an Azure region name: use the lower-case name/,
        );
    });

    it("refuses a single zone for the cluster or a pool, citing Airbyte's two-zone requirement", () => {
        expectProblem(
            () => resolve(baseArgs({ zones: ["1"] })),
            "zones",
            /1 distinct zone; Airbyte supports AKS only "in 2 or more availability zones".*at least 2/,
        );
        expectProblem(
            () => resolve(baseArgs({ workloadPools: [{ name: "workload" }, { name: "jobs", zones: ["2", "2"] }] })),
            "workloadPools[1].zones",
            /1 distinct zone; .*2 or more availability zones/,
        );
        expectProblem(() => resolve(baseArgs({ zones: ["1", "4"] })), "zones", /4 is not a zone: Azure zones are "1", "2" and "3"/);
    });

    it("refuses two inline pools and says where the second one belongs", () => {
        const found = problems(baseArgs({ systemPool: [{ name: "system" }, { name: "extra" }] as any }));
        assert.match(
            found.systemPool,
            /^gives 2 pools, but the cluster takes exactly one inline system pool.*list the others under workloadPools/,
        );
    });

    it("refuses pools the launcher cannot run on, duplicate names, two jobs pools and jobs on the system pool", () => {
        expectProblem(
            () => resolve(baseArgs({ workloadPools: [{ name: "jobs", taints: ["airbyte.io/jobs=true:NoSchedule"] }] })),
            "workloadPools",
            /every pool is tainted, so the workload launcher has nowhere to run/,
        );
        expectProblem(
            () => resolve(baseArgs({ workloadPools: [{ name: "system" }] })),
            "workloadPools[0].name",
            /"system" is used by another pool/,
        );
        expectProblem(
            () =>
                resolve(
                    baseArgs({
                        workloadPools: [
                            { name: "a", dedicatedToJobs: true },
                            { name: "b", dedicatedToJobs: true },
                        ],
                    }),
                ),
            "workloadPools",
            /a and b all set dedicatedToJobs/,
        );
        expectProblem(
            () => resolve(baseArgs({ systemPool: { dedicatedToJobs: true } })),
            "systemPool.dedicatedToJobs",
            /cannot be dedicated to connector pods/,
        );
        expectProblem(
            () => resolve(baseArgs({ workloadPools: [{ name: "Workload-Pool" }] })),
            "workloadPools[0].name",
            /not an AKS pool name: use 1 to 12 lower-case letters/,
        );
        expectProblem(() => resolve(baseArgs({ workloadPools: [{}] })), "workloadPools[0].name", /is required for every workload pool/);
        expectProblem(
            () => resolve(baseArgs({ workloadPools: [{ name: "w", taints: ["dedicated"] }] })),
            "workloadPools[0].taints[0]",
            /write key=value:Effect/,
        );
        expectProblem(
            () => resolve(baseArgs({ workloadPools: [{ name: "w", minSize: 3, maxSize: 2 }] })),
            "workloadPools[0].maxSize",
            /2 must be a whole number from minSize \(3\)/,
        );
        expectProblem(
            () => resolve(baseArgs({ systemPool: { diskSizeGiB: 20 } })),
            "systemPool.diskSizeGiB",
            /20 is out of range: give 30 to 2048 GiB/,
        );
        expectProblem(
            () => resolve(baseArgs({ systemPool: { osDiskType: "Premium" as any } })),
            "systemPool.osDiskType",
            /"Premium" is not an OS disk type/,
        );
    });

    it("refuses a missing tenant, a malformed vault URL and half a service principal", () => {
        expectProblem(
            () => resolve(baseArgs({ secretsManager: { azure: { vaultUrl: VAULT_URL } as any } })),
            "secretsManager.azure.tenantId",
            /is required: give the Entra ID tenant GUID .*az account show --query tenantId/,
        );
        expectProblem(
            () => resolve(baseArgs({ secretsManager: { azure: { vaultUrl: "https://acme.example.com/", tenantId: TENANT } } })),
            "secretsManager.azure.vaultUrl",
            /not a Key Vault URL: use https:\/\/<vault-name>\.vault\.azure\.net\//,
        );
        expectProblem(
            () => resolve(baseArgs({ secretsManager: { azure: { vaultUrl: VAULT_URL, tenantId: TENANT, clientId: "abc" } } })),
            "secretsManager.azure.clientSecret",
            /give both clientId and clientSecret .* or neither/,
        );
        expectProblem(() => resolve(baseArgs({ tenantId: "contoso" })), "tenantId", /"contoso" is not a tenant id/);
    });

    it("leaves the tenant to AKS (the subscription's) when neither tenantId nor an Azure store names one", () => {
        const s = resolve(baseArgs({ secretsManager: AWS_STORE, keyVault: undefined }));
        assert.equal(s.tenantId, undefined);
        assert.equal(s.keyVault, undefined);
        assert.equal((managedClusterArgs("eu", s, REFS).aadProfile as any).tenantID, undefined);
    });

    it("needs the vault's resource group to scope a service principal it creates, and no vault for another store", () => {
        expectProblem(
            () => resolve(baseArgs({ keyVault: {} })),
            "keyVault.resourceGroupName",
            /role is scoped to the vault, so name the vault's resource group.*or set keyVault.create/,
        );
        const given = baseArgs({
            keyVault: {},
            secretsManager: { azure: { vaultUrl: VAULT_URL, tenantId: TENANT, clientId: "a", clientSecret: "b" } },
        });
        assert.equal(resolve(given).keyVault?.createPrincipal, false);
        expectProblem(
            () => resolve(baseArgs({ secretsManager: AWS_STORE, keyVault: { create: true } })),
            "keyVault.create",
            /secrets are in aws, so a Key Vault here would hold nothing: remove keyVault/,
        );
        expectProblem(
            () => resolve(baseArgs({ keyVault: { create: true, softDeleteRetentionDays: 3 } })),
            "keyVault.softDeleteRetentionDays",
            /3 is out of range: give 7 to 90 days/,
        );
    });

    it("refuses local accounts next to entraId, and non-boolean switches", () => {
        expectProblem(
            () => resolve(baseArgs({ localAccounts: true, entraId: {} })),
            "localAccounts",
            /contradicts entraId: Entra ID disables local accounts/,
        );
        expectProblem(
            () => resolve(baseArgs({ localAccounts: "yes" as any })),
            "localAccounts",
            /set true \(keep local accounts, no Entra ID\) or false/,
        );
        expectProblem(
            () => resolve(baseArgs({ deletionProtection: "no" as any })),
            "deletionProtection",
            /set true \(the default: a CanNotDelete lock and Pulumi protection\) or false/,
        );
        expectProblem(
            () => resolve(baseArgs({ entraId: { kubeloginMode: "browser" as any } })),
            "entraId.kubeloginMode",
            /"browser" is not a kubelogin login mode: use azurecli, spn/,
        );
    });

    it("never opens the API server to every address unless openToInternet says so", () => {
        expectProblem(
            () => resolve(baseArgs({ apiServer: undefined })),
            "apiServer.authorizedCidrs",
            /is required: list the addresses or CIDRs that run Pulumi and kubectl .* apiServer\.privateOnly: true .* apiServer\.openToInternet: true/,
        );
        expectProblem(
            () => resolve(baseArgs({ apiServer: { authorizedCidrs: ["0.0.0.0/0"] } })),
            "apiServer.authorizedCidrs[0]",
            /is 0\.0\.0\.0\/0, which opens the API server to the whole internet/,
        );
        expectProblem(
            () => resolve(baseArgs({ apiServer: { authorizedCidrs: ["203.0.113.0/33"] } })),
            "apiServer.authorizedCidrs[0]",
            /is not an IPv4 address or CIDR/,
        );
        const open = resolve(baseArgs({ apiServer: { openToInternet: true } }));
        assert.equal(managedClusterArgs("eu", open, REFS).apiServerAccessProfile, undefined);
        assert.deepEqual(managedClusterArgs("eu", resolve(baseArgs()), REFS).apiServerAccessProfile, {
            authorizedIPRanges: ["203.0.113.0/24"],
        });
    });

    it("makes a private cluster with privateOnly, which takes no authorized ranges and cannot be open", () => {
        const s = resolve(baseArgs({ apiServer: { privateOnly: true } }));
        assert.deepEqual(managedClusterArgs("eu", s, REFS).apiServerAccessProfile, { enablePrivateCluster: true });
        const found = problems(baseArgs({ apiServer: { privateOnly: true, openToInternet: true, authorizedCidrs: ["203.0.113.0/24"] } }));
        assert.match(found["apiServer.openToInternet"], /contradicts privateOnly: a private API server has no public address/);
        assert.match(found["apiServer.authorizedCidrs"], /apply only to a public API server, which a private cluster does not have/);
    });

    it("checks audit-log and Secrets-key settings", () => {
        expectProblem(
            () => resolve(baseArgs({ auditLogs: { categories: ["kube-audit", "audit"] as any } })),
            "auditLogs.categories",
            /list one or more of kube-audit, kube-audit-admin, guard/,
        );
        expectProblem(
            () => resolve(baseArgs({ auditLogs: { retentionDays: 7 } })),
            "auditLogs.retentionDays",
            /7 is out of range: give 30 to 730 days/,
        );
        expectProblem(
            () => resolve(baseArgs({ auditLogs: { workspaceId: "law-1" } })),
            "auditLogs.workspaceId",
            /not a Log Analytics workspace id/,
        );
        expectProblem(
            () => resolve(baseArgs({ auditLogs: { workspaceId: WORKSPACE, retentionDays: 60 } })),
            "auditLogs.retentionDays",
            /applies only to a workspace this component creates/,
        );
        expectProblem(
            () =>
                resolve(
                    baseArgs({
                        secretsEncryption: { keyId: "https://kv-a.vault.azure.net/keys/etcd", keyVaultResourceId: KEY_VAULT("kv-a") },
                    }),
                ),
            "secretsEncryption.keyId",
            /not a versioned Key Vault key id: .*AKS needs the version/,
        );
        expectProblem(
            () => resolve(baseArgs({ secretsEncryption: { keyId: KEY_ID, keyVaultResourceId: KEY_VAULT("kv-b") } })),
            "secretsEncryption.keyVaultResourceId",
            /names vault "kv-b", but the key is in "kv-a"/,
        );
        assert.equal(resolve(baseArgs({ auditLogs: { enabled: false } })).auditLogs, undefined);
    });

    it("refuses overlapping and misplaced address ranges, and new-network settings next to an existing subnet", () => {
        const found = problems(
            baseArgs({ network: { subnetCidr: "10.250.0.0/20", podsCidr: "10.240.128.0/17", dnsServiceIp: "10.0.0.0" } }),
        );
        assert.match(found["network.subnetCidr"], /must lie inside vnetCidr 10\.240\.0\.0\/16/);
        assert.match(found["network.podsCidr"], /overlaps vnetCidr/);
        assert.match(found["network.dnsServiceIp"], /must lie inside servicesCidr 10\.0\.0\.0\/16 and must not be its first address/);
        expectProblem(
            () => resolve(baseArgs({ network: { servicesCidr: "10.0.0.5/16" } })),
            "network.servicesCidr",
            /not an IPv4 CIDR with a clean network address/,
        );
        const subnet =
            "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks";
        expectProblem(
            () => resolve(baseArgs({ network: { existingSubnetId: subnet, vnetCidr: "10.1.0.0/16" } })),
            "network.vnetCidr",
            /applies only to a network this component creates/,
        );
        expectProblem(
            () => resolve(baseArgs({ network: { outboundType: "userDefinedRouting" } })),
            "network.outboundType",
            /needs a route you manage: give existingSubnetId/,
        );
        expectProblem(
            () => resolve(baseArgs({ network: { existingSubnetId: "subnet-1" } })),
            "network.existingSubnetId",
            /is not a subnet id: give \/subscriptions\//,
        );
    });

    it("keeps a new resource group on destroy only while it holds something kept", () => {
        assert.equal(
            resolve(baseArgs({ logStorage: { retainOnDelete: false }, auditLogs: { retainOnDelete: false } })).resourceGroup.retainOnDelete,
            false,
        );
        assert.equal(
            resolve(baseArgs({ logStorage: { retainOnDelete: false } })).resourceGroup.retainOnDelete,
            true,
            "the audit workspace is kept",
        );
        assert.deepEqual(resolve(baseArgs({ resourceGroupName: "platform-rg" })).resourceGroup, {
            name: "platform-rg",
            retainOnDelete: false,
        });
    });

    it("reports every problem at once", () => {
        const found = problems(
            baseArgs({ location: "West Europe", zones: ["1"], kubernetesVersion: "latest", logStorage: { accountName: "Logs-Account" } }),
        );
        assert.deepEqual(Object.keys(found).sort(), ["kubernetesVersion", "location", "logStorage.accountName", "zones"]);
        assert.equal(problemsOf(() => resolve(baseArgs({ zones: ["1"], skuTier: "Basic" as any }))).length, 2);
    });

    it("registers nothing when the arguments are bad", async () => {
        const h = MockHarness.install();
        const { AksCluster } = await import("../../components/azure");
        const err = thrown(() => new AksCluster("eu", baseArgs({ zones: ["1"] })));
        assert.ok(pulumi.InputPropertiesError.isInstance(err));
        await h.settle();
        assert.deepEqual(
            h.resources.map((r) => r.type),
            [],
        );
    });
});
