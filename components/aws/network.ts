/**
 * The cluster's network: a new VPC (through `@pulumi/awsx`) or the caller's, whose subnets are
 * checked with AWS before the cluster is created. Resolution and creation side by side.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type * as awsx from "@pulumi/awsx";
import type { InputProblems } from "../shared/errors";
import { installCommand, PeerResolver } from "../shared/peers";
import { EKS_DEFAULTS, EksNatGatewayStrategy, EksNetworkOptions } from "./args";
import { isIpv4Cidr } from "./arns";

/** Airbyte's statement of the EKS shapes it supports; every refusal of a zone count or of Fargate cites it. */
export const AIRBYTE_EKS_SUPPORT_STATEMENT = "Airbyte supports EKS on EC2 in 2 or more availability zones; EKS on Fargate is not supported";

/** Fewest availability zones the cluster and its node groups may span (Airbyte's requirement). */
const MIN_AVAILABILITY_ZONES = 2;
/** Most zones a new VPC is spread over (awsx splits the range into one block per zone). */
const MAX_AVAILABILITY_ZONES = 6;

const NEW_VPC_ONLY = ["cidrBlock", "availabilityZoneCount", "availabilityZoneNames", "natGateways"] as const;

export type ResolvedNetwork =
    | { kind: "existing"; vpcId: string; privateSubnetIds: string[] }
    | {
          kind: "new";
          cidrBlock: string;
          availabilityZoneCount: number;
          availabilityZoneNames?: string[];
          natGateways: EksNatGatewayStrategy;
      };

/**
 * The network with its defaults, problems recorded under `network.*`. A new VPC needs the optional
 * peer `@pulumi/awsx`; `peerInstalled` says whether it is there.
 */
export function resolveNetwork(
    problems: InputProblems,
    options: EksNetworkOptions | undefined,
    region: string,
    peerInstalled: PeerResolver,
): ResolvedNetwork {
    const v = options ?? {};
    if (v.vpcId !== undefined) {
        problems.check(
            /^vpc-[0-9a-f]{8,17}$/.test(String(v.vpcId)),
            "network.vpcId",
            `"${String(v.vpcId)}" is not a VPC id: use one such as vpc-0123456789abcdef0.`,
        );
        for (const key of NEW_VPC_ONLY) {
            problems.check(
                v[key] === undefined,
                `network.${key}`,
                "applies only to a new VPC; remove it, or remove network.vpcId to create one.",
            );
        }
        const subnets = Array.isArray(v.privateSubnetIds) ? v.privateSubnetIds : [];
        problems.check(
            subnets.length >= MIN_AVAILABILITY_ZONES && new Set(subnets).size === subnets.length,
            "network.privateSubnetIds",
            `list at least ${MIN_AVAILABILITY_ZONES} distinct private subnets of network.vpcId in different availability zones ` +
                `(${AIRBYTE_EKS_SUPPORT_STATEMENT}).`,
        );
        subnets.forEach((s, i) =>
            problems.check(
                /^subnet-[0-9a-f]{8,17}$/.test(String(s)),
                `network.privateSubnetIds[${i}]`,
                `"${String(s)}" is not a subnet id: use one such as subnet-0123456789abcdef0.`,
            ),
        );
        return { kind: "existing", vpcId: String(v.vpcId), privateSubnetIds: subnets.map(String) };
    }
    problems.check(
        v.privateSubnetIds === undefined,
        "network.privateSubnetIds",
        "needs network.vpcId, the VPC the subnets belong to; set it or remove the subnets.",
    );
    const defaults = EKS_DEFAULTS.network;
    const cidrBlock = v.cidrBlock ?? defaults.cidrBlock;
    const prefix = Number(String(cidrBlock).split("/")[1]);
    problems.check(
        isIpv4Cidr(cidrBlock) && prefix >= 16 && prefix <= 20,
        "network.cidrBlock",
        `"${String(cidrBlock)}" does not fit: set an IPv4 CIDR block between /16 and /20, e.g. ${defaults.cidrBlock}, so that each zone gets room for nodes and pods.`,
    );
    const names = v.availabilityZoneNames;
    const count = v.availabilityZoneCount ?? names?.length ?? defaults.availabilityZoneCount;
    problems.check(
        Number.isInteger(count) && count >= MIN_AVAILABILITY_ZONES && count <= MAX_AVAILABILITY_ZONES,
        "network.availabilityZoneCount",
        `set a whole number from ${MIN_AVAILABILITY_ZONES} to ${MAX_AVAILABILITY_ZONES} (default ${defaults.availabilityZoneCount}): ${AIRBYTE_EKS_SUPPORT_STATEMENT}.`,
    );
    if (names !== undefined) {
        const valid =
            Array.isArray(names) &&
            names.length >= MIN_AVAILABILITY_ZONES &&
            new Set(names).size === names.length &&
            names.every((n) => typeof n === "string" && n.startsWith(region) && /^[a-z0-9-]+[a-z]$/.test(n));
        problems.check(
            valid,
            "network.availabilityZoneNames",
            `list at least ${MIN_AVAILABILITY_ZONES} distinct zones of ${region}, e.g. ["${region}a", "${region}b"] (${AIRBYTE_EKS_SUPPORT_STATEMENT}).`,
        );
        problems.check(
            v.availabilityZoneCount === undefined || v.availabilityZoneCount === names.length,
            "network.availabilityZoneCount",
            "differs from the number of network.availabilityZoneNames; remove one of the two.",
        );
    }
    const natGateways = v.natGateways ?? defaults.natGateways;
    problems.check(
        Object.values<string>(EksNatGatewayStrategy).includes(natGateways),
        "network.natGateways",
        `set one of ${Object.values(EksNatGatewayStrategy).join(", ")}; nodes in private subnets need NAT to reach the control plane.`,
    );
    if (!peerInstalled("@pulumi/awsx")) {
        problems.add(
            "network",
            "a new VPC is built with @pulumi/awsx, an optional peer dependency that is not installed: " +
                `run \`${installCommand(["@pulumi/awsx"])}\`, or set network.vpcId and network.privateSubnetIds to use an existing VPC.`,
        );
    }
    return { kind: "new", cidrBlock, availabilityZoneCount: count, availabilityZoneNames: names, natGateways };
}

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
        .map((s) => `subnet ${s.id} belongs to ${s.vpcId}, not ${vpcId}; list subnets of network.vpcId only.`);
    const zones = new Set(subnets.map((s) => s.availabilityZone));
    if (zones.size < MIN_AVAILABILITY_ZONES) {
        problems.push(
            `network.privateSubnetIds span ${zones.size} availability zone(s) (${[...zones].join(", ")}); add a private subnet ` +
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
export function createNetwork(name: string, network: ResolvedNetwork, tags: Record<string, string>, parent: pulumi.Resource): EksNetwork {
    if (network.kind === "existing") {
        const facts = network.privateSubnetIds.map((id) =>
            aws.ec2
                .getSubnetOutput({ id }, { parent })
                .apply((s): SubnetFacts => ({ id, vpcId: s.vpcId, availabilityZone: s.availabilityZone })),
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
