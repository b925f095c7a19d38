import type { CloudProgram } from "./types";

/** The byo part of a region stack. */
export const deploy: CloudProgram = () => {
    throw new Error("the byo stack program is not written yet");
};
