/**
 * Helpers shared by the dynamic providers. Everything here runs inside the serialized provider, so it
 * captures no credentials: the application's id and secret always come from the resource's own inputs.
 */
import type * as pulumi from "@pulumi/pulumi";
import { AirbyteClient, AirbyteObjectInfo, NameEnabledPatch } from "./client";
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

/** True for an `AirbyteApiError` that means the object does not exist. */
export function isNotFound(error: unknown): boolean {
    const candidate = error as { name?: string; kind?: string } | undefined;
    return candidate?.name === "AirbyteApiError" && candidate.kind === "not-found";
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

/** `promise`'s value, or undefined when it fails because the object does not exist. */
export async function unlessNotFound<T>(promise: Promise<T>): Promise<T | undefined> {
    try {
        return await promise;
    } catch (error) {
        if (isNotFound(error)) {
            return undefined;
        }
        throw error;
    }
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

/**
 * What sets one kind of Airbyte object (region, data plane) apart for `objectProvider`. It is serialized with
 * the provider: plain values and functions that get their client as an argument, never credentials.
 */
export interface ObjectDefinition<S extends ObjectState, L extends AirbyteObjectInfo> {
    /** The discriminator stored in the inputs (kinds.ts). */
    kind: NonNullable<S["__kind"]>;
    /** How messages name the object, e.g. "data plane". */
    noun: string;
    /** The field of the API's answers that holds the object's id, e.g. "regionId". */
    idKey: keyof L & string;
    /** The input naming the parent the object belongs to; changing it replaces the object. */
    parentKey: keyof L & keyof S & string;
    /** How messages name the parent, e.g. "organization". */
    parentNoun: string;
    /** Inputs updated in place besides name, enabled and the connection. */
    updateKeys: ReadonlyArray<keyof S & string>;
    get(client: AirbyteClient, id: string): Promise<L>;
    update(client: AirbyteClient, id: string, patch: NameEnabledPatch): Promise<L>;
    remove(client: AirbyteClient, id: string): Promise<void>;
    /** Creates a new object (the inputs hold no importId). */
    create(client: AirbyteClient, inputs: S): Promise<{ id: string; outs: S }>;
    /** The state for the inputs `news` and the object as read; `olds` is the previous state (empty when adopting). */
    outs(news: S, live: Partial<L>, olds: S): S;
    /** Check failures beyond the connection, the parent id and the name. */
    moreFailures?(news: S): pulumi.dynamic.CheckFailure[];
}

/**
 * The CRUD operations shared by the Airbyte objects: adopting with `importId`, reading (a deleted object is
 * gone, an id-only read is an import), renaming and enabling in place, and deleting (an already deleted object
 * is done). `options` tunes the HTTP client and never carries credentials.
 */
export function objectProvider<S extends ObjectState, L extends AirbyteObjectInfo>(
    object: ObjectDefinition<S, L>,
    options: ProviderClientOptions,
): pulumi.dynamic.ResourceProvider<S, S> {
    const { noun, parentKey, idKey } = object;
    return {
        async check(_olds, news) {
            const { inputs, failures } = checkConnection(news);
            failures.push(...requireText(news, parentKey, `the id of the Airbyte ${object.parentNoun} the ${noun} belongs to`));
            failures.push(...requireText(news, "name", `the ${noun}'s name as Airbyte shows it`));
            failures.push(...(object.moreFailures?.(news) ?? []));
            return { inputs: { ...inputs, __kind: object.kind }, failures };
        },

        async diff(_id, olds, news) {
            const replaces = [parentKey].filter((key) => differs(olds, news, key));
            const updates = ["name", ...object.updateKeys, ...CONNECTION_KEYS].filter((key) => differs(olds, news, key));
            if (news.enabled !== undefined && differs(olds, news, "enabled")) {
                updates.push("enabled");
            }
            return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
        },

        async create(inputs) {
            const client = clientFor(inputs, options, `create ${noun} "${inputs.name}"`);
            if (!inputs.importId) {
                return object.create(client, inputs);
            }
            const live = await object.get(client, inputs.importId);
            const owner: unknown = live[parentKey];
            if (owner !== inputs[parentKey]) {
                throw new Error(
                    `Cannot adopt ${noun} ${live[idKey]}: it belongs to ${object.parentNoun} ${owner}, ` +
                        `not ${inputs[parentKey]}. Fix ${parentKey} or importId.`,
                );
            }
            const patch = namePatch(live, inputs);
            const current = patch ? await object.update(client, String(live[idKey]), patch) : live;
            return { id: String(current[idKey]), outs: object.outs(inputs, current, {} as S) };
        },

        async read(id, props) {
            const state = props ?? ({} as S);
            const client = clientFor(state, options, `read ${noun} ${id}`);
            const live = await unlessNotFound(object.get(client, id));
            if (live === undefined) {
                return { id: "", props: {} as S };
            }
            const outs = object.outs(state, live, state);
            if (state.name !== undefined) {
                return { id, props: outs };
            }
            // Read with only an id (an import): the live object supplies the inputs too.
            const inputs: ObjectState = {
                __kind: object.kind,
                apiUrl: client.apiUrl,
                applicationClientId: state.applicationClientId,
                applicationClientSecret: state.applicationClientSecret,
                [parentKey]: live[parentKey],
                name: live.name,
                enabled: live.enabled,
            };
            return { id, props: { ...outs, apiUrl: client.apiUrl }, inputs: inputs as S };
        },

        async update(id, olds, news) {
            const client = clientFor(news, options, `update ${noun} ${id}`);
            const patch = namePatch(olds, news);
            const live = patch ? await object.update(client, id, patch) : await object.get(client, id);
            return { outs: object.outs(news, live, olds) };
        },

        async delete(id, props) {
            const client = clientFor(props, options, `delete ${noun} ${id}`);
            await unlessNotFound(object.remove(client, id));
        },
    };
}
