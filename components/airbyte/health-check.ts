/**
 * Proof, after the chart is installed, that the data plane connected: wait until the control plane reports it
 * HEALTHY, i.e. its launcher's heartbeat (every 30 s: `heartbeat-rate: PT30S` in airbyte-workload-launcher's
 * application.yml) arrived within the last 60 s. Read from `POST <airbyteUrl>/api/v1/dataplanes/health`, which
 * only organization admins may call (see client.ts `dataplaneHealth`).
 */
import * as pulumi from "@pulumi/pulumi";
import { AirbyteClient, AirbyteDataplaneHealth } from "./client";
import { AIRBYTE_HEALTH_CHECK_KIND } from "./kinds";
import {
    checkConnection,
    clientFor,
    ConnectionState,
    differs,
    isUnknown,
    ownFields,
    ProviderClientOptions,
    requireText,
} from "./provider-common";
import { AirbyteConnectionArgs, APPLICATION_SECRET_OUTPUTS, connectionProps, withSecretOutputs } from "./resource-common";
import { checkAirbyteUrl } from "./url";

/** How long `pulumi up` waits for HEALTHY unless told otherwise: ten heartbeat periods. */
export const DEFAULT_HEALTH_TIMEOUT_SECONDS = 300;
/** How often the health endpoint is asked. */
export const DEFAULT_HEALTH_POLL_SECONDS = 10;
/** The longest wait accepted. */
export const MAX_HEALTH_TIMEOUT_SECONDS = 3600;

export interface HealthCheckState extends ConnectionState {
    __kind?: typeof AIRBYTE_HEALTH_CHECK_KIND;
    airbyteUrl?: string;
    dataplaneId?: string;
    /** The organization to ask about; else the one `regionId` belongs to. */
    organizationId?: string;
    regionId?: string;
    timeoutSeconds?: number;
    pollSeconds?: number;
    /** Where the launcher runs, for the message when it never reports. */
    namespace?: string;
    launcherDeployment?: string;
    /** Changes whenever the release does, so that every new release is waited for. */
    revision?: string;
    status?: string;
    lastHeartbeatAt?: string;
    dataplaneVersion?: string;
}

/** What the wait saw last, in words, with what to check. */
export function notHealthyMessage(
    inputs: HealthCheckState,
    organizationId: string,
    last: AirbyteDataplaneHealth | undefined,
    nowMs: number,
): string {
    const subject = `Data plane ${last ? `"${last.dataplaneName}" ` : ""}${inputs.dataplaneId}`;
    const waited = `within ${inputs.timeoutSeconds} s`;
    const where = inputs.namespace ? ` -n ${inputs.namespace}` : "";
    const launcher = inputs.launcherDeployment ? `deploy/${inputs.launcherDeployment}` : "the workload-launcher deployment";
    const checks =
        `Check: \`kubectl${where} get pods\` (the launcher pod must be Running), \`kubectl${where} logs ${launcher}\`, ` +
        `outbound HTTPS from the cluster to ${inputs.airbyteUrl}, and that the data plane and its region are enabled. ` +
        `To finish without waiting, lower or turn off the wait (stack: flexplane:dataPlaneHealthTimeoutSeconds: 0).`;
    if (!last) {
        return (
            `${subject} is not among the data planes organization ${organizationId} reports on: it was deleted, its ` +
            `region was deleted, or it belongs to another organization. Fix: \`pulumi refresh\`, then check the region.`
        );
    }
    if (last.status === "UNKNOWN" || last.lastHeartbeatTimestamp === undefined) {
        return `${subject} sent no heartbeat ${waited}: its launcher has not reached the control plane. ${checks}`;
    }
    const age = Math.round((nowMs - last.lastHeartbeatTimestamp) / 1000);
    return (
        `${subject} is ${last.status} after ${inputs.timeoutSeconds} s: its last heartbeat arrived ${age} s ago ` +
        `(HEALTHY needs one within 60 s, DEGRADED means within 5 minutes)${
            last.dataplaneVersion ? `, launcher version ` + `${last.dataplaneVersion}` : ""
        }. ${checks}`
    );
}

/** Polls the health endpoint until the data plane is HEALTHY, or throws what it saw at the deadline. */
export async function waitForHealthy(client: AirbyteClient, inputs: HealthCheckState): Promise<AirbyteDataplaneHealth> {
    const organizationId = inputs.organizationId || (await client.getRegion(inputs.regionId ?? "")).organizationId;
    const { now, sleep } = client.clock;
    const pollMs = (inputs.pollSeconds ?? DEFAULT_HEALTH_POLL_SECONDS) * 1000;
    const deadline = now() + (inputs.timeoutSeconds ?? DEFAULT_HEALTH_TIMEOUT_SECONDS) * 1000;
    for (;;) {
        const health = await client.dataplaneHealth(inputs.airbyteUrl ?? "", organizationId);
        const mine = health.find((d) => d.dataplaneId === inputs.dataplaneId);
        if (mine?.status === "HEALTHY") {
            return mine;
        }
        if (now() + pollMs > deadline) {
            throw new Error(notHealthyMessage(inputs, organizationId, mine, now()));
        }
        await sleep(pollMs);
    }
}

/** Check failures for the plain inputs (unknown values pass). */
export function healthCheckFailures(news: HealthCheckState): pulumi.dynamic.CheckFailure[] {
    const failures = [...checkConnection(news).failures, ...requireText(news, "dataplaneId", "the id of the data plane to wait for")];
    if (!isUnknown(news.airbyteUrl)) {
        const checked = checkAirbyteUrl(news.airbyteUrl ?? "");
        if ("problem" in checked) failures.push({ property: "airbyteUrl", reason: checked.problem });
    }
    if (!news.organizationId && !news.regionId) {
        failures.push({ property: "organizationId", reason: "required (or regionId): the health endpoint answers per organization." });
    }
    return failures;
}

/**
 * The operations of `AirbyteDataplaneHealthCheck`: the wait runs on create and on every change of its inputs (a new
 * release revision among them); refresh and delete make no call. `options` never carries credentials.
 */
export function createHealthCheckProvider(
    options: ProviderClientOptions = {},
): pulumi.dynamic.ResourceProvider<HealthCheckState, HealthCheckState> {
    const waitOnce = async (inputs: HealthCheckState): Promise<HealthCheckState> => {
        const client = clientFor(inputs, options, `wait for data plane ${inputs.dataplaneId}`);
        const health = await waitForHealthy(client, inputs);
        const outs: HealthCheckState = { ...ownFields(inputs), __kind: AIRBYTE_HEALTH_CHECK_KIND, status: health.status };
        if (health.lastHeartbeatTimestamp !== undefined) outs.lastHeartbeatAt = new Date(health.lastHeartbeatTimestamp).toISOString();
        if (health.dataplaneVersion) outs.dataplaneVersion = health.dataplaneVersion;
        return outs;
    };
    return {
        async check(_olds, news) {
            const { inputs } = checkConnection(news);
            return { inputs: { ...inputs, __kind: AIRBYTE_HEALTH_CHECK_KIND }, failures: healthCheckFailures(news) };
        },
        async diff(_id, olds, news) {
            const keys = [
                "airbyteUrl",
                "dataplaneId",
                "organizationId",
                "regionId",
                "revision",
                "apiUrl",
                "applicationClientId",
                "applicationClientSecret",
            ];
            return { changes: keys.some((key) => differs(olds, news, key)), replaces: [], deleteBeforeReplace: false };
        },
        async create(inputs) {
            return { id: `health-${inputs.dataplaneId}`, outs: await waitOnce(inputs) };
        },
        async update(_id, _olds, news) {
            return { outs: await waitOnce(news) };
        },
    };
}

/** The provider every `AirbyteDataplaneHealthCheck` uses; serialized once per program. */
export const healthCheckProvider = createHealthCheckProvider();

export interface AirbyteDataplaneHealthCheckArgs extends AirbyteConnectionArgs {
    /** The control plane's web address (the chart's `airbyteUrl`); the health endpoint is below it. */
    airbyteUrl: pulumi.Input<string>;
    /** The data plane to wait for. */
    dataplaneId: pulumi.Input<string>;
    /** The organization the data plane belongs to. Give it, or `regionId` (one more call to look it up). */
    organizationId?: pulumi.Input<string>;
    /** The data plane's region, when `organizationId` is not given. */
    regionId?: pulumi.Input<string>;
    /** @default 300 */
    timeoutSeconds?: number;
    /** @default 10 */
    pollSeconds?: number;
    /** Where the launcher runs, named in the message when it never reports. */
    namespace?: pulumi.Input<string>;
    launcherDeployment?: pulumi.Input<string>;
    /** Any value that changes with the release (its revision), so each new release is waited for. */
    revision?: pulumi.Input<string | number | undefined>;
}

/** Waits, bounded, until the control plane reports the data plane HEALTHY; fails with what it saw and what to check. */
export class AirbyteDataplaneHealthCheck extends pulumi.dynamic.Resource {
    /** `HEALTHY` once the wait succeeded. */
    declare readonly status: pulumi.Output<string>;
    declare readonly lastHeartbeatAt: pulumi.Output<string | undefined>;
    /** The launcher's version, as the control plane reports it. */
    declare readonly dataplaneVersion: pulumi.Output<string | undefined>;

    constructor(name: string, args: AirbyteDataplaneHealthCheckArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            healthCheckProvider,
            name,
            healthCheckProps(args, connectionProps(args)),
            withSecretOutputs(opts, APPLICATION_SECRET_OUTPUTS),
            "flexplane",
            "AirbyteDataplaneHealthCheck",
        );
    }
}

/**
 * The inputs a health check registers, whoever serves it, with `connection` (the application's credentials, secret,
 * in the serving provider's shape) and defaults applied.
 */
export function healthCheckProps(args: AirbyteDataplaneHealthCheckArgs, connection: pulumi.Inputs): pulumi.Inputs {
    return {
        __kind: AIRBYTE_HEALTH_CHECK_KIND,
        ...connection,
        airbyteUrl: args.airbyteUrl,
        dataplaneId: args.dataplaneId,
        organizationId: args.organizationId,
        regionId: args.regionId,
        timeoutSeconds: args.timeoutSeconds ?? DEFAULT_HEALTH_TIMEOUT_SECONDS,
        pollSeconds: args.pollSeconds ?? DEFAULT_HEALTH_POLL_SECONDS,
        namespace: args.namespace,
        launcherDeployment: args.launcherDeployment,
        revision: pulumi.output(args.revision).apply((r) => (r === undefined ? undefined : String(r))),
        status: undefined,
        lastHeartbeatAt: undefined,
        dataplaneVersion: undefined,
    };
}
