import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { assignRole, BUILT_IN_ROLES, subscriptionOf } from "./roles";
import type { ResolvedNetwork } from "./validation-network";

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

interface NetworkContext {
    name: string;
    settings: ResolvedNetwork;
    resourceGroupName: pulumi.Output<string>;
    location: string;
    tags: Record<string, string>;
    clusterPrincipalId: pulumi.Output<string>;
    subscriptionId: pulumi.Output<string>;
    parent: pulumi.Resource;
}

/**
 * The node network: either the caller's subnet, or a VNet with one private subnet whose only way out
 * is a NAT gateway (default outbound access off, no public IPs on nodes, nothing inbound). In both
 * cases the cluster identity gets Network Contributor on the subnet unless told otherwise.
 */
export function createNetwork(ctx: NetworkContext): AksNetwork {
    const { name, settings: s, parent } = ctx;
    const opts = { parent };
    let subnetId: pulumi.Output<string>;
    let vnetId: pulumi.Output<string | undefined> = pulumi.output(undefined);
    let egressIpAddress: pulumi.Output<string | undefined> = pulumi.output(undefined);

    if (s.existingSubnetId !== undefined) {
        subnetId = pulumi.output(s.existingSubnetId);
    } else {
        const common = { resourceGroupName: ctx.resourceGroupName, location: ctx.location, tags: ctx.tags };
        const ip = new network.PublicIPAddress(`${name}-egress-ip`, {
            ...common,
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            publicIPAddressVersion: "IPv4",
        }, opts);
        const nat = new network.NatGateway(`${name}-nat`, {
            ...common,
            sku: { name: "Standard" },
            idleTimeoutInMinutes: s.natIdleTimeoutMinutes,
            publicIpAddresses: [{ id: ip.id }],
        }, opts);
        const vnet = new network.VirtualNetwork(`${name}-vnet`, {
            ...common,
            addressSpace: { addressPrefixes: [s.vnetCidr] },
        }, { ...opts, ignoreChanges: ["subnets"] });
        const subnet = new network.Subnet(`${name}-nodes`, {
            resourceGroupName: ctx.resourceGroupName,
            virtualNetworkName: vnet.name,
            addressPrefix: s.subnetCidr,
            natGateway: { id: nat.id },
            defaultOutboundAccess: false,
        }, opts);
        subnetId = subnet.id;
        vnetId = vnet.id;
        egressIpAddress = ip.ipAddress;
    }

    const dependencies: pulumi.Resource[] = [];
    if (s.grantSubnetAccess) {
        dependencies.push(assignRole(`${name}-subnet-access`, {
            role: BUILT_IN_ROLES.networkContributor,
            scope: subnetId,
            principalId: ctx.clusterPrincipalId,
            principalType: "ServicePrincipal",
            // A subnet the caller owns may sit in another subscription than the deployer's default.
            subscriptionId: s.existingSubnetId ? pulumi.output(subscriptionOf(s.existingSubnetId) ?? "") : ctx.subscriptionId,
            description: "AKS cluster identity joins nodes and load balancers to the node subnet.",
        }, opts));
    }
    return { subnetId, vnetId, egressIpAddress, dependencies };
}
