import type { CannedInvokes, CannedOutputs } from "./index";

/** Outputs of aws resources that the program reads back. */
export const awsOutputs: CannedOutputs = () => undefined;

/** aws data sources the program calls. */
export const awsInvokes: CannedInvokes = () => undefined;
