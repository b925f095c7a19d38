import { createHash } from "crypto";
import type { CannedInvokes, CannedOutputs } from "./types";

/** The tenant the offline runs are signed in to; example stacks declare the same placeholder. */
export const CANNED_AZURE_TENANT_ID = "00000000-0000-0000-0000-000000000000";
/** The subscription the offline runs deploy to. */
export const CANNED_AZURE_SUBSCRIPTION_ID = "00000000-0000-0000-0000-0000000000aa";
/** The object id of the identity running the offline deployment. */
export const CANNED_AZURE_DEPLOYER_OBJECT_ID = "00000000-0000-0000-0000-0000000000de";

/** A stable GUID derived from `seed`, so repeated runs give the same ids. */
export function cannedGuid(seed: string): string {
    const h = createHash("sha256").update(seed).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The kubeconfig AKS hands out: a client certificate, or kubelogin (device code) for Entra ID clusters. */
export function cannedAksKubeconfig(cluster: string, exec: boolean): string {
    const user = exec
        ? [
              "    exec:",
              "      apiVersion: client.authentication.k8s.io/v1beta1",
              "      args:",
              "      - get-token",
              "      - --environment",
              "      - AzurePublicCloud",
              "      - --server-id",
              "      - 6dae42f8-4368-4678-94ff-3960e28e3630",
              "      - --client-id",
              "      - 80faf920-1908-4b52-b5ef-a8e7bedfc67a",
              "      - --tenant-id",
              `      - ${CANNED_AZURE_TENANT_ID}`,
              "      - --login",
              "      - devicecode",
              "      command: kubelogin",
              "      interactiveMode: IfAvailable",
          ]
        : [
              "    client-certificate-data: Y2FubmVkLWNlcnQ=",
              "    client-key-data: Y2FubmVkLWtleQ==",
              "    token: canned-cluster-user-token",
          ];
    return [
        "apiVersion: v1",
        "clusters:",
        "- cluster:",
        "    certificate-authority-data: Y2FubmVkLWNh",
        `    server: https://${cluster}.hcp.westeurope.azmk8s.io:443`,
        `  name: ${cluster}`,
        "contexts:",
        "- context:",
        `    cluster: ${cluster}`,
        `    user: clusterUser_${cluster}`,
        `  name: ${cluster}`,
        `current-context: ${cluster}`,
        "kind: Config",
        "users:",
        `- name: clusterUser_${cluster}`,
        "  user:",
        ...user,
        "",
    ].join("\n");
}

function named(inputs: Record<string, any>, key: string, fallback: string): string {
    return inputs[key] ?? fallback;
}

/** Outputs of azure resources that the program reads back. */
export const azureOutputs: CannedOutputs = ({ type, name, inputs }) => {
    switch (type) {
        case "azure-native:resources:ResourceGroup":
            return { name: named(inputs, "resourceGroupName", name) };
        case "azure-native:managedidentity:UserAssignedIdentity":
            return {
                name: named(inputs, "resourceName", name),
                principalId: cannedGuid(`principal/${name}`),
                clientId: cannedGuid(`client/${name}`),
                tenantId: CANNED_AZURE_TENANT_ID,
            };
        case "azure-native:network:PublicIPAddress":
            return { name: named(inputs, "publicIpAddressName", name), ipAddress: "198.51.100.24" };
        case "azure-native:network:NatGateway":
            return { name: named(inputs, "natGatewayName", name) };
        case "azure-native:network:VirtualNetwork":
            return { name: named(inputs, "virtualNetworkName", name) };
        case "azure-native:network:Subnet":
            return { name: named(inputs, "subnetName", name) };
        case "azure-native:containerservice:ManagedCluster": {
            const cluster = named(inputs, "resourceName", name);
            return {
                name: cluster,
                fqdn: `${inputs.dnsPrefix ?? cluster}.hcp.${inputs.location ?? "westeurope"}.azmk8s.io`,
                currentKubernetesVersion: `${inputs.kubernetesVersion ?? "1.35"}.2`,
                oidcIssuerProfile: {
                    ...inputs.oidcIssuerProfile,
                    issuerURL: `https://${inputs.location ?? "westeurope"}.oic.prod-aks.azure.com/${CANNED_AZURE_TENANT_ID}/${cannedGuid(`oidc/${name}`)}/`,
                },
            };
        }
        case "azure-native:containerservice:AgentPool":
            return { name: named(inputs, "agentPoolName", name) };
        case "azure-native:keyvault:Vault": {
            const vault = named(inputs, "vaultName", name);
            return { name: vault, properties: { ...inputs.properties, vaultUri: `https://${vault}.vault.azure.net/` } };
        }
        case "azure-native:storage:StorageAccount": {
            const account = named(inputs, "accountName", name);
            return { name: account, primaryEndpoints: { blob: `https://${account}.blob.core.windows.net/` } };
        }
        case "azure-native:storage:BlobContainer":
            return { name: named(inputs, "containerName", name) };
        case "azure-native:authorization:RoleAssignment":
            return { name: cannedGuid(`role-assignment/${name}`) };
        case "azuread:index/application:Application":
            return { clientId: cannedGuid(`app-client/${name}`), objectId: cannedGuid(`app-object/${name}`) };
        case "azuread:index/servicePrincipal:ServicePrincipal":
            return { objectId: cannedGuid(`sp-object/${name}`), applicationTenantId: CANNED_AZURE_TENANT_ID };
        case "azuread:index/applicationPassword:ApplicationPassword":
            return { value: `canned-client-secret-${cannedGuid(`password/${name}`)}`, keyId: cannedGuid(`password-key/${name}`) };
        default:
            return undefined;
    }
};

/** azure data sources the program calls. */
export const azureInvokes: CannedInvokes = ({ token, inputs }) => {
    switch (token) {
        case "azure-native:authorization:getClientConfig":
            return {
                clientId: cannedGuid("deployer-client"),
                objectId: CANNED_AZURE_DEPLOYER_OBJECT_ID,
                subscriptionId: CANNED_AZURE_SUBSCRIPTION_ID,
                tenantId: CANNED_AZURE_TENANT_ID,
            };
        case "azuread:index/getClientConfig:getClientConfig":
            return {
                id: `${CANNED_AZURE_TENANT_ID}-${cannedGuid("deployer-client")}-${CANNED_AZURE_DEPLOYER_OBJECT_ID}`,
                clientId: cannedGuid("deployer-client"),
                objectId: CANNED_AZURE_DEPLOYER_OBJECT_ID,
                tenantId: CANNED_AZURE_TENANT_ID,
            };
        case "azure-native:containerservice:listManagedClusterUserCredentials": {
            const kubeconfig = cannedAksKubeconfig(String(inputs.resourceName), inputs.format === "exec");
            return { kubeconfigs: [{ name: "clusterUser", value: Buffer.from(kubeconfig).toString("base64") }] };
        }
        case "azure-native:storage:listStorageAccountKeys":
            return {
                keys: ["key1", "key2"].map((keyName) => ({
                    keyName,
                    permissions: "FULL",
                    creationTime: "2026-01-01T00:00:00Z",
                    value: Buffer.from(`canned-${keyName}-${inputs.accountName}`).toString("base64"),
                })),
            };
        case "azure-native:keyvault:getVault": {
            const vault = String(inputs.vaultName);
            return {
                id: `/subscriptions/${CANNED_AZURE_SUBSCRIPTION_ID}/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.KeyVault/vaults/${vault}`,
                name: vault,
                type: "Microsoft.KeyVault/vaults",
                properties: {
                    vaultUri: `https://${vault}.vault.azure.net/`,
                    tenantId: CANNED_AZURE_TENANT_ID,
                    enableRbacAuthorization: true,
                    enableSoftDelete: true,
                    enablePurgeProtection: true,
                    sku: { family: "A", name: "standard" },
                },
            };
        }
        default:
            return undefined;
    }
};
