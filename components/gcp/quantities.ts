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
