/** How often and how patiently a request is retried. */
export interface RetryPolicy {
    /** Retries after the first attempt. Default 4. */
    maxRetries: number;
    /** Backoff before the first retry; doubles on every further retry. Default 500 ms. */
    baseDelayMs: number;
    /** Ceiling of the exponential backoff. Default 30 s. */
    maxDelayMs: number;
    /** Ceiling of a server's Retry-After; a longer wait is cut to this. Default 120 s. */
    maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
    maxRetries: 4,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 120_000,
};

/** Statuses that say "try again": rate limiting and server-side failures. Other 4xx never change by retrying. */
export function isRetryableStatus(status: number): boolean {
    return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Exponential backoff with jitter for retry number `retry` (0 for the first retry): a random wait between
 * half and all of `min(maxDelayMs, baseDelayMs * 2^retry)`, so that parallel clients spread out while each
 * still waits longer every time.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry));
    const unit = Math.min(Math.max(random(), 0), 1);
    return Math.round(ceiling / 2 + (ceiling / 2) * unit);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds or an HTTP date (relative to `nowMs`).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
    if (header === null || header === undefined || header.trim() === "") {
        return undefined;
    }
    const value = header.trim();
    if (/^\d+(\.\d+)?$/.test(value)) {
        return Math.round(Number(value) * 1000);
    }
    const date = Date.parse(value);
    if (Number.isNaN(date)) {
        return undefined;
    }
    return Math.max(0, date - nowMs);
}

/** The wait before retry number `retry`: the server's Retry-After when given (capped), else backoff. */
export function retryDelayMs(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
    if (retryAfterMs !== undefined) {
        return Math.min(retryAfterMs, policy.maxRetryAfterMs);
    }
    return backoffDelayMs(retry, policy, random);
}
