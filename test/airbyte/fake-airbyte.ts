/**
 * A loopback stand-in for the parts of Airbyte's API Flexplane calls, answering as airbyte-server does by default
 * (see fake-airbyte-routes.ts and fake-airbyte-state.ts for the sources): the public API under `/api/public/v1`
 * (`/v1` to play Airbyte Cloud's api.airbyte.com), the internal `/api/v1/dataplanes/{token,health}`, a controllable
 * clock and token lifetime, scripted faults, and creates whose answer is lost after they were committed.
 */
import { randomUUID } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { errorIdOnly, Reply, routeNotFound } from "./fake-airbyte-replies";
import { FakeAirbyteRoutes, RecordedRequest } from "./fake-airbyte-routes";
import { FakeAirbyteState } from "./fake-airbyte-state";

export type { RecordedRequest };

export type ScriptedResponse = Reply;

export interface FakeAirbyteOptions {
    /** Path prefix of the public API. Default `/api/public/v1` (the server's own); `/v1` for Airbyte Cloud's gateway. */
    prefix?: string;
    /** Clock in epoch ms shared with the client under test. Default `Date.now`. */
    now?: () => number;
    /**
     * `expires_in` announced with each token. Default 900 s (`application-token-expiration-in-minutes: 15` in
     * airbyte-server's application.yml); `null` leaves it out.
     */
    tokenLifetimeS?: number | null;
    /** How long tokens really stay valid. Default: the announced lifetime. */
    tokenValidMs?: number;
    /**
     * Status for unknown application credentials: 401 {errorId} with Keycloak (ApplicationServiceKeycloakImpl throws
     * InvalidClientCredentialsException), 500 {errorId} without (ApplicationServiceDataImpl throws
     * IllegalArgumentException, which no handler maps). Default 401.
     */
    badApplicationStatus?: 401 | 500;
}

interface Match {
    method?: string;
    path?: RegExp;
}

const TOKEN_PATH = "/applications/token";
const INTERNAL = "/api/v1";

export class FakeAirbyte {
    /** The objects the fake holds; tests read and change them directly. */
    readonly state: FakeAirbyteState;
    readonly requests: RecordedRequest[] = [];
    readonly issuedTokens: string[] = [];
    private readonly routes: FakeAirbyteRoutes;
    private readonly applications = new Map<string, { secret: string; admin: boolean }>();
    private readonly tokens = new Map<string, number>();
    private readonly script: Array<Match & { response: ScriptedResponse }> = [];
    private readonly losses: Array<Match & { how: "reset" | "hang" }> = [];
    private readonly now: () => number;
    private port = 0;

    private constructor(
        private readonly server: http.Server,
        private readonly options: FakeAirbyteOptions,
    ) {
        this.now = options.now ?? (() => Date.now());
        this.state = new FakeAirbyteState(this.now);
        this.routes = new FakeAirbyteRoutes(this.state);
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

    /** The control plane's web address (the chart's `airbyteUrl`). */
    get airbyteUrl(): string {
        return `http://127.0.0.1:${this.port}`;
    }

    /** Base URL of the public API. */
    get apiUrl(): string {
        return `${this.airbyteUrl}${this.prefix}`;
    }

    private get prefix(): string {
        return this.options.prefix ?? "/api/public/v1";
    }

    /** An application; `admin` makes its user an organization admin of every organization. */
    addApplication(clientId: string, secret: string, admin = true): void {
        this.applications.set(clientId, { secret, admin });
    }

    addOrganization(organizationId: string = randomUUID(), { entitled = true }: { entitled?: boolean } = {}): string {
        this.state.organizations.set(organizationId, { entitled });
        return organizationId;
    }

    /** A workspace of the organization, in Airbyte Cloud's default region US unless `regionId` is given. */
    addWorkspace(organizationId: string, regionId?: string): string {
        const us = [...this.state.regions.values()].find((r) => r.name === "US")!;
        const workspaceId = randomUUID();
        this.state.workspaces.set(workspaceId, {
            workspaceId,
            name: `workspace ${workspaceId.slice(0, 8)}`,
            organizationId,
            regionId: regionId ?? us.regionId,
        });
        return workspaceId;
    }

    /** Records a heartbeat of the data plane now (or at `atMs`), as its launcher's `POST /api/v1/dataplanes/heartbeat`. */
    heartbeat(dataplaneId: string, atMs: number = this.now()): void {
        this.state.heartbeats.set(dataplaneId, [...(this.state.heartbeats.get(dataplaneId) ?? []), atMs]);
    }

    /** Answers the next requests matching `match` with `responses`, one each, in order, without processing them. */
    inject(match: Match, ...responses: ScriptedResponse[]): void {
        for (const response of responses) {
            this.script.push({ ...match, response });
        }
    }

    /**
     * Processes the next request matching `match` (the create is committed), then loses its answer: `reset`
     * closes the connection, `hang` never answers (the client times out).
     */
    loseResponse(match: Match, how: "reset" | "hang" = "reset"): void {
        this.losses.push({ ...match, how });
    }

    /** Invalidates every token issued so far, as if they had expired early. */
    expireAllTokens(): void {
        this.tokens.clear();
    }

    /** Requests other than the application token call, as `METHOD /path`. */
    apiCalls(): string[] {
        return this.requests.filter((r) => r.path !== TOKEN_PATH).map((r) => `${r.method} ${r.path}`);
    }

    tokenRequests(): number {
        return this.requests.filter((r) => r.path === TOKEN_PATH).length;
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
            const isForm = (req.headers["content-type"] ?? "").includes("x-www-form-urlencoded");
            let body: any;
            try {
                body = isForm ? Object.fromEntries(new URLSearchParams(text)) : text ? JSON.parse(text) : undefined;
            } catch {
                body = text;
            }
            const isPublic = url.pathname.startsWith(`${this.prefix}/`);
            const request: RecordedRequest = {
                method: req.method ?? "GET",
                path: isPublic ? url.pathname.slice(this.prefix.length) : url.pathname,
                query: url.searchParams,
                body,
                authorization: req.headers.authorization,
            };
            this.requests.push(request);
            const reply = this.take(this.script, request)?.response ?? this.route(request, isPublic);
            const loss = this.take(this.losses, request);
            if (loss?.how === "reset") {
                req.socket.destroy();
                return;
            }
            if (loss?.how === "hang") {
                return;
            }
            const send = () => {
                if (res.destroyed) {
                    return;
                }
                const payload = reply.text ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
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

    private take<T extends Match>(list: T[], request: RecordedRequest): T | undefined {
        const index = list.findIndex((s) => (!s.method || s.method === request.method) && (!s.path || s.path.test(request.path)));
        return index < 0 ? undefined : list.splice(index, 1)[0];
    }

    private route(request: RecordedRequest, isPublic: boolean): Reply {
        if (request.method === "POST" && request.path === `${INTERNAL}/dataplanes/token`) {
            return this.routes.dataplaneToken(request, (clientId) => this.issue(`dataplane-${clientId}`, false));
        }
        if (isPublic && request.method === "POST" && request.path === TOKEN_PATH) {
            return this.applicationToken(request.body);
        }
        const isHealth = request.method === "POST" && request.path === `${INTERNAL}/dataplanes/health`;
        if (!isPublic && !isHealth) {
            return routeNotFound();
        }
        // Micronaut Security: no valid bearer token on an IS_AUTHENTICATED route is a bare 401.
        const token = request.authorization?.replace(/^Bearer /, "") ?? "";
        const expiresAt = this.tokens.get(token);
        if (expiresAt === undefined || this.now() >= expiresAt) {
            return { status: 401 };
        }
        const caller = { admin: this.applications.get(token.split(".")[0])?.admin === true };
        return isHealth ? this.routes.health(request, caller) : this.routes.public(request, caller);
    }

    /** publicapi ApplicationsController.publicGetAccessToken: reads client_id and client_secret (JSON or form). */
    private applicationToken(body: any): Reply {
        if (typeof body?.client_id !== "string" || typeof body?.client_secret !== "string") {
            return errorIdOnly(422);
        }
        const app = this.applications.get(body.client_id);
        if (!app || app.secret !== body.client_secret) {
            return errorIdOnly(this.options.badApplicationStatus ?? 401);
        }
        const lifetimeS = this.options.tokenLifetimeS === undefined ? 900 : this.options.tokenLifetimeS;
        const reply: Record<string, unknown> = { access_token: this.issue(body.client_id, true), token_type: "Bearer" };
        if (lifetimeS !== null) {
            reply.expires_in = lifetimeS;
        }
        return { status: 200, body: reply };
    }

    private issue(subject: string, application: boolean): string {
        const token = `${subject}.${randomUUID()}`;
        const lifetimeS = this.options.tokenLifetimeS === undefined ? 900 : (this.options.tokenLifetimeS ?? 180);
        if (application) {
            this.tokens.set(token, this.now() + (this.options.tokenValidMs ?? lifetimeS * 1000));
        }
        this.issuedTokens.push(token);
        return token;
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

/** A `sleep` that returns at once, remembers what it was asked to wait, and can run a hook on every wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[]; onSleep?: (ms: number) => void } {
    const waits: number[] = [];
    const recorder: { sleep: (ms: number) => Promise<void>; waits: number[]; onSleep?: (ms: number) => void } = {
        waits,
        sleep: (ms) => {
            waits.push(ms);
            recorder.onSleep?.(ms);
            return new Promise((resolve) => setImmediate(resolve));
        },
    };
    return recorder;
}
