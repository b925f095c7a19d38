import type * as pulumi from "@pulumi/pulumi";
import { firstAnswer, INVOKE_TABLES, OUTPUT_TABLES } from "../../../components/testing/tables";
import { airbyteOutputs } from "./airbyte";
import { awsPlanInvokes } from "./aws";

export type { CannedInvokes, CannedOutputs } from "../../../components/testing/types";

/**
 * The offline plan's and the tests' canned answers: the tables `flexplane/testing` ships to
 * consumers, plus the Airbyte API resources and subnet lookups read from the stack's config.
 */
const outputTables = [...OUTPUT_TABLES, airbyteOutputs];
const invokeTables = [awsPlanInvokes, ...INVOKE_TABLES];

/** Outputs that the cloud would fill in and the program reads back. */
export function cannedOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, any> | undefined {
    return firstAnswer(outputTables, args);
}

/** Answers for the data-source calls the program makes. */
export function cannedInvoke(args: pulumi.runtime.MockCallArgs): Record<string, any> | undefined {
    return firstAnswer(invokeTables, args);
}
