/**
 * The routes of the fake Airbyte API, each checking what its airbyte-server controller checks, in the same order
 * (airbytehq/airbyte-platform HEAD 310e6cb, airbyte-server/src/main/kotlin/io/airbyte/server/apis/...):
 * publicapi/controllers/RegionController.kt, publicapi/controllers/DataplaneController.kt,
 * publicapi/controllers/WorkspacesController.kt, controllers/DataplaneController.kt (internal /api/v1/dataplanes).
 */
import { FakeAirbyteState, regionBody, dataplaneBody, DEFAULT_ORGANIZATION_ID } from "./fake-airbyte-state";
import { entitlementProblem, errorIdOnly, forbiddenProblem, Reply, routeNotFound, unconvertibleArgument } from "./fake-airbyte-replies";

export interface RecordedRequest {
    method: string;
    /** Below the public API prefix for public routes; the full path otherwise. */
    path: string;
    query: URLSearchParams;
    body: any;
    authorization?: string;
}

/** Who called: the application behind the bearer token, if any. */
export interface Caller {
    admin: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORGANIZATION_ADMIN = "ORGANIZATION_ADMIN";

/** The answer of the handler for the request's method; an unmapped method is an unknown route. */
function byMethod(request: RecordedRequest, handlers: Record<string, () => Reply>): Reply {
    return handlers[request.method]?.() ?? routeNotFound();
}

export class FakeAirbyteRoutes {
    constructor(private readonly state: FakeAirbyteState) {}

    private entitled(organizationId: string): boolean {
        return this.state.organizations.get(organizationId)?.entitled === true;
    }

    /** `ensureSelfManagedRegionsEntitlement` then `requireRole(ORGANIZATION_ADMIN)`, or the reverse. */
    private guard(organizationId: string, caller: Caller, order: "entitlement-first" | "role-first"): Reply | undefined {
        const entitlement = this.entitled(organizationId) ? undefined : entitlementProblem();
        const role = caller.admin && this.state.organizations.has(organizationId) ? undefined : forbiddenProblem(ORGANIZATION_ADMIN);
        return order === "entitlement-first" ? (entitlement ?? role) : (role ?? entitlement);
    }

    /** A public route (path below the prefix), for an authenticated caller. */
    public(request: RecordedRequest, caller: Caller): Reply {
        const [, collection, id, extra] = request.path.split("/");
        if (extra !== undefined) {
            return routeNotFound();
        }
        if (collection === "regions") {
            return id === undefined ? this.regions(request, caller) : this.region(request, caller, id);
        }
        if (collection === "dataplanes") {
            return id === undefined ? this.dataplaneCollection(request, caller) : this.dataplane(request, caller, id);
        }
        if (collection === "workspaces" && id !== undefined) {
            return this.workspace(request, caller, id);
        }
        return routeNotFound();
    }

    private regions(request: RecordedRequest, caller: Caller): Reply {
        if (request.method === "GET") {
            const organizationId = request.query.get("organizationId");
            if (!organizationId || !UUID.test(organizationId)) {
                return {
                    status: 400,
                    body: {
                        message: "Bad Request",
                        _embedded: { errors: [{ message: "Required QueryValue [organizationId] not specified" }] },
                    },
                };
            }
            // publicListRegions: entitlement, then role; the list adds the default organization's regions.
            return (
                this.guard(organizationId, caller, "entitlement-first") ?? {
                    status: 200,
                    body: this.state.liveRegions([DEFAULT_ORGANIZATION_ID, organizationId]).map(regionBody),
                }
            );
        }
        if (request.method !== "POST") {
            return routeNotFound();
        }
        const body = request.body;
        // A missing non-null field of the Kotlin request model fails Jackson: InvalidJsonInputExceptionHandler, 422 {errorId}.
        if (typeof body?.name !== "string" || typeof body?.organizationId !== "string" || !UUID.test(body.organizationId)) {
            return errorIdOnly(422);
        }
        return this.guard(body.organizationId, caller, "entitlement-first") ?? this.state.createRegion(body);
    }

    private region(request: RecordedRequest, caller: Caller, id: string): Reply {
        if (!UUID.test(id)) {
            return unconvertibleArgument("regionId", id);
        }
        // getOrganizationIdFromRegion: a native query whose empty result throws EmptyResultException, outside any handler.
        const region = this.state.regions.get(id);
        if (!region) {
            return errorIdOnly(500);
        }
        return (
            this.guard(region.organizationId, caller, "entitlement-first") ??
            byMethod(request, {
                GET: () => ({ status: 200, body: regionBody(region) }),
                PATCH: () => this.state.patchRegion(region, request.body ?? {}),
                DELETE: () => this.state.deleteRegion(region),
            })
        );
    }

    private dataplaneCollection(request: RecordedRequest, caller: Caller): Reply {
        if (request.method === "GET") {
            const regionIds = request.query
                .getAll("regionIds")
                .flatMap((v) => v.split(","))
                .filter(Boolean);
            if (regionIds.length === 0) {
                // Without regionIds: the data planes of every organization the caller administers.
                const orgs = caller.admin ? [...this.state.organizations.keys()] : [];
                return {
                    status: 200,
                    body: this.state.liveDataplanes(this.state.liveRegions(orgs).map((r) => r.regionId)).map(dataplaneBody),
                };
            }
            for (const regionId of regionIds) {
                if (!UUID.test(regionId)) return unconvertibleArgument("regionIds", regionId);
                if (!this.state.regions.has(regionId)) return errorIdOnly(500);
            }
            // publicListDataplanes with regionIds: role only, no entitlement check.
            const orgs = regionIds.map((r) => this.state.regions.get(r)!.organizationId);
            const refused = orgs
                .map((org) => (caller.admin && this.state.organizations.has(org) ? undefined : forbiddenProblem(ORGANIZATION_ADMIN)))
                .find(Boolean);
            return refused ?? { status: 200, body: this.state.liveDataplanes(regionIds).map(dataplaneBody) };
        }
        if (request.method !== "POST") {
            return routeNotFound();
        }
        const body = request.body;
        if (typeof body?.name !== "string" || typeof body?.regionId !== "string" || !UUID.test(body.regionId)) {
            return errorIdOnly(422);
        }
        // publicCreateDataplane: organization lookup (500 when unknown), role, then entitlement.
        const region = this.state.regions.get(body.regionId);
        if (!region) {
            return errorIdOnly(500);
        }
        return this.guard(region.organizationId, caller, "role-first") ?? this.state.createDataplane(body);
    }

    private dataplane(request: RecordedRequest, caller: Caller, id: string): Reply {
        if (!UUID.test(id)) {
            return unconvertibleArgument("dataplaneId", id);
        }
        // getRegionIdFromDataplane: io.airbyte.data.ConfigNotFoundException, which no handler maps.
        const dataplane = this.state.dataplanes.get(id);
        if (!dataplane) {
            return errorIdOnly(500);
        }
        return (
            this.guard(this.state.regions.get(dataplane.regionId)!.organizationId, caller, "entitlement-first") ??
            byMethod(request, {
                GET: () => ({ status: 200, body: dataplaneBody(dataplane) }),
                PATCH: () => this.state.patchDataplane(dataplane, request.body ?? {}),
                DELETE: () => this.state.deleteDataplane(dataplane),
            })
        );
    }

    /**
     * GET needs WORKSPACE_READER, PATCH an editor role on the workspace (an organization admin has both). For a
     * workspace the caller cannot resolve, RoleResolver finds no role: 403 (inferred from RoleResolver.resolveRoles).
     */
    private workspace(request: RecordedRequest, caller: Caller, id: string): Reply {
        const workspace = this.state.workspaces.get(id);
        const allowed = workspace !== undefined && caller.admin;
        if (request.method === "GET") {
            return allowed ? { status: 200, body: this.state.workspaceBody(workspace) } : forbiddenProblem("WORKSPACE_READER");
        }
        if (request.method !== "PATCH") {
            return routeNotFound();
        }
        if (!allowed) {
            return forbiddenProblem();
        }
        const regionId = request.body?.regionId;
        if (regionId === undefined) {
            return { status: 200, body: this.state.workspaceBody(workspace) };
        }
        return typeof regionId === "string" && UUID.test(regionId) ? this.state.assignWorkspace(workspace, regionId) : errorIdOnly(422);
    }

    /** `POST /api/v1/dataplanes/health` (org admins: `@RequiresIntent(Intent.ManageDataplanes)`), then entitlement. */
    health(request: RecordedRequest, caller: Caller): Reply {
        const organizationId = request.body?.organizationId;
        if (typeof organizationId !== "string" || !UUID.test(organizationId)) {
            return errorIdOnly(422);
        }
        if (!caller.admin || !this.state.organizations.has(organizationId)) {
            // IntentSecurityRule REJECTED: Micronaut Security's bare 403.
            return { status: 403 };
        }
        return this.entitled(organizationId) ? this.state.health(organizationId) : entitlementProblem();
    }

    /**
     * `POST /api/v1/dataplanes/token` (anonymous): ServiceAccountsService.getAndVerify throws ServiceAccountNotFound
     * for an unknown id or a wrong secret, and `UUID.fromString` throws for a client id that is not a UUID; no
     * handler maps either: 500 {errorId}. The answer is `AccessToken`: only `access_token`.
     */
    dataplaneToken(request: RecordedRequest, issue: (clientId: string) => string): Reply {
        const clientId = request.body?.client_id;
        const secret = request.body?.client_secret;
        if (typeof clientId !== "string" || typeof secret !== "string") {
            return errorIdOnly(422);
        }
        const dataplane = [...this.state.dataplanes.values()].find((d) => d.clientId === clientId);
        if (!UUID.test(clientId) || !dataplane || dataplane.serviceAccountDeleted || dataplane.clientSecret !== secret) {
            return errorIdOnly(500);
        }
        return { status: 200, body: { access_token: issue(clientId) } };
    }
}
