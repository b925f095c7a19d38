export * from "./types";
export * from "./identity";
export { InputProblems, exactlyOne } from "./errors";
export * from "./rules";
