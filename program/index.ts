import * as pulumi from "@pulumi/pulumi";
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
    throw new Error("not yet implemented");
}
