/**
 * The CRUD operations shared by Airbyte regions and data planes, modelled on how airbyte-server (HEAD 310e6cb)
 * really answers: deletes are tombstones that `GET /{id}` keeps returning (RegionService.controllerGetRegion and
 * DataplaneService.controllerGetDataplane read by id whatever the tombstone), only the list endpoints leave
 * deleted objects out, and an unknown id is a 500. So existence is always judged from the parent's list.
 * Runs inside the serialized provider: it captures no credentials.
 */
import type * as pulumi from "@pulumi/pulumi";
import { AirbyteClient, AirbyteObjectInfo, NameEnabledPatch } from "./client";
import {
    apiErrorKind,
    checkConnection,
    clientFor,
    CONNECTION_KEYS,
    differs,
    isAmbiguousCreateFailure,
    namePatch,
    ObjectState,
    ProviderClientOptions,
    requireText,
} from "./provider-common";

/** Longest name Airbyte stores (`name varchar(255)` of `dataplane` and `dataplane_group`, schema_dump.txt). */
export const MAX_NAME_LENGTH = 255;
/** How far the server's clock may be behind ours when matching an object to a create whose answer was lost. */
export const CLOCK_SKEW_ALLOWANCE_MS = 5 * 60_000;
/** Pause before the second look for an object whose create answer was lost (it may still be committing). */
export const LOST_CREATE_RELOOK_MS = 2_000;

/** What one kind of Airbyte object (region, data plane) adds to `objectProvider`. Plain values and functions only. */
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
    /** The live objects the parent's list shows (it may show others' objects too, e.g. default regions). */
    list(client: AirbyteClient, parentId: string): Promise<L[]>;
    get(client: AirbyteClient, id: string): Promise<L>;
    update(client: AirbyteClient, id: string, patch: NameEnabledPatch): Promise<L>;
    /** Deletes a live object; may refuse (a region with data planes). */
    remove(client: AirbyteClient, live: L, props: S): Promise<void>;
    /** Sends the create (the inputs hold no importId). */
    create(client: AirbyteClient, inputs: S): Promise<{ id: string; outs: S }>;
    /** Why creating `inputs` next to `listed` would clash (a name in use or reserved), or undefined. */
    clash(inputs: S, listed: L[]): string | undefined;
    /** The result for `found`, the object a create whose answer was lost made. */
    adoptLost(client: AirbyteClient, inputs: S, found: L): Promise<{ id: string; outs: S }>;
    /** The state for the inputs `news` and the object as read; `olds` is the previous state (empty when adopting). */
    outs(news: S, live: Partial<L>, olds: S): S;
    /** Check failures beyond the connection, the parent id and the name. */
    moreFailures?(news: S): pulumi.dynamic.CheckFailure[];
}

/** The object with id `id` among the parent's live objects, or undefined when it is deleted or elsewhere. */
async function findLive<S extends ObjectState, L extends AirbyteObjectInfo>(
    object: ObjectDefinition<S, L>,
    client: AirbyteClient,
    parentId: string,
    id: string,
): Promise<L | undefined> {
    return (await object.list(client, parentId)).find((item) => item[object.idKey] === id);
}

/** Why `id` is not among the parent's live objects, for an adoption that cannot happen. */
async function whyMissing<S extends ObjectState, L extends AirbyteObjectInfo>(
    object: ObjectDefinition<S, L>,
    client: AirbyteClient,
    parentId: string,
    id: string,
): Promise<string> {
    const { noun, parentNoun, parentKey } = object;
    const fix = `Fix ${parentKey} or importId.`;
    try {
        const owner = String((await object.get(client, id))[parentKey]);
        return owner === parentId
            ? `Cannot adopt ${noun} ${id}: it was deleted (Airbyte keeps deleted objects readable by id). Remove importId to create a new one.`
            : `Cannot adopt ${noun} ${id}: it belongs to ${parentNoun} ${owner}, not ${parentId}. ${fix}`;
    } catch (error) {
        if (apiErrorKind(error) === "unknown-id") {
            return `Cannot adopt ${noun} ${id}: Airbyte does not know this id (it answers 500 for unknown ids). ${fix}`;
        }
        throw error;
    }
}

/** Whether `item` may be the object a create started at `startedAt` made: created since then, clock skew allowed. */
function createdSince(item: AirbyteObjectInfo, startedAt: number): boolean {
    const created = item.createdAt ? Date.parse(item.createdAt) : NaN;
    return Number.isNaN(created) || created >= startedAt - CLOCK_SKEW_ALLOWANCE_MS;
}

/**
 * After a create whose answer was lost, looks for what it made: an object of that name in the parent that was
 * not there before and was created since the request. Exactly one is adopted (`adoptLost`); none after a
 * second look means the create did not happen; several are reported. Never creates another one blindly.
 */
async function recoverLostCreate<S extends ObjectState, L extends AirbyteObjectInfo>(
    object: ObjectDefinition<S, L>,
    client: AirbyteClient,
    inputs: S,
    before: ReadonlySet<string>,
    startedAt: number,
    failure: Error,
): Promise<{ id: string; outs: S }> {
    const parentId = String(inputs[object.parentKey]);
    for (let look = 0; look < 2; look++) {
        if (look > 0) {
            await client.clock.sleep(LOST_CREATE_RELOOK_MS);
        }
        const found = (await object.list(client, parentId)).filter(
            (item) => item.name === inputs.name && !before.has(String(item[object.idKey])) && createdSince(item, startedAt),
        );
        if (found.length === 1) {
            return object.adoptLost(client, inputs, found[0]);
        }
        if (found.length > 1) {
            const ids = found.map((item) => item[object.idKey]).join(", ");
            throw new Error(
                `${failure.message} Afterwards ${object.parentNoun} ${parentId} holds ${found.length} new ` +
                    `${object.noun}s named "${inputs.name}" (${ids}): Flexplane cannot tell which one it made. Delete the ` +
                    `extra ones in Airbyte, then adopt the one to keep with importId.`,
            );
        }
    }
    throw new Error(
        `${failure.message} No ${object.noun} named "${inputs.name}" appeared in ${object.parentNoun} ` +
            `${parentId} afterwards, so the create did not happen; run \`pulumi up\` again.`,
    );
}

/** A failure when a name is longer than Airbyte stores. */
function nameTooLong(news: ObjectState): pulumi.dynamic.CheckFailure[] {
    return typeof news.name === "string" && news.name.length > MAX_NAME_LENGTH
        ? [{ property: "name", reason: `is ${news.name.length} characters long; Airbyte stores at most ${MAX_NAME_LENGTH}.` }]
        : [];
}

/**
 * The CRUD operations shared by the Airbyte objects. Existence comes from the parent's list; creates look for
 * clashes first and recover from a lost answer; adoption with `importId` checks the parent; updates refuse an
 * object deleted outside Pulumi; deletes treat an unlisted object as done. `options` never carries credentials.
 */
export function objectProvider<S extends ObjectState, L extends AirbyteObjectInfo>(
    object: ObjectDefinition<S, L>,
    options: ProviderClientOptions,
): pulumi.dynamic.ResourceProvider<S, S> {
    const { noun, parentKey, idKey } = object;
    const parentOf = (props: S) => String(props[parentKey] ?? "");
    return {
        async check(_olds, news) {
            const { inputs, failures } = checkConnection(news);
            failures.push(...requireText(news, parentKey, `the id of the Airbyte ${object.parentNoun} the ${noun} belongs to`));
            failures.push(...requireText(news, "name", `the ${noun}'s name as Airbyte shows it`));
            failures.push(...nameTooLong(news));
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
            const parentId = parentOf(inputs);
            if (inputs.importId) {
                const live = await findLive(object, client, parentId, inputs.importId);
                if (!live) {
                    throw new Error(await whyMissing(object, client, parentId, inputs.importId));
                }
                const patch = namePatch(live, inputs);
                const current = patch ? await object.update(client, String(live[idKey]), patch) : live;
                return { id: String(current[idKey]), outs: object.outs(inputs, current, {} as S) };
            }
            const listed = await object.list(client, parentId);
            const clash = object.clash(inputs, listed);
            if (clash) {
                throw new Error(clash);
            }
            const startedAt = client.clock.now();
            try {
                return await object.create(client, inputs);
            } catch (error) {
                if (!isAmbiguousCreateFailure(error)) {
                    throw error;
                }
                const before = new Set(listed.map((item) => String(item[idKey])));
                return recoverLostCreate(object, client, inputs, before, startedAt, error as Error);
            }
        },

        async read(id, props) {
            const state = props ?? ({} as S);
            const client = clientFor(state, options, `read ${noun} ${id}`);
            if (state.name !== undefined && parentOf(state) !== "") {
                const live = await findLive(object, client, parentOf(state), id);
                return live ? { id, props: object.outs(state, live, state) } : { id: "", props: {} as S };
            }
            // Read with only an id (an import): the object by id names its parent, whose list says if it is live.
            const byId = await object.get(client, id);
            const live = await findLive(object, client, String(byId[parentKey]), id);
            if (!live) {
                return { id: "", props: {} as S };
            }
            const inputs: ObjectState = {
                __kind: object.kind,
                apiUrl: client.apiUrl,
                applicationClientId: state.applicationClientId,
                applicationClientSecret: state.applicationClientSecret,
                [parentKey]: live[parentKey],
                name: live.name,
                enabled: live.enabled,
            };
            return { id, props: { ...object.outs(state, live, state), apiUrl: client.apiUrl }, inputs: inputs as S };
        },

        async update(id, olds, news) {
            const client = clientFor(news, options, `update ${noun} ${id}`);
            const listed = await object.list(client, parentOf(olds));
            const live = listed.find((item) => item[idKey] === id);
            if (!live) {
                throw new Error(
                    `${noun} ${id} ("${olds.name}") was deleted outside Pulumi: ${object.parentNoun} ` +
                        `${parentOf(olds)} no longer lists it. Run \`pulumi refresh\` to drop it from the state, then ` +
                        `\`pulumi up\` to create it again.`,
                );
            }
            const patch = namePatch(live, news);
            if (patch?.name !== undefined) {
                const clash = object.clash(
                    news,
                    listed.filter((item) => item[idKey] !== id),
                );
                if (clash) {
                    throw new Error(clash);
                }
            }
            const current = patch ? await object.update(client, id, patch) : live;
            return { outs: object.outs(news, current, olds) };
        },

        async delete(id, props) {
            const client = clientFor(props, options, `delete ${noun} ${id}`);
            const live = await findLive(object, client, parentOf(props), id);
            if (live) {
                await object.remove(client, live, props);
            }
        },
    };
}
