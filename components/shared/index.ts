export * from "./types";
export * from "./identity";
export { InputProblems, exactlyOne } from "./errors";
export * from "./rules";
export * from "./formats";
export { checkSecretsManager, checkAwsCredentials } from "./secrets-manager-checks";
export type { SecretsManagerCheckOptions } from "./secrets-manager-checks";
export * from "./cidr";
