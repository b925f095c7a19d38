import { redactSecrets } from "../shared/redact";
/** What went wrong with an Airbyte API call; each kind has its own explanation and fix. */
export type AirbyteErrorKind =
    | "bad-credentials"
    | "token-rejected"
    | "forbidden"
    | "not-found"
    | "conflict"
    | "bad-request"
    | "rate-limited"
    | "server"
    | "network"
    | "timeout"
    | "invalid-response";

export interface AirbyteApiErrorInit {
    kind: AirbyteErrorKind;
    /** HTTP status, or 0 when no response arrived (network failure, timeout). */
    status: number;
    method: string;
    /** Request path below the API base URL, e.g. `/regions/<id>`; carries ids, never credentials. */
    path: string;
    /** What the call was about, e.g. `region 4f6c...` or `data plane "eu-1"`. */
    subject: string;
    /** How many times the request was sent. */
    attempts: number;
    /** The server's own message, already stripped of secrets. */
    detail?: string;
    /** Extra explanation, e.g. why a create was not retried. */
    note?: string;
}

/**
 * A failed Airbyte API call. The message names the call, the status and the fix; it never holds a secret.
 * The constructor sets `message` itself and the class defines `toString`: Pulumi's closure serializer turns
 * classes into plain functions whose `super(...)` call cannot initialize an `Error`.
 */
export class AirbyteApiError extends Error {
    readonly kind: AirbyteErrorKind;
    readonly status: number;
    readonly method: string;
    readonly path: string;
    readonly attempts: number;

    constructor(init: AirbyteApiErrorInit) {
        const message = describeFailure(init);
        super(message);
        this.message = message;
        this.name = "AirbyteApiError";
        Error.captureStackTrace?.(this, AirbyteApiError);
        this.kind = init.kind;
        this.status = init.status;
        this.method = init.method;
        this.path = init.path;
        this.attempts = init.attempts;
    }

    toString(): string {
        return `${this.name}: ${this.message}`;
    }
}

/** The kind of failure an HTTP status means for a call that is not the token request. */
export function kindForStatus(status: number): AirbyteErrorKind {
    if (status === 401) return "token-rejected";
    if (status === 403) return "forbidden";
    if (status === 404) return "not-found";
    if (status === 409) return "conflict";
    if (status === 429) return "rate-limited";
    if (status >= 500) return "server";
    return "bad-request";
}

/** The full message for a failure: call, outcome, server detail and the fix. */
export function describeFailure(init: AirbyteApiErrorInit): string {
    const call = `${init.method} ${init.path}`;
    const outcome = init.status ? `returned ${init.status}` : "got no response";
    const tries = init.attempts > 1 ? ` after ${init.attempts} attempts` : "";
    const detail = init.detail ? ` Airbyte said: "${init.detail}".` : "";
    const note = init.note ? ` ${init.note}` : "";
    const head = `Airbyte API ${call} ${outcome}${tries}:`;
    switch (init.kind) {
        case "bad-credentials":
            return `${head} the application's client id or client secret was rejected.${detail} Fix: copy the ` +
                `client id and secret of an application from Settings > Applications in Airbyte, and check that ` +
                `apiUrl points at the control plane that issued them.`;
        case "token-rejected":
            return `${head} Airbyte refused a freshly issued access token for ${init.subject}.${detail} Fix: check ` +
                `that apiUrl serves both the token and this call, and that the application still exists.`;
        case "forbidden":
            return `${head} access to ${init.subject} is denied.${detail} Fix: regions and data planes can only ` +
                `be managed by an organization admin; create the application as a user who is an organization ` +
                `admin of that organization, or have an admin grant that role.`;
        case "not-found":
            return `${head} ${init.subject} was not found.${detail} It was deleted outside Pulumi, belongs to another ` +
                `organization or control plane, or the id is wrong. Fix: check the id and apiUrl; ` +
                `\`pulumi refresh\` drops resources deleted outside Pulumi from the state.`;
        case "conflict":
            return `${head} ${init.subject} conflicts with an existing object.${detail} Fix: the name is probably in ` +
                `use; choose another name, or adopt the existing object by setting importId to its id.`;
        case "bad-request":
            return `${head} Airbyte rejected the request for ${init.subject}.${detail} Fix: check the arguments ` +
                `(ids are UUIDs, names are non-empty).`;
        case "rate-limited":
            return `${head} still rate limited for ${init.subject}.${detail}${note} Fix: wait a minute and run ` +
                `again, or run fewer operations at once (pulumi up --parallel 2).`;
        case "server":
            return `${head} the control plane failed while handling ${init.subject}.${detail}${note} Fix: retry ` +
                `later; if it persists, contact Airbyte support with the time of the failure.`;
        case "network":
            return `${head} could not reach the control plane for ${init.subject}${init.detail ? ` (${init.detail})` : ""}.` +
                `${note} Fix: check apiUrl, DNS, proxies and that outbound HTTPS to it is allowed.`;
        case "timeout":
            return `${head} no answer in time for ${init.subject}.${note} Fix: check the network path to the ` +
                `control plane, or raise the client's timeoutMs.`;
        case "invalid-response":
            return `${head} the response for ${init.subject} is not what the public API documents` +
                `${init.detail ? ` (${init.detail})` : ""}. Fix: check that apiUrl points at the public API ` +
                `(https://api.airbyte.com/v1 or https://<host>/api/public/v1), not the web UI.`;
    }
}

const MAX_DETAIL_CHARS = 300;

/**
 * Replaces every occurrence of the given secrets (ignoring very short values) with a placeholder,
 * in their common encodings too (URL, JSON, HTML, base64; see `components/shared/redact.ts`).
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
    return redactSecrets(text, secrets);
}

/**
 * The human part of an error body (`message`, `detail`, `title` or `error_description` of a JSON body, else
 * the text), one line, secrets removed, cut to a readable length.
 */
export function errorDetail(body: string, secrets: ReadonlyArray<string | undefined>): string | undefined {
    let text = body.trim();
    try {
        const parsed = JSON.parse(text);
        if (parsed && typeof parsed === "object") {
            const field = ["message", "detail", "title", "error_description", "error"]
                .map((key) => parsed[key])
                .find((value) => typeof value === "string" && value.trim() !== "");
            text = field ?? text;
        }
    } catch {
        // Not JSON: keep the text as it came.
    }
    text = redact(text.replace(/\s+/g, " ").trim(), secrets);
    if (text === "") {
        return undefined;
    }
    return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}...` : text;
}
