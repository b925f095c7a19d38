import { strict as assert } from "assert";
import fc from "fast-check";
import { gkeKubeconfig } from "../../components/gcp/access";
import { resolveIdentity } from "../../components/gcp/identity";
import { bucketLocationServesRegion, GCP_REGION, parseLocation } from "../../components/gcp/locations";
import {
    GCP_LABEL_KEY,
    GCP_LABEL_VALUE,
    MAX_BASE_NAME_LENGTH,
    resourceBaseName,
    SERVICE_ACCOUNT_ID,
    serviceAccountId,
    toGcpLabels,
} from "../../components/gcp/names";
import {
    AUTOPILOT_MAX_POD_EPHEMERAL_STORAGE,
    DEFAULT_JOB_EPHEMERAL_STORAGE,
    fitsAutopilotEphemeralStorage,
    quantityBytes,
} from "../../components/gcp/quantities";
import { InputProblems } from "../../components/shared/errors";
import type { SecretsManagerSpec } from "../../components/shared/types";

const regionArb = fc
    .tuple(
        fc.constantFrom("europe", "us", "asia", "australia", "me", "northamerica"),
        fc.constantFrom("west", "east", "central", "north", "south", "southeast"),
        fc.integer({ min: 1, max: 12 }),
    )
    .map(([area, direction, n]) => `${area}-${direction}${n}`);
describe("GCP pure helpers (properties)", () => {
    it("resourceBaseName always yields a short, GCP-safe name, and keeps names that already are", () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 80 }), (name) => {
                const base = resourceBaseName(name);
                assert.ok(base.length <= MAX_BASE_NAME_LENGTH, base);
                assert.match(base, /^[a-z]([a-z0-9-]*[a-z0-9])?$/);
                assert.ok(!base.includes("--"), base);
                assert.equal(resourceBaseName(name), base);
            }),
        );
        fc.assert(fc.property(fc.stringMatching(/^[a-z]([a-z0-9]|-[a-z0-9]){0,9}$/), (name) => assert.equal(resourceBaseName(name), name)));
    });

    it("serviceAccountId always satisfies GCP's account-id rule", () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 80 }), fc.constantFrom("airbyte", "nodes"), (base, suffix) => {
                const id = serviceAccountId(base, suffix);
                assert.match(id, SERVICE_ACCOUNT_ID);
                assert.ok(id.endsWith(`-${suffix}`), id);
            }),
        );
    });

    it("toGcpLabels yields only valid label keys and values, never more labels than tags", () => {
        fc.assert(
            fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 80 }), fc.string({ maxLength: 80 })), (tags) => {
                const labels = toGcpLabels(tags);
                for (const [key, value] of Object.entries(labels)) {
                    assert.match(key, GCP_LABEL_KEY);
                    assert.match(value, GCP_LABEL_VALUE);
                }
                assert.ok(Object.keys(labels).length <= Object.keys(tags).length);
            }),
        );
    });

    it("parseLocation tells regions from zones and finds a zone's region", () => {
        fc.assert(
            fc.property(regionArb, fc.constantFrom("a", "b", "c", "d", "f"), (region, letter) => {
                assert.match(region, GCP_REGION);
                assert.deepEqual(parseLocation(region), { region });
                assert.deepEqual(parseLocation(`${region}-${letter}`), { region, zone: `${region}-${letter}` });
            }),
        );
        assert.equal(parseLocation("europe"), undefined);
    });

    it("a bucket serves its own region in any letter case, and no other single region", () => {
        fc.assert(
            fc.property(regionArb, regionArb, (a, b) => {
                assert.ok(bucketLocationServesRegion(a.toUpperCase(), a));
                assert.equal(bucketLocationServesRegion(a, b), a === b);
            }),
        );
        assert.ok(bucketLocationServesRegion("EU", "europe-west4"));
        assert.equal(bucketLocationServesRegion("EU", "europe-west6"), false);
        assert.equal(bucketLocationServesRegion("EUR4", "europe-west1"), false);
    });

    it("resolveIdentity creates an account exactly when some key is missing, and grants only what that key serves", () => {
        const store = fc.oneof(
            fc.record({
                gcp: fc.record({
                    projectId: fc.constantFrom("secrets-a", "secrets-b"),
                    credentialsJson: fc.option(fc.constant("{}"), { nil: undefined }),
                }),
            }),
            fc.constant({ aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } }),
            fc.constant({
                azure: {
                    vaultUrl: "https://acme-secrets.vault.azure.net/",
                    tenantId: "00000000-0000-0000-0000-000000000001",
                    clientId: "c",
                    clientSecret: "s",
                },
            }),
        ) as fc.Arbitrary<SecretsManagerSpec>;
        fc.assert(
            fc.property(store, fc.boolean(), (spec, storageGiven) => {
                const problems = new InputProblems("x");
                const plan = resolveIdentity(problems, {
                    secretsManager: spec,
                    ...(storageGiven ? { storageCredentialsJson: "{}" } : {}),
                    secretManagerRoles: ["roles/a"],
                    bucketRoles: ["roles/b"],
                });
                assert.equal(problems.count, 0);
                const storeNeedsKey = spec.gcp !== undefined && spec.gcp.credentialsJson === undefined;
                assert.equal(plan.createServiceAccount, storeNeedsKey || !storageGiven);
                assert.deepEqual(plan.secretManager, storeNeedsKey ? { projectId: spec.gcp!.projectId, roles: ["roles/a"] } : undefined);
                assert.deepEqual(plan.bucketRoles, storageGiven ? undefined : ["roles/b"]);
            }),
        );
    });

    it("storage quantities: the chart's default job request fits Autopilot's per-pod limit, anything above 10Gi does not", () => {
        assert.ok(fitsAutopilotEphemeralStorage(DEFAULT_JOB_EPHEMERAL_STORAGE));
        assert.ok(fitsAutopilotEphemeralStorage(AUTOPILOT_MAX_POD_EPHEMERAL_STORAGE));
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
                assert.equal(quantityBytes(`${n}Gi`), n * 2 ** 30);
                assert.equal(quantityBytes(`${n}G`), n * 1e9);
                assert.equal(fitsAutopilotEphemeralStorage(`${n}Gi`), n <= 10);
            }),
        );
        assert.equal(quantityBytes("5 gigs"), undefined);
    });

    it("gkeKubeconfig embeds no credential and always points at https", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^[a-z0-9.]{1,30}$/), fc.base64String({ maxLength: 40 }), (endpoint, ca) => {
                const config = JSON.parse(gkeKubeconfig("ctx", endpoint, ca));
                assert.equal(config.clusters[0].cluster.server, `https://${endpoint}`);
                assert.deepEqual(Object.keys(config.users[0].user), ["exec"]);
            }),
        );
    });
});
