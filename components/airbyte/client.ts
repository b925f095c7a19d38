import { ApiCall } from "./exchange";
import { AirbyteClientOptions, AirbyteTransport, ResponseShapeError } from "./http";

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
        this.transport = new AirbyteTransport(options);
    }

    /** The normalized base URL the client calls. */
    get apiUrl(): string {
        return this.transport.apiUrl;
    }

    createRegion(request: CreateRegionRequest): Promise<AirbyteRegionInfo> {
        return this.create("/regions", request, `region "${request.name}"`, decodeRegion);
    }

    getRegion(regionId: string): Promise<AirbyteRegionInfo> {
        return this.transport.call(regionCall("GET", regionId), decodeRegion);
    }

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

    getDataplane(dataplaneId: string): Promise<AirbyteDataplaneInfo> {
        return this.transport.call(dataplaneCall("GET", dataplaneId), decodeDataplane);
    }

    /** Data planes of one or more regions. */
    listDataplanes(regionIds: string | string[]): Promise<AirbyteDataplaneInfo[]> {
        const ids = Array.isArray(regionIds) ? regionIds : [regionIds];
        return this.list("/dataplanes", { regionIds: ids }, `the data planes of region ${ids.join(", ")}`, decodeDataplane);
    }

    async updateDataplane(dataplaneId: string, patch: NameEnabledPatch): Promise<AirbyteDataplaneInfo> {
        const updated = await this.patch(dataplaneCall("PATCH", dataplaneId), patch, "dataplaneId", decodeDataplane);
        return updated ?? this.getDataplane(dataplaneId);
    }

    async deleteDataplane(dataplaneId: string): Promise<void> {
        await this.transport.call(dataplaneCall("DELETE", dataplaneId), () => undefined);
    }

    /** Sends a create; never resent after a failure that may have reached the server (see http.ts). */
    private create<T>(path: string, request: object, subject: string, decode: (body: any) => T): Promise<T> {
        return this.transport.call({ method: "POST", path, body: withoutUndefined(request), subject, idempotent: false }, decode);
    }

    private list<T>(path: string, query: ApiCall["query"], subject: string, decode: (body: any) => T): Promise<T[]> {
        return this.transport.call({ method: "GET", path, query, subject, idempotent: true }, (body) => listItems(body).map(decode));
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

function objectCall(method: ApiCall["method"], collection: string, id: string, subject: string): ApiCall {
    return { method, path: `${collection}/${encodeURIComponent(id)}`, subject, idempotent: true };
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

/** Lists come as `{data: [...]}` per the spec; a bare array is accepted too. */
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
