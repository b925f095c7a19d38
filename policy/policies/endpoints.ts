import { ResourceCheck, resourcePolicy } from "./define";
import { T } from "./tokens";
import { at, flag, isUnknown, opensToWorld, UNKNOWN } from "./values";

const ENDPOINT_WHY =
    "is reachable from the whole internet; restrict it to the networks your operators and CI use (Flexplane's components " +
    "open it only on an explicitly named option: apiServer.openToInternet, and then this policy's " +
    "level must be lowered in the pack's config too)";

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

/**
 * Cluster API endpoints are private or limited to known CIDRs. Mandatory: the components open an
 * endpoint to every address only on an explicitly named option, and a stack that does so must also
 * lower this policy's level in the pack's config.
 */
export const clusterEndpointRestricted = resourcePolicy({
    name: "cluster-endpoint-restricted",
    description: "Cluster API endpoints are private or restricted to allowed CIDRs.",
    enforcementLevel: "mandatory",
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
