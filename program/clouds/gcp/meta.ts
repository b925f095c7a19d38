import type { CloudMeta } from "../meta";

/** Resource types that are global in Google Cloud: no region. */
const GLOBAL_TYPES = /^(gcp:serviceaccount\/|gcp:projects\/)/;

/** GKE on Google Cloud (`flexplane/gcp`). */
export const gcpMeta: CloudMeta = {
    title: "GKE on Google Cloud",
    sdks: ["@pulumi/gcp"],
    keys: [
        {
            name: "gcp",
            type: "object",
            defaultText: "every GkeCluster default",
            example: "{mode: autopilot}",
            description: "GkeCluster options (docs/gcp.md); project and region come from gcp:project and gcp:region.",
        },
        {
            name: "gcpStorageCredentialsJson",
            type: "string",
            secret: true,
            defaultText: "the GkeCluster creates a key",
            example: '"$(cat bucket-key.json)"',
            description: "Your own service-account key for the GCS bucket.",
        },
    ],
    placeOf({ type, inputs }, config) {
        if (!type.startsWith("gcp:")) {
            return undefined;
        }
        const project = inputs.project ?? config["gcp:project"] ?? "(no gcp:project)";
        const location = GLOBAL_TYPES.test(type) ? "global" : (inputs.location ?? inputs.region ?? config["gcp:region"]);
        return `GCP project ${project}, ${location}`;
    },
};
