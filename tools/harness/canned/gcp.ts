import type { CannedInvokes, CannedOutputs } from "./index";

/** Outputs of gcp resources that the program reads back. */
export const gcpOutputs: CannedOutputs = () => undefined;

/** gcp data sources the program calls. */
export const gcpInvokes: CannedInvokes = () => undefined;
