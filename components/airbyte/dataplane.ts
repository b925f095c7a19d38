import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { AirbyteDataplaneInfo } from "./client";
import { AIRBYTE_DATAPLANE_KIND } from "./kinds";
import { isUnknown, ObjectDefinition, objectProvider, ObjectState, ownFields, ProviderClientOptions } from "./provider-common";
import { AirbyteObjectArgs, AirbyteObjectResource, checkObjectArgs, objectProps } from "./resource-common";

/** Inputs and state of an `AirbyteDataplane` as the provider sees them (plain values, secrets unwrapped). */
export interface AirbyteDataplaneState extends ObjectState {
    __kind?: typeof AIRBYTE_DATAPLANE_KIND;
    regionId?: string;
    importedClientId?: string;
    importedClientSecret?: string;
    dataplaneId?: string;
    /** The data plane's own credentials, from the create response only. */
    clientId?: string;
    clientSecret?: string;
}

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
 * A data plane belongs to a region. Its credentials exist only in the create response (or, for an adopted
 * one, in importedClientId and importedClientSecret), so every state carries them over.
 */
const DATAPLANE: ObjectDefinition<AirbyteDataplaneState, AirbyteDataplaneInfo> = {
    kind: AIRBYTE_DATAPLANE_KIND,
    noun: "data plane",
    idKey: "dataplaneId",
    parentKey: "regionId",
    parentNoun: "region",
    updateKeys: ["importedClientId", "importedClientSecret"],
    get: (client, id) => client.getDataplane(id),
    update: (client, id, patch) => client.updateDataplane(id, patch),
    remove: (client, id) => client.deleteDataplane(id),
    async create(client, inputs) {
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
    outs: (news, live, olds) => dataplaneOuts(news, live, keptCredentials(olds, news)),
    moreFailures(news) {
        const imported = [news.importedClientId, news.importedClientSecret].filter((v) => v !== undefined && v !== "");
        if (imported.length === 1 && !imported.some(isUnknown)) {
            return [{ property: "importedClientSecret", reason: "give both importedClientId and importedClientSecret, or neither." }];
        }
        return [];
    },
};

/**
 * The CRUD operations of `AirbyteDataplane`. `options` tunes the HTTP client and never carries credentials.
 */
export function createDataplaneProvider(
    options: ProviderClientOptions = {},
): pulumi.dynamic.ResourceProvider<AirbyteDataplaneState, AirbyteDataplaneState> {
    return objectProvider(DATAPLANE, options);
}

/** The provider every `AirbyteDataplane` uses; serialized once per program. */
export const airbyteDataplaneProvider = createDataplaneProvider();

export interface AirbyteDataplaneArgs extends AirbyteObjectArgs {
    /** Id (UUID) of the Airbyte region the data plane serves. Changing it replaces the data plane (new credentials). */
    regionId: pulumi.Input<string>;
    /**
     * The client id and secret of the data plane adopted with `importId`, as noted when it was created: Airbyte
     * cannot return an existing data plane's credentials, so without them `clientId` and `clientSecret` stay
     * empty. Stored as secrets.
     */
    importedCredentials?: { clientId: pulumi.Input<string>; clientSecret: pulumi.Input<string> };
}

/**
 * An Airbyte data plane registered in a region. Its `clientId` and `clientSecret` come only from the create
 * response and live on as secret outputs in the stack's state; losing the state means deleting the data
 * plane in Airbyte and creating a new one.
 */
export class AirbyteDataplane extends AirbyteObjectResource {
    /** The data plane's id (UUID), also the resource id. */
    declare readonly dataplaneId: pulumi.Output<string>;
    declare readonly regionId: pulumi.Output<string>;
    /** The data plane's own client id (secret): what the chart's launcher authenticates with. */
    declare readonly clientId: pulumi.Output<string>;
    /** The data plane's own client secret (secret). */
    declare readonly clientSecret: pulumi.Output<string>;

    constructor(name: string, args: AirbyteDataplaneArgs, opts?: pulumi.CustomResourceOptions) {
        validateDataplaneArgs(name, args);
        const imported = args.importedCredentials;
        const props = objectProps(AIRBYTE_DATAPLANE_KIND, args, {
            regionId: args.regionId,
            importedClientId: imported ? pulumi.secret(imported.clientId) : undefined,
            importedClientSecret: imported ? pulumi.secret(imported.clientSecret) : undefined,
            dataplaneId: undefined,
            clientId: undefined,
            clientSecret: undefined,
        });
        super("AirbyteDataplane", airbyteDataplaneProvider, name, props, opts, DATAPLANE_SECRET_OUTPUTS);
        // Secret on the program side too, whatever the engine (or a mock) does with additionalSecretOutputs.
        this.clientId = pulumi.secret(this.clientId);
        this.clientSecret = pulumi.secret(this.clientSecret);
    }
}

/** Throws one `InputPropertiesError` listing every problem with the plain arguments. */
export function validateDataplaneArgs(name: string, args: AirbyteDataplaneArgs | undefined): void {
    const problems = new InputProblems(`AirbyteDataplane "${name}"`);
    checkObjectArgs(problems, args, {
        noun: "data plane",
        exampleName: "aws-us-east-1",
        parent: {
            key: "regionId",
            missing: "the id (UUID) of the Airbyte region, e.g. an AirbyteRegion's regionId",
            notUuid: "the region's id (a UUID), e.g. an AirbyteRegion's regionId",
        },
    });
    if (args?.importedCredentials && args.importId === undefined) {
        problems.add("importedCredentials", "only used with importId (adopting an existing data plane); remove it or set importId.");
    }
    problems.throwIfAny();
}
