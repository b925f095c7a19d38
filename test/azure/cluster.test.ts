import { strict as assert } from "assert";
import { AKS_CLUSTER_TYPE } from "../../components/azure/component";
import { cannedGuid, CANNED_AZURE_DEPLOYER_OBJECT_ID, CANNED_AZURE_SUBSCRIPTION_ID } from "../../tools/harness/canned/azure";
import { isSecret, valueOf } from "../support/outputs";
import { aksTests, N, T, TENANT } from "./helpers";

describe("AksCluster: cluster, pools, network, access", () => {
    const run = aksTests();

    it("puts exactly one System pool inline and every workload pool in its own AgentPool, all over the zones", async () => {
        await run.deploy({
            zones: ["1", "2"],
            workloadPools: [
                { name: "workload" },
                { name: "jobs", zones: ["1", "2", "3"], taints: ["airbyte.io/jobs=true:NoSchedule"], dedicatedToJobs: true },
            ],
        });
        const cluster = run.h.one(T.cluster, N.cluster).inputs;
        assert.equal(cluster.agentPoolProfiles.length, 1);
        const system = cluster.agentPoolProfiles[0];
        assert.equal(system.mode, "System");
        assert.deepEqual(system.availabilityZones, ["1", "2"]);
        assert.deepEqual(system.nodeTaints, ["CriticalAddonsOnly=true:NoSchedule"]);
        const pools = [run.h.one(T.pool, N.pool("workload")), run.h.one(T.pool, N.pool("jobs"))];
        assert.equal(run.h.ofType(T.pool).length, 2);
        assert.deepEqual(
            pools.map((p) => [p.inputs.agentPoolName, p.inputs.mode, p.inputs.availabilityZones]),
            [
                ["workload", "User", ["1", "2"]],
                ["jobs", "User", ["1", "2", "3"]],
            ],
        );
        for (const pool of [system, ...pools.map((p) => p.inputs)]) {
            assert.ok(pool.availabilityZones.length >= 2);
            assert.equal(pool.enableAutoScaling, true);
            assert.equal(pool.enableNodePublicIP, false);
            assert.equal(pool.vnetSubnetID, "eu-nodes-id");
        }
        for (const p of pools) {
            assert.equal(p.inputs.resourceName, "eu-aks");
            assert.equal(p.parent, "eu");
            assert.deepEqual(p.options.ignoreChanges, ["count"]);
        }
        assert.deepEqual(run.h.one(T.cluster, N.cluster).options.ignoreChanges, ["agentPoolProfiles[0].count"]);
    });

    it("runs the cluster as a user-assigned identity with the OIDC issuer, Azure CNI overlay and a pinned version", async () => {
        const c = await run.deploy();
        const cluster = run.h.one(T.cluster, N.cluster).inputs;
        assert.deepEqual(cluster.identity, { type: "UserAssigned", userAssignedIdentities: ["eu-identity-id"] });
        assert.deepEqual(cluster.oidcIssuerProfile, { enabled: true });
        assert.equal(cluster.securityProfile.workloadIdentity.enabled, false);
        assert.equal(cluster.kubernetesVersion, "1.35");
        assert.deepEqual(cluster.sku, { name: "Base", tier: "Standard" });
        assert.equal(cluster.enableRBAC, true);
        // Entra ID by default: no static admin credential exists.
        assert.equal(cluster.disableLocalAccounts, true);
        assert.deepEqual(cluster.aadProfile, { managed: true, enableAzureRBAC: true, tenantID: TENANT, adminGroupObjectIDs: [] });
        assert.deepEqual(cluster.apiServerAccessProfile, { authorizedIPRanges: ["203.0.113.0/24"] });
        assert.equal(cluster.networkProfile.networkPolicy, "cilium");
        assert.equal(cluster.networkProfile.networkPlugin, "azure");
        assert.equal(cluster.networkProfile.networkPluginMode, "overlay");
        assert.equal(cluster.networkProfile.outboundType, "userAssignedNATGateway");
        assert.equal(cluster.networkProfile.dnsServiceIP, "10.0.0.10");
        assert.equal(cluster.dnsPrefix, "eu");
        assert.match(String(await valueOf(c.oidcIssuerUrl)), /^https:\/\/westeurope\.oic\.prod-aks\.azure\.com\//);
        assert.equal(await valueOf(c.clusterIdentityPrincipalId), cannedGuid("principal/eu-identity"));
        assert.equal(run.h.one(T.identity, N.identity).parent, "eu");
    });

    it("builds a private subnet whose only way out is a NAT gateway, and lets the cluster identity use it", async () => {
        const c = await run.deploy();
        const subnet = run.h.one(T.subnet, N.subnet).inputs;
        assert.equal(subnet.addressPrefix, "10.240.0.0/20");
        assert.equal(subnet.defaultOutboundAccess, false);
        assert.deepEqual(subnet.natGateway, { id: "eu-nat-id" });
        assert.deepEqual(run.h.one(T.nat, N.nat).inputs.publicIpAddresses, [{ id: "eu-egress-ip-id" }]);
        assert.deepEqual(run.h.one(T.vnet, N.vnet).inputs.addressSpace, { addressPrefixes: ["10.240.0.0/16"] });
        const access = run.h.one(T.role, N.subnetAccess).inputs;
        assert.equal(access.scope, "eu-nodes-id");
        assert.equal(
            access.roleDefinitionId,
            `/subscriptions/${CANNED_AZURE_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7`,
        );
        assert.equal(access.principalId, await valueOf(c.clusterIdentityPrincipalId));
        assert.equal(access.principalType, "ServicePrincipal");
        assert.equal(await valueOf(c.vnetId), "eu-vnet-id");
        assert.equal(await valueOf(c.egressIpAddress), "198.51.100.24");
        // The cluster waits for its subnet role.
        assert.ok(run.h.one(T.cluster, N.cluster).options.dependencies.some((urn) => urn.endsWith("::eu-subnet-access")));
    });

    it("uses an existing subnet as given: no VNet, NAT gateway or public IP; the role follows the subnet's subscription", async () => {
        const subnetId =
            "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks";
        const c = await run.deploy({ network: { existingSubnetId: subnetId, outboundType: "userDefinedRouting" } });
        for (const type of [T.vnet, T.subnet, T.nat, T.ip]) {
            assert.equal(run.h.ofType(type).length, 0, type);
        }
        assert.equal(run.h.one(T.cluster, N.cluster).inputs.agentPoolProfiles[0].vnetSubnetID, subnetId);
        assert.equal(run.h.one(T.cluster, N.cluster).inputs.networkProfile.outboundType, "userDefinedRouting");
        const access = run.h.one(T.role, N.subnetAccess).inputs;
        assert.equal(access.scope, subnetId);
        assert.match(access.roleDefinitionId, /^\/subscriptions\/11111111-2222-3333-4444-555555555555\//);
        assert.equal(await valueOf(c.vnetId), undefined);
    });

    it("hands over a secret kubeconfig and a provider built from it, waiting for the pools", async () => {
        const c = await run.deploy();
        assert.equal(await isSecret(c.kubeconfig), true);
        const kubeconfig = JSON.parse(await valueOf(c.kubeconfig));
        assert.equal(kubeconfig.clusters[0].cluster.server, "https://eu-aks.hcp.westeurope.azmk8s.io:443");
        assert.equal(kubeconfig["current-context"], "eu-aks");
        const invoke = run.h.invokes.find((i) => i.token === "azure-native:containerservice:listManagedClusterUserCredentials")!;
        assert.equal(invoke.args.resourceName, "eu-aks");
        const provider = run.h.one(T.k8s, N.provider);
        assert.deepEqual(provider.secretPaths, ["kubeconfig"]);
        assert.equal(c.dataPlaneTarget.kubernetesProvider, c.kubernetesProvider);
        const waitsFor = c.dataPlaneTarget.dependsOn!.map((d) => (d as any).__pulumiType).sort();
        // The Key Vault grant and the deployer's cluster-admin grant (Entra ID), and the pool.
        assert.deepEqual(waitsFor, [T.role, T.role, T.pool]);
    });

    it("with Entra ID disables local accounts, grants the deployer cluster admin and makes kubelogin use the Azure CLI", async () => {
        const group = "9c1d6f5e-3b0a-4e8f-9d2c-1a2b3c4d5e6f";
        const c = await run.deploy({ entraId: { adminGroupObjectIds: [group] } });
        const cluster = run.h.one(T.cluster, N.cluster).inputs;
        assert.equal(cluster.disableLocalAccounts, true);
        assert.deepEqual(cluster.aadProfile, { managed: true, enableAzureRBAC: true, tenantID: TENANT, adminGroupObjectIDs: [group] });
        const admin = run.h.one(T.role, N.deployerAdmin).inputs;
        assert.equal(admin.scope, "eu-aks-id");
        assert.equal(admin.principalId, CANNED_AZURE_DEPLOYER_OBJECT_ID);
        assert.match(admin.roleDefinitionId, /roleDefinitions\/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b$/);
        const invoke = run.h.invokes.find((i) => i.token === "azure-native:containerservice:listManagedClusterUserCredentials")!;
        assert.equal(invoke.args.format, "exec");
        const exec = JSON.parse(await valueOf(c.kubeconfig)).users[0].user.exec;
        assert.equal(exec.command, "kubelogin");
        assert.deepEqual(exec.args, [
            "get-token",
            "--environment",
            "AzurePublicCloud",
            "--server-id",
            "6dae42f8-4368-4678-94ff-3960e28e3630",
            "--tenant-id",
            TENANT,
            "--login",
            "azurecli",
        ]);
    });

    it("sends connector pods to the pool marked dedicatedToJobs, tolerating its taints", async () => {
        const c = await run.deploy({
            workloadPools: [
                { name: "workload" },
                { name: "jobs", labels: { "airbyte.io/role": "jobs" }, taints: ["airbyte.io/jobs=true:NoSchedule"], dedicatedToJobs: true },
            ],
        });
        assert.deepEqual(c.dataPlaneTarget.jobs, {
            nodeSelector: { "kubernetes.azure.com/agentpool": "jobs", "airbyte.io/role": "jobs" },
            tolerations: [{ key: "airbyte.io/jobs", operator: "Equal", value: "true", effect: "NoSchedule" }],
        });
        const jobs = run.h.one(T.pool, N.pool("jobs")).inputs;
        assert.deepEqual(jobs.nodeTaints, ["airbyte.io/jobs=true:NoSchedule"]);
        assert.deepEqual(jobs.nodeLabels, { "airbyte.io/role": "jobs" });
        assert.equal(c.dataPlaneTarget.namespace, "airbyte");
        assert.equal(c.dataPlaneTarget.serviceAccountName, "airbyte-workload-launcher");
    });

    it("takes a library user's old option names with one warning each, resolved once", async () => {
        await run.deploy({
            apiServer: undefined,
            apiServerAuthorizedIpRanges: ["198.51.100.7"],
            workloadPools: [{ name: "workload", osDiskSizeGB: 300 }],
        });
        assert.deepEqual(run.h.one(T.cluster, N.cluster).inputs.apiServerAccessProfile, { authorizedIPRanges: ["198.51.100.7"] });
        assert.equal(run.h.one(T.pool, N.pool("workload")).inputs.osDiskSizeGB, 300);
        assert.deepEqual(run.warnings.messages, [
            "apiServerAuthorizedIpRanges is deprecated: use apiServer.authorizedCidrs instead (same meaning; the old name will be removed in a future release).",
            "workloadPools[0].osDiskSizeGB is deprecated: use workloadPools[0].diskSizeGiB instead (same meaning; the old name will be removed in a future release).",
        ]);
    });

    it("makes a private cluster: the API server only in the node network", async () => {
        await run.deploy({ apiServer: { privateOnly: true } });
        assert.deepEqual(run.h.one(T.cluster, N.cluster).inputs.apiServerAccessProfile, { enablePrivateCluster: true });
    });

    it("leaves job placement to the scheduler when no pool is marked", async () => {
        const c = await run.deploy();
        assert.equal(c.dataPlaneTarget.jobs, undefined);
    });

    it("tags every Azure resource and parents every child to the component", async () => {
        await run.deploy({ tags: { team: "data" } });
        const azure = run.h.resources.filter((r) => r.type.startsWith("azure-native:") && "location" in r.inputs);
        assert.deepEqual(
            azure.map((r) => r.type).sort(),
            [T.cluster, T.identity, T.nat, T.ip, T.vnet, T.rg, T.account, T.workspace].sort(),
        );
        for (const r of azure) {
            assert.deepEqual(r.inputs.tags, { team: "data" }, r.type);
        }
        for (const r of run.h.resources.filter((r) => r.type !== AKS_CLUSTER_TYPE)) {
            assert.equal(r.parent, "eu", `${r.type} ${r.name}`);
        }
    });
});
