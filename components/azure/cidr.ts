/** An IPv4 range as the first and last address, both as unsigned 32-bit numbers. */
export interface Ipv4Range {
    first: number;
    last: number;
    prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a dotted IPv4 address; `undefined` when it is not one. */
export function parseIpv4(text: string): number | undefined {
    const match = IPV4.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1).map(Number);
    if (octets.some((o) => o > 255)) {
        return undefined;
    }
    return ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
}

/** Formats an unsigned 32-bit number as a dotted IPv4 address. */
export function formatIpv4(value: number): string {
    return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
}

/**
 * Parses `a.b.c.d/n`. Returns `undefined` when it is not a CIDR or when host bits are set
 * (`10.0.0.5/16`), since Azure rejects such prefixes.
 */
export function parseCidr(text: string): Ipv4Range | undefined {
    const [address, prefixText, ...rest] = text.trim().split("/");
    if (rest.length > 0 || prefixText === undefined || !/^\d{1,2}$/.test(prefixText)) {
        return undefined;
    }
    const base = parseIpv4(address);
    const prefix = Number(prefixText);
    if (base === undefined || prefix > 32) {
        return undefined;
    }
    const size = 2 ** (32 - prefix);
    if (base % size !== 0) {
        return undefined;
    }
    return { first: base, last: base + size - 1, prefix };
}

/** Whether `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Range, inner: Ipv4Range): boolean {
    return inner.first >= outer.first && inner.last <= outer.last;
}

/** Whether two ranges share at least one address. */
export function cidrsOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
    return a.first <= b.last && b.first <= a.last;
}
