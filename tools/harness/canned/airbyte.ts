import type { CannedOutputs } from "./index";

/** Outputs of the Airbyte API resources (dynamic providers) that the program reads back. */
export const airbyteOutputs: CannedOutputs = () => undefined;
