/** An IPv4 range as numbers: first address and prefix length. */
export interface Ipv4Range {
    start: number;
    prefix: number;
}

/**
 * Parses `a.b.c.d/n`. Returns `undefined` for anything else, including a host address with bits set
 * beyond the prefix (`10.0.0.1/24`), which GCP rejects.
 */
export function parseCidr(cidr: string): Ipv4Range | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((o) => o > 255) || prefix > 32) {
        return undefined;
    }
    const start = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
    return start % rangeSize(prefix) === 0 ? { start, prefix } : undefined;
}

/** Number of addresses in a range of this prefix length. */
export function rangeSize(prefix: number): number {
    return 2 ** (32 - prefix);
}

/** Whether two ranges share at least one address. */
export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
    const aEnd = a.start + rangeSize(a.prefix);
    const bEnd = b.start + rangeSize(b.prefix);
    return a.start < bEnd && b.start < aEnd;
}

/** Renders a range back to `a.b.c.d/n`. */
export function formatCidr(range: Ipv4Range): string {
    const s = range.start;
    return `${s >>> 24}.${(s >>> 16) & 255}.${(s >>> 8) & 255}.${s & 255}/${range.prefix}`;
}

const QUANTITY_FACTORS: Record<string, number> = {
    "": 1,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
};

/** Bytes in a Kubernetes storage quantity such as `5G`, `10Gi` or `512Mi`; `undefined` if unparseable. */
export function quantityBytes(quantity: string): number | undefined {
    const match = /^(\d+(?:\.\d+)?)(k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(quantity.trim());
    return match ? Number(match[1]) * QUANTITY_FACTORS[match[2] ?? ""] : undefined;
}

/**
 * The most ephemeral storage one Autopilot pod may request, summed over its containers. Autopilot
 * rejects pods that ask for more and sets every container's ephemeral-storage limit to its request.
 */
export const AUTOPILOT_MAX_POD_EPHEMERAL_STORAGE = "10Gi";

/** Ephemeral storage the `airbyte-data-plane` chart requests for each connector (job) pod by default. */
export const DEFAULT_JOB_EPHEMERAL_STORAGE = "5G";

/** Whether a pod requesting `quantity` of ephemeral storage in total is accepted by Autopilot. */
export function fitsAutopilotEphemeralStorage(quantity: string): boolean {
    const bytes = quantityBytes(quantity);
    return bytes !== undefined && bytes <= quantityBytes(AUTOPILOT_MAX_POD_EPHEMERAL_STORAGE)!;
}
