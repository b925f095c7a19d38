/**
 * Secret-store identities as the pack reads them from its configuration and from the data plane's
 * Secret. The format is the components' own (components/shared/identity.ts) and so are the chart's
 * `secretsManager.type` spellings: the pack runs from this repository and imports them, so a change
 * of format reaches the components and the pack together. Neither module loads an SDK.
 */
export {
    canonicalSecretsManagerIdentity,
    formatSecretsManagerIdentity,
    keyVaultHost,
    parseSecretsManagerIdentity,
    SECRETS_MANAGER_IDENTITY_FORMATS,
} from "../../components/shared/identity";
export type { SecretsManagerIdentity } from "../../components/shared/identity";
export { SECRETS_MANAGER_TYPES } from "../../components/dataplane/values";
