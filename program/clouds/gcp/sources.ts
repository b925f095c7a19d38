import type { ArgumentSources } from "../../stack-problems";
import { COMMON_SOURCES, STORE_PHRASES } from "../../argument-sources";

/** GkeCluster: `flexplane:gcp`, the project from `gcp:project`, the location from the block or `gcp:region`. */
export function gkeSources(locationInBlock: boolean): ArgumentSources {
    return {
        block: "flexplane:gcp",
        sources: {
            ...COMMON_SOURCES,
            project: "gcp:project",
            location: locationInBlock ? "flexplane:gcp.location" : "gcp:region",
            tags: "flexplane:tags",
            storageCredentialsJson: "flexplane:gcpStorageCredentialsJson",
        },
        phrases: [
            ...STORE_PHRASES,
            ["set project (or the gcp:project config)", "set gcp:project"],
            ["must be a map of settings", "must be a YAML map of settings"],
            ["must be a list", "must be a YAML list"],
        ],
    };
}
