import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { AirbyteRegionInfo } from "./client";
import { AIRBYTE_REGION_KIND } from "./kinds";
import {
    checkConnection,
    clientFor,
    CONNECTION_KEYS,
    ConnectionState,
    differs,
    isNotFound,
    namePatch,
    ownFields,
    ProviderClientOptions,
    requireText,
} from "./provider-common";
import { AirbyteConnectionArgs, checkConnectionArgs, checkText, checkUuid, connectionProps, withSecretOutputs } from "./resource-common";

/** Inputs and state of an `AirbyteRegion` as the provider sees them (plain values, secrets unwrapped). */
export interface AirbyteRegionState extends ConnectionState {
    __kind?: typeof AIRBYTE_REGION_KIND;
    organizationId?: string;
    name?: string;
    enabled?: boolean;
    importId?: string;
    regionId?: string;
    createdAt?: string;
    updatedAt?: string;
}

/** Inputs that identify the region in Airbyte: changing them means a new region. */
const REGION_REPLACE_KEYS = ["organizationId"];
/** Inputs updated in place (the connection only changes how later calls authenticate). */
const REGION_UPDATE_KEYS = ["name", ...CONNECTION_KEYS];
/** Outputs that hold credentials. */
export const REGION_SECRET_OUTPUTS = ["applicationClientId", "applicationClientSecret"];

function regionOuts(inputs: AirbyteRegionState, live: AirbyteRegionInfo): AirbyteRegionState {
    return { ...ownFields(inputs), __kind: AIRBYTE_REGION_KIND, ...live };
}

/**
 * The CRUD operations of `AirbyteRegion`. `options` tunes the HTTP client (timeouts, retries, clock) and
 * never carries credentials, so the provider serializes without secrets.
 */
export function createRegionProvider(
    options: ProviderClientOptions = {},
): pulumi.dynamic.ResourceProvider<AirbyteRegionState, AirbyteRegionState> {
    return {
        async check(_olds, news) {
            const { inputs, failures } = checkConnection(news);
            failures.push(...requireText(news, "organizationId", "the id of the Airbyte organization that owns the region"));
            failures.push(...requireText(news, "name", "the region's name as Airbyte shows it"));
            return { inputs: { ...inputs, __kind: AIRBYTE_REGION_KIND }, failures };
        },

        async diff(_id, olds, news) {
            const replaces = REGION_REPLACE_KEYS.filter((key) => differs(olds, news, key));
            const updates = REGION_UPDATE_KEYS.filter((key) => differs(olds, news, key));
            if (news.enabled !== undefined && differs(olds, news, "enabled")) {
                updates.push("enabled");
            }
            return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
        },

        async create(inputs) {
            const client = clientFor(inputs, options, `create region "${inputs.name}"`);
            if (inputs.importId) {
                const live = await client.getRegion(inputs.importId);
                if (live.organizationId !== inputs.organizationId) {
                    throw new Error(
                        `Cannot adopt region ${live.regionId}: it belongs to organization ${live.organizationId}, ` +
                            `not ${inputs.organizationId}. Fix organizationId or importId.`,
                    );
                }
                const patch = namePatch(live, inputs);
                const current = patch ? await client.updateRegion(live.regionId, patch) : live;
                return { id: current.regionId, outs: regionOuts(inputs, current) };
            }
            const created = await client.createRegion({
                name: inputs.name ?? "",
                organizationId: inputs.organizationId ?? "",
                enabled: inputs.enabled,
            });
            return { id: created.regionId, outs: regionOuts(inputs, created) };
        },

        async read(id, props) {
            const state = props ?? {};
            const client = clientFor(state, options, `read region ${id}`);
            let live: AirbyteRegionInfo;
            try {
                live = await client.getRegion(id);
            } catch (error) {
                if (isNotFound(error)) {
                    return { id: "", props: {} };
                }
                throw error;
            }
            const outs = regionOuts(state, live);
            if (state.name !== undefined) {
                return { id, props: outs };
            }
            // Read with only an id (an import): the live object supplies the inputs too.
            const inputs: AirbyteRegionState = {
                __kind: AIRBYTE_REGION_KIND,
                apiUrl: client.apiUrl,
                applicationClientId: state.applicationClientId,
                applicationClientSecret: state.applicationClientSecret,
                organizationId: live.organizationId,
                name: live.name,
                enabled: live.enabled,
            };
            return { id, props: { ...outs, apiUrl: client.apiUrl }, inputs };
        },

        async update(id, olds, news) {
            const client = clientFor(news, options, `update region ${id}`);
            const patch = namePatch(olds, news);
            const live = patch ? await client.updateRegion(id, patch) : await client.getRegion(id);
            return { outs: regionOuts(news, live) };
        },

        async delete(id, props) {
            const client = clientFor(props, options, `delete region ${id}`);
            try {
                await client.deleteRegion(id);
            } catch (error) {
                if (!isNotFound(error)) {
                    throw error;
                }
            }
        },
    };
}

/** The provider every `AirbyteRegion` uses; serialized once per program. */
export const airbyteRegionProvider = createRegionProvider();

export interface AirbyteRegionArgs extends AirbyteConnectionArgs {
    /** Id (UUID) of the Airbyte organization that owns the region. Changing it replaces the region. */
    organizationId: pulumi.Input<string>;
    /** Region name as Airbyte shows it; updated in place. Names are unique within an organization. */
    name: pulumi.Input<string>;
    /** Whether workspaces may use the region; updated in place. @default Airbyte's default (enabled) */
    enabled?: pulumi.Input<boolean>;
    /**
     * Id of an existing region to adopt instead of creating one (Pulumi's `import` option cannot reach a
     * dynamic provider). Read only at creation; deleting the resource deletes the adopted region.
     */
    importId?: pulumi.Input<string>;
}

/**
 * An Airbyte region: the unit that workspaces are tied to and that data planes belong to. Created, renamed,
 * enabled or disabled and deleted through the public API with the application's credentials.
 */
export class AirbyteRegion extends pulumi.dynamic.Resource {
    /** The region's id (UUID), also the resource id. */
    declare readonly regionId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly organizationId: pulumi.Output<string>;
    declare readonly enabled: pulumi.Output<boolean>;
    /** The normalized API base URL the resource calls. */
    declare readonly apiUrl: pulumi.Output<string>;
    declare readonly createdAt: pulumi.Output<string | undefined>;
    declare readonly updatedAt: pulumi.Output<string | undefined>;

    constructor(name: string, args: AirbyteRegionArgs, opts?: pulumi.CustomResourceOptions) {
        validateRegionArgs(name, args);
        const props = {
            __kind: AIRBYTE_REGION_KIND,
            ...connectionProps(args),
            organizationId: args.organizationId,
            name: args.name,
            enabled: args.enabled,
            importId: args.importId,
            regionId: undefined,
            createdAt: undefined,
            updatedAt: undefined,
        };
        super(airbyteRegionProvider, name, props, withSecretOutputs(opts, REGION_SECRET_OUTPUTS), "flexplane", "AirbyteRegion");
    }
}

/** Throws one `InputPropertiesError` listing every problem with the plain arguments. */
export function validateRegionArgs(name: string, args: AirbyteRegionArgs | undefined): void {
    const problems = new InputProblems(`AirbyteRegion "${name}"`);
    checkConnectionArgs(problems, args);
    checkText(problems, "organizationId", args?.organizationId, "the id (UUID) of the Airbyte organization that owns the region");
    checkUuid(problems, "organizationId", args?.organizationId, "the organization's id (a UUID) from Airbyte's organization settings");
    checkText(problems, "name", args?.name, "the region's name, e.g. \"eu-west-1\"");
    checkUuid(problems, "importId", args?.importId, "the id (UUID) of the region to adopt, or leave importId unset");
    problems.throwIfAny();
}
