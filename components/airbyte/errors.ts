import { redactSecrets } from "../shared/redact";
import { isEntitlementProblem, isErrorIdOnly, isRegionNameTaken, isResourceNotFound, ServerError } from "./problem";

/** What went wrong with an Airbyte API call; each kind has its own explanation and fix. */
export type AirbyteErrorKind =
    | "bad-credentials"
    | "token-rejected"
    | "forbidden"
    | "not-entitled"
    | "no-route"
    | "not-found"
    | "unknown-id"
    | "name-taken"
    | "invalid-request"
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
    /** Request path below the base URL, e.g. `/regions/<id>`; carries ids, never credentials. */
    path: string;
    /** The base URL the call went to (no credentials in it). */
    baseUrl?: string;
    /** What the call was about, e.g. `region 4f6c...` or `data plane "eu-1"`. */
    subject: string;
    /** How many times the request was sent. */
    attempts: number;
    /** The server's own cause (problem `data.message`, or the text), already stripped of secrets. */
    detail?: string;
    /** The server's `errorId`, to quote to Airbyte support. */
    errorId?: string;
    /** Who may make this call, for a 403: default "an organization admin of the region's organization". */
    requires?: string;
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
    readonly errorId: string | undefined;

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
        this.errorId = init.errorId;
    }

    toString(): string {
        return `${this.name}: ${this.message}`;
    }
}

/** What the caller knows about a call when its answer is an error. */
export interface CallTraits {
    /** The application's token request. */
    token?: boolean;
    /** The path names one object by id (`/regions/{id}`, `/dataplanes/{id}`). */
    byId?: boolean;
}

/** The kind of failure an error answer means, from its status and body (see problem.ts for the sources). */
export function classifyFailure(status: number, error: ServerError, traits: CallTraits = {}): AirbyteErrorKind {
    if (status >= 300 && status < 400) return "invalid-response";
    if (traits.token && (status === 400 || status === 401 || status === 403 || status === 422)) return "bad-credentials";
    // ApplicationServiceDataImpl.getToken throws IllegalArgumentException for unknown credentials: 500 {errorId}.
    if (traits.token && status === 500 && isErrorIdOnly(error)) return "bad-credentials";
    if (status === 401) return "token-rejected";
    if (status === 403) return isEntitlementProblem(error) ? "not-entitled" : "forbidden";
    if (status === 404) return isResourceNotFound(error) ? "not-found" : "no-route";
    if (status === 429) return "rate-limited";
    if (status === 500 && isRegionNameTaken(error)) return "name-taken";
    // An unknown id fails the controller's organization lookup outside any handler: 500 {errorId}
    // (RegionController.publicGetRegion -> getOrganizationIdFromRegion; DataplaneController -> getRegionIdFromDataplane).
    if (status === 500 && traits.byId && isErrorIdOnly(error)) return "unknown-id";
    if (status >= 500) return "server";
    return "invalid-request";
}

/** True for failures that retrying cannot change, whatever the status says. */
export function isDeterministic(kind: AirbyteErrorKind): boolean {
    return kind === "name-taken" || kind === "unknown-id" || kind === "bad-credentials";
}

const ORG_ADMIN = "an organization admin of the organization";

/** The full message for a failure: call, outcome, server detail and the fix. */
export function describeFailure(init: AirbyteApiErrorInit): string {
    const call = `${init.method} ${init.path}`;
    const outcome = init.status ? `returned ${init.status}` : "got no response";
    const tries = init.attempts > 1 ? ` after ${init.attempts} attempts` : "";
    const detail = init.detail ? ` Airbyte said: "${init.detail}".` : "";
    const errorId = init.errorId ? ` (errorId ${init.errorId})` : "";
    const note = init.note ? ` ${init.note}` : "";
    const head = `Airbyte API ${call} ${outcome}${tries}${errorId}:`;
    const base = init.baseUrl ?? "the API URL";
    switch (init.kind) {
        case "bad-credentials":
            return (
                `${head} the client id or client secret was rejected.${detail} Fix: copy the client id and secret of ` +
                `an application from Settings > Applications in Airbyte, and check that ${base} is the control plane ` +
                `that issued them.`
            );
        case "token-rejected":
            return (
                `${head} Airbyte refused a freshly issued access token for ${init.subject}.${detail} Fix: check ` +
                `that ${base} serves both the token and this call, and that the application still exists.`
            );
        case "forbidden":
            return (
                `${head} access to ${init.subject} is denied.${detail} Fix: this call needs ${init.requires ?? ORG_ADMIN}; ` +
                `create the application as such a user, or have an admin grant the role.`
            );
        case "not-entitled":
            return (
                `${head} the organization is not entitled to self-managed regions${detail ? ` (${init.detail})` : ""}, ` +
                `so Airbyte refuses every region and data-plane call for it. Fix: check the organization id; Enterprise ` +
                `Flex must be enabled for the organization by Airbyte (ask your Airbyte account team).`
            );
        case "no-route":
            return (
                `${head} ${base}${init.path.split("?")[0]} is not a route of Airbyte's API. Airbyte answers 404 only for ` +
                `paths it does not serve, never for a missing object, so the base URL is wrong. Fix: use ` +
                `https://api.airbyte.com/v1 for Airbyte Cloud, or https://<host>/api/public/v1 for a self-managed control plane.`
            );
        case "not-found":
            return (
                `${head} ${init.subject} does not exist.${detail} Fix: check the id; \`pulumi refresh\` drops objects ` +
                `deleted outside Pulumi from the state.`
            );
        case "unknown-id":
            return (
                `${head} Airbyte answers 500 with only an errorId when it does not know an id, so ${init.subject} ` +
                `most likely does not exist (mistyped, or in another control plane).${note} Fix: check the id and ${base}; ` +
                `if the id is right, the control plane failed: quote the errorId to Airbyte support.`
            );
        case "name-taken":
            return (
                `${head} the name of ${init.subject} is taken.${detail} Region names are unique within an organization, ` +
                `deleted regions included (Flexplane frees a name by renaming a region before deleting it, but a region ` +
                `deleted elsewhere keeps its name), and the default regions' names (AUTO, US, EU on Airbyte Cloud) are ` +
                `reserved. Fix: choose another name, or adopt a live region of that name with importId.`
            );
        case "invalid-request":
            return (
                `${head} Airbyte rejected the request for ${init.subject}.${detail} Fix: check the arguments ` +
                `(ids are UUIDs, names are non-empty).`
            );
        case "rate-limited":
            return (
                `${head} still rate limited for ${init.subject}.${detail}${note} Fix: wait a minute and run ` +
                `again, or run fewer operations at once (pulumi up --parallel 2).`
            );
        case "server":
            return (
                `${head} the control plane failed while handling ${init.subject}.${detail}${note} Fix: retry ` +
                `later; if it persists, contact Airbyte support with the errorId or the time of the failure.`
            );
        case "network":
            return (
                `${head} could not reach the control plane for ${init.subject}${init.detail ? ` (${init.detail})` : ""}.` +
                `${note} Fix: check ${base}, DNS, proxies and that outbound HTTPS to it is allowed.`
            );
        case "timeout":
            return (
                `${head} no answer in time for ${init.subject}.${note} Fix: check the network path to the ` +
                `control plane, or raise the client's timeoutMs.`
            );
        case "invalid-response":
            return (
                `${head} the response for ${init.subject} is not what Airbyte's API answers` +
                `${init.detail ? ` (${init.detail})` : ""}. Fix: check that ${base} points at the API ` +
                `(https://api.airbyte.com/v1 or https://<host>/api/public/v1), not the web UI.`
            );
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
 * The human part of an error body: the problem's `data.message` (its cause), else its `detail` or `title`,
 * else the text; one line, secrets removed, cut to a readable length. An `{errorId}`-only body has none.
 */
export function errorDetail(error: ServerError, secrets: ReadonlyArray<string | undefined>): string | undefined {
    let text = error.message ?? error.detail ?? error.title ?? error.text ?? "";
    text = redact(text.replace(/\s+/g, " ").trim(), secrets);
    if (text === "") {
        return undefined;
    }
    return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}...` : text;
}
