import { MockHarness } from "../../tools/harness/runtime";
import type { AksCluster } from "../../components/azure";
import type { AksClusterArgs } from "../../components/azure/args";
import { CANNED_AZURE_TENANT_ID } from "../../tools/harness/canned/azure";

export { isSecret, reasons, thrown, valueOf } from "../support/outputs";

export const TENANT = CANNED_AZURE_TENANT_ID;
export const VAULT_URL = "https://acme-dp-secrets.vault.azure.net/";
/** The deployers' addresses every test cluster's API server admits (TEST-NET-3). */
export const DEPLOYER_RANGES = ["203.0.113.0/24"];

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

/** The AksCluster class, loaded once a harness is installed. */
export async function loadAksCluster(): Promise<typeof AksCluster> {
    return (await import("../../components/azure")).AksCluster;
}

/** The harness of the running test, and the usual first step of a test. */
export interface AksTestRun {
    /** Installed before each test; a test may replace it with one of its own (canned outputs or invokes). */
    h: MockHarness;
    /** Creates AksCluster "eu" from `baseArgs(overrides)` and waits until everything it started has registered. */
    deploy(overrides?: Partial<AksClusterArgs>): Promise<AksCluster>;
}

/** Installs a fresh harness before each test of the calling `describe`. */
export function harnessEachTest(): AksTestRun {
    const run: AksTestRun = {
        h: undefined as unknown as MockHarness,
        async deploy(overrides = {}) {
            const cluster = new (await loadAksCluster())("eu", baseArgs(overrides));
            await run.h.settle();
            return cluster;
        },
    };
    beforeEach(() => { run.h = MockHarness.install(); });
    return run;
}

/** The smallest valid arguments: an existing vault in `control-rg`, a service principal created here. */
export function baseArgs(overrides: Partial<AksClusterArgs> = {}): AksClusterArgs {
    return {
        location: "westeurope",
        secretsManager: { azure: { vaultUrl: VAULT_URL, tenantId: TENANT } },
        keyVault: { resourceGroupName: "control-rg" },
        apiServerAuthorizedIpRanges: DEPLOYER_RANGES,
        ...overrides,
    };
}
