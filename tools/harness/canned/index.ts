import type * as pulumi from "@pulumi/pulumi";
import { airbyteOutputs } from "./airbyte";
import { awsInvokes, awsOutputs } from "./aws";
import { azureInvokes, azureOutputs } from "./azure";
import { gcpInvokes, gcpOutputs } from "./gcp";
import { kubernetesOutputs } from "./kubernetes";

/** Canned output properties for a mocked resource; `undefined` when this table has none. */
export type CannedOutputs = (args: pulumi.runtime.MockResourceArgs) => Record<string, any> | undefined;
/** Canned result of an invoke; `undefined` when this table does not know the token. */
export type CannedInvokes = (args: pulumi.runtime.MockCallArgs) => Record<string, any> | undefined;

const outputTables: CannedOutputs[] = [kubernetesOutputs, awsOutputs, gcpOutputs, azureOutputs, airbyteOutputs];
const invokeTables: CannedInvokes[] = [awsInvokes, gcpInvokes, azureInvokes];

/** Outputs that the cloud would fill in and the program reads back. */
export function cannedOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, any> | undefined {
    for (const table of outputTables) {
        const found = table(args);
        if (found) {
            return found;
        }
    }
    return undefined;
}

/** Answers for the data-source calls the program makes. */
export function cannedInvoke(args: pulumi.runtime.MockCallArgs): Record<string, any> | undefined {
    for (const table of invokeTables) {
        const found = table(args);
        if (found) {
            return found;
        }
    }
    return undefined;
}
