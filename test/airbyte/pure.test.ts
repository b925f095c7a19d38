import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { launcherDeploymentName } from "../../components/airbyte/connection-proof";
import { AirbyteErrorKind, classifyFailure, describeFailure, errorDetail, redact } from "../../components/airbyte/errors";
import { readServerError } from "../../components/airbyte/problem";
import { isAmbiguousCreateFailure, namePatch } from "../../components/airbyte/provider-common";
import { freedRegionName, regionNameClash } from "../../components/airbyte/region";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfterMs, retryDelayMs } from "../../components/airbyte/retry";
import { apiUrlForAirbyteUrl, checkAirbyteUrl, checkApiUrl, isLoopbackHost, normalizeApiUrl } from "../../components/airbyte/url";
import { entitlementProblem, forbiddenProblem, routeNotFound, unexpectedProblem } from "./fake-airbyte-replies";

/** The reason `check` refuses `url`; fails when it accepts it. */
function refusal(check: (url: string) => { url: string } | { problem: string }, url: string): string {
    const checked = check(url);
    assert.ok("problem" in checked, `${url} should be refused`);
    return checked.problem;
}

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
        const problem = (url: string) => refusal(checkApiUrl, url);
        assert.match(problem("http://airbyte.corp.example/api/public/v1"), /must use https/);
        assert.match(problem("https://cloud.airbyte.com"), /web address, not its API; use https:\/\/api.airbyte.com\/v1/);
        assert.match(problem("https://airbyte.corp.example"), /serves it at https:\/\/airbyte.corp.example\/api\/public\/v1/);
        assert.match(
            problem("https://airbyte.corp.example/tools/api/v1"),
            /internal config API, not its public API; use https:\/\/airbyte.corp.example\/tools\/api\/public\/v1/,
        );
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
        const problem = (url: string) => refusal(checkAirbyteUrl, url);
        assert.match(
            problem("https://api.airbyte.com"),
            /Airbyte Cloud's API host, not the control plane's web address; use https:\/\/cloud\.airbyte\.com/,
        );
        assert.match(problem("https://api.airbyte.com/v1"), /use https:\/\/cloud\.airbyte\.com/);
        assert.match(problem("https://corp.example/airbyte/api/public/v1"), /is an API address.*use https:\/\/corp\.example\/airbyte \(/);
        assert.match(problem("https://corp.example/api/v1/"), /use https:\/\/corp\.example \(/);
        assert.throws(() => apiUrlForAirbyteUrl("https://api.airbyte.com"), /Invalid Airbyte URL/);
        assert.deepEqual(checkAirbyteUrl("https://corp.example/airbyte/"), { url: "https://corp.example/airbyte" });
    });

    it("names the launcher Deployment as the chart's fullname does", () => {
        expectMapping(launcherDeploymentName, [
            ["airbyte-data-plane", "airbyte-data-plane"],
            ["prod-airbyte-data-plane", "prod-airbyte-data-plane"],
            ["eu", "eu-airbyte-data-plane"],
            ["x".repeat(60), "x".repeat(60) + "-ai"],
        ]);
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
        assert.equal(
            retryDelayMs(0, DEFAULT_RETRY_POLICY, () => 0, 3000),
            3000,
        );
        assert.equal(
            retryDelayMs(0, DEFAULT_RETRY_POLICY, () => 0, 3_600_000),
            DEFAULT_RETRY_POLICY.maxRetryAfterMs,
        );
    });
});

describe("Airbyte error answers", () => {
    const base = { method: "GET", path: "/regions/r1", subject: "region r1", attempts: 1 };
    const bodyOf = (reply: { body?: unknown; text?: string }) => readServerError(reply.text ?? JSON.stringify(reply.body ?? ""));

    it("classifies answers as the server builds them", () => {
        const cases: Array<[string, number, ReturnType<typeof readServerError>, object, AirbyteErrorKind]> = [
            ["refused application (Keycloak)", 401, { errorId: "e" }, { token: true }, "bad-credentials"],
            ["refused application (no Keycloak)", 500, { errorId: "e" }, { token: true }, "bad-credentials"],
            ["expired token", 401, {}, {}, "token-rejected"],
            ["missing role", 403, bodyOf(forbiddenProblem("ORGANIZATION_ADMIN")), {}, "forbidden"],
            ["missing entitlement", 403, bodyOf(entitlementProblem()), {}, "not-entitled"],
            ["bare 403 (security rule)", 403, {}, {}, "forbidden"],
            ["unknown route", 404, bodyOf(routeNotFound()), {}, "no-route"],
            ["missing object in a handler", 404, { title: "resource-not-found" }, {}, "not-found"],
            ["unknown id", 500, { errorId: "e" }, { byId: true }, "unknown-id"],
            ["unmapped failure on a list", 500, { errorId: "e" }, {}, "server"],
            [
                "taken name",
                500,
                bodyOf(unexpectedProblem('duplicate key value violates unique constraint "dataplane_group_organization_id_name_key"')),
                {},
                "name-taken",
            ],
            [
                "reserved name",
                500,
                bodyOf(unexpectedProblem("Dataplane group name conflicts with a default group name.")),
                {},
                "name-taken",
            ],
            ["other unexpected problem", 500, bodyOf(unexpectedProblem("connection refused")), { byId: true }, "server"],
            ["unreadable body", 422, { errorId: "e" }, {}, "invalid-request"],
            ["rate limit", 429, {}, {}, "rate-limited"],
            ["redirect", 302, {}, {}, "invalid-response"],
        ];
        for (const [title, status, error, traits, kind] of cases) {
            assert.equal(classifyFailure(status, error, traits), kind, title);
        }
    });

    it("reads the problem's cause from data.message, the errorId, and text bodies", () => {
        assert.deepEqual(
            bodyOf(forbiddenProblem("ORGANIZATION_ADMIN")).message,
            "Caller does not have the required ORGANIZATION_ADMIN permissions to access the resource(s).",
        );
        assert.equal(bodyOf(entitlementProblem()).entitlement, "feature-self-managed-regions");
        assert.deepEqual(readServerError('{"errorId":"8c1f"}'), { errorId: "8c1f" });
        assert.deepEqual(readServerError("Object not found."), { text: "Object not found." });
        assert.deepEqual(readServerError(""), {});
    });

    it("names the call and gives a fix for every kind", () => {
        const kinds: AirbyteErrorKind[] = [
            "bad-credentials",
            "token-rejected",
            "forbidden",
            "not-entitled",
            "no-route",
            "not-found",
            "unknown-id",
            "name-taken",
            "invalid-request",
            "rate-limited",
            "server",
            "network",
            "timeout",
            "invalid-response",
        ];
        for (const kind of kinds) {
            const message = describeFailure({ ...base, kind, status: kind === "network" ? 0 : 418 });
            assert.match(message, /^Airbyte API GET \/regions\/r1 /, kind);
            assert.match(message, /Fix: /, kind);
        }
    });

    it("keeps the server's cause short, on one line and without secrets", () => {
        assert.equal(errorDetail({ message: "name\n in   use", detail: "An unexpected problem" }, []), "name in use");
        assert.equal(errorDetail({ title: "forbidden" }, []), "forbidden");
        assert.equal(errorDetail({ text: "plain text with s3cr3t-value" }, ["s3cr3t-value"]), "plain text with [redacted]");
        assert.equal(errorDetail({ errorId: "e" }, []), undefined, "an errorId is not a cause");
        assert.equal(errorDetail({ text: "x".repeat(1000) }, [])?.length, 303);
        assert.equal(redact("abc abc", ["abc"]), "abc abc", "values shorter than 4 characters are not treated as secrets");
    });

    it("treats only answers that never came (or a gateway's) as ambiguous for a create", () => {
        const error = (kind: string, status: number) => ({ name: "AirbyteApiError", kind, status });
        assert.deepEqual(
            [
                error("network", 0),
                error("timeout", 0),
                error("server", 504),
                error("server", 502),
                error("server", 500),
                error("name-taken", 500),
            ].map(isAmbiguousCreateFailure),
            [true, true, true, true, false, false],
        );
    });
});

describe("region names", () => {
    const org = "5d0b1f9e-7c1a-4c8e-9d55-0c4b8e2f6a11";
    const region = (name: string, organizationId: string) => ({ regionId: `id-${name}`, name, organizationId, enabled: true });

    it("finds the clash a create would hit: the organization's live namesake, or a default region's name", () => {
        const listed = [region("US", "00000000-0000-0000-0000-000000000000"), region("eu", org)];
        assert.match(regionNameClash({ name: "eu", organizationId: org }, listed) ?? "", /already has a region named "eu" \(id-eu\)/);
        assert.match(regionNameClash({ name: "US", organizationId: org }, listed) ?? "", /is reserved/);
        assert.match(regionNameClash({ name: "AUTO", organizationId: org }, []) ?? "", /is reserved/);
        assert.equal(regionNameClash({ name: "us", organizationId: org }, listed), undefined, "exact case, as the server compares");
    });

    it("frees a name with one that is unique and fits the column", () => {
        fc.assert(
            fc.property(fc.uuid(), fc.string({ maxLength: 300 }), (regionId, name) => {
                const freed = freedRegionName({ regionId, name });
                assert.ok(freed.startsWith(`deleted-${regionId}`) && freed.length <= 255);
            }),
        );
    });
});

describe("namePatch", () => {
    it("patches only what differs and what is asked for", () => {
        assert.deepEqual(namePatch({ name: "a", enabled: true }, { name: "b" }), { name: "b" });
        assert.deepEqual(namePatch({ name: "a", enabled: true }, { name: "a", enabled: false }), { enabled: false });
        assert.equal(namePatch({ name: "a", enabled: false }, { name: "a" }), undefined);
    });
});
