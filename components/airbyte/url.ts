/** Airbyte Cloud's public API. */
export const DEFAULT_AIRBYTE_API_URL = "https://api.airbyte.com/v1";
/** Airbyte Cloud's web address: the chart's `airbyteUrl` for Cloud. */
export const CLOUD_AIRBYTE_URL = "https://cloud.airbyte.com";
/**
 * Path under which a control plane serves the public API (airbyte-platform
 * `airbyte-server/.../publicapi/constants/ServerConstants.kt`: `API_PATH = "/api"`, `ROOT_PATH = "/public"`,
 * `REGIONS_PATH = "$ROOT_PATH/v1/regions"` under `@Controller(API_PATH)`).
 */
export const SELF_MANAGED_API_PATH = "/api/public/v1";
/**
 * Path of the internal API the chart's launcher talks to (`<airbyteUrl>/api/v1/dataplanes/token` in the chart's
 * `templates/config/_dataPlane.tpl`; `@Controller("/api/v1/dataplanes")` in airbyte-server's DataplaneController.kt).
 */
export const INTERNAL_API_PATH = "/api/v1";

const CLOUD_WEB_HOSTS = ["cloud.airbyte.com", "airbyte.com", "www.airbyte.com"];
const CLOUD_API_HOST = "api.airbyte.com";

/** True for hosts that never leave the machine, the only ones allowed over plain http. */
export function isLoopbackHost(hostname: string): boolean {
    const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
    return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The URL, or the sentence saying why it is unusable as an https base URL (shared by both kinds of address). */
function parseBaseUrl(raw: string, example: string): URL | { problem: string } {
    let parsed: URL;
    try {
        parsed = new URL(raw.trim());
    } catch {
        return { problem: `"${raw}" is not a URL; use ${example}.` };
    }
    if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopbackHost(parsed.hostname))) {
        return {
            problem:
                `"${raw}" must use https (plain http is only accepted for localhost, where tests run); ` +
                `credentials and tokens travel in these requests.`,
        };
    }
    if (parsed.username || parsed.password) {
        return { problem: `"${raw}" must not carry a user name or password; client ids and secrets authenticate.` };
    }
    if (parsed.search || parsed.hash) {
        return { problem: `"${raw}" must be a base URL without a query or fragment, e.g. ${example}.` };
    }
    return parsed;
}

function trimmedPath(parsed: URL): string {
    return parsed.pathname.replace(/\/+$/, "");
}

/**
 * Checks an API base URL and returns it without trailing slashes, or returns the reason it is unusable
 * (a sentence that says how to fix it).
 */
export function checkApiUrl(raw: string): { url: string } | { problem: string } {
    const parsed = parseBaseUrl(raw, `${DEFAULT_AIRBYTE_API_URL} or https://<host>${SELF_MANAGED_API_PATH}`);
    if ("problem" in parsed) {
        return parsed;
    }
    const path = trimmedPath(parsed);
    if (CLOUD_WEB_HOSTS.includes(parsed.hostname.toLowerCase())) {
        return { problem: `"${raw}" is Airbyte Cloud's web address, not its API; use ${DEFAULT_AIRBYTE_API_URL}.` };
    }
    if (path === "") {
        return {
            problem:
                `"${raw}" has no API path: Airbyte Cloud's API is ${DEFAULT_AIRBYTE_API_URL}; a self-managed ` +
                `control plane serves it at ${parsed.origin}${SELF_MANAGED_API_PATH}.`,
        };
    }
    if (path.endsWith(INTERNAL_API_PATH) && !path.endsWith(SELF_MANAGED_API_PATH)) {
        // Its /applications/token answers (config.yaml `/v1/applications/token`), but /regions there is an unknown
        // route: every call would answer 404.
        const base = `${parsed.origin}${path.slice(0, -INTERNAL_API_PATH.length)}`;
        return {
            problem: `"${raw}" is the control plane's internal config API, not its public API; use ` + `${base}${SELF_MANAGED_API_PATH}.`,
        };
    }
    return { url: `${parsed.origin}${path}` };
}

/** Like `checkApiUrl`, throwing the problem as an `Error`. */
export function normalizeApiUrl(raw: string): string {
    const checked = checkApiUrl(raw);
    if ("problem" in checked) {
        throw new Error(`Invalid Airbyte API URL: ${checked.problem}`);
    }
    return checked.url;
}

/**
 * Checks a control plane's web address (the chart's `airbyteUrl`, which the launcher appends `/api/v1/...` to)
 * and returns it without trailing slashes, keeping any sub-path; or returns why it is unusable. An API address
 * given instead is refused with the web address to use.
 */
export function checkAirbyteUrl(raw: string): { url: string } | { problem: string } {
    const parsed = parseBaseUrl(raw, CLOUD_AIRBYTE_URL);
    if ("problem" in parsed) {
        return parsed;
    }
    const apiAddress = apiAddressAsWebAddress(raw);
    return apiAddress ? { problem: apiAddress } : { url: `${parsed.origin}${trimmedPath(parsed)}` };
}

/**
 * Why `raw`, given as a control plane's web address, is really an API address (Airbyte Cloud's API host, or a
 * path ending in `/api/public/v1` or `/api/v1`), with the web address to use; undefined otherwise.
 */
export function apiAddressAsWebAddress(raw: string): string | undefined {
    let parsed: URL;
    try {
        parsed = new URL(raw.trim());
    } catch {
        return undefined;
    }
    if (parsed.hostname.toLowerCase() === CLOUD_API_HOST) {
        return (
            `"${raw}" is Airbyte Cloud's API host, not the control plane's web address; use ${CLOUD_AIRBYTE_URL} ` +
            `(the API URL is derived from it).`
        );
    }
    const path = trimmedPath(parsed);
    const apiPath = [SELF_MANAGED_API_PATH, INTERNAL_API_PATH].find((p) => path.endsWith(p));
    return apiPath
        ? `"${raw}" is an API address, not the control plane's web address; use ${parsed.origin}${path.slice(0, -apiPath.length)} ` +
              `(the launcher appends ${INTERNAL_API_PATH}/... itself).`
        : undefined;
}

/** Like `checkAirbyteUrl`, throwing the problem as an `Error`. */
export function normalizeAirbyteUrl(raw: string): string {
    const checked = checkAirbyteUrl(raw);
    if ("problem" in checked) {
        throw new Error(`Invalid Airbyte URL: ${checked.problem}`);
    }
    return checked.url;
}

/**
 * The public API URL of the control plane whose web address (the chart's `airbyteUrl`) is given: Airbyte
 * Cloud's `https://cloud.airbyte.com` maps to `https://api.airbyte.com/v1`, any other address to
 * `<address>/api/public/v1`, sub-path included (a control plane served under `https://host/airbyte` answers
 * the public API at `https://host/airbyte/api/public/v1`). Throws for an address `checkAirbyteUrl` refuses.
 */
export function apiUrlForAirbyteUrl(airbyteUrl: string): string {
    const url = normalizeAirbyteUrl(airbyteUrl);
    if (CLOUD_WEB_HOSTS.includes(new URL(url).hostname.toLowerCase())) {
        return DEFAULT_AIRBYTE_API_URL;
    }
    return `${url}${SELF_MANAGED_API_PATH}`;
}

/** The internal API base the chart's launcher uses: `<airbyteUrl>/api/v1`. */
export function internalApiUrl(airbyteUrl: string): string {
    return `${normalizeAirbyteUrl(airbyteUrl)}${INTERNAL_API_PATH}`;
}
