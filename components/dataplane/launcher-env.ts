/**
 * Environment the workload launcher needs and the chart does not render. The launcher builds every
 * connector (job) pod from its own environment; the init container that hydrates connector secrets
 * gets the secret store's credentials only as `secretKeyRef`s the launcher makes from `*_REF_*`
 * variables (airbytehq/airbyte-platform `airbyte-workload-launcher/src/main/resources/application.yml`
 * 129-171, `config/EnvVarConfigBeanFactory.kt` 473-557). Charts 2.0.0 to 2.2.0 render none of the AWS
 * or GCP ones and misspell the Azure ones (`AB_AZURE_KEY_CLIENT_*`), so they go in through
 * `workloadLauncher.extraEnv`, spelled exactly as the launcher reads them.
 */
import { SECRET_KEYS } from "./secret-keys";
import type { ValuesPlan } from "./values";

/** One `workloadLauncher.extraEnv` entry. Values are names of Secrets and keys, never credentials. */
export interface LauncherEnvVar {
    name: string;
    value: string;
}

/** The launcher's variable names, as `application.yml` spells them (line numbers at 310e6cb). */
export const LAUNCHER_ENV = {
    // 140-143
    awsAccessKeyRefName: "AWS_SECRET_MANAGER_ACCESS_KEY_ID_REF_NAME",
    awsAccessKeyRefKey: "AWS_SECRET_MANAGER_ACCESS_KEY_ID_REF_KEY",
    awsSecretKeyRefName: "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY_REF_NAME",
    awsSecretKeyRefKey: "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY_REF_KEY",
    // 150-151
    gcpCredentialsRefName: "SECRET_STORE_GCP_SECRET_NAME",
    gcpCredentialsRefKey: "SECRET_STORE_GCP_SECRET_KEY",
    // 168-171: the doubled `_REF` is the platform's own spelling.
    azureClientIdRefName: "AB_AZURE_KEY_VAULT_CLIENT_ID_REF_NAME",
    azureClientIdRefKey: "AB_AZURE_KEY_VAULT_CLIENT_ID_REF_REF_KEY",
    azureClientSecretRefName: "AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_NAME",
    azureClientSecretRefKey: "AB_AZURE_KEY_VAULT_CLIENT_SECRET_REF_REF_KEY",
    // 53: the Secret whose AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY the init container assumes an
    // IAM_ROLE secret store's role with (`AwsSecretManagerPersistence.kt` 380-396).
    awsAssumeRoleSecretName: "AWS_ASSUME_ROLE_SECRET_NAME",
    // 186: prefix of connector images (`pods/PayloadKubeInputMapper.kt` 251-275); the chart's
    // `image.registry` reaches only the platform's own job images.
    connectorImageRegistry: "JOB_KUBE_CONNECTOR_IMAGE_REGISTRY",
} as const;

/** Every name this component may put into `workloadLauncher.extraEnv`. */
export const COMPONENT_LAUNCHER_ENV_NAMES: readonly string[] = Object.values(LAUNCHER_ENV);

/**
 * The `workloadLauncher.extraEnv` entries for `plan`: the store's credential references into the
 * data plane's Secret, the assume-role Secret when the store is read with access keys, and the
 * connector image registry. Pure.
 */
export function launcherExtraEnv(plan: ValuesPlan): LauncherEnvVar[] {
    const secret = plan.secretName;
    const env: LauncherEnvVar[] = [];
    const add = (name: string, value: string) => env.push({ name, value });
    const store = plan.secretsManager;
    switch (store.kind) {
        case "aws":
            // In identity mode the keys exist and are empty: the platform then uses the pod's AWS
            // identity (`AwsSecretManagerPersistence.kt` 488-497).
            add(LAUNCHER_ENV.awsAccessKeyRefName, secret);
            add(LAUNCHER_ENV.awsAccessKeyRefKey, SECRET_KEYS.awsSecretManagerAccessKeyId);
            add(LAUNCHER_ENV.awsSecretKeyRefName, secret);
            add(LAUNCHER_ENV.awsSecretKeyRefKey, SECRET_KEYS.awsSecretManagerSecretAccessKey);
            if (!store.useServiceAccountIdentity) {
                // Without a pod identity, the same keys assume the control plane's IAM_ROLE role.
                add(LAUNCHER_ENV.awsAssumeRoleSecretName, secret);
            }
            break;
        case "gcp":
            add(LAUNCHER_ENV.gcpCredentialsRefName, secret);
            add(LAUNCHER_ENV.gcpCredentialsRefKey, SECRET_KEYS.gcpSecretManagerCredentials);
            break;
        case "azure":
            add(LAUNCHER_ENV.azureClientIdRefName, secret);
            add(LAUNCHER_ENV.azureClientIdRefKey, SECRET_KEYS.azureKeyVaultClientId);
            add(LAUNCHER_ENV.azureClientSecretRefName, secret);
            add(LAUNCHER_ENV.azureClientSecretRefKey, SECRET_KEYS.azureKeyVaultClientSecret);
            break;
    }
    if (plan.imageRegistry) {
        add(LAUNCHER_ENV.connectorImageRegistry, plan.imageRegistry);
    }
    return env;
}
