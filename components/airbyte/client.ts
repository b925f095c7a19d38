import { ApiCall } from "./exchange";
import { AirbyteClientOptions, AirbyteTransport, ResponseShapeError } from "./http";
import { internalApiUrl } from "./url";

/** What regions and data planes both carry in the API's answers. */
export interface AirbyteObjectInfo {
    name: string;
    /** True unless Airbyte says false. */
    enabled: boolean;
    createdAt?: string;
    updatedAt?: string;
}

/** A region as the API returns it. */
export interface AirbyteRegionInfo extends AirbyteObjectInfo {
    regionId: string;
    organizationId: string;
}

/** A data plane as reads return it: never with its credentials. */
export interface AirbyteDataplaneInfo extends AirbyteObjectInfo {
    dataplaneId: string;
    regionId: string;
}

/** The create response of a data plane: the only time Airbyte hands out its client id and secret. */
export interface AirbyteDataplaneCredentials {
    dataplaneId: string;
    clientId: string;
    clientSecret: string;
}

export interface CreateRegionRequest {
    name: string;
    organizationId: string;
    enabled?: boolean;
}

export interface CreateDataplaneRequest {
    name: string;
    regionId: string;
    enabled?: boolean;
}

/**
 * A workspace as the public API returns it: `dataResidency` is its region's name in lower case, the only trace
 * of the region (airbyte-server publicapi `WorkspaceResponseMapper.from`: `dataResidency = dataplaneGroupName.lowercase()`).
 */
export interface AirbyteWorkspaceInfo {
    workspaceId: string;
    name: string;
    dataResidency: string;
}

/** Health of one data plane as the control plane sees it (config.yaml `DataplaneHealthRead`). */
export interface AirbyteDataplaneHealth {
    dataplaneId: string;
    dataplaneName: string;
    regionId: string;
    /**
     * HEALTHY: a heartbeat within 60 s; DEGRADED: within 5 minutes; UNHEALTHY: older; UNKNOWN: never
     * (airbyte-data `DataplaneHealthService.calculateHealthStatus`, HEALTHY_THRESHOLD_DURATION / DEGRADED_THRESHOLD_DURATION).
     */
    status: "HEALTHY" | "DEGRADED" | "UNHEALTHY" | "UNKNOWN";
    /** Epoch milliseconds of the last heartbeat, when there was one. */
    lastHeartbeatTimestamp?: number;
    dataplaneVersion?: string;
    controlPlaneVersion?: string;
}

/** Fields a PATCH may change on a region or a data plane. */
export interface NameEnabledPatch {
    name?: string;
    enabled?: boolean;
}

/**
 * Typed client for the regions and data planes of Airbyte's public API. Every method fetches (or reuses) an
 * access token, retries what can be retried and throws `AirbyteApiError` with the fix otherwise.
 */
export class AirbyteClient {
    private readonly transport: AirbyteTransport;

    constructor(options: AirbyteClientOptions) {
        if (!options.clientId || !options.clientSecret) {
            throw new Error(
                "The Airbyte API client needs the application's clientId and clientSecret; create an application " +
                    "in Airbyte under Settings > Applications and pass both.",
            );
        }
        this.transport = new AirbyteTransport(options);
    }

    /** The normalized base URL the client calls. */
    get apiUrl(): string {
        return this.transport.apiUrl;
    }

    /** The clock and sleep the client waits with. */
    get clock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
        return this.transport.clock;
    }

    createRegion(request: CreateRegionRequest): Promise<AirbyteRegionInfo> {
        return this.create("/regions", request, `region "${request.name}"`, decodeRegion);
    }

    /** A region by id; deleted regions are returned too, with nothing to say so (use `listRegions` for existence). */
    getRegion(regionId: string): Promise<AirbyteRegionInfo> {
        return this.transport.call(regionCall("GET", regionId), decodeRegion);
    }

    /**
     * The live regions the organization sees: its own and the default organization's (AUTO, US, EU on Cloud), never
     * deleted ones (RegionService.controllerListRegions: `listDataplaneGroups(organizationIds, false)`).
     */
    listRegions(organizationId: string): Promise<AirbyteRegionInfo[]> {
        return this.list("/regions", { organizationId }, `the regions of organization ${organizationId}`, decodeRegion);
    }

    async updateRegion(regionId: string, patch: NameEnabledPatch): Promise<AirbyteRegionInfo> {
        const updated = await this.patch(regionCall("PATCH", regionId), patch, "regionId", decodeRegion);
        return updated ?? this.getRegion(regionId);
    }

    async deleteRegion(regionId: string): Promise<void> {
        await this.transport.call(regionCall("DELETE", regionId), () => undefined);
    }

    createDataplane(request: CreateDataplaneRequest): Promise<AirbyteDataplaneCredentials> {
        return this.create("/dataplanes", request, `data plane "${request.name}" in region ${request.regionId}`, (body) => ({
            dataplaneId: requireString(body, "dataplaneId"),
            clientId: requireString(body, "clientId"),
            clientSecret: requireString(body, "clientSecret"),
        }));
    }

    /** A data plane by id; deleted ones are returned too (use `listDataplanes` for existence). */
    getDataplane(dataplaneId: string): Promise<AirbyteDataplaneInfo> {
        return this.transport.call(dataplaneCall("GET", dataplaneId), decodeDataplane);
    }

    /** The live data planes of one or more regions (DataplaneService.controllerListDataplanes: `withTombstone = false`). */
    listDataplanes(regionIds: string | string[]): Promise<AirbyteDataplaneInfo[]> {
        const ids = Array.isArray(regionIds) ? regionIds : [regionIds];
        // An unknown region id fails the controller's organization lookup: 500 {errorId}, like a by-id call.
        return this.list("/dataplanes", { regionIds: ids }, `region ${ids.join(", ")}`, decodeDataplane, true);
    }

    async updateDataplane(dataplaneId: string, patch: NameEnabledPatch): Promise<AirbyteDataplaneInfo> {
        const updated = await this.patch(dataplaneCall("PATCH", dataplaneId), patch, "dataplaneId", decodeDataplane);
        return updated ?? this.getDataplane(dataplaneId);
    }

    async deleteDataplane(dataplaneId: string): Promise<void> {
        await this.transport.call(dataplaneCall("DELETE", dataplaneId), () => undefined);
    }

    getWorkspace(workspaceId: string): Promise<AirbyteWorkspaceInfo> {
        return this.transport.call(workspaceCall("GET", workspaceId), decodeWorkspace);
    }

    /** Moves a workspace to a region (public `PATCH /workspaces/{id}` with `regionId`, WorkspaceService.updateWorkspace). */
    assignWorkspace(workspaceId: string, regionId: string): Promise<AirbyteWorkspaceInfo> {
        return this.transport.call({ ...workspaceCall("PATCH", workspaceId), body: { regionId } }, decodeWorkspace);
    }

    /**
     * Health of every live data plane of the organization, from the internal API the launcher reports to:
     * `POST <airbyteUrl>/api/v1/dataplanes/health {organizationId}` (airbyte-server DataplaneController.listDataplaneHealth,
     * `@RequiresIntent(Intent.ManageDataplanes)`: organization admins).
     */
    dataplaneHealth(airbyteUrl: string, organizationId: string): Promise<AirbyteDataplaneHealth[]> {
        const call: ApiCall = {
            method: "POST",
            path: "/dataplanes/health",
            baseUrl: internalApiUrl(airbyteUrl),
            body: { organizationId },
            subject: `the health of organization ${organizationId}'s data planes`,
            idempotent: true,
        };
        return this.transport.call(call, (body) => {
            if (!Array.isArray(body?.dataplanes)) {
                throw new ResponseShapeError("no dataplanes array");
            }
            return body.dataplanes.map(decodeHealth);
        });
    }
    /** Sends a create; never resent after a failure that may have reached the server (see http.ts). */
    private create<T>(path: string, request: object, subject: string, decode: (body: any) => T): Promise<T> {
        return this.transport.call({ method: "POST", path, body: withoutUndefined(request), subject, idempotent: false }, decode);
    }

    private list<T>(path: string, query: ApiCall["query"], subject: string, decode: (body: any) => T, byId = false): Promise<T[]> {
        return this.transport.call({ method: "GET", path, query, subject, idempotent: true, byId }, (body) => listItems(body).map(decode));
    }

    /** Sends a PATCH; the updated object, or undefined when Airbyte answers without it (then read it). */
    private patch<T>(call: ApiCall, patch: NameEnabledPatch, idField: string, decode: (body: any) => T): Promise<T | undefined> {
        return this.transport.call({ ...call, body: withoutUndefined(patch) }, (body) => (body?.[idField] ? decode(body) : undefined));
    }
}

function regionCall(method: ApiCall["method"], regionId: string): ApiCall {
    return objectCall(method, "/regions", regionId, `region ${regionId}`);
}

function dataplaneCall(method: ApiCall["method"], dataplaneId: string): ApiCall {
    return objectCall(method, "/dataplanes", dataplaneId, `data plane ${dataplaneId}`);
}

function workspaceCall(method: ApiCall["method"], workspaceId: string): ApiCall {
    // publicUpdateWorkspace requires WORKSPACE_EDITOR (or a source/destination editor) on the workspace
    // (airbyte-server publicapi WorkspacesController); an organization admin has it on every workspace of the organization.
    const requires = "an organization admin of the workspace's organization, or an editor of the workspace";
    return { ...objectCall(method, "/workspaces", workspaceId, `workspace ${workspaceId}`), requires };
}

function objectCall(method: ApiCall["method"], collection: string, id: string, subject: string): ApiCall {
    return { method, path: `${collection}/${encodeURIComponent(id)}`, subject, idempotent: true, byId: true };
}

function decodeRegion(body: any): AirbyteRegionInfo {
    return { regionId: requireString(body, "regionId"), organizationId: requireString(body, "organizationId"), ...commonFields(body) };
}

function decodeDataplane(body: any): AirbyteDataplaneInfo {
    return { dataplaneId: requireString(body, "dataplaneId"), regionId: requireString(body, "regionId"), ...commonFields(body) };
}

function commonFields(body: any): AirbyteObjectInfo {
    const out: AirbyteObjectInfo = {
        name: requireString(body, "name"),
        enabled: body.enabled !== false,
    };
    if (body.createdAt !== undefined && body.createdAt !== null) out.createdAt = String(body.createdAt);
    if (body.updatedAt !== undefined && body.updatedAt !== null) out.updatedAt = String(body.updatedAt);
    return out;
}

function decodeWorkspace(body: any): AirbyteWorkspaceInfo {
    return {
        workspaceId: requireString(body, "workspaceId"),
        name: String(body?.name ?? ""),
        dataResidency: String(body?.dataResidency ?? ""),
    };
}

function decodeHealth(item: any): AirbyteDataplaneHealth {
    const out: AirbyteDataplaneHealth = {
        dataplaneId: requireString(item, "dataplane_id"),
        dataplaneName: String(item?.dataplane_name ?? ""),
        regionId: String(item?.dataplane_group_id ?? ""),
        status: ["HEALTHY", "DEGRADED", "UNHEALTHY"].includes(item?.status) ? item.status : "UNKNOWN",
    };
    if (typeof item?.last_heartbeat_timestamp === "number") out.lastHeartbeatTimestamp = item.last_heartbeat_timestamp;
    if (typeof item?.dataplane_version === "string") out.dataplaneVersion = item.dataplane_version;
    if (typeof item?.control_plane_version === "string") out.controlPlaneVersion = item.control_plane_version;
    return out;
}

/**
 * Lists are bare JSON arrays on the server (RegionService and DataplaneService answer
 * `Response.ok().entity(list)`), although the spec documents `{data: [...]}`; both are accepted.
 */
function listItems(body: any): any[] {
    if (Array.isArray(body)) return body;
    if (Array.isArray(body?.data)) return body.data;
    throw new ResponseShapeError("no data array");
}

function requireString(body: any, field: string): string {
    const value = body?.[field];
    if (typeof value !== "string" || value === "") {
        throw new ResponseShapeError(`no ${field}`);
    }
    return value;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
