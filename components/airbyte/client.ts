import { ApiCall } from "./exchange";
import { AirbyteClientOptions, AirbyteTransport, ResponseShapeError } from "./http";

/** A region as the API returns it. */
export interface AirbyteRegionInfo {
    regionId: string;
    name: string;
    organizationId: string;
    enabled: boolean;
    createdAt?: string;
    updatedAt?: string;
}

/** A data plane as reads return it: never with its credentials. */
export interface AirbyteDataplaneInfo {
    dataplaneId: string;
    name: string;
    regionId: string;
    enabled: boolean;
    createdAt?: string;
    updatedAt?: string;
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
        return this.transport.call(
            { method: "POST", path: "/regions", body: withoutUndefined(request), subject: `region "${request.name}"`, idempotent: false },
            decodeRegion,
        );
    }

    getRegion(regionId: string): Promise<AirbyteRegionInfo> {
        return this.transport.call(regionCall("GET", regionId), decodeRegion);
    }

    listRegions(organizationId: string): Promise<AirbyteRegionInfo[]> {
        return this.transport.call(
            {
                method: "GET",
                path: "/regions",
                query: { organizationId },
                subject: `the regions of organization ${organizationId}`,
                idempotent: true,
            },
            (body) => listItems(body).map(decodeRegion),
        );
    }

    async updateRegion(regionId: string, patch: NameEnabledPatch): Promise<AirbyteRegionInfo> {
        const call = { ...regionCall("PATCH", regionId), body: withoutUndefined(patch) };
        const updated = await this.transport.call(call, (body) => (body?.regionId ? decodeRegion(body) : undefined));
        return updated ?? this.getRegion(regionId);
    }

    async deleteRegion(regionId: string): Promise<void> {
        await this.transport.call(regionCall("DELETE", regionId), () => undefined);
    }

    createDataplane(request: CreateDataplaneRequest): Promise<AirbyteDataplaneCredentials> {
        return this.transport.call(
            {
                method: "POST",
                path: "/dataplanes",
                body: withoutUndefined(request),
                subject: `data plane "${request.name}" in region ${request.regionId}`,
                idempotent: false,
            },
            (body) => ({
                dataplaneId: requireString(body, "dataplaneId"),
                clientId: requireString(body, "clientId"),
                clientSecret: requireString(body, "clientSecret"),
            }),
        );
    }

    getDataplane(dataplaneId: string): Promise<AirbyteDataplaneInfo> {
        return this.transport.call(dataplaneCall("GET", dataplaneId), decodeDataplane);
    }

    /** Data planes of one or more regions. */
    listDataplanes(regionIds: string | string[]): Promise<AirbyteDataplaneInfo[]> {
        const ids = Array.isArray(regionIds) ? regionIds : [regionIds];
        return this.transport.call(
            {
                method: "GET",
                path: "/dataplanes",
                query: { regionIds: ids },
                subject: `the data planes of region ${ids.join(", ")}`,
                idempotent: true,
            },
            (body) => listItems(body).map(decodeDataplane),
        );
    }

    async updateDataplane(dataplaneId: string, patch: NameEnabledPatch): Promise<AirbyteDataplaneInfo> {
        const call = { ...dataplaneCall("PATCH", dataplaneId), body: withoutUndefined(patch) };
        const updated = await this.transport.call(call, (body) => (body?.dataplaneId ? decodeDataplane(body) : undefined));
        return updated ?? this.getDataplane(dataplaneId);
    }

    async deleteDataplane(dataplaneId: string): Promise<void> {
        await this.transport.call(dataplaneCall("DELETE", dataplaneId), () => undefined);
    }
}

function regionCall(method: ApiCall["method"], regionId: string): ApiCall {
    return { method, path: `/regions/${encodeURIComponent(regionId)}`, subject: `region ${regionId}`, idempotent: true };
}

function dataplaneCall(method: ApiCall["method"], dataplaneId: string): ApiCall {
    return {
        method,
        path: `/dataplanes/${encodeURIComponent(dataplaneId)}`,
        subject: `data plane ${dataplaneId}`,
        idempotent: true,
    };
}

function decodeRegion(body: any): AirbyteRegionInfo {
    return {
        regionId: requireString(body, "regionId"),
        name: requireString(body, "name"),
        organizationId: requireString(body, "organizationId"),
        enabled: body.enabled !== false,
        ...timestamps(body),
    };
}

function decodeDataplane(body: any): AirbyteDataplaneInfo {
    return {
        dataplaneId: requireString(body, "dataplaneId"),
        name: requireString(body, "name"),
        regionId: requireString(body, "regionId"),
        enabled: body.enabled !== false,
        ...timestamps(body),
    };
}

function timestamps(body: any): { createdAt?: string; updatedAt?: string } {
    const out: { createdAt?: string; updatedAt?: string } = {};
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
