import { ResourceCheck, resourcePolicy } from "./define";
import { T } from "./tokens";
import { at, flag, isUnknown, opensToWorld, UNKNOWN } from "./values";

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

const ENDPOINT_WHY = "is reachable from the whole internet; restrict it to the networks your operators and CI use";

const eksEndpoint =
    (prefix: string): ResourceCheck =>
    ({ props, report }) => {
        const base = prefix ? at(props, prefix) : props;
        if (isUnknown(base)) {
            return;
        }
        const publicAccess = flag(at(base, "endpointPublicAccess"));
        const cidrs = at(base, "publicAccessCidrs");
        if (publicAccess === false || isUnknown(publicAccess) || isUnknown(cidrs)) {
            return;
        }
        if (!Array.isArray(cidrs) || cidrs.length === 0 || opensToWorld(cidrs)) {
            const p = prefix ? `${prefix}.` : "";
            report(
                `The public API endpoint (\`${p}endpointPublicAccess\`, true by default) ${ENDPOINT_WHY}: ` +
                    `list them in \`${p}publicAccessCidrs\`, or set \`${p}endpointPublicAccess\` to false.`,
            );
        }
    };

/** Cluster API endpoints are private or limited to known CIDRs. */
export const clusterEndpointRestricted = resourcePolicy({
    name: "cluster-endpoint-restricted",
    description: "Cluster API endpoints are private or restricted to allowed CIDRs.",
    enforcementLevel: "advisory",
    remediationSteps:
        "EKS: publicAccessCidrs or endpointPublicAccess false. GKE: masterAuthorizedNetworksConfig or a private " +
        "endpoint. AKS: apiServerAccessProfile.authorizedIPRanges or enablePrivateCluster.",
    checks: {
        [T.eksCluster]: eksEndpoint(""),
        [T.awsEksCluster]: eksEndpoint("vpcConfig"),
        [T.gkeCluster]: ({ props, report }) => {
            const privateEndpoint = flag(at(props, "privateClusterConfig.enablePrivateEndpoint"));
            const ipEndpoint = flag(at(props, "controlPlaneEndpointsConfig.ipEndpointsConfig.enabled"));
            const networks = at(props, "masterAuthorizedNetworksConfig");
            if (privateEndpoint === true || privateEndpoint === UNKNOWN) {
                return;
            }
            if (ipEndpoint === false || isUnknown(ipEndpoint) || isUnknown(networks)) {
                return;
            }
            const blocks = at(networks, "cidrBlocks");
            const cidrs = Array.isArray(blocks) ? blocks.map((b: any) => at(b, "cidrBlock")) : [];
            if (networks === undefined || networks === null || opensToWorld(cidrs)) {
                report(
                    `The cluster's public endpoint ${ENDPOINT_WHY}: set \`masterAuthorizedNetworksConfig.cidrBlocks\`, ` +
                        "or `privateClusterConfig.enablePrivateEndpoint` to true.",
                );
            }
        },
        [T.aksCluster]: ({ props, report }) => {
            const profile = props.apiServerAccessProfile;
            const privateCluster = flag(at(profile, "enablePrivateCluster"));
            if (privateCluster === true || privateCluster === UNKNOWN) {
                return;
            }
            const ranges = at(profile, "authorizedIPRanges");
            if (isUnknown(ranges) || props.publicNetworkAccess === "Disabled") {
                return;
            }
            if (!Array.isArray(ranges) || ranges.length === 0 || opensToWorld(ranges)) {
                report(
                    `The API server ${ENDPOINT_WHY}: set \`apiServerAccessProfile.authorizedIPRanges\`, ` +
                        "or `apiServerAccessProfile.enablePrivateCluster` to true.",
                );
            }
        },
    },
});
