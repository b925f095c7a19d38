import type { AksCluster } from "../../components/azure";
import type { AksClusterArgs } from "../../components/azure/args";
import { CANNED_AZURE_TENANT_ID } from "../../tools/harness/canned/azure";
import { componentTests, ComponentTestRun } from "../support/harness";

export const TENANT = CANNED_AZURE_TENANT_ID;
export const VAULT_URL = "https://acme-dp-secrets.vault.azure.net/";
/** The deployers' addresses every test cluster's API server admits (TEST-NET-3). */
export const DEPLOYER_RANGES = ["203.0.113.0/24"];
/** The names the component "eu" gives its resources. */
export const N = {
    rg: "eu-rg",
    identity: "eu-identity",
    cluster: "eu-aks",
    subnet: "eu-nodes",
    vnet: "eu-vnet",
    nat: "eu-nat",
    ip: "eu-egress-ip",
    subnetAccess: "eu-subnet-access",
    deployerAdmin: "eu-deployer-cluster-admin",
    secretsKey: "eu-secrets-key",
    lock: "eu-no-delete",
    workspace: "eu-audit",
    diagnostics: "eu-audit",
    vault: "eu-vault",
    app: "eu-kv-app",
    sp: "eu-kv-sp",
    password: "eu-kv-secret",
    secretsOfficer: "eu-kv-secrets-officer",
    account: "eu-logs",
    container: "eu-logs-container",
    provider: "eu-kubernetes",
    pool: (name: string) => `eu-pool-${name}`,
} as const;

export const T = {
    rg: "azure-native:resources:ResourceGroup",
    identity: "azure-native:managedidentity:UserAssignedIdentity",
    cluster: "azure-native:containerservice:ManagedCluster",
    pool: "azure-native:containerservice:AgentPool",
    vnet: "azure-native:network:VirtualNetwork",
    subnet: "azure-native:network:Subnet",
    nat: "azure-native:network:NatGateway",
    ip: "azure-native:network:PublicIPAddress",
    role: "azure-native:authorization:RoleAssignment",
    vault: "azure-native:keyvault:Vault",
    account: "azure-native:storage:StorageAccount",
    container: "azure-native:storage:BlobContainer",
    app: "azuread:index/application:Application",
    sp: "azuread:index/servicePrincipal:ServicePrincipal",
    password: "azuread:index/applicationPassword:ApplicationPassword",
    k8s: "pulumi:providers:kubernetes",
    workspace: "azure-native:operationalinsights:Workspace",
    diagnostics: "azure-native:monitor:DiagnosticSetting",
    lock: "azure-native:authorization:ManagementLockByScope",
} as const;

/** The smallest valid arguments: an existing vault in `control-rg`, a service principal created here. */
export function baseArgs(overrides: Partial<AksClusterArgs> = {}): AksClusterArgs {
    return {
        location: "westeurope",
        secretsManager: { azure: { vaultUrl: VAULT_URL, tenantId: TENANT } },
        keyVault: { resourceGroupName: "control-rg" },
        apiServer: { authorizedCidrs: DEPLOYER_RANGES },
        ...overrides,
    };
}

/** The shared harness for AksCluster "eu", fresh before each test of the calling `describe`. */
export function aksTests(): ComponentTestRun<AksClusterArgs, AksCluster> {
    return componentTests<AksClusterArgs, AksCluster>({
        baseArgs,
        create: async (name, args) => new (await import("../../components/azure")).AksCluster(name, args),
        defaultName: "eu",
    });
}
