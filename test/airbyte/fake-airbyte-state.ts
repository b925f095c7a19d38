/** In-memory regions and data planes behind the fake Airbyte API, with the documented answers. */
import { randomUUID } from "node:crypto";

export interface RecordedRequest {
    method: string;
    path: string;
    query: URLSearchParams;
    body: any;
    authorization?: string;
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

export interface Region {
    regionId: string;
    name: string;
    organizationId: string;
    enabled: boolean;
    createdAt: string;
    updatedAt: string;
}

export interface Dataplane {
    dataplaneId: string;
    name: string;
    regionId: string;
    enabled: boolean;
    createdAt: string;
    updatedAt: string;
    clientId: string;
    clientSecret: string;
}

export class FakeAirbyteState {
    readonly regions = new Map<string, Region>();
    readonly dataplanes = new Map<string, Dataplane>();
    readonly organizations = new Set<string>();

    constructor(private readonly now: () => number) {}

    regionsCollection(request: RecordedRequest): Reply {
        if (request.method === "GET") {
            const organizationId = request.query.get("organizationId");
            if (!organizationId) {
                return { status: 400, body: { message: "organizationId is required" } };
            }
            return { status: 200, body: { data: [...this.regions.values()].filter((r) => r.organizationId === organizationId) } };
        }
        if (request.method !== "POST") {
            return { status: 405, body: { message: "Method not allowed" } };
        }
        const { name, organizationId, enabled } = request.body ?? {};
        if (typeof name !== "string" || !name || typeof organizationId !== "string") {
            return { status: 400, body: { message: "name and organizationId are required" } };
        }
        if (!this.organizations.has(organizationId)) {
            return { status: 404, body: { message: `Organization ${organizationId} not found` } };
        }
        if ([...this.regions.values()].some((r) => r.organizationId === organizationId && r.name === name)) {
            return { status: 409, body: { message: `A region named ${name} already exists` } };
        }
        const stamp = new Date(this.now()).toISOString();
        const region: Region = { regionId: randomUUID(), name, organizationId, enabled: enabled ?? true, createdAt: stamp, updatedAt: stamp };
        this.regions.set(region.regionId, region);
        return { status: 200, body: region };
    }

    region(request: RecordedRequest, id: string): Reply {
        const region = this.regions.get(id);
        if (!region) {
            return { status: 404, body: { message: `Region ${id} not found` } };
        }
        if (request.method === "GET") {
            return { status: 200, body: region };
        }
        if (request.method === "PATCH") {
            const { name, enabled } = request.body ?? {};
            if (name !== undefined && [...this.regions.values()].some((r) => r !== region && r.organizationId === region.organizationId && r.name === name)) {
                return { status: 409, body: { message: `A region named ${name} already exists` } };
            }
            Object.assign(region, name !== undefined ? { name } : {}, enabled !== undefined ? { enabled } : {});
            region.updatedAt = new Date(this.now()).toISOString();
            return { status: 200, body: region };
        }
        if (request.method === "DELETE") {
            this.regions.delete(id);
            return { status: 200, body: region };
        }
        return { status: 405, body: { message: "Method not allowed" } };
    }

    dataplanesCollection(request: RecordedRequest): Reply {
        if (request.method === "GET") {
            const wanted = request.query.getAll("regionIds").flatMap((v) => v.split(","));
            const data = [...this.dataplanes.values()].filter((d) => wanted.length === 0 || wanted.includes(d.regionId));
            return { status: 200, body: { data: data.map(publicDataplane) } };
        }
        if (request.method !== "POST") {
            return { status: 405, body: { message: "Method not allowed" } };
        }
        const { name, regionId, enabled } = request.body ?? {};
        if (typeof name !== "string" || !name || typeof regionId !== "string") {
            return { status: 400, body: { message: "name and regionId are required" } };
        }
        if (!this.regions.has(regionId)) {
            return { status: 404, body: { message: `Region ${regionId} not found` } };
        }
        if ([...this.dataplanes.values()].some((d) => d.regionId === regionId && d.name === name)) {
            return { status: 409, body: { message: `A data plane named ${name} already exists in the region` } };
        }
        const stamp = new Date(this.now()).toISOString();
        const dataplane: Dataplane = {
            dataplaneId: randomUUID(),
            name,
            regionId,
            enabled: enabled ?? true,
            createdAt: stamp,
            updatedAt: stamp,
            clientId: randomUUID(),
            clientSecret: `dp-secret-${randomUUID()}`,
        };
        this.dataplanes.set(dataplane.dataplaneId, dataplane);
        const { dataplaneId, clientId, clientSecret } = dataplane;
        return { status: 200, body: { dataplaneId, clientId, clientSecret } };
    }

    dataplane(request: RecordedRequest, id: string): Reply {
        const dataplane = this.dataplanes.get(id);
        if (!dataplane) {
            return { status: 404, body: { message: `Dataplane ${id} not found` } };
        }
        if (request.method === "GET") {
            return { status: 200, body: publicDataplane(dataplane) };
        }
        if (request.method === "PATCH") {
            const { name, enabled } = request.body ?? {};
            Object.assign(dataplane, name !== undefined ? { name } : {}, enabled !== undefined ? { enabled } : {});
            dataplane.updatedAt = new Date(this.now()).toISOString();
            return { status: 200, body: publicDataplane(dataplane) };
        }
        if (request.method === "DELETE") {
            this.dataplanes.delete(id);
            return { status: 204 };
        }
        return { status: 405, body: { message: "Method not allowed" } };
    }
}

/** What reads return: never the credentials. */
function publicDataplane(dataplane: Dataplane): Omit<Dataplane, "clientId" | "clientSecret"> {
    const { clientId: _clientId, clientSecret: _clientSecret, ...rest } = dataplane;
    return rest;
}
