import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { AirbyteErrorKind, describeFailure, errorDetail, kindForStatus, redact } from "../../components/airbyte/errors";
import { namePatch } from "../../components/airbyte/provider-common";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfterMs, retryDelayMs } from "../../components/airbyte/retry";
import { apiUrlForAirbyteUrl, checkAirbyteUrl, checkApiUrl, isLoopbackHost, normalizeApiUrl } from "../../components/airbyte/url";

/** Asserts that `fn` maps each input to its expected value. */
function expectMapping<T>(fn: (input: string) => T, cases: Array<[string, T]>): void {
    for (const [input, expected] of cases) {
        assert.equal(fn(input), expected, input);
    }
}

describe("Airbyte API URL rules", () => {
    it("accepts Cloud and self-managed https URLs and strips trailing slashes", () => {
        expectMapping(normalizeApiUrl, [
            ["https://api.airbyte.com/v1/", "https://api.airbyte.com/v1"],
            [" https://airbyte.corp.example/api/public/v1// ", "https://airbyte.corp.example/api/public/v1"],
            ["http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1"],
            ["http://localhost/api/public/v1", "http://localhost/api/public/v1"],
        ]);
    });

    it("refuses plain http off the loopback, web addresses, bare hosts, the internal API and embedded credentials, saying what to use", () => {
        const problem = (url: string) => {
            const checked = checkApiUrl(url);
            assert.ok("problem" in checked, `${url} should be refused`);
            return checked.problem;
        };
        assert.match(problem("http://airbyte.corp.example/api/public/v1"), /must use https/);
        assert.match(problem("https://cloud.airbyte.com"), /web address, not its API; use https:\/\/api.airbyte.com\/v1/);
        assert.match(problem("https://airbyte.corp.example"), /serves it at https:\/\/airbyte.corp.example\/api\/public\/v1/);
        assert.match(problem("https://airbyte.corp.example/tools/api/v1"), /internal config API, not its public API; use https:\/\/airbyte.corp.example\/tools\/api\/public\/v1/);
        assert.match(problem("https://user:pw@api.airbyte.com/v1"), /must not carry a user name or password/);
        assert.match(problem("https://api.airbyte.com/v1?x=1"), /without a query/);
        assert.match(problem("not a url"), /is not a URL/);
        assert.throws(() => normalizeApiUrl("ftp://x/v1"), /Invalid Airbyte API URL: .*must use https/);
    });

    it("knows which hosts are loopback", () => {
        expectMapping(isLoopbackHost, [
            ["127.0.0.1", true],
            ["127.10.20.30", true],
            ["[::1]", true],
            ["LOCALHOST", true],
            ["127.0.0.1.nip.io", false],
            ["10.0.0.1", false],
        ]);
    });

    it("derives the API URL from the chart's airbyteUrl, keeping a sub-path", () => {
        expectMapping(apiUrlForAirbyteUrl, [
            ["https://cloud.airbyte.com", "https://api.airbyte.com/v1"],
            ["https://cloud.airbyte.com/", "https://api.airbyte.com/v1"],
            ["https://airbyte.corp.example/", "https://airbyte.corp.example/api/public/v1"],
            ["https://airbyte.corp.example:8443/airbyte", "https://airbyte.corp.example:8443/airbyte/api/public/v1"],
            ["https://corp.example/tools/airbyte//", "https://corp.example/tools/airbyte/api/public/v1"],
        ]);
    });

    it("refuses an API address given as the web address, with the web address to use", () => {
        const problem = (url: string) => {
            const checked = checkAirbyteUrl(url);
            assert.ok("problem" in checked, `${url} should be refused`);
            return checked.problem;
        };
        assert.match(problem("https://api.airbyte.com"), /Airbyte Cloud's API host, not the control plane's web address; use https:\/\/cloud\.airbyte\.com/);
        assert.match(problem("https://api.airbyte.com/v1"), /use https:\/\/cloud\.airbyte\.com/);
        assert.match(problem("https://corp.example/airbyte/api/public/v1"), /is an API address.*use https:\/\/corp\.example\/airbyte \(/);
        assert.match(problem("https://corp.example/api/v1/"), /use https:\/\/corp\.example \(/);
        assert.throws(() => apiUrlForAirbyteUrl("https://api.airbyte.com"), /Invalid Airbyte URL/);
        assert.deepEqual(checkAirbyteUrl("https://corp.example/airbyte/"), { url: "https://corp.example/airbyte" });
    });
});

describe("Airbyte retry policy", () => {
    it("retries 429 and 5xx only", () => {
        fc.assert(
            fc.property(fc.integer({ min: 100, max: 599 }), (status) => {
                assert.equal(isRetryableStatus(status), status === 429 || status >= 500);
            }),
        );
    });

    it("keeps backoff between half and all of the doubled, capped delay", () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (retry, unit) => {
                const ceiling = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** retry);
                const delay = backoffDelayMs(retry, DEFAULT_RETRY_POLICY, () => unit);
                assert.ok(delay >= Math.floor(ceiling / 2) && delay <= ceiling, `${delay} outside [${ceiling / 2}, ${ceiling}]`);
            }),
        );
    });

    it("grows the lowest possible wait with every retry until the cap", () => {
        const lowest = [0, 1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelayMs(retry, DEFAULT_RETRY_POLICY, () => 0));
        assert.deepEqual(lowest, [250, 500, 1000, 2000, 4000, 8000, 15000, 15000]);
    });

    it("reads Retry-After as seconds or as a date, and caps it", () => {
        const now = Date.UTC(2026, 0, 1, 12, 0, 0);
        assert.equal(parseRetryAfterMs("3", now), 3000);
        assert.equal(parseRetryAfterMs("1.5", now), 1500);
        assert.equal(parseRetryAfterMs(new Date(now + 9000).toUTCString(), now), 9000);
        assert.equal(parseRetryAfterMs(new Date(now - 9000).toUTCString(), now), 0);
        assert.equal(parseRetryAfterMs("soon", now), undefined);
        assert.equal(parseRetryAfterMs(null, now), undefined);
        assert.equal(retryDelayMs(0, DEFAULT_RETRY_POLICY, () => 0, 3000), 3000);
        assert.equal(retryDelayMs(0, DEFAULT_RETRY_POLICY, () => 0, 3_600_000), DEFAULT_RETRY_POLICY.maxRetryAfterMs);
    });
});

describe("Airbyte error messages", () => {
    const base = { method: "GET", path: "/regions/r1", subject: "region r1", attempts: 1 };

    it("maps statuses to kinds", () => {
        assert.deepEqual([401, 403, 404, 409, 429, 500, 503, 400, 422].map(kindForStatus), [
            "token-rejected", "forbidden", "not-found", "conflict", "rate-limited", "server", "server", "bad-request", "bad-request",
        ]);
    });

    it("names the call and gives a fix for every kind", () => {
        const kinds: AirbyteErrorKind[] = [
            "bad-credentials", "token-rejected", "forbidden", "not-found", "conflict", "bad-request",
            "rate-limited", "server", "network", "timeout", "invalid-response",
        ];
        for (const kind of kinds) {
            const message = describeFailure({ ...base, kind, status: kind === "network" ? 0 : 418 });
            assert.match(message, /^Airbyte API GET \/regions\/r1 /, kind);
            assert.match(message, /Fix: /, kind);
        }
    });

    it("keeps the server's message short, on one line and without secrets", () => {
        assert.equal(errorDetail(JSON.stringify({ message: "name\n in   use" }), []), "name in use");
        assert.equal(errorDetail(JSON.stringify({ title: "Conflict", status: 409 }), []), "Conflict");
        assert.equal(errorDetail("plain text with s3cr3t-value", ["s3cr3t-value"]), "plain text with [redacted]");
        assert.equal(errorDetail("   ", []), undefined);
        assert.equal(errorDetail("x".repeat(1000), [])?.length, 303);
        assert.equal(redact("abc abc", ["abc"]), "abc abc", "values shorter than 4 characters are not treated as secrets");
    });
});

describe("namePatch", () => {
    it("patches only what differs and what is asked for", () => {
        assert.deepEqual(namePatch({ name: "a", enabled: true }, { name: "b" }), { name: "b" });
        assert.deepEqual(namePatch({ name: "a", enabled: true }, { name: "a", enabled: false }), { enabled: false });
        assert.equal(namePatch({ name: "a", enabled: false }, { name: "a" }), undefined);
    });
});
