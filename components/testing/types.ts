import type * as pulumi from "@pulumi/pulumi";

/** Canned output properties for a mocked resource; `undefined` when the table has none. */
export type CannedOutputs = (args: pulumi.runtime.MockResourceArgs) => Record<string, any> | undefined;
/** Canned result of an invoke; `undefined` when the table does not know the token. */
export type CannedInvokes = (args: pulumi.runtime.MockCallArgs) => Record<string, any> | undefined;
