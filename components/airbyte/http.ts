import { AirbyteApiError, AirbyteErrorKind, classifyFailure, errorDetail, isDeterministic } from "./errors";
import { ApiCall, pathWithQuery, sendOnce } from "./exchange";
import { readServerError } from "./problem";
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfterMs, retryDelayMs, RetryPolicy } from "./retry";
import { DEFAULT_AIRBYTE_API_URL, normalizeApiUrl } from "./url";

/** Settings of an Airbyte API client. Only the application's credentials are required. */
export interface AirbyteClientOptions {
    /** Base URL of the public API. Default `https://api.airbyte.com/v1`; self-managed: `https://<host>/api/public/v1`. */
    apiUrl?: string;
    /** Client id of an Airbyte application (Settings > Applications) whose user is an organization admin. */
    clientId: string;
    /** Client secret of that application. */
    clientSecret: string;
    /** Time allowed for one HTTP exchange, response body included. Default 30 000 ms. */
    timeoutMs?: number;
    /** Retry policy for 429, 5xx, network failures and timeouts. Defaults in `DEFAULT_RETRY_POLICY`. */
    retry?: Partial<RetryPolicy>;
    /** A token is replaced this long before it expires. Default 30 000 ms (at most half its `expires_in`). */
    tokenRefreshMarginMs?: number;
    /** Clock in epoch milliseconds. Default `Date.now`. */
    now?: () => number;
    /** Waits between retries. Default a `setTimeout` promise. */
    sleep?: (ms: number) => Promise<void>;
    /** Source of jitter in [0, 1). Default `Math.random`. */
    random?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_TOKEN_REFRESH_MARGIN_MS = 30_000;
/**
 * Lifetime assumed when a token response has no `expires_in` (the public endpoint always sends it: 15 minutes by
 * default, `application-token-expiration-in-minutes` in airbyte-server's application.yml; Airbyte's docs say 3).
 */
export const DEFAULT_TOKEN_LIFETIME_S = 180;
export const TOKEN_PATH = "/applications/token";

/** Network failures where the request never left the machine, so even a create may be sent again. */
const NOT_SENT_CODES = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"];
const CREATE_NOT_RETRIED = "A create is not resent after this kind of failure, because it may have succeeded on the server.";

/** The final response to a call, after retries. */
interface Answer {
    status: number;
    retryAfter: string | null;
    location: string | null;
    text: string;
    attempts: number;
}

/** Thrown by response decoders when a documented field is missing (deliberately not an `Error`: see errors.ts). */
export class ResponseShapeError {
    constructor(readonly problem: string) {}
}

/**
 * Token handling, timeouts and retries for Airbyte's API. The access token is cached until shortly before
 * it expires; a 401 on a call gets exactly one retry with a new token. A transport built without application
 * credentials sends only anonymous calls (the data plane's own token exchange).
 */
export class AirbyteTransport {
    readonly apiUrl: string;
    private readonly clientId: string | undefined;
    private readonly clientSecret: string | undefined;
    private readonly timeoutMs: number;
    private readonly policy: RetryPolicy;
    private readonly refreshMarginMs: number;
    private readonly now: () => number;
    private readonly sleep: (ms: number) => Promise<void>;
    private readonly random: () => number;
    private token: { value: string; refreshAt: number } | undefined;
    private pendingToken: Promise<string> | undefined;
    private readonly secrets: string[];

    // Every field is set in the constructor, never by an initializer: Pulumi's closure serializer rebuilds
    // classes from their constructor text and drops field initializers.
    constructor(options: Omit<AirbyteClientOptions, "clientId" | "clientSecret"> & { clientId?: string; clientSecret?: string }) {
        this.apiUrl = normalizeApiUrl(options.apiUrl ?? DEFAULT_AIRBYTE_API_URL);
        this.clientId = options.clientId;
        this.clientSecret = options.clientSecret;
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
        this.refreshMarginMs = options.tokenRefreshMarginMs ?? DEFAULT_TOKEN_REFRESH_MARGIN_MS;
        this.now = options.now ?? (() => Date.now());
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.random = options.random ?? (() => Math.random());
        this.secrets = options.clientSecret ? [options.clientSecret] : [];
    }

    /** Treats `value` as a secret: error messages never quote it. */
    addSecret(value: string | undefined): void {
        if (value) {
            this.secrets.push(value);
        }
    }

    /** The clock and sleep the transport waits with (providers poll with the same ones). */
    get clock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
        return { now: this.now, sleep: this.sleep };
    }

    /** Sends a call (authenticated unless `anonymous`) and decodes its JSON body (`undefined` when empty). */
    async call<T>(call: ApiCall, decode: (body: any) => T): Promise<T> {
        let answer = await this.exchange(call, call.anonymous ? undefined : await this.accessToken());
        if (answer.status === 401 && !call.anonymous) {
            this.token = undefined;
            const retried = await this.exchange(call, await this.accessToken());
            answer = { ...retried, attempts: answer.attempts + retried.attempts };
        }
        if (answer.status >= 300) {
            throw this.failure(call, answer);
        }
        return this.decode(call, answer, decode);
    }

    private async accessToken(): Promise<string> {
        if (this.token && this.now() < this.token.refreshAt) {
            return this.token.value;
        }
        if (!this.pendingToken) {
            this.pendingToken = this.fetchToken().finally(() => {
                this.pendingToken = undefined;
            });
        }
        return this.pendingToken;
    }

    private async fetchToken(): Promise<string> {
        if (!this.clientId || !this.clientSecret) {
            throw new Error("This Airbyte API call needs an application's clientId and clientSecret, and none were given.");
        }
        // The server reads client_id and client_secret; grant_type is sent as the OAuth form asks, not required
        // (airbyte-server publicapi ApplicationsController.publicGetAccessToken).
        const call: ApiCall = {
            method: "POST",
            path: TOKEN_PATH,
            body: { client_id: this.clientId, client_secret: this.clientSecret, grant_type: "client_credentials" },
            subject: "the application's access token",
            idempotent: true,
            credentialExchange: true,
        };
        const requestedAt = this.now();
        const answer = await this.exchange(call, undefined);
        if (answer.status >= 300) {
            throw this.failure(call, answer);
        }
        const token = this.decode(call, answer, (body) => {
            if (typeof body?.access_token !== "string" || body.access_token === "") {
                throw new ResponseShapeError("no access_token");
            }
            const seconds = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_LIFETIME_S;
            return { value: body.access_token as string, lifetimeMs: seconds * 1000 };
        });
        this.secrets.push(token.value);
        const margin = Math.min(this.refreshMarginMs, token.lifetimeMs / 2);
        this.token = { value: token.value, refreshAt: requestedAt + token.lifetimeMs - margin };
        return token.value;
    }

    private urlOf(call: ApiCall): string {
        return `${call.baseUrl ?? this.apiUrl}${pathWithQuery(call)}`;
    }

    /** How many retries an error answer allows: none for a refused name, one for answers that mean a wrong id or secret. */
    private retriesFor(call: ApiCall, status: number, text: string): number {
        const kind = classifyFailure(status, readServerError(text), traitsOf(call));
        if (kind === "name-taken") return 0;
        return isDeterministic(kind) ? Math.min(1, this.policy.maxRetries) : this.policy.maxRetries;
    }

    /** Sends `call` until it gets a final answer, retrying what the policy allows. */
    private async exchange(call: ApiCall, token: string | undefined): Promise<Answer> {
        for (let attempt = 1; ; attempt++) {
            const outcome = await sendOnce(this.urlOf(call), call, token, this.timeoutMs);
            if ("failure" in outcome) {
                const safe = call.idempotent || NOT_SENT_CODES.includes(outcome.code ?? "");
                if (safe && attempt <= this.policy.maxRetries) {
                    await this.sleep(retryDelayMs(attempt - 1, this.policy, this.random));
                    continue;
                }
                const within = outcome.failure === "timeout" ? `No response within ${this.timeoutMs} ms.` : "";
                throw new AirbyteApiError({
                    kind: outcome.failure,
                    status: 0,
                    method: call.method,
                    path: pathWithQuery(call),
                    baseUrl: call.baseUrl ?? this.apiUrl,
                    subject: call.subject,
                    attempts: attempt,
                    detail: outcome.code,
                    note: [within, safe ? "" : CREATE_NOT_RETRIED].filter(Boolean).join(" ") || undefined,
                });
            }
            const mayResend = call.idempotent || outcome.status === 429 || outcome.status === 503;
            if (isRetryableStatus(outcome.status) && mayResend && attempt <= this.retriesFor(call, outcome.status, outcome.text)) {
                const retryAfter = parseRetryAfterMs(outcome.retryAfter, this.now());
                await this.sleep(retryDelayMs(attempt - 1, this.policy, this.random, retryAfter));
                continue;
            }
            return { ...outcome, attempts: attempt };
        }
    }

    private decode<T>(call: ApiCall, answer: Answer, decode: (body: any) => T): T {
        let body: unknown;
        try {
            body = answer.text.trim() === "" ? undefined : JSON.parse(answer.text);
        } catch {
            throw this.failure(call, answer, "the body is not JSON");
        }
        try {
            return decode(body);
        } catch (error) {
            if (error instanceof ResponseShapeError) {
                throw this.failure(call, answer, error.problem);
            }
            throw error;
        }
    }

    /** The error for an answer: its kind from status and body, or `invalid-response` with `problem`. */
    private failure(call: ApiCall, answer: Answer, problem?: string): AirbyteApiError {
        const server = readServerError(answer.text);
        const kind: AirbyteErrorKind = problem ? "invalid-response" : classifyFailure(answer.status, server, traitsOf(call));
        const redirected = answer.status >= 300 && answer.status < 400 ? `redirected to ${answer.location ?? "?"}` : undefined;
        const entitlement = kind === "not-entitled" && server.entitlement ? `missing entitlement ${server.entitlement}` : undefined;
        const unretriedCreate = !call.idempotent && kind === "server" && answer.status !== 503;
        return new AirbyteApiError({
            kind,
            status: answer.status,
            method: call.method,
            path: pathWithQuery(call),
            baseUrl: call.baseUrl ?? this.apiUrl,
            subject: call.subject,
            attempts: answer.attempts,
            detail: problem ?? redirected ?? entitlement ?? errorDetail(server, this.secrets),
            errorId: server.errorId,
            requires: call.requires,
            note: unretriedCreate ? CREATE_NOT_RETRIED : undefined,
        });
    }
}

function traitsOf(call: ApiCall): { token: boolean; byId: boolean } {
    return { token: call.credentialExchange === true, byId: call.byId === true };
}
