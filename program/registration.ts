import * as pulumi from "@pulumi/pulumi";
import { AirbyteDataplane, apiUrlForAirbyteUrl } from "../components/airbyte";
import { DEFAULT_AIRBYTE_URL } from "../components/dataplane/args";
import type { OrgFacts } from "./cross-stack";

/** The data plane's credentials and, when this stack registered it, its Airbyte id. */
export interface DataPlaneCredentials {
    clientId: pulumi.Input<string>;
    clientSecret: pulumi.Input<string>;
    dataplaneId?: pulumi.Output<string>;
}

/** The Airbyte application that may call the API for this organization, when configured. */
export function airbyteApplication(config: pulumi.Config): { clientId: pulumi.Output<string>; clientSecret: pulumi.Output<string> } | undefined {
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

/** The public API base URL: `flexplane:airbyteApiUrl`, else derived from the control plane's URL. */
export function airbyteApiUrl(config: pulumi.Config): string {
    return config.get("airbyteApiUrl") ?? apiUrlForAirbyteUrl(config.get("airbyteUrl") ?? DEFAULT_AIRBYTE_URL);
}

/**
 * With an org stack and an Airbyte application, registers the data plane in its Airbyte region and
 * hands its credentials straight to the chart: they exist only in Airbyte's create response and stay
 * secret outputs in state. Otherwise they come from `flexplane:dataPlaneClientId` / `...Secret`.
 */
export function dataPlaneCredentials(config: pulumi.Config, stack: string, org: OrgFacts): DataPlaneCredentials {
    const application = airbyteApplication(config);
    if (!application) {
        return { clientId: config.requireSecret("dataPlaneClientId"), clientSecret: config.requireSecret("dataPlaneClientSecret") };
    }
    if (!org.regionId) {
        throw new pulumi.InputPropertyError({
            propertyPath: "flexplane:airbyteRegion",
            reason: "registering the data plane needs its Airbyte region: set flexplane:orgStack and flexplane:airbyteRegion (a region the org stack creates), or remove the application credentials and set flexplane:dataPlaneClientId and flexplane:dataPlaneClientSecret.",
        });
    }
    const registration = new AirbyteDataplane("airbyte-dataplane", {
        application,
        apiUrl: airbyteApiUrl(config),
        regionId: org.regionId,
        name: config.get("dataPlaneName") ?? stack,
    });
    return { clientId: registration.clientId, clientSecret: registration.clientSecret, dataplaneId: registration.dataplaneId };
}
