export * from "./args";
export { DataPlane, valuesPlan } from "./dataplane";
export { resolveDataPlaneSettings, normalizeAirbyteUrl } from "./validate";
export type { DataPlaneSettings } from "./validate";
export * from "./values";
export { extraValuesProblems, mergeValues, INLINE_SECRET_KEYS } from "./extra-values";
export { secretData } from "./secret-data";
