/**
 * A loopback stand-in for the regions and data planes of Airbyte's public API (facts §3), with in-memory
 * state, a controllable clock and token lifetime, and scripted faults.
 */
import { randomUUID } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface ScriptedResponse {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
    /** Wait this long before answering (to provoke client timeouts). */
    delayMs?: number;
}

export interface FakeAirbyteOptions {
    /** Path prefix the API is served under. Default `/v1` (Cloud); `/api/public/v1` for self-managed. */
    prefix?: string;
    /** Clock in epoch ms shared with the client under test. Default `Date.now`. */
    now?: () => number;
    /** `expires_in` announced with each token. Default 180 s; `null` leaves it out. */
    tokenLifetimeS?: number | null;
    /** How long tokens really stay valid. Default: the announced lifetime. */
    tokenValidMs?: number;
}

export interface RecordedRequest {
    method: string;
    path: string;
    query: URLSearchParams;
    body: any;
    authorization?: string;
}

interface Region {
    regionId: string;
    name: string;
    organizationId: string;
    enabled: boolean;
    createdAt: string;
    updatedAt: string;
}

interface Dataplane {
    dataplaneId: string;
    name: string;
    regionId: string;
    enabled: boolean;
    createdAt: string;
    updatedAt: string;
    clientId: string;
    clientSecret: string;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

export class FakeAirbyte {
    readonly regions = new Map<string, Region>();
    readonly dataplanes = new Map<string, Dataplane>();
    readonly organizations = new Set<string>();
    readonly requests: RecordedRequest[] = [];
    readonly issuedTokens: string[] = [];
    private readonly applications = new Map<string, { secret: string; admin: boolean }>();
    private readonly tokens = new Map<string, number>();
    private readonly script: Array<{ method?: string; path?: RegExp; response: ScriptedResponse }> = [];
    private readonly now: () => number;
    private port = 0;

    private constructor(private readonly server: http.Server, private readonly options: FakeAirbyteOptions) {
        this.now = options.now ?? (() => Date.now());
    }

    static async start(options: FakeAirbyteOptions = {}): Promise<FakeAirbyte> {
        const server = http.createServer();
        const fake = new FakeAirbyte(server, options);
        server.on("request", (req, res) => fake.handle(req, res));
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        fake.port = (server.address() as AddressInfo).port;
        return fake;
    }

    /** Base URL to give the client. */
    get apiUrl(): string {
        return `http://127.0.0.1:${this.port}${this.prefix}`;
    }

    private get prefix(): string {
        return this.options.prefix ?? "/v1";
    }

    addApplication(clientId: string, secret: string, admin = true): void {
        this.applications.set(clientId, { secret, admin });
    }

    addOrganization(organizationId: string = randomUUID()): string {
        this.organizations.add(organizationId);
        return organizationId;
    }

    /** Answers the next requests matching `method` and `path` with `responses`, one each, in order. */
    inject(match: { method?: string; path?: RegExp }, ...responses: ScriptedResponse[]): void {
        for (const response of responses) {
            this.script.push({ ...match, response });
        }
    }

    /** Invalidates every token issued so far, as if they had expired early. */
    expireAllTokens(): void {
        this.tokens.clear();
    }

    /** Requests other than the token call, as `METHOD /path`. */
    apiCalls(): string[] {
        return this.requests.filter((r) => r.path !== "/applications/token").map((r) => `${r.method} ${r.path}`);
    }

    tokenRequests(): number {
        return this.requests.filter((r) => r.path === "/applications/token").length;
    }

    async close(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
            const url = new URL(req.url ?? "/", "http://127.0.0.1");
            const text = Buffer.concat(chunks).toString("utf8");
            let body: any;
            try {
                body = text ? JSON.parse(text) : undefined;
            } catch {
                body = text;
            }
            const path = url.pathname.startsWith(this.prefix) ? url.pathname.slice(this.prefix.length) : url.pathname;
            const request: RecordedRequest = {
                method: req.method ?? "GET",
                path,
                query: url.searchParams,
                body,
                authorization: req.headers.authorization,
            };
            this.requests.push(request);
            const reply = this.scripted(request) ?? this.route(request, url.pathname.startsWith(this.prefix));
            const send = () => {
                if (res.destroyed) {
                    return;
                }
                const payload = reply.body === undefined ? "" : JSON.stringify(reply.body);
                res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
                res.end(payload);
            };
            if (reply.delayMs) {
                setTimeout(send, reply.delayMs);
            } else {
                send();
            }
        });
    }

    private scripted(request: RecordedRequest): Reply | undefined {
        const index = this.script.findIndex(
            (s) => (!s.method || s.method === request.method) && (!s.path || s.path.test(request.path)),
        );
        return index < 0 ? undefined : this.script.splice(index, 1)[0].response;
    }

    private route(request: RecordedRequest, underPrefix: boolean): Reply {
        if (!underPrefix) {
            return { status: 404, body: { message: "No such route" } };
        }
        if (request.path === "/applications/token" && request.method === "POST") {
            return this.issueToken(request.body);
        }
        const token = request.authorization?.replace(/^Bearer /, "") ?? "";
        const expiresAt = this.tokens.get(token);
        if (expiresAt === undefined || this.now() >= expiresAt) {
            return { status: 401, body: { message: "Unauthorized" } };
        }
        const app = this.applications.get(token.split(".")[0]);
        if (!app?.admin) {
            return { status: 403, body: { message: "User is not an organization admin" } };
        }
        const [, collection, id] = request.path.split("/");
        if (collection === "regions") {
            return id ? this.region(request, id) : this.regionsCollection(request);
        }
        if (collection === "dataplanes") {
            return id ? this.dataplane(request, id) : this.dataplanesCollection(request);
        }
        return { status: 404, body: { message: "No such route" } };
    }

    private issueToken(body: any): Reply {
        const app = this.applications.get(body?.client_id);
        if (body?.grant_type !== "client_credentials" || !app || app.secret !== body?.client_secret) {
            return { status: 401, body: { message: "Invalid client credentials" } };
        }
        const token = `${body.client_id}.${randomUUID()}`;
        const lifetimeS = this.options.tokenLifetimeS === undefined ? 180 : this.options.tokenLifetimeS;
        this.tokens.set(token, this.now() + (this.options.tokenValidMs ?? (lifetimeS ?? 180) * 1000));
        this.issuedTokens.push(token);
        const reply: Record<string, unknown> = { access_token: token, token_type: "Bearer" };
        if (lifetimeS !== null) {
            reply.expires_in = lifetimeS;
        }
        return { status: 200, body: reply };
    }

    private regionsCollection(request: RecordedRequest): Reply {
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

    private region(request: RecordedRequest, id: string): Reply {
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

    private dataplanesCollection(request: RecordedRequest): Reply {
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

    private dataplane(request: RecordedRequest, id: string): Reply {
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

/** A clock tests move by hand; share it between the fake server and the client. */
export class FakeClock {
    constructor(private current = Date.UTC(2026, 0, 1)) {}
    readonly now = (): number => this.current;
    advance(ms: number): void {
        this.current += ms;
    }
}

/** A `sleep` that returns at once and remembers what it was asked to wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
    const waits: number[] = [];
    return {
        waits,
        sleep: (ms) => {
            waits.push(ms);
            return new Promise((resolve) => setImmediate(resolve));
        },
    };
}
