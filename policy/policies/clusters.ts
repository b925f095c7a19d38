import { GCP_REGION } from "../../components/shared/formats";
import { ResourceCheck, resourcePolicy } from "./define";
import { T } from "./tokens";
import { at, flag, isUnknown, knownString, mostDistinct, UNKNOWN } from "./values";

/** EKS on Fargate is not a supported data-plane platform. */
export const eksNoFargate = resourcePolicy({
    name: "eks-no-fargate",
    description: "Data planes run on EKS with EC2 nodes: Airbyte does not support EKS on Fargate.",
    enforcementLevel: "mandatory",
    remediationSteps: "Remove `fargate` from the EKS cluster and every FargateProfile; run the data plane on managed node groups.",
    checks: {
        [T.eksCluster]: ({ props, report }) => {
            const fargate = props.fargate;
            if (fargate !== undefined && fargate !== null && fargate !== false && !isUnknown(fargate)) {
                report(
                    "`fargate` is set, so pods would run on Fargate, which Airbyte does not support for data planes. " +
                        "Remove `fargate` and run the data plane on EC2 node groups.",
                );
            }
        },
        [T.awsFargateProfile]: ({ report }) => {
            report(
                "A FargateProfile schedules matching pods on Fargate, which Airbyte does not support for data planes. " +
                    "Delete the profile and run the data plane on EC2 node groups.",
            );
        },
    },
});

/** Zones a list of subnets or zones spans at least, checked on one property. */
function requireTwo(list: unknown, property: string, what: string, fix: string, report: (m: string) => void) {
    const count = mostDistinct(list);
    if (count !== undefined && count < 2) {
        report(
            `\`${property}\` lists ${count} ${what}: the nodes are not spread over two zones, so one zone outage stops every sync. ${fix}`,
        );
    }
}

const SUBNET_FIX =
    "List subnets in at least two availability zones (the policy counts distinct subnets because a " +
    "subnet's zone cannot be read from the program).";

const eksSubnets =
    (property: string): ResourceCheck =>
    ({ props, report }) =>
        requireTwo(props[property], property, "distinct subnet(s)", SUBNET_FIX, report);

/** Zones a GKE cluster's default node locations cover: the region's zones, or the zone plus extra zones. */
export function gkeZoneCount(location: unknown, nodeLocations: unknown): number | typeof UNKNOWN | undefined {
    const loc = knownString(location);
    if (isUnknown(location) || isUnknown(nodeLocations)) {
        return UNKNOWN;
    }
    if (!loc) {
        return undefined; // the provider's default location: not visible to the policy
    }
    const extra = Array.isArray(nodeLocations) ? nodeLocations : [];
    if (GCP_REGION.test(loc)) {
        // A regional cluster spreads nodes over the region's zones unless nodeLocations narrows them.
        return extra.length > 0 ? mostDistinct(extra) : Number.POSITIVE_INFINITY;
    }
    return mostDistinct([loc, ...extra]);
}

const AKS_ZONES_FIX = 'Set `availabilityZones` to at least two zones, e.g. ["1", "2", "3"].';

/** Clusters and node pools span at least two zones. */
export const nodesSpanTwoZones = resourcePolicy({
    name: "nodes-span-two-zones",
    description: "Data-plane clusters and node pools span at least two availability zones.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "EKS: give node groups subnets in two or more zones. GKE: use a regional location or two or more " +
        "nodeLocations. AKS: set two or more availabilityZones on every agent pool.",
    checks: {
        [T.eksManagedNodeGroup]: eksSubnets("subnetIds"),
        [T.awsEksNodeGroup]: eksSubnets("subnetIds"),
        [T.eksNodeGroup]: eksSubnets("nodeSubnetIds"),
        [T.eksNodeGroupV2]: eksSubnets("nodeSubnetIds"),
        [T.eksCluster]: ({ props, report }) => {
            // Only the default node group uses nodeSubnetIds; the control plane itself already needs two zones.
            const noDefaultGroup =
                flag(props.skipDefaultNodeGroup) === true || Boolean(props.fargate) || flag(at(props, "autoMode.enabled")) === true;
            if (!noDefaultGroup) {
                requireTwo(props.nodeSubnetIds, "nodeSubnetIds", "distinct subnet(s)", SUBNET_FIX, report);
            }
        },
        [T.gkeCluster]: ({ props, report }) => {
            const zones = gkeZoneCount(props.location, props.nodeLocations);
            if (typeof zones === "number" && zones < 2) {
                report(
                    `\`location\` "${props.location}" with \`nodeLocations\` ${JSON.stringify(props.nodeLocations ?? [])} ` +
                        "places nodes in one zone. Use a region as `location`, or add zones to `nodeLocations`.",
                );
            }
        },
        [T.gkeNodePool]: ({ props, report }) => {
            if (props.nodeLocations !== undefined) {
                requireTwo(
                    props.nodeLocations,
                    "nodeLocations",
                    "zone(s)",
                    "List two or more zones, or leave it unset to use the cluster's.",
                    report,
                );
            }
        },
        [T.aksCluster]: ({ props, report }) => {
            const pools = props.agentPoolProfiles;
            if (!Array.isArray(pools)) {
                return;
            }
            pools.forEach((pool: any, i: number) => {
                if (isUnknown(pool)) {
                    return;
                }
                const zones = at(pool, "availabilityZones") ?? [];
                const label = `agentPoolProfiles[${i}] (${knownString(pool.name) ?? "unnamed"}).availabilityZones`;
                requireTwo(zones, label, "zone(s)", AKS_ZONES_FIX, report);
            });
        },
        [T.aksAgentPool]: ({ props, report }) =>
            requireTwo(props.availabilityZones ?? [], "availabilityZones", "zone(s)", AKS_ZONES_FIX, report),
    },
});
