import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type * as awsx from "@pulumi/awsx";
import { AIRBYTE_EKS_SUPPORT_STATEMENT, MIN_AVAILABILITY_ZONES } from "./constants";
import type { ResolvedNetwork } from "./validate-parts";

/** The network the cluster runs in. */
export interface EksNetwork {
    vpcId: pulumi.Output<string>;
    /** Private subnets for the control plane's interfaces and the nodes. */
    privateSubnetIds: pulumi.Output<string[]>;
    /** The VPC this component created, if it created one. */
    vpc?: awsx.ec2.Vpc;
}

/** What AWS says about one subnet. */
export interface SubnetFacts {
    id: string;
    vpcId: string;
    availabilityZone: string;
}

/**
 * Problems with existing subnets: a subnet outside the VPC, or fewer than two zones. Empty when the
 * subnets are fit for a data plane.
 */
export function subnetProblems(vpcId: string, subnets: SubnetFacts[]): string[] {
    const problems = subnets
        .filter((s) => s.vpcId !== vpcId)
        .map((s) => `subnet ${s.id} belongs to ${s.vpcId}, not ${vpcId}; list subnets of vpc.vpcId only.`);
    const zones = new Set(subnets.map((s) => s.availabilityZone));
    if (zones.size < MIN_AVAILABILITY_ZONES) {
        problems.push(
            `vpc.privateSubnetIds span ${zones.size} availability zone(s) (${[...zones].join(", ")}); add a private subnet ` +
                `in another zone: ${AIRBYTE_EKS_SUPPORT_STATEMENT}.`,
        );
    }
    return problems;
}

/**
 * Creates a VPC (private and public subnets in each zone, NAT egress) or checks the caller's: each
 * subnet is looked up, and the cluster receives the subnet ids only once they pass `subnetProblems`,
 * so a bad network fails the run before the cluster is created.
 */
export function createNetwork(
    name: string,
    network: ResolvedNetwork,
    tags: Record<string, string>,
    parent: pulumi.Resource,
): EksNetwork {
    if (network.kind === "existing") {
        const facts = network.privateSubnetIds.map((id) =>
            aws.ec2.getSubnetOutput({ id }, { parent }).apply((s): SubnetFacts => ({ id, vpcId: s.vpcId, availabilityZone: s.availabilityZone })),
        );
        const checked = pulumi.all(facts).apply((subnets) => {
            const problems = subnetProblems(network.vpcId, subnets);
            if (problems.length > 0) {
                throw new pulumi.ResourceError(`EksCluster "${name}": ${problems.join(" ")}`, parent);
            }
            return subnets.map((s) => s.id);
        });
        return { vpcId: pulumi.output(network.vpcId), privateSubnetIds: checked };
    }
    const masks = subnetMasks(network.cidrBlock, network.availabilityZoneCount);
    // Loaded here, not at import: clusters in an existing VPC never need awsx (about 50 ms to load).
    const { ec2 } = require("@pulumi/awsx") as typeof awsx;
    const vpc = new ec2.Vpc(
        `${name}-vpc`,
        {
            cidrBlock: network.cidrBlock,
            ...(network.availabilityZoneNames
                ? { availabilityZoneNames: network.availabilityZoneNames }
                : { numberOfAvailabilityZones: network.availabilityZoneCount }),
            enableDnsHostnames: true,
            enableDnsSupport: true,
            natGateways: { strategy: network.natGateways },
            subnetStrategy: "Auto",
            subnetSpecs: [
                // Nodes and pods live here; a large range because the VPC CNI gives every pod an address.
                { type: "Private", cidrMask: masks.private, tags: { "kubernetes.io/role/internal-elb": "1" } },
                // Only the NAT gateways live here; nothing of the data plane is reachable from outside.
                { type: "Public", cidrMask: masks.public, tags: { "kubernetes.io/role/elb": "1" } },
            ],
            tags,
        },
        { parent },
    );
    return { vpcId: vpc.vpcId, privateSubnetIds: vpc.privateSubnetIds, vpc };
}

/**
 * Subnet sizes for a VPC split over `zoneCount` zones: the VPC is cut into the smallest power of two
 * of blocks that exceeds the zone count; each zone's private subnet takes a block (the VPC CNI gives
 * every pod an address, so they must be large) and the public subnets, which hold only NAT gateways,
 * share the spare block. E.g. /16 over 3 zones: private /18, public /24.
 */
export function subnetMasks(vpcCidr: string, zoneCount: number): { private: number; public: number } {
    const prefix = Number(vpcCidr.split("/")[1]);
    const privateMask = prefix + Math.ceil(Math.log2(zoneCount + 1));
    return { private: privateMask, public: Math.min(28, Math.max(24, privateMask + 3)) };
}
