import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { AirbyteDataplaneInfo } from "./client";
import { AIRBYTE_DATAPLANE_KIND } from "./kinds";
import {
    checkConnection,
    clientFor,
    CONNECTION_KEYS,
    ConnectionState,
    differs,
    isNotFound,
    isUnknown,
    namePatch,
    ownFields,
    ProviderClientOptions,
    requireText,
} from "./provider-common";
import { AirbyteConnectionArgs, checkConnectionArgs, checkText, checkUuid, connectionProps, withSecretOutputs } from "./resource-common";

/** Inputs and state of an `AirbyteDataplane` as the provider sees them (plain values, secrets unwrapped). */
export interface AirbyteDataplaneState extends ConnectionState {
    __kind?: typeof AIRBYTE_DATAPLANE_KIND;
    regionId?: string;
    name?: string;
    enabled?: boolean;
    importId?: string;
    importedClientId?: string;
    importedClientSecret?: string;
    dataplaneId?: string;
    /** The data plane's own credentials, from the create response only. */
    clientId?: string;
    clientSecret?: string;
    createdAt?: string;
    updatedAt?: string;
}

const DATAPLANE_REPLACE_KEYS = ["regionId"];
const DATAPLANE_UPDATE_KEYS = ["name", "importedClientId", "importedClientSecret", ...CONNECTION_KEYS];
/** Outputs that hold credentials: the application's and the data plane's own. */
export const DATAPLANE_SECRET_OUTPUTS = [
    "applicationClientId",
    "applicationClientSecret",
    "clientId",
    "clientSecret",
    "importedClientId",
    "importedClientSecret",
];

/** Outputs for `live`, carrying the credentials over: Airbyte never returns them after the create. */
function dataplaneOuts(
    inputs: AirbyteDataplaneState,
    live: Partial<AirbyteDataplaneInfo>,
    credentials: { clientId?: string; clientSecret?: string },
): AirbyteDataplaneState {
    const outs: AirbyteDataplaneState = { ...ownFields(inputs), __kind: AIRBYTE_DATAPLANE_KIND, ...live };
    delete outs.clientId;
    delete outs.clientSecret;
    if (credentials.clientId !== undefined) outs.clientId = credentials.clientId;
    if (credentials.clientSecret !== undefined) outs.clientSecret = credentials.clientSecret;
    return outs;
}

/** Credentials kept in `olds`, else those given for an adopted data plane. */
function keptCredentials(olds: AirbyteDataplaneState, news: AirbyteDataplaneState): { clientId?: string; clientSecret?: string } {
    if (olds.clientId && olds.clientSecret) {
        return { clientId: olds.clientId, clientSecret: olds.clientSecret };
    }
    return { clientId: news.importedClientId, clientSecret: news.importedClientSecret };
}

/**
 * The CRUD operations of `AirbyteDataplane`. `options` tunes the HTTP client and never carries credentials.
 */
export function createDataplaneProvider(
    options: ProviderClientOptions = {},
): pulumi.dynamic.ResourceProvider<AirbyteDataplaneState, AirbyteDataplaneState> {
    return {
        async check(_olds, news) {
            const { inputs, failures } = checkConnection(news);
            failures.push(...requireText(news, "regionId", "the id of the Airbyte region the data plane belongs to"));
            failures.push(...requireText(news, "name", "the data plane's name as Airbyte shows it"));
            const imported = [news.importedClientId, news.importedClientSecret].filter((v) => v !== undefined && v !== "");
            if (imported.length === 1 && !imported.some(isUnknown)) {
                failures.push({ property: "importedClientSecret", reason: "give both importedClientId and importedClientSecret, or neither." });
            }
            return { inputs: { ...inputs, __kind: AIRBYTE_DATAPLANE_KIND }, failures };
        },

        async diff(_id, olds, news) {
            const replaces = DATAPLANE_REPLACE_KEYS.filter((key) => differs(olds, news, key));
            const updates = DATAPLANE_UPDATE_KEYS.filter((key) => differs(olds, news, key));
            if (news.enabled !== undefined && differs(olds, news, "enabled")) {
                updates.push("enabled");
            }
            return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
        },

        async create(inputs) {
            const client = clientFor(inputs, options, `create data plane "${inputs.name}"`);
            if (inputs.importId) {
                const live = await client.getDataplane(inputs.importId);
                if (live.regionId !== inputs.regionId) {
                    throw new Error(
                        `Cannot adopt data plane ${live.dataplaneId}: it belongs to region ${live.regionId}, not ` +
                            `${inputs.regionId}. Fix regionId or importId.`,
                    );
                }
                const patch = namePatch(live, inputs);
                const current = patch ? await client.updateDataplane(live.dataplaneId, patch) : live;
                return { id: current.dataplaneId, outs: dataplaneOuts(inputs, current, keptCredentials({}, inputs)) };
            }
            const created = await client.createDataplane({
                name: inputs.name ?? "",
                regionId: inputs.regionId ?? "",
                enabled: inputs.enabled,
            });
            // The data plane exists now and its secret is in hand: nothing below may fail the create, or
            // Pulumi would forget a data plane whose credentials can never be read again.
            const fallback: Partial<AirbyteDataplaneInfo> = { name: inputs.name, regionId: inputs.regionId, enabled: inputs.enabled };
            const live = await client.getDataplane(created.dataplaneId).catch(() => fallback);
            return {
                id: created.dataplaneId,
                outs: dataplaneOuts(inputs, { ...live, dataplaneId: created.dataplaneId }, created),
            };
        },

        async read(id, props) {
            const state = props ?? {};
            const client = clientFor(state, options, `read data plane ${id}`);
            let live: AirbyteDataplaneInfo;
            try {
                live = await client.getDataplane(id);
            } catch (error) {
                if (isNotFound(error)) {
                    return { id: "", props: {} };
                }
                throw error;
            }
            const outs = dataplaneOuts(state, live, keptCredentials(state, state));
            if (state.name !== undefined) {
                return { id, props: outs };
            }
            // Read with only an id (an import): the live object supplies the inputs too.
            const inputs: AirbyteDataplaneState = {
                __kind: AIRBYTE_DATAPLANE_KIND,
                apiUrl: client.apiUrl,
                applicationClientId: state.applicationClientId,
                applicationClientSecret: state.applicationClientSecret,
                regionId: live.regionId,
                name: live.name,
                enabled: live.enabled,
            };
            return { id, props: { ...outs, apiUrl: client.apiUrl }, inputs };
        },

        async update(id, olds, news) {
            const client = clientFor(news, options, `update data plane ${id}`);
            const patch = namePatch(olds, news);
            const live = patch ? await client.updateDataplane(id, patch) : await client.getDataplane(id);
            return { outs: dataplaneOuts(news, live, keptCredentials(olds, news)) };
        },

        async delete(id, props) {
            const client = clientFor(props, options, `delete data plane ${id}`);
            try {
                await client.deleteDataplane(id);
            } catch (error) {
                if (!isNotFound(error)) {
                    throw error;
                }
            }
        },
    };
}

/** The provider every `AirbyteDataplane` uses; serialized once per program. */
export const airbyteDataplaneProvider = createDataplaneProvider();

export interface AirbyteDataplaneArgs extends AirbyteConnectionArgs {
    /** Id (UUID) of the Airbyte region the data plane serves. Changing it replaces the data plane (new credentials). */
    regionId: pulumi.Input<string>;
    /** Data plane name as Airbyte shows it; updated in place. */
    name: pulumi.Input<string>;
    /** Whether the data plane takes work; updated in place. @default Airbyte's default (enabled) */
    enabled?: pulumi.Input<boolean>;
    /**
     * Id of an existing data plane to adopt instead of creating one. Read only at creation. Airbyte cannot
     * return an existing data plane's credentials: pass them in `importedCredentials`, or `clientId` and
     * `clientSecret` stay empty.
     */
    importId?: pulumi.Input<string>;
    /** The adopted data plane's client id and secret, as noted when it was created. Stored as secrets. */
    importedCredentials?: { clientId: pulumi.Input<string>; clientSecret: pulumi.Input<string> };
}

/**
 * An Airbyte data plane registered in a region. Its `clientId` and `clientSecret` come only from the create
 * response and live on as secret outputs in the stack's state; losing the state means deleting the data
 * plane in Airbyte and creating a new one.
 */
export class AirbyteDataplane extends pulumi.dynamic.Resource {
    /** The data plane's id (UUID), also the resource id. */
    declare readonly dataplaneId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly regionId: pulumi.Output<string>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly apiUrl: pulumi.Output<string>;
    /** The data plane's own client id (secret): what the chart's launcher authenticates with. */
    declare readonly clientId: pulumi.Output<string>;
    /** The data plane's own client secret (secret). */
    declare readonly clientSecret: pulumi.Output<string>;
    declare readonly createdAt: pulumi.Output<string | undefined>;
    declare readonly updatedAt: pulumi.Output<string | undefined>;

    constructor(name: string, args: AirbyteDataplaneArgs, opts?: pulumi.CustomResourceOptions) {
        validateDataplaneArgs(name, args);
        const props = {
            __kind: AIRBYTE_DATAPLANE_KIND,
            ...connectionProps(args),
            regionId: args.regionId,
            name: args.name,
            enabled: args.enabled,
            importId: args.importId,
            importedClientId: args.importedCredentials ? pulumi.secret(args.importedCredentials.clientId) : undefined,
            importedClientSecret: args.importedCredentials ? pulumi.secret(args.importedCredentials.clientSecret) : undefined,
            dataplaneId: undefined,
            clientId: undefined,
            clientSecret: undefined,
            createdAt: undefined,
            updatedAt: undefined,
        };
        super(airbyteDataplaneProvider, name, props, withSecretOutputs(opts, DATAPLANE_SECRET_OUTPUTS), "flexplane", "AirbyteDataplane");
        // Secret on the program side too, whatever the engine (or a mock) does with additionalSecretOutputs.
        this.clientId = pulumi.secret(this.clientId);
        this.clientSecret = pulumi.secret(this.clientSecret);
    }
}

/** Throws one `InputPropertiesError` listing every problem with the plain arguments. */
export function validateDataplaneArgs(name: string, args: AirbyteDataplaneArgs | undefined): void {
    const problems = new InputProblems(`AirbyteDataplane "${name}"`);
    checkConnectionArgs(problems, args);
    checkText(problems, "regionId", args?.regionId, "the id (UUID) of the Airbyte region, e.g. an AirbyteRegion's regionId");
    checkUuid(problems, "regionId", args?.regionId, "the region's id (a UUID), e.g. an AirbyteRegion's regionId");
    checkText(problems, "name", args?.name, "the data plane's name, e.g. \"aws-us-east-1\"");
    checkUuid(problems, "importId", args?.importId, "the id (UUID) of the data plane to adopt, or leave importId unset");
    if (args?.importedCredentials && args.importId === undefined) {
        problems.add("importedCredentials", "only used with importId (adopting an existing data plane); remove it or set importId.");
    }
    problems.throwIfAny();
}
