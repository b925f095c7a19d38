import type { InputProblems } from "../shared/errors";
import { AksNetworkArgs, OutboundType } from "./args";
import { cidrContains, cidrsOverlap, Ipv4Range, isWholeInternet, parseCidr, parseIpv4 } from "../shared/cidr";

/** Network settings with every default applied. */
export interface ResolvedNetwork {
    existingSubnetId?: string;
    outboundType: OutboundType;
    grantSubnetAccess: boolean;
    vnetCidr: string;
    subnetCidr: string;
    podCidr: string;
    serviceCidr: string;
    dnsServiceIp: string;
    natIdleTimeoutMinutes: number;
}

export const NETWORK_DEFAULTS = {
    vnetCidr: "10.240.0.0/16",
    subnetCidr: "10.240.0.0/20",
    podCidr: "10.244.0.0/16",
    serviceCidr: "10.0.0.0/16",
    dnsServiceIp: "10.0.0.10",
    natIdleTimeoutMinutes: 10,
} as const;

const SUBNET_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;
const NEW_NETWORK_ONLY = ["vnetCidr", "subnetCidr", "natIdleTimeoutMinutes"] as const;

/** Checks the network settings: CIDR syntax, containment, overlaps, the DNS address. */
export function resolveNetwork(problems: InputProblems, network: AksNetworkArgs = {}): ResolvedNetwork {
    const existing = network.existingSubnetId;
    if (existing !== undefined) {
        problems.check(SUBNET_ID.test(existing), "network.existingSubnetId",
            `"${existing}" is not a subnet id: give /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>.`);
        for (const key of NEW_NETWORK_ONLY) {
            problems.check(network[key] === undefined, `network.${key}`,
                "applies only to a network this component creates: remove it, or remove existingSubnetId.");
        }
    }
    const outboundType = network.outboundType ?? OutboundType.NatGateway;
    const outboundTypes: string[] = Object.values(OutboundType);
    if (!outboundTypes.includes(outboundType)) {
        problems.add("network.outboundType", `"${outboundType}" is not supported: use ${outboundTypes.join(" or ")}; nodes get no public IPs.`);
    } else if (existing === undefined && outboundType !== OutboundType.NatGateway) {
        problems.add("network.outboundType", `${outboundType} needs a route you manage: give existingSubnetId, or leave outboundType out to use the NAT gateway this component creates.`);
    }

    const resolved: ResolvedNetwork = {
        existingSubnetId: existing,
        outboundType,
        grantSubnetAccess: network.grantSubnetAccess ?? true,
        vnetCidr: network.vnetCidr ?? NETWORK_DEFAULTS.vnetCidr,
        subnetCidr: network.subnetCidr ?? NETWORK_DEFAULTS.subnetCidr,
        podCidr: network.podCidr ?? NETWORK_DEFAULTS.podCidr,
        serviceCidr: network.serviceCidr ?? NETWORK_DEFAULTS.serviceCidr,
        dnsServiceIp: network.dnsServiceIp ?? NETWORK_DEFAULTS.dnsServiceIp,
        natIdleTimeoutMinutes: network.natIdleTimeoutMinutes ?? NETWORK_DEFAULTS.natIdleTimeoutMinutes,
    };
    const timeout = resolved.natIdleTimeoutMinutes;
    problems.check(Number.isInteger(timeout) && timeout >= 4 && timeout <= 120, "network.natIdleTimeoutMinutes",
        `${timeout} is out of range: give 4 to 120 minutes.`);
    checkRanges(problems, resolved, existing === undefined);
    return resolved;
}

function checkRanges(problems: InputProblems, n: ResolvedNetwork, newNetwork: boolean): void {
    const parse = (key: "vnetCidr" | "subnetCidr" | "podCidr" | "serviceCidr"): Ipv4Range | undefined => {
        const range = parseCidr(n[key]);
        problems.check(range !== undefined, `network.${key}`,
            `"${n[key]}" is not an IPv4 CIDR with a clean network address: write it like ${NETWORK_DEFAULTS[key]}.`);
        return range;
    };
    const pod = parse("podCidr");
    const service = parse("serviceCidr");
    const vnet = newNetwork ? parse("vnetCidr") : undefined;
    const subnet = newNetwork ? parse("subnetCidr") : undefined;
    if (vnet && subnet) {
        problems.check(cidrContains(vnet, subnet), "network.subnetCidr", `${n.subnetCidr} must lie inside vnetCidr ${n.vnetCidr}.`);
        problems.check(subnet.prefix <= 28, "network.subnetCidr", `${n.subnetCidr} is too small for a node pool: use a /28 or larger (the default is /20).`);
    }
    const pairs: [string, Ipv4Range | undefined, string, Ipv4Range | undefined][] = [
        ["podCidr", pod, "serviceCidr", service],
        ["podCidr", pod, "vnetCidr", vnet],
        ["serviceCidr", service, "vnetCidr", vnet],
    ];
    for (const [aKey, a, bKey, b] of pairs) {
        if (a && b && cidrsOverlap(a, b)) {
            problems.add(`network.${aKey}`, `overlaps ${bKey}: pods, services and nodes need separate address ranges; pick a range that overlaps neither.`);
        }
    }
    const dns = parseIpv4(n.dnsServiceIp);
    if (dns === undefined) {
        problems.add("network.dnsServiceIp", `"${n.dnsServiceIp}" is not an IPv4 address: give one inside serviceCidr, e.g. ${NETWORK_DEFAULTS.dnsServiceIp}.`);
    } else if (service && (dns <= service.first || dns > service.last)) {
        problems.add("network.dnsServiceIp", `${n.dnsServiceIp} must lie inside serviceCidr ${n.serviceCidr} and must not be its first address.`);
    }
}

/** Checks the API server allow-list: CIDRs or single addresses. */
export function checkAuthorizedRanges(problems: InputProblems, ranges: string[] | undefined, openToInternet: boolean | undefined): string[] {
    problems.check(openToInternet === undefined || typeof openToInternet === "boolean", "apiServerOpenToInternet", "set true or false (default false).");
    if (ranges === undefined || ranges.length === 0) {
        problems.check(openToInternet === true, "apiServerAuthorizedIpRanges",
            "is required: list the addresses or CIDRs that run Pulumi and kubectl (e.g. [\"203.0.113.0/24\"]), or set apiServerOpenToInternet: true to let every address reach the API server.");
        return [];
    }
    ranges.forEach((r, i) => {
        problems.check(parseCidr(r) !== undefined || parseIpv4(r) !== undefined, `apiServerAuthorizedIpRanges[${i}]`,
            `"${r}" is not an IPv4 address or CIDR: write it like 203.0.113.0/24. Include the address Pulumi runs from.`);
        problems.check(openToInternet === true || !isWholeInternet(r), `apiServerAuthorizedIpRanges[${i}]`,
            "is 0.0.0.0/0, which opens the API server to the whole internet: list your deployers' addresses, or set apiServerOpenToInternet: true to accept that deliberately.");
    });
    return ranges;
}
