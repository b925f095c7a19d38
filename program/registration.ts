import * as pulumi from "@pulumi/pulumi";
import type { CommonConfig } from "./config";
import type { OrgFacts } from "./cross-stack";

/** The data plane's credentials and, when this stack registered it, its Airbyte id. */
export interface DataPlaneCredentials {
    clientId: pulumi.Input<string>;
    clientSecret: pulumi.Input<string>;
    dataplaneId?: pulumi.Output<string>;
}

/** Takes the data plane's client id and secret from config (`flexplane:dataPlaneClientId` / `...Secret`). */
export function dataPlaneCredentials(config: pulumi.Config, _stack: string, _common: CommonConfig, _org: OrgFacts): DataPlaneCredentials {
    return { clientId: config.requireSecret("dataPlaneClientId"), clientSecret: config.requireSecret("dataPlaneClientSecret") };
}
