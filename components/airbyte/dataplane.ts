import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { AirbyteClient, AirbyteDataplaneInfo } from "./client";
import { AIRBYTE_DATAPLANE_KIND } from "./kinds";
import { ObjectDefinition, objectProvider } from "./object-provider";
import { isAmbiguousCreateFailure, isUnknown, ObjectState, ownFields, ProviderClientOptions } from "./provider-common";
import {
    AirbyteObjectArgs,
    AirbyteObjectResource,
    APPLICATION_SECRET_OUTPUTS,
    checkObjectArgs,
    objectProps,
    protectedByDefault,
} from "./resource-common";

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
    ...APPLICATION_SECRET_OUTPUTS,
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

/** Creates a data plane and reads it back from its region's list; never fails once it exists. */
async function createDataplane(client: AirbyteClient, inputs: AirbyteDataplaneState): Promise<{ id: string; outs: AirbyteDataplaneState }> {
    const created = await client.createDataplane({ name: inputs.name ?? "", regionId: inputs.regionId ?? "", enabled: inputs.enabled });
    // The data plane exists now and its secret is in hand: nothing below may fail the create, or Pulumi would
    // forget a data plane whose credentials can never be read again.
    const fallback: Partial<AirbyteDataplaneInfo> = { name: inputs.name, regionId: inputs.regionId, enabled: inputs.enabled };
    const listed = await client.listDataplanes(inputs.regionId ?? "").catch(() => []);
    const live = listed.find((d) => d.dataplaneId === created.dataplaneId) ?? fallback;
    return { id: created.dataplaneId, outs: dataplaneOuts(inputs, { ...live, dataplaneId: created.dataplaneId }, created) };
}

/**
 * Refuses a region that is deleted: Airbyte would create the data plane all the same
 * (DataplaneServiceDataImpl.createDataplaneAndServiceAccount finds tombstoned regions by id), and it would never get work.
 */
async function requireLiveRegion(client: AirbyteClient, regionId: string): Promise<void> {
    const region = await client.getRegion(regionId);
    if (!(await client.listRegions(region.organizationId)).some((r) => r.regionId === regionId)) {
        throw new Error(
            `Region ${regionId} ("${region.name}") was deleted, so a data plane in it would never get work. ` +
                `Point regionId at a live region (a region stack reads it from the org stack's regionIds).`,
        );
    }
}

/** Why a data plane named like `inputs` is not created next to the region's live data planes `listed`. */
export function dataplaneNameClash(inputs: AirbyteDataplaneState, listed: AirbyteDataplaneInfo[]): string | undefined {
    const namesake = listed.find((d) => d.name === inputs.name);
    if (!namesake) {
        return undefined;
    }
    return (
        `Region ${inputs.regionId} already has a data plane named "${inputs.name}" (${namesake.dataplaneId}). Airbyte ` +
        `allows namesakes, but Flexplane does not create one: a data plane's credentials exist only in its create ` +
        `answer, and a namesake would hide which data plane this stack runs. Adopt it with importId and ` +
        `importedCredentials if you hold its credentials; otherwise delete it in Airbyte, or choose another name.`
    );
}

/**
 * The data plane a create whose answer was lost made. Its credentials were only in that answer, so it can never
 * connect: it is deleted and created again, once (the new one's answer carries new credentials).
 */
async function replaceLostDataplane(
    client: AirbyteClient,
    inputs: AirbyteDataplaneState,
    found: AirbyteDataplaneInfo,
): Promise<{ id: string; outs: AirbyteDataplaneState }> {
    await client.deleteDataplane(found.dataplaneId);
    try {
        return await createDataplane(client, inputs);
    } catch (error) {
        const lost = isAmbiguousCreateFailure(error) ? " Its answer was lost again; run `pulumi up` again." : "";
        throw new Error(
            `The answer to creating data plane "${inputs.name}" was lost, and with it the credentials of ` +
                `the data plane it made (${found.dataplaneId}), which Airbyte returns only then: Flexplane deleted it and ` +
                `created a new one, which failed: ${(error as Error).message}${lost}`,
        );
    }
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
    list: (client, regionId) => client.listDataplanes(regionId),
    get: (client, id) => client.getDataplane(id),
    update: (client, id, patch) => client.updateDataplane(id, patch),
    remove: (client, live) => client.deleteDataplane(live.dataplaneId),
    async create(client, inputs) {
        await requireLiveRegion(client, inputs.regionId ?? "");
        return createDataplane(client, inputs);
    },
    clash: dataplaneNameClash,
    adoptLost: replaceLostDataplane,
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
    importedCredentials?: AirbyteDataplaneCredentialsArgs;
}

/** A data plane's own client id and secret, as Airbyte returned them when it created the data plane. */
export interface AirbyteDataplaneCredentialsArgs {
    /**
     * The data plane's client id. Stored as a secret.
     * @secret
     */
    clientId: pulumi.Input<string>;
    /**
     * The data plane's client secret. Stored as a secret.
     * @secret
     */
    clientSecret: pulumi.Input<string>;
}

/**
 * An Airbyte data plane registered in a region. Its `clientId` and `clientSecret` come only from the create
 * response and live on as secret outputs in the stack's state; losing the state means deleting the data
 * plane in Airbyte and creating a new one. Protected by default (pass `protect: false` to allow deleting or
 * replacing it).
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
        super("AirbyteDataplane", airbyteDataplaneProvider, name, props, protectedByDefault(opts), DATAPLANE_SECRET_OUTPUTS);
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
