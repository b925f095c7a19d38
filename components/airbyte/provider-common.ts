/**
 * Helpers shared by the dynamic providers. Everything here runs inside the serialized provider, so it
 * captures no credentials: the application's id and secret always come from the resource's own inputs.
 */
import type * as pulumi from "@pulumi/pulumi";
import { AirbyteClient, NameEnabledPatch } from "./client";
import { AirbyteClientOptions } from "./http";
import { checkApiUrl, DEFAULT_AIRBYTE_API_URL } from "./url";

/** The value Pulumi passes for inputs not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Client settings a provider may be built with: never the credentials. */
export type ProviderClientOptions = Omit<AirbyteClientOptions, "apiUrl" | "clientId" | "clientSecret">;

/** How every Airbyte resource reaches the API; stored in its inputs and state. */
export interface ConnectionState {
    apiUrl?: string;
    applicationClientId?: string;
    applicationClientSecret?: string;
}

export const CONNECTION_KEYS = ["apiUrl", "applicationClientId", "applicationClientSecret"] as const;

/** A client authenticated with the application credentials held in `props`. */
export function clientFor(props: ConnectionState, options: ProviderClientOptions, action: string): AirbyteClient {
    if (!props.applicationClientId || !props.applicationClientSecret) {
        throw new Error(
            `Cannot ${action}: the resource's inputs hold no application clientId and clientSecret. Pass ` +
                `application: { clientId, clientSecret } of an Airbyte application whose user is an organization admin.`,
        );
    }
    return new AirbyteClient({
        ...options,
        apiUrl: props.apiUrl || DEFAULT_AIRBYTE_API_URL,
        clientId: props.applicationClientId,
        clientSecret: props.applicationClientSecret,
    });
}

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

/** True when `news[key]` is unknown or differs from `olds[key]`. */
export function differs(olds: Record<string, any>, news: Record<string, any>, key: string): boolean {
    return isUnknown(news[key]) || olds[key] !== news[key];
}

/** The `kind` of an `AirbyteApiError` (matched by name: serialized code has its own copy of the class), else undefined. */
export function apiErrorKind(error: unknown): string | undefined {
    const candidate = error as { name?: string; kind?: string } | undefined;
    return candidate?.name === "AirbyteApiError" ? candidate.kind : undefined;
}

/**
 * True when a create failed without a definite answer, so it may have been committed: no response (connection
 * reset, timeout) or a gateway's 502/504. A 500 from Airbyte's server itself comes from an exception that rolled
 * the create's transaction back (`@Transactional` on `createDataplaneAndServiceAccount`, `writeDataplaneGroup`).
 */
export function isAmbiguousCreateFailure(error: unknown): boolean {
    const kind = apiErrorKind(error);
    const status = (error as { status?: number } | undefined)?.status;
    return kind === "network" || kind === "timeout" || (kind === "server" && (status === 502 || status === 504));
}

/** Check failures for the connection inputs, and the inputs with `apiUrl` normalized. */
export function checkConnection<T extends ConnectionState>(news: T): { inputs: T; failures: pulumi.dynamic.CheckFailure[] } {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    const inputs = { ...news };
    if (!isUnknown(news.apiUrl)) {
        const checked = checkApiUrl(news.apiUrl || DEFAULT_AIRBYTE_API_URL);
        if ("problem" in checked) {
            failures.push({ property: "apiUrl", reason: checked.problem });
        } else {
            inputs.apiUrl = checked.url;
        }
    }
    for (const key of ["applicationClientId", "applicationClientSecret"] as const) {
        if (!isUnknown(news[key]) && (typeof news[key] !== "string" || news[key] === "")) {
            failures.push({
                property: key,
                reason: "required: the client id and secret of an Airbyte application (Settings > Applications).",
            });
        }
    }
    return { inputs, failures };
}

/** A failure when a required string input is missing or empty (unknown values pass). */
export function requireText(news: Record<string, any>, key: string, what: string): pulumi.dynamic.CheckFailure[] {
    const value = news[key];
    if (isUnknown(value) || (typeof value === "string" && value.trim() !== "")) {
        return [];
    }
    return [{ property: key, reason: `required: ${what}.` }];
}

/** The patch that turns `current` into what `desired` asks for, or undefined when nothing differs. */
export function namePatch(current: NameEnabledPatch, desired: NameEnabledPatch): NameEnabledPatch | undefined {
    const patch: NameEnabledPatch = {};
    if (desired.name !== undefined && desired.name !== current.name) {
        patch.name = desired.name;
    }
    if (desired.enabled !== undefined && desired.enabled !== current.enabled) {
        patch.enabled = desired.enabled;
    }
    return Object.keys(patch).length > 0 ? patch : undefined;
}

/** Drops the engine's `__provider` from a property bag so outputs hold only the resource's own fields. */
export function ownFields<T extends Record<string, any>>(props: T): T {
    const { __provider: _provider, ...rest } = props as Record<string, any>;
    return rest as T;
}

/** Inputs and state every Airbyte object resource has, besides its parent and its id. */
export interface ObjectState extends ConnectionState {
    __kind?: string;
    name?: string;
    enabled?: boolean;
    importId?: string;
    createdAt?: string;
    updatedAt?: string;
}
