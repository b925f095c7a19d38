/**
 * Kubernetes minor versions each managed service supports, and until when. A cluster asked for a
 * version outside support is refused by the cloud only at creation, minutes into `pulumi up`.
 *
 * Data: endoflife-date/endoflife.date, `products/amazon-eks.md`, `google-kubernetes-engine.md` and
 * `azure-kubernetes-service.md` at commit a70eca3 (2026-08-22), which collect the clouds' calendars:
 *   EKS https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (14 months standard
 *       support, then 12 months extended support, on by default);
 *   GKE https://cloud.google.com/kubernetes-engine/docs/release-schedule (end of standard support;
 *       the Extended channel keeps a minor 24 months after its Regular release,
 *       https://cloud.google.com/kubernetes-engine/versioning);
 *   AKS https://learn.microsoft.com/azure/aks/supported-kubernetes-versions (end of community
 *       support; the longer LTS needs the Premium tier and the LTS support plan, which AksCluster
 *       does not set).
 * A version is accepted while its support has not ended on KUBERNETES_TABLE_DATE. Refresh the rows
 * and the date together; callers can replace the table with their components'
 * `supportedKubernetesVersions`.
 */

/** The date the table below describes. */
export const KUBERNETES_TABLE_DATE = "2026-11-30";

/** One minor version: when it became available, and the last day of its standard and extended support. */
export interface MinorVersionSupport {
    minor: string;
    released: string;
    standardEnds: string;
    extendedEnds: string;
}

type Row = [minor: string, released: string, standardEnds: string, extendedEnds: string];
const rows = (list: Row[]): MinorVersionSupport[] =>
    list.map(([minor, released, standardEnds, extendedEnds]) => ({ minor, released, standardEnds, extendedEnds }));

/** EKS: extended support ends 12 months after standard support. */
export const EKS_VERSIONS = rows([
    ["1.24", "2022-11-15", "2024-01-31", "2025-01-31"],
    ["1.25", "2023-02-21", "2024-05-01", "2025-05-01"],
    ["1.26", "2023-04-11", "2024-06-11", "2025-06-11"],
    ["1.27", "2023-05-24", "2024-07-24", "2025-07-24"],
    ["1.28", "2023-09-26", "2024-11-26", "2025-11-26"],
    ["1.29", "2024-01-23", "2025-03-23", "2026-03-23"],
    ["1.30", "2024-05-23", "2025-07-23", "2026-07-23"],
    ["1.31", "2024-09-26", "2025-11-26", "2026-11-26"],
    ["1.32", "2025-01-25", "2026-03-23", "2027-03-23"],
    ["1.33", "2025-05-28", "2026-07-29", "2027-07-29"],
    ["1.34", "2025-10-06", "2026-12-02", "2027-12-02"],
    ["1.35", "2026-01-28", "2027-03-27", "2028-03-27"],
    ["1.36", "2026-06-02", "2027-08-02", "2028-08-02"],
]);

/** GKE: `released` is the Regular channel's; extended support (Extended channel) ends 24 months after it. */
export const GKE_VERSIONS = rows([
    ["1.24", "2022-06-23", "2023-10-31", "2024-06-23"],
    ["1.25", "2022-12-14", "2024-03-30", "2024-12-14"],
    ["1.26", "2023-03-31", "2024-06-30", "2025-03-31"],
    ["1.27", "2023-06-15", "2024-10-01", "2025-06-15"],
    ["1.28", "2023-12-04", "2025-02-04", "2025-12-04"],
    ["1.29", "2024-01-26", "2025-04-12", "2026-01-26"],
    ["1.30", "2024-07-31", "2025-09-30", "2026-07-31"],
    ["1.31", "2024-10-25", "2026-01-16", "2026-10-25"],
    ["1.32", "2025-02-11", "2026-04-11", "2027-02-11"],
    ["1.33", "2025-06-03", "2026-08-03", "2027-06-03"],
    ["1.34", "2025-09-30", "2026-10-01", "2027-09-30"],
    ["1.35", "2026-02-11", "2027-04-11", "2028-02-11"],
    ["1.36", "2026-06-09", "2027-08-09", "2028-06-09"],
]);

/** AKS: extended support is AKS LTS (Premium tier and LTS plan only). */
export const AKS_VERSIONS = rows([
    ["1.24", "2022-08-17", "2023-07-31", "2023-07-31"],
    ["1.25", "2022-12-14", "2024-01-14", "2024-01-14"],
    ["1.26", "2023-04-18", "2024-04-11", "2024-04-11"],
    ["1.27", "2023-08-16", "2024-07-31", "2025-07-31"],
    ["1.28", "2023-11-07", "2025-01-31", "2026-02-28"],
    ["1.29", "2024-03-18", "2025-03-31", "2026-04-30"],
    ["1.30", "2024-08-05", "2025-08-22", "2026-07-31"],
    ["1.31", "2024-10-25", "2025-11-01", "2026-11-30"],
    ["1.32", "2025-04-06", "2026-03-31", "2027-03-31"],
    ["1.33", "2025-06-17", "2026-07-31", "2027-07-31"],
    ["1.34", "2026-01-04", "2026-11-30", "2027-11-30"],
    ["1.35", "2026-03-05", "2027-03-31", "2028-03-31"],
    ["1.36", "2026-06-30", "2027-06-30", "2028-06-30"],
]);

/** Where each service's table comes from, for messages. */
const CALENDARS = {
    EKS: { rows: EKS_VERSIONS, url: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html" },
    GKE: { rows: GKE_VERSIONS, url: "https://cloud.google.com/kubernetes-engine/docs/release-schedule" },
    AKS: { rows: AKS_VERSIONS, url: "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions" },
} as const;
export type KubernetesService = keyof typeof CALENDARS;

/** `1.35` from `1.35`, `1.35.2` or `1.35.7-gke.1222000`; undefined for anything else. */
export function minorOf(version: string): string | undefined {
    return /^(\d+\.\d+)(\.\d+(-[a-z]+\.\d+)?)?$/.exec(version)?.[1];
}

/** The minors `service` supports on `date`; with `extended`, extended support counts. */
export function supportedMinors(service: KubernetesService, options: { extended: boolean }, date = KUBERNETES_TABLE_DATE): string[] {
    return CALENDARS[service].rows
        .filter((r) => (options.extended ? r.extendedEnds : r.standardEnds) >= date && r.released <= date)
        .map((r) => r.minor);
}

/**
 * Why `version` cannot be used on `service`, or undefined. `supported` replaces the table (the
 * caller's `supportedKubernetesVersions`); `extended` counts extended support (EKS by default, GKE
 * on the Extended channel). A `supported` that is not a list of minors is ignored here: its own
 * problem comes from `supportedVersionsProblem`, and the version is then judged by the table.
 */
export function kubernetesVersionProblem(
    service: KubernetesService,
    version: string,
    options: { extended: boolean; supported?: readonly string[] },
): string | undefined {
    const minor = minorOf(version);
    if (minor === undefined) {
        return undefined;
    }
    if (options.supported !== undefined && supportedVersionsProblem(options.supported) === undefined) {
        return options.supported.includes(minor)
            ? undefined
            : `"${version}" is not in supportedKubernetesVersions (${options.supported.join(", ")}): add ${minor} there, or use one of them.`;
    }
    const accepted = supportedMinors(service, options);
    if (accepted.includes(minor)) {
        return undefined;
    }
    const calendar = CALENDARS[service];
    const use = `use one of ${accepted.join(", ")} (${service}'s versions on ${KUBERNETES_TABLE_DATE}, ${calendar.url})`;
    const row = calendar.rows.find((r) => r.minor === minor);
    if (row) {
        const ended = options.extended ? row.extendedEnds : row.standardEnds;
        return `"${version}" is no longer supported by ${service}: its ${options.extended ? "extended " : ""}support ended on ${ended}; ${use}.`;
    }
    const newest = calendar.rows[calendar.rows.length - 1].minor;
    return Number(minor.split(".")[1]) > Number(newest.split(".")[1])
        ? `"${version}" is newer than ${service}'s versions known on ${KUBERNETES_TABLE_DATE} (newest ${newest}): ${use}, or, if ${service} offers ${minor} now, list it in supportedKubernetesVersions.`
        : `"${version}" is not a version ${service} supports: ${use}.`;
}

/** Problems with a caller's `supportedKubernetesVersions`: each entry a minor version such as `1.35`. */
export function supportedVersionsProblem(list: unknown): string | undefined {
    return Array.isArray(list) && list.length > 0 && list.every((v) => typeof v === "string" && /^\d+\.\d+$/.test(v))
        ? undefined
        : `${JSON.stringify(list)} is not a list of minor versions: give at least one, e.g. ["1.35", "1.36"], or remove it to use the built-in table.`;
}
