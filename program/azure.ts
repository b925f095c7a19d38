import type { CloudProgram } from "./types";

/** The azure part of a region stack. */
export const deploy: CloudProgram = () => {
    throw new Error("the azure stack program is not written yet");
};
