/**
 * A loopback stand-in for the regions and data planes of Airbyte's public API (facts §3), with in-memory
 * state, a controllable clock and token lifetime, and scripted faults.
 */
import { randomUUID } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { FakeAirbyteState, RecordedRequest, Reply } from "./fake-airbyte-state";

export type { RecordedRequest };

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

export class FakeAirbyte {
    /** The objects the fake holds; tests read and change them directly. */
    readonly state: FakeAirbyteState;
    readonly requests: RecordedRequest[] = [];
    readonly issuedTokens: string[] = [];
    private readonly applications = new Map<string, { secret: string; admin: boolean }>();
    private readonly tokens = new Map<string, number>();
    private readonly script: Array<{ method?: string; path?: RegExp; response: ScriptedResponse }> = [];
    private readonly now: () => number;
    private port = 0;

    private constructor(private readonly server: http.Server, private readonly options: FakeAirbyteOptions) {
        this.now = options.now ?? (() => Date.now());
        this.state = new FakeAirbyteState(this.now);
    }

    get regions(): FakeAirbyteState["regions"] {
        return this.state.regions;
    }

    get dataplanes(): FakeAirbyteState["dataplanes"] {
        return this.state.dataplanes;
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
        this.state.organizations.add(organizationId);
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
            return id ? this.state.region(request, id) : this.state.regionsCollection(request);
        }
        if (collection === "dataplanes") {
            return id ? this.state.dataplane(request, id) : this.state.dataplanesCollection(request);
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
