import { GCP_REGION } from "../shared/formats";

export { GCP_REGION };
/** A GCP zone such as `europe-west1-b`. */
export const GCP_ZONE = /^([a-z]+-[a-z]+[0-9]+)-[a-z]$/;

/** What a cluster location names: a region, or a zone and the region containing it. */
export interface ParsedLocation {
    region: string;
    zone?: string;
}

/** Parses a cluster location; `undefined` when it is neither a region nor a zone. */
export function parseLocation(location: string): ParsedLocation | undefined {
    const value = location.trim().toLowerCase();
    const zone = GCP_ZONE.exec(value);
    if (zone) {
        return { region: zone[1], zone: value };
    }
    return GCP_REGION.test(value) ? { region: value } : undefined;
}

/**
 * Regions outside the European Union that nevertheless start with `europe-`: the `EU` multi-region
 * stores data only in EU member states, so it does not serve them.
 */
const NON_EU_EUROPE_REGIONS = new Set(["europe-west2", "europe-west6"]);

/** Cloud Storage's predefined dual-regions and the two regions each spans. */
export const PREDEFINED_DUAL_REGIONS: Record<string, readonly [string, string]> = {
    ASIA1: ["asia-northeast1", "asia-northeast2"],
    EUR4: ["europe-north1", "europe-west4"],
    EUR5: ["europe-west1", "europe-west2"],
    EUR7: ["europe-west2", "europe-west3"],
    EUR8: ["europe-west3", "europe-west6"],
    NAM4: ["us-central1", "us-east1"],
};

/** The regions a bucket location covers, or a predicate for multi-regions; `undefined` when unknown. */
function coveredBy(bucketLocation: string): ((region: string) => boolean) | undefined {
    const location = bucketLocation.trim().toUpperCase();
    switch (location) {
        case "EU":
            return (region) => region.startsWith("europe-") && !NON_EU_EUROPE_REGIONS.has(region);
        case "US":
            return (region) => region.startsWith("us-");
        case "ASIA":
            return (region) => region.startsWith("asia-");
    }
    const dual = PREDEFINED_DUAL_REGIONS[location];
    if (dual) {
        return (region) => dual.includes(region);
    }
    const single = location.toLowerCase();
    return GCP_REGION.test(single) ? (region) => region === single : undefined;
}

/**
 * Whether a bucket in `bucketLocation` keeps the data in or around `region`: the same region, a
 * predefined dual-region including it, or the multi-region containing it.
 */
export function bucketLocationServesRegion(bucketLocation: string, region: string): boolean {
    return coveredBy(bucketLocation)?.(region.trim().toLowerCase()) ?? false;
}
