import type { ArgumentSources } from "../../stack-problems";
import { COMMON_SOURCES, STORE_PHRASES } from "../../argument-sources";

/** AksCluster: `flexplane:azure`, the location from `azure-native:location`. */
export const AKS_SOURCES: ArgumentSources = {
    block: "flexplane:azure",
    sources: {
        ...COMMON_SOURCES,
        location: "azure-native:location",
        tags: "flexplane:tags",
        "logStorage.existing": "flexplane:azure.logStorage.existingContainer",
        "logStorage.existing.azure.connectionString": "flexplane:azureStorageConnectionString",
    },
    phrases: STORE_PHRASES,
};
