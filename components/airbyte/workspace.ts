/**
 * Assigning a workspace to an Airbyte region: the last step Airbyte's docs leave to the UI, made declarative with
 * the public `PATCH /workspaces/{workspaceId} {regionId}` (airbyte-server publicapi WorkspaceService.updateWorkspace).
 */
import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { AirbyteClient, AirbyteRegionInfo, AirbyteWorkspaceInfo } from "./client";
import { AIRBYTE_WORKSPACE_REGION_KIND } from "./kinds";
import { checkConnection, clientFor, ConnectionState, differs, ownFields, ProviderClientOptions, requireText } from "./provider-common";
import {
    AirbyteConnectionArgs,
    APPLICATION_SECRET_OUTPUTS,
    checkConnectionArgs,
    checkText,
    checkUuid,
    connectionProps,
    withSecretOutputs,
} from "./resource-common";

export interface WorkspaceRegionState extends ConnectionState {
    __kind?: typeof AIRBYTE_WORKSPACE_REGION_KIND;
    workspaceId?: string;
    organizationId?: string;
    regionId?: string;
    /** The region's name when it was assigned: the workspace shows it (lower case) as `dataResidency`. */
    regionName?: string;
    dataResidency?: string;
}

/**
 * The region, if the organization's list shows it live. The server would assign a workspace to a deleted region
 * too (`getDataplaneGroup` reads tombstoned regions), which would stop its syncs.
 */
async function liveRegion(client: AirbyteClient, organizationId: string, regionId: string): Promise<AirbyteRegionInfo> {
    const region = (await client.listRegions(organizationId)).find((r) => r.regionId === regionId);
    if (!region) {
        throw new Error(
            `Cannot assign workspaces to region ${regionId}: organization ${organizationId} has no live region ` +
                `with this id (it was deleted, or belongs elsewhere). Fix regionId, or create the region first.`,
        );
    }
    return region;
}

/** The state for `inputs` once the workspace shows `live`. */
function workspaceOuts(inputs: WorkspaceRegionState, region: AirbyteRegionInfo, live: AirbyteWorkspaceInfo): WorkspaceRegionState {
    return { ...ownFields(inputs), __kind: AIRBYTE_WORKSPACE_REGION_KIND, regionName: region.name, dataResidency: live.dataResidency };
}

/**
 * True when a workspace's `dataResidency` names `regionName`. Only the lower-cased name is visible
 * (WorkspaceResponseMapper: `dataplaneGroupName.lowercase()`), so two regions whose names differ only in case
 * cannot be told apart.
 */
export function residesIn(workspace: Pick<AirbyteWorkspaceInfo, "dataResidency">, regionName: string | undefined): boolean {
    return regionName !== undefined && workspace.dataResidency === regionName.toLowerCase();
}

/**
 * The operations of `AirbyteWorkspaceRegion`. Create and update move the workspace; refresh reads where it is (a
 * workspace moved elsewhere shows no regionId, so the next `pulumi up` moves it back); delete leaves the workspace
 * where it is, since every workspace must be in some region. `options` never carries credentials.
 */
export function createWorkspaceRegionProvider(
    options: ProviderClientOptions = {},
): pulumi.dynamic.ResourceProvider<WorkspaceRegionState, WorkspaceRegionState> {
    const assign = async (inputs: WorkspaceRegionState): Promise<WorkspaceRegionState> => {
        const client = clientFor(inputs, options, `assign workspace ${inputs.workspaceId}`);
        const region = await liveRegion(client, inputs.organizationId ?? "", inputs.regionId ?? "");
        const live = await client.assignWorkspace(inputs.workspaceId ?? "", region.regionId);
        return workspaceOuts(inputs, region, live);
    };
    return {
        async check(_olds, news) {
            const { inputs, failures } = checkConnection(news);
            for (const [key, what] of [
                ["workspaceId", "the workspace's id"],
                ["organizationId", "the organization's id"],
                ["regionId", "the region's id"],
            ]) {
                failures.push(...requireText(news, key, what));
            }
            return { inputs: { ...inputs, __kind: AIRBYTE_WORKSPACE_REGION_KIND }, failures };
        },
        async diff(_id, olds, news) {
            const replaces = ["workspaceId"].filter((key) => differs(olds, news, key));
            const updates = ["regionId", "organizationId", "apiUrl", "applicationClientId", "applicationClientSecret"].filter((key) =>
                differs(olds, news, key),
            );
            return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
        },
        async create(inputs) {
            return { id: inputs.workspaceId ?? "", outs: await assign(inputs) };
        },
        async update(_id, _olds, news) {
            return { outs: await assign(news) };
        },
        async read(id, props) {
            const state = props ?? ({} as WorkspaceRegionState);
            const client = clientFor(state, options, `read workspace ${id}`);
            const live = await client.getWorkspace(id);
            const moved = !residesIn(live, state.regionName);
            return { id, props: { ...state, dataResidency: live.dataResidency, ...(moved ? { regionId: undefined } : {}) } };
        },
        async delete() {
            // A workspace always belongs to a region: nothing to undo.
        },
    };
}

/** The provider every `AirbyteWorkspaceRegion` uses; serialized once per program. */
export const workspaceRegionProvider = createWorkspaceRegionProvider();

export interface AirbyteWorkspaceRegionArgs extends AirbyteConnectionArgs {
    /** The workspace (UUID) to move. Changing it means another workspace (replace). */
    workspaceId: pulumi.Input<string>;
    /** The organization the region belongs to (UUID); the region is looked up in its list. */
    organizationId: pulumi.Input<string>;
    /** The region (UUID) the workspace's connections run in, e.g. an `AirbyteRegion`'s `regionId`. Updated in place. */
    regionId: pulumi.Input<string>;
}

/**
 * Keeps a workspace in an Airbyte region: its connections then run on that region's data planes. The application's
 * user needs to be an organization admin (or an editor of the workspace). Deleting the resource leaves the
 * workspace where it is; move it elsewhere before deleting its region.
 */
export class AirbyteWorkspaceRegion extends pulumi.dynamic.Resource {
    declare readonly workspaceId: pulumi.Output<string>;
    declare readonly regionId: pulumi.Output<string>;
    /** The region's name as the workspace shows it (lower case). */
    declare readonly dataResidency: pulumi.Output<string>;

    constructor(name: string, args: AirbyteWorkspaceRegionArgs, opts?: pulumi.CustomResourceOptions) {
        validateWorkspaceRegionArgs(name, args);
        const props = {
            __kind: AIRBYTE_WORKSPACE_REGION_KIND,
            ...connectionProps(args),
            workspaceId: args.workspaceId,
            organizationId: args.organizationId,
            regionId: args.regionId,
            regionName: undefined,
            dataResidency: undefined,
        };
        super(
            workspaceRegionProvider,
            name,
            props,
            withSecretOutputs(opts, APPLICATION_SECRET_OUTPUTS),
            "flexplane",
            "AirbyteWorkspaceRegion",
        );
    }
}

/** Throws one `InputPropertiesError` listing every problem with the plain arguments. */
export function validateWorkspaceRegionArgs(name: string, args: AirbyteWorkspaceRegionArgs | undefined): void {
    const problems = new InputProblems(`AirbyteWorkspaceRegion "${name}"`);
    checkConnectionArgs(problems, args);
    for (const [key, what] of [
        ["workspaceId", "the workspace's id (a UUID), from its URL in Airbyte"],
        ["organizationId", "the organization's id (a UUID)"],
        ["regionId", "the region's id (a UUID)"],
    ] as const) {
        checkText(problems, key, args?.[key], what);
        checkUuid(problems, key, args?.[key], what);
    }
    problems.throwIfAny();
}
