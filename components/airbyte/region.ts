import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { AirbyteRegionInfo } from "./client";
import { AIRBYTE_REGION_KIND } from "./kinds";
import { ObjectDefinition, objectProvider, ObjectState, ownFields, ProviderClientOptions } from "./provider-common";
import { AirbyteObjectArgs, AirbyteObjectResource, checkObjectArgs, objectProps } from "./resource-common";

/** Inputs and state of an `AirbyteRegion` as the provider sees them (plain values, secrets unwrapped). */
export interface AirbyteRegionState extends ObjectState {
    __kind?: typeof AIRBYTE_REGION_KIND;
    organizationId?: string;
    regionId?: string;
}

/** Outputs that hold credentials. */
export const REGION_SECRET_OUTPUTS = ["applicationClientId", "applicationClientSecret"];

function regionOuts(inputs: AirbyteRegionState, live: Partial<AirbyteRegionInfo>): AirbyteRegionState {
    return { ...ownFields(inputs), __kind: AIRBYTE_REGION_KIND, ...live };
}

/** A region belongs to an organization; only the connection, name and enabled change in place. */
const REGION: ObjectDefinition<AirbyteRegionState, AirbyteRegionInfo> = {
    kind: AIRBYTE_REGION_KIND,
    noun: "region",
    idKey: "regionId",
    parentKey: "organizationId",
    parentNoun: "organization",
    updateKeys: [],
    get: (client, id) => client.getRegion(id),
    update: (client, id, patch) => client.updateRegion(id, patch),
    remove: (client, id) => client.deleteRegion(id),
    async create(client, inputs) {
        const created = await client.createRegion({
            name: inputs.name ?? "",
            organizationId: inputs.organizationId ?? "",
            enabled: inputs.enabled,
        });
        return { id: created.regionId, outs: regionOuts(inputs, created) };
    },
    outs: (news, live) => regionOuts(news, live),
};

/**
 * The CRUD operations of `AirbyteRegion`. `options` tunes the HTTP client (timeouts, retries, clock) and
 * never carries credentials, so the provider serializes without secrets.
 */
export function createRegionProvider(
    options: ProviderClientOptions = {},
): pulumi.dynamic.ResourceProvider<AirbyteRegionState, AirbyteRegionState> {
    return objectProvider(REGION, options);
}

/** The provider every `AirbyteRegion` uses; serialized once per program. */
export const airbyteRegionProvider = createRegionProvider();

export interface AirbyteRegionArgs extends AirbyteObjectArgs {
    /** Id (UUID) of the Airbyte organization that owns the region. Changing it replaces the region. */
    organizationId: pulumi.Input<string>;
}

/**
 * An Airbyte region: the unit that workspaces are tied to and that data planes belong to. Created, renamed,
 * enabled or disabled and deleted through the public API with the application's credentials.
 */
export class AirbyteRegion extends AirbyteObjectResource {
    /** The region's id (UUID), also the resource id. */
    declare readonly regionId: pulumi.Output<string>;
    declare readonly organizationId: pulumi.Output<string>;

    constructor(name: string, args: AirbyteRegionArgs, opts?: pulumi.CustomResourceOptions) {
        validateRegionArgs(name, args);
        const props = objectProps(AIRBYTE_REGION_KIND, args, { organizationId: args.organizationId, regionId: undefined });
        super("AirbyteRegion", airbyteRegionProvider, name, props, opts, REGION_SECRET_OUTPUTS);
    }
}

/** Throws one `InputPropertiesError` listing every problem with the plain arguments. */
export function validateRegionArgs(name: string, args: AirbyteRegionArgs | undefined): void {
    const problems = new InputProblems(`AirbyteRegion "${name}"`);
    checkObjectArgs(problems, args, {
        noun: "region",
        exampleName: "eu-west-1",
        parent: {
            key: "organizationId",
            missing: "the id (UUID) of the Airbyte organization that owns the region",
            notUuid: "the organization's id (a UUID) from Airbyte's organization settings",
        },
    });
    problems.throwIfAny();
}
