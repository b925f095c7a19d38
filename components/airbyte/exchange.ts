/** One HTTP exchange with the public API: no retries, no token handling. */

/** One logical API call. */
export interface ApiCall {
    method: "GET" | "POST" | "PATCH" | "DELETE";
    path: string;
    query?: Record<string, string | string[] | undefined>;
    body?: unknown;
    /** What the call is about, for error messages, e.g. `region 1b2c...`. */
    subject: string;
    /** False for creates: sending them twice could create two objects. */
    idempotent: boolean;
    /** Absolute base URL for a call outside the public API (the internal `<airbyteUrl>/api/v1`). */
    baseUrl?: string;
    /** Sent without the application's token (the data plane's own token exchange). */
    anonymous?: boolean;
    /** Trades a client id and secret for a token: a refusal means wrong credentials (errors.ts). */
    credentialExchange?: boolean;
    /** The path names one object by id: a 500 with only an errorId then means an unknown id (errors.ts). */
    byId?: boolean;
    /** Who may make the call, for the message of a 403 (errors.ts `requires`). */
    requires?: string;
}

/** A response, or why none arrived. */
export type AttemptOutcome =
    | { status: number; retryAfter: string | null; location: string | null; text: string }
    | { failure: "network" | "timeout"; code?: string };

/** The path and query of `call`, as sent and as shown in errors (ids only, never credentials). */
export function pathWithQuery(call: ApiCall): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(call.query ?? {})) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
            params.append(key, item);
        }
    }
    const query = params.toString();
    return query ? `${call.path}?${query}` : call.path;
}

/**
 * Sends `call` once with Node's `fetch`, aborting after `timeoutMs` (body included). Redirects are not
 * followed: they would carry the bearer token elsewhere, and mean apiUrl is wrong.
 */
export async function sendOnce(url: string, call: ApiCall, token: string | undefined, timeoutMs: number): Promise<AttemptOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
        const headers: Record<string, string> = { accept: "application/json" };
        if (token) {
            headers.authorization = `Bearer ${token}`;
        }
        if (call.body !== undefined) {
            headers["content-type"] = "application/json";
        }
        const response = await fetch(url, {
            method: call.method,
            headers,
            body: call.body === undefined ? undefined : JSON.stringify(call.body),
            signal: controller.signal,
            redirect: "manual",
        });
        const text = await response.text();
        return {
            status: response.status,
            retryAfter: response.headers.get("retry-after"),
            location: response.headers.get("location"),
            text,
        };
    } catch (error) {
        if (controller.signal.aborted) {
            return { failure: "timeout" };
        }
        const cause = (error as any)?.cause ?? error;
        return { failure: "network", code: typeof cause?.code === "string" ? cause.code : undefined };
    } finally {
        clearTimeout(timer);
    }
}
