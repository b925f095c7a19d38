import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type { InputProblems } from "../shared/errors";
import { cidrsOverlap, parseCidr } from "../shared/cidr";
import { GKE_DEFAULTS, GkeExistingNetworkArgs, GkeNewNetworkArgs } from "./args";
import type { ResolvedGkeCluster } from "./resolve";

/** Names of the subnet's secondary ranges when this component creates the network. */
export const PODS_RANGE_NAME = "pods";
export const SERVICES_RANGE_NAME = "services";

/** The network the cluster uses, resolved. */
export type ResolvedGkeNetwork =
    | { kind: "new"; nodesCidr: string; podsCidr: string; servicesCidr: string }
    | { kind: "existing"; network: string; subnetwork: string; podsRangeName: string; servicesRangeName: string };

/**
 * A new VPC's address plan, defaults applied, or the caller's existing network. The new VPC's ranges
 * and the control plane's `/28` (`masterIpv4CidrBlock`, when given) must not overlap: GKE would only
 * refuse that when it creates the cluster.
 */
export function resolveNetwork(
    problems: InputProblems,
    network: GkeNewNetworkArgs | undefined,
    existing: GkeExistingNetworkArgs | undefined,
    masterIpv4CidrBlock: string | undefined,
): ResolvedGkeNetwork {
    if (existing) {
        problems.check(network === undefined, "network", "give either network (a new VPC with these ranges) or existingNetwork, not both.");
        for (const key of ["network", "subnetwork", "podsRangeName", "servicesRangeName"] as const) {
            const what = key === "network" || key === "subnetwork" ? `${key} id or self link` : "secondary range name on the subnet";
            problems.check(
                typeof existing[key] === "string" && existing[key].trim() !== "",
                `existingNetwork.${key}`,
                `is required with existingNetwork: give the ${what}.`,
            );
        }
        return { kind: "existing", ...existing };
    }
    const plan = {
        kind: "new" as const,
        nodesCidr: network?.nodesCidr ?? GKE_DEFAULTS.network.nodesCidr,
        podsCidr: network?.podsCidr ?? GKE_DEFAULTS.network.podsCidr,
        servicesCidr: network?.servicesCidr ?? GKE_DEFAULTS.network.servicesCidr,
    };
    const named: [string, string][] = [
        ["network.nodesCidr", plan.nodesCidr],
        ["network.podsCidr", plan.podsCidr],
        ["network.servicesCidr", plan.servicesCidr],
        ...(masterIpv4CidrBlock === undefined ? [] : [["masterIpv4CidrBlock", masterIpv4CidrBlock] as [string, string]]),
    ];
    const ranges = named.map(([path, cidr]) => {
        const range = parseCidr(String(cidr));
        problems.check(range !== undefined, path, `"${cidr}" is not an IPv4 CIDR block with a clean network address, e.g. 10.0.0.0/20.`);
        return range;
    });
    for (let i = 0; i < named.length; i++) {
        for (let j = i + 1; j < named.length; j++) {
            if (ranges[i] && ranges[j] && cidrsOverlap(ranges[i]!, ranges[j]!)) {
                problems.add(
                    named[j][0],
                    `${named[j][1]} overlaps ${named[i][0]} (${named[i][1]}): give the nodes, pods, Services and control plane separate ranges.`,
                );
            }
        }
    }
    return plan;
}

/** The network the cluster is attached to. */
export interface ClusterNetwork {
    /** Id of the network (`projects/<p>/global/networks/<n>`), as given for an existing one. */
    networkId: pulumi.Output<string>;
    subnetworkId: pulumi.Output<string>;
    /** What the cluster is attached to: self links of created resources, the given ids otherwise. */
    networkRef: pulumi.Output<string>;
    subnetworkRef: pulumi.Output<string>;
    podsRangeName: string;
    servicesRangeName: string;
    /** Resources the cluster must wait for (the NAT, so that nodes can pull images when they boot). */
    dependencies: pulumi.Resource[];
}

/**
 * The cluster's VPC: a custom-mode network, one subnet in the cluster's region with secondary ranges
 * for pods and Services (VPC-native), Private Google Access, and a Cloud Router with Cloud NAT so
 * that private nodes reach the control plane, Docker Hub and the connectors' endpoints. No firewall
 * rule admits traffic from outside: the data plane only makes outbound calls.
 *
 * With `existingNetwork`, nothing is created and the given ids are used as they are.
 */
export function createNetwork(settings: ResolvedGkeCluster, parent: pulumi.Resource): ClusterNetwork {
    const plan = settings.network;
    if (plan.kind === "existing") {
        return {
            networkId: pulumi.output(plan.network),
            subnetworkId: pulumi.output(plan.subnetwork),
            networkRef: pulumi.output(plan.network),
            subnetworkRef: pulumi.output(plan.subnetwork),
            podsRangeName: plan.podsRangeName,
            servicesRangeName: plan.servicesRangeName,
            dependencies: [],
        };
    }
    const { base, project, region } = settings;
    const opts = { parent };
    const network = new gcp.compute.Network(
        `${base}-network`,
        {
            project,
            autoCreateSubnetworks: false,
            routingMode: "REGIONAL",
            description: "Airbyte data plane network (Flexplane)",
        },
        opts,
    );
    const subnetwork = new gcp.compute.Subnetwork(
        `${base}-subnet`,
        {
            project,
            region,
            network: network.selfLink,
            ipCidrRange: plan.nodesCidr,
            privateIpGoogleAccess: true,
            secondaryIpRanges: [
                { rangeName: PODS_RANGE_NAME, ipCidrRange: plan.podsCidr },
                { rangeName: SERVICES_RANGE_NAME, ipCidrRange: plan.servicesCidr },
            ],
        },
        opts,
    );
    const router = new gcp.compute.Router(`${base}-router`, { project, region, network: network.selfLink }, opts);
    const nat = new gcp.compute.RouterNat(
        `${base}-nat`,
        {
            project,
            region,
            router: router.name,
            natIpAllocateOption: "AUTO_ONLY",
            sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
            subnetworks: [{ name: subnetwork.selfLink, sourceIpRangesToNats: ["ALL_IP_RANGES"] }],
            logConfig: { enable: true, filter: "ERRORS_ONLY" },
        },
        opts,
    );
    return {
        networkId: network.id,
        subnetworkId: subnetwork.id,
        networkRef: network.selfLink,
        subnetworkRef: subnetwork.selfLink,
        podsRangeName: PODS_RANGE_NAME,
        servicesRangeName: SERVICES_RANGE_NAME,
        dependencies: [nat],
    };
}
