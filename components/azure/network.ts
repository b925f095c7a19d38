/**
 * The node network: the caller's subnet, or a VNet with one private subnet whose only way out is a NAT
 * gateway. Its checks (address ranges, the existing subnet's id) and its creation.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { cidrContains, cidrsOverlap, Ipv4Range, parseCidr, parseIpv4 } from "../shared/cidr";
import type { InputProblems } from "../shared/errors";
import { AKS_DEFAULTS, AksNetworkOptions, AksOutboundType, isEnumValue } from "./args";
import { assignRole, BUILT_IN_ROLES, subscriptionOf } from "./roles";

/** Network settings with every default applied. */
export interface ResolvedNetwork {
    existingSubnetId?: string;
    outboundType: AksOutboundType;
    grantSubnetAccess: boolean;
    vnetCidr: string;
    subnetCidr: string;
    podsCidr: string;
    servicesCidr: string;
    dnsServiceIp: string;
    natIdleTimeoutMinutes: number;
}

const SUBNET_ID =
    /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;
const NEW_NETWORK_ONLY = ["vnetCidr", "subnetCidr", "natIdleTimeoutMinutes"] as const;
type RangeKey = "vnetCidr" | "subnetCidr" | "podsCidr" | "servicesCidr";

/** Checks the network settings (ids, CIDR syntax, containment, overlaps, the DNS address) and applies the defaults. */
export function resolveNetwork(problems: InputProblems, given: AksNetworkOptions = {}): ResolvedNetwork {
    const defaults = AKS_DEFAULTS.network;
    const existing = given.existingSubnetId;
    if (existing !== undefined) {
        problems.check(
            SUBNET_ID.test(existing),
            "network.existingSubnetId",
            `"${existing}" is not a subnet id: give /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>.`,
        );
        for (const key of NEW_NETWORK_ONLY) {
            problems.check(
                given[key] === undefined,
                `network.${key}`,
                "applies only to a network this component creates: remove it, or remove existingSubnetId.",
            );
        }
    }
    const outboundType = given.outboundType ?? defaults.outboundType;
    if (!isEnumValue(AksOutboundType, outboundType)) {
        problems.add(
            "network.outboundType",
            `"${outboundType}" is not supported: use ${Object.values(AksOutboundType).join(" or ")}; nodes get no public IPs.`,
        );
    } else if (existing === undefined && outboundType !== AksOutboundType.NatGateway) {
        problems.add(
            "network.outboundType",
            `${outboundType} needs a route you manage: give existingSubnetId, or leave outboundType out to use the NAT gateway this component creates.`,
        );
    }
    const resolved: ResolvedNetwork = {
        existingSubnetId: existing,
        outboundType,
        grantSubnetAccess: given.grantSubnetAccess ?? defaults.grantSubnetAccess,
        vnetCidr: given.vnetCidr ?? defaults.vnetCidr,
        subnetCidr: given.subnetCidr ?? defaults.subnetCidr,
        podsCidr: given.podsCidr ?? defaults.podsCidr,
        servicesCidr: given.servicesCidr ?? defaults.servicesCidr,
        dnsServiceIp: given.dnsServiceIp ?? defaults.dnsServiceIp,
        natIdleTimeoutMinutes: given.natIdleTimeoutMinutes ?? defaults.natIdleTimeoutMinutes,
    };
    const timeout = resolved.natIdleTimeoutMinutes;
    problems.check(
        Number.isInteger(timeout) && timeout >= 4 && timeout <= 120,
        "network.natIdleTimeoutMinutes",
        `${timeout} is out of range: give 4 to 120 minutes.`,
    );
    checkRanges(problems, resolved, existing === undefined);
    return resolved;
}

function checkRanges(problems: InputProblems, n: ResolvedNetwork, newNetwork: boolean): void {
    const parse = (key: RangeKey): Ipv4Range | undefined => {
        const range = parseCidr(n[key]);
        problems.check(
            range !== undefined,
            `network.${key}`,
            `"${n[key]}" is not an IPv4 CIDR with a clean network address: write it like ${AKS_DEFAULTS.network[key]}.`,
        );
        return range;
    };
    const pods = parse("podsCidr");
    const services = parse("servicesCidr");
    const vnet = newNetwork ? parse("vnetCidr") : undefined;
    const subnet = newNetwork ? parse("subnetCidr") : undefined;
    if (vnet && subnet) {
        problems.check(cidrContains(vnet, subnet), "network.subnetCidr", `${n.subnetCidr} must lie inside vnetCidr ${n.vnetCidr}.`);
        problems.check(
            subnet.prefix <= 28,
            "network.subnetCidr",
            `${n.subnetCidr} is too small for a node pool: use a /28 or larger (the default is /20).`,
        );
    }
    const pairs: [RangeKey, Ipv4Range | undefined, RangeKey, Ipv4Range | undefined][] = [
        ["podsCidr", pods, "servicesCidr", services],
        ["podsCidr", pods, "vnetCidr", vnet],
        ["servicesCidr", services, "vnetCidr", vnet],
    ];
    for (const [aKey, a, bKey, b] of pairs) {
        if (a && b && cidrsOverlap(a, b)) {
            problems.add(
                `network.${aKey}`,
                `overlaps ${bKey}: pods, services and nodes need separate address ranges; pick a range that overlaps neither.`,
            );
        }
    }
    const dns = parseIpv4(n.dnsServiceIp);
    if (dns === undefined) {
        problems.add(
            "network.dnsServiceIp",
            `"${n.dnsServiceIp}" is not an IPv4 address: give one inside servicesCidr, e.g. ${AKS_DEFAULTS.network.dnsServiceIp}.`,
        );
    } else if (services && (dns <= services.first || dns > services.last)) {
        problems.add(
            "network.dnsServiceIp",
            `${n.dnsServiceIp} must lie inside servicesCidr ${n.servicesCidr} and must not be its first address.`,
        );
    }
}

/** What the cluster needs from the network. */
export interface AksNetwork {
    subnetId: pulumi.Output<string>;
    /** The new VNet's id; `undefined` with an existing subnet. */
    vnetId: pulumi.Output<string | undefined>;
    /** The NAT gateway's public address, for allow-lists at sources and destinations. */
    egressIpAddress: pulumi.Output<string | undefined>;
    /** Resources the cluster must wait for (the subnet role). */
    dependencies: pulumi.Resource[];
}

/** Where the network goes, and who must reach its subnet. */
export interface NetworkContext {
    resourceGroupName: pulumi.Output<string>;
    location: string;
    tags: Record<string, string>;
    clusterPrincipalId: pulumi.Output<string>;
    subscriptionId: pulumi.Output<string>;
    parent: pulumi.Resource;
}

/**
 * Creates the new network (default outbound access off, no public IPs on nodes, nothing inbound) or
 * takes the caller's subnet; either way the cluster identity gets Network Contributor on the subnet
 * unless told otherwise.
 */
export function createNetwork(name: string, s: ResolvedNetwork, ctx: NetworkContext): AksNetwork {
    const opts = { parent: ctx.parent };
    let subnetId: pulumi.Output<string>;
    let vnetId: pulumi.Output<string | undefined> = pulumi.output(undefined);
    let egressIpAddress: pulumi.Output<string | undefined> = pulumi.output(undefined);

    if (s.existingSubnetId !== undefined) {
        subnetId = pulumi.output(s.existingSubnetId);
    } else {
        const common = { resourceGroupName: ctx.resourceGroupName, location: ctx.location, tags: ctx.tags };
        const ip = new network.PublicIPAddress(
            `${name}-egress-ip`,
            {
                ...common,
                sku: { name: "Standard", tier: "Regional" },
                publicIPAllocationMethod: "Static",
                publicIPAddressVersion: "IPv4",
            },
            opts,
        );
        const nat = new network.NatGateway(
            `${name}-nat`,
            {
                ...common,
                sku: { name: "Standard" },
                idleTimeoutInMinutes: s.natIdleTimeoutMinutes,
                publicIpAddresses: [{ id: ip.id }],
            },
            opts,
        );
        const vnet = new network.VirtualNetwork(
            `${name}-vnet`,
            {
                ...common,
                addressSpace: { addressPrefixes: [s.vnetCidr] },
            },
            { ...opts, ignoreChanges: ["subnets"] },
        );
        const subnet = new network.Subnet(
            `${name}-nodes`,
            {
                resourceGroupName: ctx.resourceGroupName,
                virtualNetworkName: vnet.name,
                addressPrefix: s.subnetCidr,
                natGateway: { id: nat.id },
                defaultOutboundAccess: false,
            },
            opts,
        );
        subnetId = subnet.id;
        vnetId = vnet.id;
        egressIpAddress = ip.ipAddress;
    }

    const dependencies: pulumi.Resource[] = [];
    if (s.grantSubnetAccess) {
        dependencies.push(
            assignRole(
                `${name}-subnet-access`,
                {
                    role: BUILT_IN_ROLES.networkContributor,
                    scope: subnetId,
                    principalId: ctx.clusterPrincipalId,
                    principalType: "ServicePrincipal",
                    // A subnet the caller owns may sit in another subscription than the deployer's default.
                    subscriptionId: s.existingSubnetId ? pulumi.output(subscriptionOf(s.existingSubnetId) ?? "") : ctx.subscriptionId,
                    description: "AKS cluster identity joins nodes and load balancers to the node subnet.",
                },
                opts,
            ),
        );
    }
    return { subnetId, vnetId, egressIpAddress, dependencies };
}
