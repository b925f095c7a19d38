import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { AirbyteClient, AirbyteDataplaneInfo, AirbyteRegionInfo } from "./client";
import { AIRBYTE_REGION_KIND } from "./kinds";
import { ObjectDefinition, objectProvider } from "./object-provider";
import { ObjectState, ownFields, ProviderClientOptions } from "./provider-common";
import {
    AirbyteObjectArgs,
    AirbyteObjectResource,
    APPLICATION_SECRET_OUTPUTS,
    checkObjectArgs,
    objectProps,
    protectedByDefault,
} from "./resource-common";

/**
 * Names of the default regions (airbyte-commons `Constants.kt`: AUTO_DATAPLANE_GROUP, US_DATAPLANE_GROUP,
 * EU_DATAPLANE_GROUP). `DataplaneGroupServiceDataImpl.validateDataplaneGroupName` refuses, in exact case, the
 * name of any live region of the default organization; these three are Airbyte Cloud's. A self-managed
 * control plane's own default region shows up in the region list and is refused there.
 */
export const RESERVED_REGION_NAMES = ["AUTO", "US", "EU"] as const;
/** The organization that owns the default regions (`DEFAULT_ORGANIZATION_ID` in airbyte-commons). */
export const DEFAULT_ORGANIZATION_ID = "00000000-0000-0000-0000-000000000000";

/** Why `name` cannot be a region's name whatever the organization holds, or undefined. */
export function reservedRegionName(name: unknown): string | undefined {
    return typeof name === "string" && (RESERVED_REGION_NAMES as readonly string[]).includes(name)
        ? `"${name}" is reserved by Airbyte's default regions (AUTO, US, EU); choose another name.`
        : undefined;
}

/** Inputs and state of an `AirbyteRegion` as the provider sees them (plain values, secrets unwrapped). */
export interface AirbyteRegionState extends ObjectState {
    __kind?: typeof AIRBYTE_REGION_KIND;
    organizationId?: string;
    regionId?: string;
    /** Delete the region even when it still has data planes (they are deleted with it). */
    deleteDataplanes?: boolean;
}

function regionOuts(inputs: AirbyteRegionState, live: Partial<AirbyteRegionInfo>): AirbyteRegionState {
    return { ...ownFields(inputs), __kind: AIRBYTE_REGION_KIND, ...live };
}

/**
 * The name a region gets just before it is deleted. Names stay taken after a delete (the unique constraint
 * `dataplane_group_organization_id_name_key` covers tombstoned rows), so freeing it is what lets a later
 * `pulumi up` create a region of the same name. Unique because it carries the id; at most 255 characters.
 */
export function freedRegionName(region: Pick<AirbyteRegionInfo, "regionId" | "name">): string {
    return `deleted-${region.regionId}-${region.name}`.slice(0, 255);
}

/** Why a region named like `inputs` cannot be created next to the regions `listed` (the organization's list). */
export function regionNameClash(inputs: AirbyteRegionState, listed: AirbyteRegionInfo[]): string | undefined {
    const same = listed.filter((r) => r.name === inputs.name);
    const reserved = same.find((r) => r.organizationId !== inputs.organizationId);
    if (reserved || reservedRegionName(inputs.name)) {
        return (
            `Region name "${inputs.name}" is reserved: it is the name of one of Airbyte's default regions, ` +
            `which no organization may reuse. Choose another name.`
        );
    }
    const taken = same.find((r) => r.organizationId === inputs.organizationId);
    if (taken) {
        return (
            `Organization ${inputs.organizationId} already has a region named "${inputs.name}" (${taken.regionId}). ` +
            `Adopt it with importId: "${taken.regionId}", or choose another name.`
        );
    }
    return undefined;
}

/** The refusal to delete `region` while it still has `dataplanes`, naming them and the stacks that own them. */
export function regionInUse(region: AirbyteRegionInfo, dataplanes: AirbyteDataplaneInfo[]): string {
    const names = dataplanes.map((d) => `"${d.name}" (${d.dataplaneId})`).join(", ");
    return (
        `Cannot delete region "${region.name}" (${region.regionId}): it still has ${dataplanes.length} data ` +
        `plane${dataplanes.length === 1 ? "" : "s"}, ${names}, and Airbyte deletes a region's data planes with it. ` +
        `Each was registered by the region stack whose flexplane:dataPlaneName (by default the stack's name) it ` +
        `carries, or by hand in Airbyte. Destroy those stacks first, or set deleteDataplanes: true on the region ` +
        `(org stack: flexplane:deleteRegionsWithDataplanes: true) to delete them too, which disconnects them.`
    );
}

/** Refuses to orphan data planes unless told to, frees the name, then deletes (RegionService.controllerDeleteRegion). */
async function removeRegion(client: AirbyteClient, region: AirbyteRegionInfo, props: AirbyteRegionState): Promise<void> {
    const dataplanes = await client.listDataplanes(region.regionId);
    if (dataplanes.length > 0 && props.deleteDataplanes !== true) {
        throw new Error(regionInUse(region, dataplanes));
    }
    const freed = freedRegionName(region);
    if (region.name !== freed) {
        await client.updateRegion(region.regionId, { name: freed });
    }
    await client.deleteRegion(region.regionId);
}

/** A region belongs to an organization; only the connection, name, enabled and deleteDataplanes change in place. */
const REGION: ObjectDefinition<AirbyteRegionState, AirbyteRegionInfo> = {
    kind: AIRBYTE_REGION_KIND,
    noun: "region",
    idKey: "regionId",
    parentKey: "organizationId",
    parentNoun: "organization",
    updateKeys: ["deleteDataplanes"],
    list: (client, organizationId) => client.listRegions(organizationId),
    get: (client, id) => client.getRegion(id),
    update: (client, id, patch) => client.updateRegion(id, patch),
    remove: removeRegion,
    async create(client, inputs) {
        const created = await client.createRegion({
            name: inputs.name ?? "",
            organizationId: inputs.organizationId ?? "",
            enabled: inputs.enabled,
        });
        return { id: created.regionId, outs: regionOuts(inputs, created) };
    },
    clash: regionNameClash,
    adoptLost: async (_client, inputs, found) => ({ id: found.regionId, outs: regionOuts(inputs, found) }),
    outs: (news, live) => regionOuts(news, live),
    moreFailures(news) {
        const reserved = reservedRegionName(news.name);
        return reserved ? [{ property: "name", reason: reserved }] : [];
    },
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
    /**
     * Delete the region even when it still has data planes. Airbyte deletes a region's data planes with it, which
     * disconnects them; without this, deleting such a region fails and names them. Updated in place.
     *
     * @default false
     */
    deleteDataplanes?: pulumi.Input<boolean>;
}

/**
 * An Airbyte region: the unit that workspaces are tied to and that data planes belong to. Created, renamed,
 * enabled or disabled and deleted through the public API with the application's credentials. Protected by
 * default (pass `protect: false` to allow deleting or replacing it).
 */
export class AirbyteRegion extends AirbyteObjectResource {
    /** The region's id (UUID), also the resource id. */
    declare readonly regionId: pulumi.Output<string>;
    declare readonly organizationId: pulumi.Output<string>;

    constructor(name: string, args: AirbyteRegionArgs, opts?: pulumi.CustomResourceOptions) {
        validateRegionArgs(name, args);
        const props = objectProps(AIRBYTE_REGION_KIND, args, {
            organizationId: args.organizationId,
            deleteDataplanes: args.deleteDataplanes,
            regionId: undefined,
        });
        super("AirbyteRegion", airbyteRegionProvider, name, props, protectedByDefault(opts), APPLICATION_SECRET_OUTPUTS);
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
    const reserved = reservedRegionName(args?.name);
    if (reserved) {
        problems.add("name", reserved);
    }
    problems.throwIfAny();
}
