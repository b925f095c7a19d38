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
        const refused = refusedCreate(request, {
            parentKey: "organizationId",
            parent: "Organization",
            parentExists: (id) => this.organizations.has(id),
            siblings: [...this.regions.values()].map((r) => ({ parentId: r.organizationId, name: r.name })),
            taken: (name) => `A region named ${name} already exists`,
        });
        if (refused) {
            return refused;
        }
        const { name, organizationId, enabled } = request.body;
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
            const name = request.body?.name;
            if (name !== undefined && [...this.regions.values()].some((r) => r !== region && r.organizationId === region.organizationId && r.name === name)) {
                return { status: 409, body: { message: `A region named ${name} already exists` } };
            }
            this.applyPatch(region, request.body);
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
        const refused = refusedCreate(request, {
            parentKey: "regionId",
            parent: "Region",
            parentExists: (id) => this.regions.has(id),
            siblings: [...this.dataplanes.values()].map((d) => ({ parentId: d.regionId, name: d.name })),
            taken: (name) => `A data plane named ${name} already exists in the region`,
        });
        if (refused) {
            return refused;
        }
        const { name, regionId, enabled } = request.body;
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
            this.applyPatch(dataplane, request.body);
            return { status: 200, body: publicDataplane(dataplane) };
        }
        if (request.method === "DELETE") {
            this.dataplanes.delete(id);
            return { status: 204 };
        }
        return { status: 405, body: { message: "Method not allowed" } };
    }

    private applyPatch(target: Region | Dataplane, body: { name?: string; enabled?: boolean } | undefined): void {
        const { name, enabled } = body ?? {};
        Object.assign(target, name !== undefined ? { name } : {}, enabled !== undefined ? { enabled } : {});
        target.updatedAt = new Date(this.now()).toISOString();
    }
}

/** What a create needs besides the name: an existing parent, and a name its siblings do not use. */
interface CreateRules {
    parentKey: "organizationId" | "regionId";
    /** How messages name the parent. */
    parent: string;
    parentExists(id: string): boolean;
    siblings: Array<{ parentId: string; name: string }>;
    /** The 409 message for a name in use. */
    taken(name: string): string;
}

/** The documented refusals of a POST to a collection (405, 400, 404, 409), or undefined when it may go ahead. */
function refusedCreate(request: RecordedRequest, rules: CreateRules): Reply | undefined {
    if (request.method !== "POST") {
        return { status: 405, body: { message: "Method not allowed" } };
    }
    const name = request.body?.name;
    const parentId = request.body?.[rules.parentKey];
    if (typeof name !== "string" || !name || typeof parentId !== "string") {
        return { status: 400, body: { message: `name and ${rules.parentKey} are required` } };
    }
    if (!rules.parentExists(parentId)) {
        return { status: 404, body: { message: `${rules.parent} ${parentId} not found` } };
    }
    if (rules.siblings.some((s) => s.parentId === parentId && s.name === name)) {
        return { status: 409, body: { message: rules.taken(name) } };
    }
    return undefined;
}

/** What reads return: never the credentials. */
function publicDataplane(dataplane: Dataplane): Omit<Dataplane, "clientId" | "clientSecret"> {
    const { clientId: _clientId, clientSecret: _clientSecret, ...rest } = dataplane;
    return rest;
}
