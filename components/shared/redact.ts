/**
 * Removing secret values from text that may echo them in another encoding: an error body that
 * repeats a form field (URL-encoded), a JSON document that quotes it (escaped), an HTML error page
 * (entities), or a header or token that carries it base64-encoded.
 *
 * No imports: dynamic providers serialize this module's functions into their closures.
 */

/** What replaces a secret in redacted text. */
export const REDACTED = "[redacted]";

/** Secrets shorter than this are left alone: replacing them would shred ordinary words. */
export const MIN_SECRET_LENGTH = 4;

/** `encodeURIComponent` with lower-case hex digits, as some servers and clients write it. */
function lowerHexPercent(text: string): string {
    return text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}

/** The spellings of `value` inside a JSON string: standard escapes, `\/`, `\uXXXX` for non-ASCII, and for `<>&` as Go writes them. */
function jsonForms(value: string): string[] {
    const standard = JSON.stringify(value).slice(1, -1);
    const unicode = (pattern: RegExp) => (text: string) =>
        text.replace(pattern, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const nonAscii = unicode(/[\u007f-\uffff]/g);
    const htmlSafe = unicode(/[<>&\u2028\u2029]/g);
    return [standard, standard.replace(/\//g, "\\/"), nonAscii(standard), htmlSafe(standard), htmlSafe(nonAscii(standard))];
}

/** The spellings of `value` in HTML or XML text: named entities, and decimal and hex character references. */
function htmlForms(value: string): string[] {
    const named: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    const byName = value.replace(/[&<>"']/g, (c) => named[c]);
    const apos = byName.replace(/&#39;/g, "&apos;");
    const hexApos = byName.replace(/&#39;/g, "&#x27;");
    const decimal = value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const hex = value.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
    return [byName, apos, hexApos, decimal, hex];
}

/**
 * The characters that base64 of `value` always contains, wherever `value` sits in the encoded bytes:
 * for each of the three byte alignments, the encoding of `value` minus the characters its
 * neighbours also touch. Standard and URL-safe alphabets.
 */
function base64Forms(value: string): string[] {
    const bytes = Buffer.from(value, "utf8");
    const forms: string[] = [];
    for (let offset = 0; offset < 3; offset++) {
        const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
        const encoded = padded.toString("base64").replace(/=+$/, "");
        // Leading characters mix in the filler bytes; trailing ones mix in whatever follows.
        const start = Math.ceil((offset * 8) / 6);
        const end = Math.floor(((offset + bytes.length) * 8) / 6);
        const core = encoded.slice(start, end);
        if (core.length >= MIN_SECRET_LENGTH) {
            forms.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
        }
    }
    return forms;
}

/** Every spelling of `secret` that `redactSecrets` removes, longest first. */
export function secretSpellings(secret: string): string[] {
    let uriForms: string[] = [];
    try {
        const uri = encodeURIComponent(secret);
        // Form encoding (application/x-www-form-urlencoded) also escapes !'()~ and writes spaces as +.
        const form = uri.replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, "+");
        uriForms = [uri, lowerHexPercent(uri), form, lowerHexPercent(form), encodeURIComponent(uri)];
    } catch {
        // A lone surrogate cannot be URL-encoded, so no URL can carry it either.
    }
    const spellings = new Set<string>([
        secret,
        ...uriForms,
        ...jsonForms(secret),
        ...jsonForms(JSON.stringify(secret).slice(1, -1)),
        ...htmlForms(secret),
        ...base64Forms(secret),
    ]);
    return [...spellings].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/**
 * `text` with every secret (of at least `MIN_SECRET_LENGTH` characters) replaced by `REDACTED`, in
 * any of the spellings `secretSpellings` lists: as is, URL-encoded (upper or lower hex, `+` for
 * spaces, twice encoded), JSON-escaped (once or twice, with the escapes other serializers use), as
 * HTML entities, and base64 (standard or URL-safe, at any alignment).
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
    const spellings = secrets
        .filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH)
        .flatMap(secretSpellings)
        .sort((a, b) => b.length - a.length);
    let out = text;
    for (const spelling of spellings) {
        out = out.split(spelling).join(REDACTED);
    }
    return out;
}
