import * as pulumi from "@pulumi/pulumi";
import { DataPlane } from "../components/dataplane";
import { secretsManagerIdentity } from "../components/shared/identity";
import type { DataPlaneDescriptor } from "../components/shared/rules";
import { readCommonConfig } from "./config";
import { enforceCrossStackRules } from "./cross-stack";
import { dataPlaneCredentials } from "./registration";
import type { CloudProgram } from "./types";

/** Loads only the selected cloud's part, so an AWS stack never loads the GCP or Azure SDK. */
export async function loadCloudProgram(cloud: string): Promise<CloudProgram> {
    switch (cloud) {
        case "aws":
            return (await import("./aws")).deploy;
        case "gcp":
            return (await import("./gcp")).deploy;
        case "azure":
            return (await import("./azure")).deploy;
        case "byo":
            return (await import("./byo")).deploy;
        default:
            throw new pulumi.InputPropertyError({
                propertyPath: "flexplane:cloud",
                reason: `unknown cloud "${cloud}"; set it to one of byo, aws, gcp, azure.`,
            });
    }
}

/** Runs the stack described by the current config and returns its outputs. */
export async function runStack(): Promise<Record<string, unknown>> {
    const config = new pulumi.Config("flexplane");
    const role = config.get("role") ?? "dataPlane";
    if (role === "org") {
        return (await import("./org")).runOrgStack(config);
    }
    if (role !== "dataPlane") {
        throw new pulumi.InputPropertyError({
            propertyPath: "flexplane:role",
            reason: `"${role}" is not a stack role: use dataPlane (the default, a region stack) or org (one per Airbyte organization).`,
        });
    }
    return runRegionStack(config);
}

async function runRegionStack(config: pulumi.Config): Promise<Record<string, unknown>> {
    const stack = pulumi.getStack();
    const common = readCommonConfig(config);
    const identity = secretsManagerIdentity(common.secretsManager) ?? "";
    const org = await enforceCrossStackRules(stack, common, identity);

    const deploy = await loadCloudProgram(common.cloud);
    const deployment = await deploy({
        config,
        stack,
        namespace: common.namespace,
        serviceAccountName: common.serviceAccountName,
        secretsManager: common.secretsManager,
        tags: common.tags,
    });
    const credentials = dataPlaneCredentials(config, stack, org);
    const dataPlane = new DataPlane("data-plane", {
        ...deployment.target,
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        connection: credentials.connection,
        airbyteUrl: common.airbyteUrl,
        chart: { version: common.chartVersion, allowUntestedVersion: common.allowUntestedChartVersion },
    });
    const descriptor: DataPlaneDescriptor = {
        cloud: common.cloud,
        clusterRegion: deployment.clusterRegion,
        ...(common.airbyteRegion ? { airbyteRegion: common.airbyteRegion } : {}),
        secretsManagerIdentity: identity,
    };
    return {
        descriptor,
        ...(credentials.dataplaneId ? { airbyteDataplaneId: credentials.dataplaneId } : {}),
        dataPlane: {
            namespace: dataPlane.namespace,
            releaseName: dataPlane.releaseName,
            serviceAccountName: dataPlane.serviceAccountName,
            chartVersion: dataPlane.chartVersion,
            secretsManagerIdentity: dataPlane.secretsManagerIdentity,
            connectionStatus: dataPlane.connectionStatus,
        },
        ...deployment.outputs,
    };
}
