import type { CloudProgram } from "./types";

/** The aws part of a region stack. */
export const deploy: CloudProgram = () => {
    throw new Error("the aws stack program is not written yet");
};
