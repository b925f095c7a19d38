/** Airbyte Cloud's public API. */
export const DEFAULT_AIRBYTE_API_URL = "https://api.airbyte.com/v1";
/** Path under which a self-managed control plane serves the public API. */
export const SELF_MANAGED_API_PATH = "/api/public/v1";

const CLOUD_WEB_HOSTS = ["cloud.airbyte.com", "airbyte.com", "www.airbyte.com"];

/** True for hosts that never leave the machine, the only ones allowed over plain http. */
export function isLoopbackHost(hostname: string): boolean {
    const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
    return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Checks an API base URL and returns it without trailing slashes, or returns the reason it is unusable
 * (a sentence that says how to fix it).
 */
export function checkApiUrl(raw: string): { url: string } | { problem: string } {
    let parsed: URL;
    try {
        parsed = new URL(raw.trim());
    } catch {
        return { problem: `"${raw}" is not a URL; use ${DEFAULT_AIRBYTE_API_URL} or https://<host>${SELF_MANAGED_API_PATH}.` };
    }
    if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopbackHost(parsed.hostname))) {
        return {
            problem: `"${raw}" must use https (plain http is only accepted for localhost, where tests run); ` +
                `the application's credentials and tokens travel in these requests.`,
        };
    }
    if (parsed.username || parsed.password) {
        return { problem: "the API URL must not carry a user name or password; the application's client id and secret authenticate." };
    }
    if (parsed.search || parsed.hash) {
        return { problem: `"${raw}" must be a base URL without a query or fragment, e.g. ${DEFAULT_AIRBYTE_API_URL}.` };
    }
    const path = parsed.pathname.replace(/\/+$/, "");
    if (CLOUD_WEB_HOSTS.includes(parsed.hostname.toLowerCase())) {
        return {
            problem: `"${raw}" is Airbyte Cloud's web address, not its API; use ${DEFAULT_AIRBYTE_API_URL}.`,
        };
    }
    if (path === "") {
        return {
            problem: `"${raw}" has no API path: Airbyte Cloud's API is ${DEFAULT_AIRBYTE_API_URL}; a self-managed ` +
                `control plane serves it at ${parsed.origin}${SELF_MANAGED_API_PATH}.`,
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
 * The public API URL of the control plane whose web address (the chart's `airbyteUrl`) is given:
 * Airbyte Cloud's `https://cloud.airbyte.com` maps to `https://api.airbyte.com/v1`, any other host to
 * `<origin>/api/public/v1`.
 */
export function apiUrlForAirbyteUrl(airbyteUrl: string): string {
    const parsed = new URL(airbyteUrl.trim());
    if (CLOUD_WEB_HOSTS.includes(parsed.hostname.toLowerCase())) {
        return DEFAULT_AIRBYTE_API_URL;
    }
    return `${parsed.origin}${SELF_MANAGED_API_PATH}`;
}
