import { resourcePolicy } from "./define";
import { T } from "./tokens";

/** Long-lived GCP service-account keys: needed today, worth watching. */
export const gcpNoLongLivedServiceAccountKeys = resourcePolicy({
    name: "gcp-no-long-lived-sa-keys",
    description: "GCP service-account keys are long-lived credentials; keep them few, narrow and rotated.",
    enforcementLevel: "advisory",
    remediationSteps:
        "Grant the key's service account only the Secret Manager and bucket roles it needs, and rotate the key " +
        "by replacing the resource (e.g. with keepers tied to a date).",
    checks: {
        [T.gcpServiceAccountKey]: ({ args, report }) => {
            report(
                `Service-account key "${args.name}" never expires on its own. The Airbyte platform reads Google Secret ` +
                    "Manager and GCS only with a JSON key today (no Workload Identity), so keep it, but limit the " +
                    "account's roles and rotate the key by replacing this resource.",
            );
        },
    },
});
