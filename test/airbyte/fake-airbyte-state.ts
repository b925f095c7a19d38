/**
 * In-memory regions, data planes and workspaces behind the fake Airbyte API, answering as airbyte-server does
 * (airbytehq/airbyte-platform HEAD 310e6cb; paths below are under airbyte-server/src/main/kotlin/io/airbyte/server
 * unless they name another module). Authorization is the HTTP layer's (fake-airbyte.ts).
 */
import { randomUUID } from "node:crypto";
import { errorIdOnly, Reply, unexpectedProblem } from "./fake-airbyte-replies";

export interface Region {
    regionId: string;
    name: string;
    organizationId: string;
    enabled: boolean;
    /** Deleted: still readable by id, left out of lists (DataplaneGroupServiceDataImpl). */
    tombstone: boolean;
    /** Epoch seconds (DataplaneGroupMapper keeps `toEpochSecond()`). */
    createdAt: number;
    updatedAt: number;
}

export interface Dataplane {
    dataplaneId: string;
    name: string;
    regionId: string;
    enabled: boolean;
    tombstone: boolean;
    createdAt: number;
    updatedAt: number;
    /** The service account's id: the client id (publicapi DataplaneService.controllerCreateDataplane). */
    clientId: string;
    clientSecret: string;
    /** DataplaneService.deleteDataplane deletes the service account: the credentials die with the data plane. */
    serviceAccountDeleted: boolean;
}

export interface Workspace {
    workspaceId: string;
    name: string;
    organizationId: string;
    regionId: string;
}

/** `DEFAULT_ORGANIZATION_ID` (airbyte-commons Constants.kt), owner of the default regions. */
export const DEFAULT_ORGANIZATION_ID = "00000000-0000-0000-0000-000000000000";

/** `OffsetDateTime.ofInstant(Instant.ofEpochSecond(s), UTC).toString()`: Java drops `:00` seconds. */
export function javaOffsetDateTime(epochSeconds: number): string {
    const iso = new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    return iso.replace(/:00Z$/, "Z");
}

/** RegionResponseMapper.from. */
export function regionBody(r: Region) {
    const { regionId, name, organizationId, enabled } = r;
    return {
        regionId,
        name,
        organizationId,
        enabled,
        createdAt: javaOffsetDateTime(r.createdAt),
        updatedAt: javaOffsetDateTime(r.updatedAt),
    };
}

/** DataplaneResponseMapper.from: never the credentials. */
export function dataplaneBody(d: Dataplane) {
    const { dataplaneId, regionId, name, enabled } = d;
    return { dataplaneId, regionId, name, enabled, createdAt: javaOffsetDateTime(d.createdAt), updatedAt: javaOffsetDateTime(d.updatedAt) };
}

const byUpdatedDesc = (a: { updatedAt: number }, b: { updatedAt: number }) => b.updatedAt - a.updatedAt;

export class FakeAirbyteState {
    readonly regions = new Map<string, Region>();
    readonly dataplanes = new Map<string, Dataplane>();
    readonly workspaces = new Map<string, Workspace>();
    /** Organizations and whether they hold the self-managed-regions entitlement. */
    readonly organizations = new Map<string, { entitled: boolean }>();
    /** Heartbeat times (epoch ms) per data plane (DataplaneHealthService.recordHeartbeat). */
    readonly heartbeats = new Map<string, number[]>();

    constructor(private readonly nowMs: () => number) {
        // Airbyte Cloud's default regions (V1_1_1_013__PopulateDataplaneGroups: AUTO, US, EU).
        for (const name of ["AUTO", "US", "EU"]) {
            this.insertRegion(name, DEFAULT_ORGANIZATION_ID, true);
        }
    }

    private seconds(): number {
        return Math.floor(this.nowMs() / 1000);
    }

    private insertRegion(name: string, organizationId: string, enabled: boolean): Region {
        const stamp = this.seconds();
        const region: Region = {
            regionId: randomUUID(),
            name,
            organizationId,
            enabled,
            tombstone: false,
            createdAt: stamp,
            updatedAt: stamp,
        };
        this.regions.set(region.regionId, region);
        return region;
    }

    /** Live regions of these organizations, newest update first (findAllByOrganizationIdInAndTombstoneFalseOrderByUpdatedAtDesc). */
    liveRegions(organizationIds: string[]): Region[] {
        return [...this.regions.values()].filter((r) => !r.tombstone && organizationIds.includes(r.organizationId)).sort(byUpdatedDesc);
    }

    /** Live data planes of these regions (DataplaneServiceDataImpl.listDataplanes(ids, withTombstone = false)). */
    liveDataplanes(regionIds: string[]): Dataplane[] {
        return [...this.dataplanes.values()].filter((d) => !d.tombstone && regionIds.includes(d.regionId)).sort(byUpdatedDesc);
    }

    /**
     * `DataplaneGroupServiceDataImpl.writeDataplaneGroup`: `validateDataplaneGroupName` refuses a live default
     * region's name (RuntimeException), then the unique (organization_id, name) constraint refuses any name the
     * organization used before, tombstones included. `ConfigClientErrorHandler` makes both a 500 UnexpectedProblem.
     */
    private nameRefusal(region: Pick<Region, "regionId" | "name" | "organizationId">): Reply | undefined {
        if (
            region.organizationId !== DEFAULT_ORGANIZATION_ID &&
            this.liveRegions([DEFAULT_ORGANIZATION_ID]).some((r) => r.name === region.name)
        ) {
            return unexpectedProblem(
                `Dataplane group name conflicts with a default group name. dataplaneGroup.id=${region.regionId ?? "null"} dataplaneGroup.name=${region.name}`,
            );
        }
        const taken = [...this.regions.values()].some(
            (r) => r.regionId !== region.regionId && r.organizationId === region.organizationId && r.name === region.name,
        );
        if (taken) {
            // Postgres' wording for the constraint in configs_database/schema_dump.txt, as the repository passes it on.
            return unexpectedProblem(
                `ERROR: duplicate key value violates unique constraint "dataplane_group_organization_id_name_key"\n  Detail: Key ` +
                    `(organization_id, name)=(${region.organizationId}, ${region.name}) already exists.`,
            );
        }
        return undefined;
    }

    /** RegionService.controllerCreateRegion: 200 with the region; `enabled` defaults to true. */
    createRegion(body: { name: string; organizationId: string; enabled?: boolean }): Reply {
        const refusal = this.nameRefusal({ regionId: "null", name: body.name, organizationId: body.organizationId });
        if (refusal) {
            return refusal;
        }
        return { status: 200, body: regionBody(this.insertRegion(body.name, body.organizationId, body.enabled ?? true)) };
    }

    /** RegionService.controllerUpdateRegion: works on a tombstoned region too; same name rules as create. */
    patchRegion(region: Region, body: { name?: string; enabled?: boolean }): Reply {
        const refusal = body.name !== undefined ? this.nameRefusal({ ...region, name: body.name }) : undefined;
        if (refusal) {
            return refusal;
        }
        this.applyPatch(region, body);
        return { status: 200, body: regionBody(region) };
    }

    /** RegionService.controllerDeleteRegion: deletes every data plane of the region, then tombstones it; 200 with it. */
    deleteRegion(region: Region): Reply {
        for (const dataplane of this.liveDataplanes([region.regionId])) {
            this.deleteDataplane(dataplane);
        }
        region.tombstone = true;
        region.updatedAt = this.seconds();
        return { status: 200, body: regionBody(region) };
    }

    /**
     * DataplaneServiceDataImpl.createDataplaneAndServiceAccount: any region found by id will do, a tombstoned one
     * included; names are not unique (V1_8_1_001__DropDataplaneGroupIDNameUniqueConstraint).
     */
    createDataplane(body: { name: string; regionId: string; enabled?: boolean }): Reply {
        const stamp = this.seconds();
        const dataplane: Dataplane = {
            dataplaneId: randomUUID(),
            name: body.name,
            regionId: body.regionId,
            enabled: body.enabled ?? true,
            tombstone: false,
            createdAt: stamp,
            updatedAt: stamp,
            clientId: randomUUID(),
            clientSecret: `dp-secret-${randomUUID()}`,
            serviceAccountDeleted: false,
        };
        this.dataplanes.set(dataplane.dataplaneId, dataplane);
        const { dataplaneId, regionId, clientId, clientSecret } = dataplane;
        return { status: 200, body: { regionId, dataplaneId, clientId, clientSecret } };
    }

    patchDataplane(dataplane: Dataplane, body: { name?: string; enabled?: boolean }): Reply {
        this.applyPatch(dataplane, body);
        return { status: 200, body: dataplaneBody(dataplane) };
    }

    /** server/services/DataplaneService.deleteDataplane: tombstone, and the service account is deleted. */
    deleteDataplane(dataplane: Dataplane): Reply {
        dataplane.tombstone = true;
        dataplane.serviceAccountDeleted = true;
        dataplane.updatedAt = this.seconds();
        return { status: 200, body: dataplaneBody(dataplane) };
    }

    /** publicapi WorkspaceResponseMapper.from: the region only as `dataResidency`, its name in lower case. */
    workspaceBody(workspace: Workspace) {
        const region = this.regions.get(workspace.regionId);
        return {
            workspaceId: workspace.workspaceId,
            name: workspace.name,
            dataResidency: (region?.name ?? "").toLowerCase(),
            notifications: {},
        };
    }

    /** publicapi WorkspaceService.updateWorkspace: `getDataplaneGroup(regionId)` outside any handler; tombstones pass. */
    assignWorkspace(workspace: Workspace, regionId: string): Reply {
        if (!this.regions.has(regionId)) {
            return errorIdOnly(500);
        }
        workspace.regionId = regionId;
        return { status: 200, body: this.workspaceBody(workspace) };
    }

    /**
     * DataplaneController.listDataplaneHealth and DataplaneHealthService.calculateHealthStatus: the organization's
     * live regions' data planes; HEALTHY within 60 s of the last heartbeat, DEGRADED within 5 minutes, else
     * UNHEALTHY; UNKNOWN without any.
     */
    health(organizationId: string): Reply {
        const regions = this.liveRegions([organizationId]);
        const dataplanes = this.liveDataplanes(regions.map((r) => r.regionId));
        const now = this.nowMs();
        const reads = dataplanes.map((d) => {
            const last = this.heartbeats.get(d.dataplaneId)?.at(-1);
            const age = last === undefined ? undefined : now - last;
            const status = age === undefined ? "UNKNOWN" : age <= 60_000 ? "HEALTHY" : age <= 300_000 ? "DEGRADED" : "UNHEALTHY";
            return {
                dataplane_id: d.dataplaneId,
                dataplane_name: d.name,
                dataplane_group_id: d.regionId,
                organization_id: organizationId,
                status,
                ...(last === undefined
                    ? {}
                    : { last_heartbeat_timestamp: last, dataplane_version: "2.0.0", control_plane_version: "2.0.0" }),
                recent_heartbeats: (this.heartbeats.get(d.dataplaneId) ?? [])
                    .filter((t) => now - t <= 300_000)
                    .map((timestamp) => ({ timestamp })),
            };
        });
        return { status: 200, body: { dataplanes: reads } };
    }

    private applyPatch(target: Region | Dataplane, body: { name?: string; enabled?: boolean }): void {
        if (body.name !== undefined) target.name = body.name;
        if (body.enabled !== undefined) target.enabled = body.enabled;
        target.updatedAt = this.seconds();
    }
}
