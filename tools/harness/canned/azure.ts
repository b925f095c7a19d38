import type { CannedInvokes, CannedOutputs } from "./index";

/** Outputs of azure resources that the program reads back. */
export const azureOutputs: CannedOutputs = () => undefined;

/** azure data sources the program calls. */
export const azureInvokes: CannedInvokes = () => undefined;
