import type { CloudProgram } from "./types";

/** The gcp part of a region stack. */
export const deploy: CloudProgram = () => {
    throw new Error("the gcp stack program is not written yet");
};
