import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { credentialLookalikes, CREDENTIAL_VALUE_KEYS, dataPlaneChartPinned, helmValuesNoPlaintextSecrets } from "../policies/helm";
import { T } from "../policies/tokens";
import { checkResource, messages, mutate, UNKNOWN } from "./support/args";
import { ok } from "./support/fixtures";

const plaintext = helmValuesNoPlaintextSecrets as ResourceValidationPolicy;
const pinned = dataPlaneChartPinned as ResourceValidationPolicy;

// Shapes only: none of these is a real credential.
const PEM = ["-----BEGIN", "RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----"].join(" ");
const AWS_KEY_ID = ["AKIA", "ABCDEFGHIJKLMNOP"].join("");
const AWS_SECRET = ["wJalrXUtnFEMI", "K7MDENG", "bPxRfiCYEXAMPLEKEY"].join("/");

describe("policy helm-values-no-plaintext-secrets", () => {
    it("passes values that reference Secrets by name", () => {
        assert.deepStrictEqual(messages(checkResource(plaintext, T.helmRelease, ok.release)), []);
    });

    for (const key of Object.keys(CREDENTIAL_VALUE_KEYS)) {
        it(`reports values.${key}`, () => {
            const [m, ...rest] = messages(checkResource(plaintext, T.helmRelease, mutate(ok.release, `values.${key}`, "x")));
            assert.strictEqual(rest.length, 0);
            assert.ok(m.startsWith(`\`values.${key}\` is set.`), m);
            assert.match(m, /put the credential in the Secret named by/);
        });
    }

    it("reports a credential key even when its value is a secret or unknown (the engine decrypts secrets for policies)", () => {
        for (const value of ["[secret]", UNKNOWN]) {
            const release = mutate(ok.release, "values.dataPlane.clientSecret", value);
            assert.strictEqual(messages(checkResource(plaintext, T.helmRelease, release)).length, 1, value);
        }
    });

    it("accepts credential keys left empty", () => {
        const release = mutate(ok.release, "values.storage.s3.accessKeyId", "");
        assert.deepStrictEqual(messages(checkResource(plaintext, T.helmRelease, release)), []);
    });

    it("reports a PEM private key under any key, naming the path but not the value", () => {
        const release = mutate(ok.release, "values.workloadLauncher.extraEnv", [{ name: "KEY", value: PEM }]);
        const [m] = messages(checkResource(plaintext, T.helmRelease, release));
        assert.match(m, /`values.workloadLauncher.extraEnv\[0\]\.value` looks like a PEM private key/);
        assert.ok(!m.includes("MIIE"));
    });

    it("reports AWS access key ids and secret keys anywhere in the values", () => {
        const release = mutate(mutate(ok.release, "values.global.keyId", AWS_KEY_ID), "values.global.key", AWS_SECRET);
        const found = messages(checkResource(plaintext, T.helmRelease, release));
        assert.deepStrictEqual(
            found.map((m) => m.split(" looks like ")[1].split(":")[0]),
            ["an AWS access key id", "an AWS secret access key"],
        );
    });

    it("does not mistake a hex digest or the secret placeholder for a key", () => {
        assert.deepStrictEqual(credentialLookalikes({ sha: "a".repeat(20) + "0123456789abcdef0123", s: "[secret]" }), []);
    });

    it("checks helm v4 charts too", () => {
        const chart = mutate(ok.release, "values.storage.azure.connectionString", "DefaultEndpointsProtocol=https;AccountKey=abc");
        assert.strictEqual(messages(checkResource(plaintext, T.helmChartV4, chart)).length, 1);
    });
});

describe("policy data-plane-chart-pinned", () => {
    it("passes the data-plane chart pinned to an allowed version", () => {
        assert.deepStrictEqual(messages(checkResource(pinned, T.helmRelease, ok.release)), []);
    });

    it("reports a release without a version", () => {
        const [m] = messages(checkResource(pinned, T.helmRelease, mutate(ok.release, "version", undefined)));
        assert.match(m, /Chart "airbyte-data-plane" has no `version`.*pin an exact version/);
    });

    it("reports version ranges", () => {
        for (const range of ["^2.2.0", "~2.1", "2.x", ">=2.0.0", "v2.2.0", "*"]) {
            const [m] = messages(checkResource(pinned, T.helmRelease, mutate(ok.release, "version", range)));
            assert.match(m, /is a range or not semver/, range);
        }
    });

    it("reports a data-plane chart version outside the allowed list", () => {
        const [m] = messages(checkResource(pinned, T.helmRelease, mutate(ok.release, "version", "1.9.0")));
        assert.match(m, /version "1.9.0" is not in the allowed list \(2.0.0, 2.0.1, 2.1.0, 2.1.1, 2.2.0\)/);
    });

    it("uses the configured allowed list", () => {
        const outcome = checkResource(pinned, T.helmRelease, ok.release, { config: { allowedChartVersions: ["2.0.1"] } });
        assert.match(messages(outcome)[0], /"2.2.0" is not in the allowed list \(2.0.1\)/);
    });

    it("requires only a pin, not an allowed version, for other charts", () => {
        const other = { chart: "oci://registry-1.docker.io/bitnamicharts/nginx", version: "18.1.0" };
        assert.deepStrictEqual(messages(checkResource(pinned, T.helmRelease, other)), []);
        assert.strictEqual(messages(checkResource(pinned, T.helmRelease, { ...other, version: "" })).length, 1);
    });

    it("recognizes the data-plane chart by repository path", () => {
        const oci = mutate(ok.release, "chart", "airbyte/airbyte-data-plane");
        assert.strictEqual(messages(checkResource(pinned, T.helmRelease, mutate(oci, "version", "3.0.0"))).length, 1);
    });
});
