/**
 * How a `DataPlane` proves, during `pulumi up`, that it connected: its credentials are checked before the chart is
 * installed (in parallel with the cluster, since they need nothing else), and after the release it waits, bounded,
 * for the control plane to report it HEALTHY. The hooks below keep `DataPlane`'s own code to a few lines.
 */
import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { DEFAULT_HEALTH_POLL_SECONDS, DEFAULT_HEALTH_TIMEOUT_SECONDS, MAX_HEALTH_TIMEOUT_SECONDS } from "./health-check";
import { newCredentialCheck, newHealthCheck } from "./plugin-resources";
import { AirbyteConnectionArgs, checkConnectionArgs, checkUuid } from "./resource-common";

/** `DataPlane`'s `connection` argument. */
export interface DataPlaneConnectionArgs {
    /**
     * Exchange `clientId` and `clientSecret` for a token at `<airbyteUrl>/api/v1/dataplanes/token`, as the chart's
     * launcher does first, before installing the chart: wrong credentials then fail `pulumi up` in seconds rather
     * than after Helm's timeout. It needs only the credentials, so it runs while the cluster is still being created.
     * Turn it off only when the machine running Pulumi cannot reach `airbyteUrl`.
     *
     * @default true
     */
    verifyCredentials?: boolean;
    /**
     * After the release, wait until the control plane reports the data plane HEALTHY (a launcher heartbeat within
     * the last 60 s), and fail with what it saw otherwise. The health endpoint is for organization admins, so this
     * needs an application of one. Unset: no wait.
     */
    waitForHealthy?: DataPlaneHealthWaitArgs;
}

/** What the wait for HEALTHY needs. */
export interface DataPlaneHealthWaitArgs extends AirbyteConnectionArgs {
    /** The data plane's id, e.g. an `AirbyteDataplane`'s `dataplaneId`. */
    dataplaneId: pulumi.Input<string>;
    /** The data plane's organization (UUID). Give it or `regionId`. */
    organizationId?: pulumi.Input<string>;
    /** The data plane's region (UUID), used to look the organization up when `organizationId` is not given. */
    regionId?: pulumi.Input<string>;
    /**
     * Seconds to wait for HEALTHY, 1 to 3600. The launcher sends a heartbeat every 30 s once it runs.
     *
     * @default 300
     */
    timeoutSeconds?: number;
    /**
     * Seconds between two questions to the control plane, 1 to `timeoutSeconds`.
     *
     * @default 10
     */
    pollSeconds?: number;
}

/** Records problems with `connection` under `DataPlane`'s argument paths. */
export function checkConnectionProofArgs(problems: InputProblems, connection: DataPlaneConnectionArgs | undefined): void {
    const wait = connection?.waitForHealthy;
    if (!wait) {
        return;
    }
    const path = "connection.waitForHealthy";
    checkConnectionArgs(problems, wait, `${path}.`);
    if (wait.dataplaneId === undefined || wait.dataplaneId === "") {
        problems.add(`${path}.dataplaneId`, "required: the id of the data plane to wait for, e.g. an AirbyteDataplane's dataplaneId.");
    }
    if (wait.organizationId === undefined && wait.regionId === undefined) {
        problems.add(`${path}.organizationId`, "required, or regionId: the health endpoint answers per organization.");
    }
    checkUuid(problems, `${path}.organizationId`, wait.organizationId, "the organization's id (a UUID)");
    checkUuid(problems, `${path}.regionId`, wait.regionId, "the region's id (a UUID)");
    const timeout = wait.timeoutSeconds ?? DEFAULT_HEALTH_TIMEOUT_SECONDS;
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > MAX_HEALTH_TIMEOUT_SECONDS) {
        problems.add(
            `${path}.timeoutSeconds`,
            `${timeout} is not a whole number of seconds from 1 to ${MAX_HEALTH_TIMEOUT_SECONDS}; ` +
                `leave waitForHealthy unset to skip the wait.`,
        );
    }
    const poll = wait.pollSeconds ?? DEFAULT_HEALTH_POLL_SECONDS;
    if (!Number.isInteger(poll) || poll < 1 || poll > Math.max(1, timeout)) {
        problems.add(`${path}.pollSeconds`, `${poll} is not a whole number of seconds from 1 to timeoutSeconds (${timeout}).`);
    }
}

/** What `DataPlane` hands the hooks. */
export interface ConnectionProofTarget {
    airbyteUrl: string;
    clientId: pulumi.Input<string>;
    clientSecret: pulumi.Input<string>;
    namespace: string;
    releaseName: string;
}

/** The credential check the release must wait for, or none when turned off. */
export function credentialCheckBeforeRelease(
    name: string,
    connection: DataPlaneConnectionArgs | undefined,
    target: ConnectionProofTarget,
    parent: pulumi.Resource,
): pulumi.Resource[] {
    if (connection?.verifyCredentials === false) {
        return [];
    }
    const check = newCredentialCheck(
        `${name}-credential-check`,
        {
            airbyteUrl: target.airbyteUrl,
            clientId: target.clientId,
            clientSecret: target.clientSecret,
        },
        { parent },
    );
    return [check];
}

/**
 * The chart's launcher Deployment: the chart's fullname, the release name when it contains the chart name
 * (airbyte-data-plane chart `templates/_helpers.tpl` "airbyte-data-plane.fullname"; no override is set).
 */
export function launcherDeploymentName(releaseName: string): string {
    const name = releaseName.includes("airbyte-data-plane") ? releaseName : `${releaseName}-airbyte-data-plane`;
    return name.slice(0, 63).replace(/-+$/, "");
}

/** After `release`, the wait for HEALTHY; returns how the connection was proven. */
export function healthAfterRelease(
    name: string,
    connection: DataPlaneConnectionArgs | undefined,
    target: ConnectionProofTarget,
    release: pulumi.Resource & { status: pulumi.Output<{ revision?: number }> },
    parent: pulumi.Resource,
): pulumi.Output<string> {
    const wait = connection?.waitForHealthy;
    if (!wait) {
        return pulumi.output(connection?.verifyCredentials === false ? "not checked" : "credentials verified; health not awaited");
    }
    const health = newHealthCheck(
        `${name}-health`,
        {
            ...wait,
            airbyteUrl: target.airbyteUrl,
            namespace: target.namespace,
            launcherDeployment: launcherDeploymentName(target.releaseName),
            revision: release.status.apply((s) => s?.revision),
        },
        { parent, dependsOn: [release] },
    );
    return health.status;
}
