import type { CloudMeta } from "../meta";

/** AKS on Azure (`flexplane/azure`). */
export const azureMeta: CloudMeta = {
    title: "AKS on Azure",
    sdks: ["@pulumi/azure-native", "@pulumi/azuread"],
    keys: [
        {
            name: "azure",
            type: "object",
            defaultText: "every AksCluster default",
            example: '{zones: ["1", "2", "3"]}',
            description: "AksCluster options (docs/azure.md); the location comes from azure-native:location.",
        },
        {
            name: "azureStorageConnectionString",
            type: "string",
            secret: true,
            example: "<connection string>",
            description: "Connection string of an existing container (azure.logStorage.existingContainer).",
        },
    ],
    placeOf({ type, inputs }, config) {
        if (type.startsWith("azure-native:")) {
            const subscription = config["azure-native:subscriptionId"]
                ? `subscription ${config["azure-native:subscriptionId"]}`
                : "the Azure credentials' subscription (azure-native:subscriptionId unset)";
            const location = inputs.location ?? config["azure-native:location"];
            const group =
                typeof inputs.resourceGroupName === "string" && !inputs.resourceGroupName.startsWith("urn:")
                    ? `, resource group ${inputs.resourceGroupName}`
                    : "";
            return `Azure ${location ?? "(scope of the role)"}, ${subscription}${group}`;
        }
        if (type.startsWith("azuread:")) {
            return `Entra ID, ${config["azuread:tenantId"] ? `tenant ${config["azuread:tenantId"]}` : "the Azure credentials' tenant (azuread:tenantId unset)"}`;
        }
        return undefined;
    },
};
