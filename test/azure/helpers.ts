import * as pulumi from "@pulumi/pulumi";
import { HarnessOptions, MockHarness, RecordedOptions } from "../../tools/harness/runtime";
import type { AksClusterArgs } from "../../components/azure/args";
import { CANNED_AZURE_TENANT_ID } from "../../tools/harness/canned/azure";

export const TENANT = CANNED_AZURE_TENANT_ID;
export const VAULT_URL = "https://acme-dp-secrets.vault.azure.net/";

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
} as const;

/** Registration options the harness does not record. */
export type { RecordedOptions };

/** Registration options by `<type>::<name>`. */
export interface RecordedOptionsByKey {
    get(key: string): RecordedOptions | undefined;
}

/** A fresh harness, plus the registration options of each resource keyed `<type>::<name>`. */
export function installHarness(options: HarnessOptions = {}): { h: MockHarness; opts: RecordedOptionsByKey } {
    const h = MockHarness.install(options);
    const opts = { get: (key: string) => h.resources.find((r) => `${r.type}::${r.name}` === key)?.options };
    return { h, opts };
}

/** The smallest valid arguments: an existing vault in `control-rg`, a service principal created here. */
export function baseArgs(overrides: Partial<AksClusterArgs> = {}): AksClusterArgs {
    return {
        location: "westeurope",
        secretsManager: { azure: { vaultUrl: VAULT_URL, tenantId: TENANT } },
        keyVault: { resourceGroupName: "control-rg" },
        ...overrides,
    };
}

/** Resolves an output (or input) in a mock run. */
export function valueOf<T>(value: pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(value).apply((v) => { resolve(v as T); return v; }));
}

/** Whether an output is marked secret. */
export function isSecret(value: pulumi.Input<unknown>): Promise<boolean> {
    return pulumi.isSecret(pulumi.output(value));
}

/** Runs `fn` and returns the error it throws; fails when it throws nothing. */
export function thrown(fn: () => unknown): any {
    try {
        fn();
    } catch (err) {
        return err;
    }
    throw new Error("expected an error, but none was thrown");
}

/** The reasons of an InputPropertiesError, keyed by property path. */
export function reasons(err: any): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of err.errors ?? []) {
        out[e.propertyPath] = out[e.propertyPath] ? `${out[e.propertyPath]} | ${e.reason}` : e.reason;
    }
    return out;
}
