import { strict as assert } from "assert";
import fc from "fast-check";
import { redact } from "../../components/airbyte/errors";
import { MIN_SECRET_LENGTH, REDACTED, redactSecrets, secretSpellings } from "../../components/shared/redact";

const SECRET = "s3cr3t/Ünïcode+&<key>='x' \"q\"";

/** How other systems echo a value, each written independently of the module under test. */
const ECHOES: [string, (s: string) => string][] = [
    ["as is", (s) => s],
    ["URL-encoded (encodeURIComponent)", (s) => encodeURIComponent(s)],
    ["URL-encoded with lower-case hex", (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ["form-encoded (URLSearchParams)", (s) => new URLSearchParams({ v: s }).toString().slice(2)],
    ["URL-encoded twice", (s) => encodeURIComponent(encodeURIComponent(s))],
    ["inside a JSON string", (s) => JSON.stringify({ error: `bad value ${s}` })],
    ["inside JSON inside JSON", (s) => JSON.stringify({ body: JSON.stringify({ secret: s }) })],
    ["JSON with escaped slashes (PHP, Jackson option)", (s) => JSON.stringify(s).replace(/\//g, "\\/")],
    [
        "JSON with ASCII-only output (Python json.dumps)",
        (s) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    ],
    [
        "JSON with HTML-safe escapes (Go encoding/json)",
        (s) => JSON.stringify(s).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    ],
    [
        "HTML text with named entities",
        (s) =>
            `<p>${s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")}</p>`,
    ],
    ["HTML attribute with hex references", (s) => `value="${s.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)}"`],
    ["base64", (s) => Buffer.from(s).toString("base64")],
    ["base64url", (s) => Buffer.from(s).toString("base64url")],
    [
        "in a Basic authorization header, after the client id",
        (s) => `Authorization: Basic ${Buffer.from(`client-id:${s}`).toString("base64")}`,
    ],
    ["base64 one byte in", (s) => Buffer.from(`x${s}`).toString("base64")],
    ["base64 two bytes in", (s) => Buffer.from(`xy${s}`).toString("base64")],
];

describe("redaction of secrets in every common encoding", () => {
    for (const [how, echo] of ECHOES) {
        it(`removes a secret echoed ${how}`, () => {
            const text = `Airbyte said: ${echo(SECRET)} (end)`;
            const out = redactSecrets(text, [SECRET]);
            assert.ok(out.includes(REDACTED), out);
            assert.ok(!out.includes(echo(SECRET)), out);
            // Nothing that spells more than a few characters of the secret remains.
            for (const spelling of [SECRET, encodeURIComponent(SECRET), JSON.stringify(SECRET).slice(1, -1)]) {
                assert.ok(!out.includes(spelling.slice(0, 12)), `${how}: ${out}`);
            }
        });
    }

    it("keeps the rest of the text and every other value", () => {
        assert.equal(redactSecrets("token abcd1234 for client c-1", ["abcd1234"]), `token ${REDACTED} for client c-1`);
        assert.equal(redactSecrets("nothing secret here", ["abcd1234", undefined]), "nothing secret here");
    });

    it(`leaves values shorter than ${MIN_SECRET_LENGTH} characters alone`, () => {
        assert.equal(redactSecrets("abc abc", ["abc"]), "abc abc");
        assert.ok(secretSpellings("abcd").every((s) => s.length >= MIN_SECRET_LENGTH));
    });

    it("redacts any secret in any echo, for random secrets (property)", () => {
        fc.assert(
            fc.property(
                fc.string({ minLength: 8, maxLength: 40, unit: "grapheme" }),
                fc.integer({ min: 0, max: ECHOES.length - 1 }),
                (secret, i) => {
                    const echoed = ECHOES[i][1](secret);
                    return !redactSecrets(`x ${echoed} y`, [secret]).includes(echoed);
                },
            ),
            { numRuns: 300 },
        );
    });

    it("is what the Airbyte client's redact uses", () => {
        assert.equal(redact(`{"detail":"bad ${encodeURIComponent(SECRET)}"}`, [SECRET]), `{"detail":"bad ${REDACTED}"}`);
    });
});
