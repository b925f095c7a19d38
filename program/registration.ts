import * as pulumi from "@pulumi/pulumi";
import type { DataPlaneConnectionArgs } from "../components/airbyte/connection-proof";
import { AirbyteDataplane } from "../components/airbyte/dataplane";
import { apiUrlForAirbyteUrl, checkAirbyteUrl } from "../components/airbyte/url";
import { DEFAULT_HEALTH_TIMEOUT_SECONDS } from "../components/airbyte/health-check";
import { DEFAULT_AIRBYTE_URL } from "../components/dataplane/args";
import type { OrgFacts } from "./cross-stack";

/** The data plane's credentials, how DataPlane proves the connection and, when this stack registered it, its id. */
export interface DataPlaneCredentials {
    clientId: pulumi.Input<string>;
    clientSecret: pulumi.Input<string>;
    dataplaneId?: pulumi.Output<string>;
    /** DataPlane's `connection` argument. */
    connection: DataPlaneConnectionArgs;
}

/** The Airbyte application that may call the API for this organization, when configured. */
export function airbyteApplication(
    config: pulumi.Config,
): { clientId: pulumi.Output<string>; clientSecret: pulumi.Output<string> } | undefined {
    const clientId = config.getSecret("airbyteApplicationClientId");
    const clientSecret = config.getSecret("airbyteApplicationClientSecret");
    if (!clientId && !clientSecret) {
        return undefined;
    }
    if (!clientId || !clientSecret) {
        throw new pulumi.InputPropertyError({
            propertyPath: clientId ? "flexplane:airbyteApplicationClientSecret" : "flexplane:airbyteApplicationClientId",
            reason: "is missing: set both flexplane:airbyteApplicationClientId and flexplane:airbyteApplicationClientSecret (with --secret), or neither.",
        });
    }
    return { clientId, clientSecret };
}

/** The public API base URL: `flexplane:airbyteApiUrl`, else derived from `flexplane:airbyteUrl` (sub-path kept). */
export function airbyteApiUrl(config: pulumi.Config): string {
    const explicit = config.get("airbyteApiUrl");
    if (explicit !== undefined) {
        return explicit;
    }
    const airbyteUrl = config.get("airbyteUrl") ?? DEFAULT_AIRBYTE_URL;
    const checked = checkAirbyteUrl(airbyteUrl);
    if ("problem" in checked) {
        throw new pulumi.InputPropertyError({ propertyPath: "flexplane:airbyteUrl", reason: checked.problem });
    }
    return apiUrlForAirbyteUrl(checked.url);
}

/** `flexplane:protectAirbyteObjects` (default true): the `protect` option of the Airbyte regions and data planes. */
export function protectAirbyteObjects(config: pulumi.Config): boolean {
    return config.getBoolean("protectAirbyteObjects") ?? true;
}

/** Why a `flexplane:dataPlaneHealthTimeoutSeconds` value is refused (0 turns the wait off; 1 to 3600 bound it), or undefined. */
export function healthTimeoutProblem(seconds: number): string | undefined {
    return Number.isInteger(seconds) && seconds >= 0 && seconds <= 3600
        ? undefined
        : `${seconds} is not a whole number of seconds from 0 (do not wait) to 3600.`;
}

/**
 * With an org stack and an Airbyte application, registers the data plane in its Airbyte region and hands its
 * credentials straight to the chart (they exist only in Airbyte's create response and stay secret outputs in
 * state), then has DataPlane wait for HEALTHY. Otherwise the credentials come from `flexplane:dataPlaneClientId` /
 * `...Secret`, and are only checked: asking the control plane about health needs an organization admin's application.
 */
export function dataPlaneCredentials(config: pulumi.Config, stack: string, org: OrgFacts): DataPlaneCredentials {
    const verifyCredentials = config.getBoolean("verifyDataPlaneCredentials") ?? true;
    const application = airbyteApplication(config);
    if (!application) {
        return {
            clientId: config.requireSecret("dataPlaneClientId"),
            clientSecret: config.requireSecret("dataPlaneClientSecret"),
            connection: { verifyCredentials },
        };
    }
    if (!org.regionId) {
        throw new pulumi.InputPropertyError({
            propertyPath: "flexplane:airbyteRegion",
            reason: "registering the data plane needs its Airbyte region: set flexplane:orgStack and flexplane:airbyteRegion (a region the org stack creates), or remove the application credentials and set flexplane:dataPlaneClientId and flexplane:dataPlaneClientSecret.",
        });
    }
    const apiUrl = airbyteApiUrl(config);
    // Checked with the rest of the stack before anything was created (checkRegistration).
    const timeoutSeconds = config.getNumber("dataPlaneHealthTimeoutSeconds") ?? DEFAULT_HEALTH_TIMEOUT_SECONDS;
    const registration = new AirbyteDataplane(
        "airbyte-dataplane",
        {
            application,
            apiUrl,
            regionId: org.regionId,
            name: config.get("dataPlaneName") ?? stack,
        },
        { protect: protectAirbyteObjects(config) },
    );
    const waitForHealthy =
        timeoutSeconds > 0
            ? { application, apiUrl, dataplaneId: registration.dataplaneId, regionId: org.regionId, timeoutSeconds }
            : undefined;
    return {
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        dataplaneId: registration.dataplaneId,
        connection: { verifyCredentials, waitForHealthy },
    };
}
