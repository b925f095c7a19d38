import * as ipaddr from "ipaddr.js";

/** An IPv4 range: first and last address as unsigned 32-bit numbers, and the prefix length. */
export interface Ipv4Range {
    first: number;
    last: number;
    prefix: number;
}

/** A dotted IPv4 address as an unsigned 32-bit number; `undefined` when it is not one. */
export function parseIpv4(text: string): number | undefined {
    if (!ipaddr.IPv4.isValidFourPartDecimal(text)) {
        return undefined;
    }
    return ipaddr.IPv4.parse(text)
        .toByteArray()
        .reduce((value, octet) => value * 256 + octet, 0);
}

/** An unsigned 32-bit number as a dotted IPv4 address. */
export function formatIpv4(value: number): string {
    return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
}

/**
 * Parses `a.b.c.d/n`, exactly as the clouds will receive it. Returns `undefined` for anything else,
 * including surrounding spaces and a prefix with host bits set (`10.0.0.1/24`): AWS, GCP and Azure
 * all reject those.
 */
export function parseCidr(text: string): Ipv4Range | undefined {
    if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) {
        return undefined;
    }
    const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
    if (ipaddr.IPv4.networkAddressFromCIDR(text).toString() !== address.toString()) {
        return undefined;
    }
    const first = parseIpv4(address.toString())!;
    return { first, last: first + 2 ** (32 - prefix) - 1, prefix };
}

/** A range back as `a.b.c.d/n`. */
export function formatCidr(range: Ipv4Range): string {
    return `${formatIpv4(range.first)}/${range.prefix}`;
}

/** Whether `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Range, inner: Ipv4Range): boolean {
    return inner.first >= outer.first && inner.last <= outer.last;
}

/** Whether two ranges share at least one address. */
export function cidrsOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
    return a.first <= b.last && b.first <= a.last;
}

/** The ranges that mean "every address": an endpoint open to one of them is open to the internet. */
export const WHOLE_INTERNET_CIDRS = ["0.0.0.0/0", "::/0"] as const;

/** Whether `cidr` is one of `WHOLE_INTERNET_CIDRS` (surrounding spaces ignored). */
export function isWholeInternet(cidr: unknown): boolean {
    return typeof cidr === "string" && (WHOLE_INTERNET_CIDRS as readonly string[]).includes(cidr.trim());
}
