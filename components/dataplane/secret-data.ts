import type * as pulumi from "@pulumi/pulumi";
import type { SecretsManagerSpec, StorageSpec } from "../shared/types";
import { SECRET_KEYS } from "./values";

/**
 * Every key of the data plane's Secret for the chosen store and storage. The chart renders a
 * secretKeyRef for each of them whatever the auth mode, and a missing key stops the pod
 * (CreateContainerConfigError), so identity-based modes get empty strings: the platform then falls
 * back to the pod's own cloud identity.
 */
export function secretData(
    clientId: pulumi.Input<string>,
    clientSecret: pulumi.Input<string>,
    secretsManager: SecretsManagerSpec,
    storage: StorageSpec,
): Record<string, pulumi.Input<string>> {
    const data: Record<string, pulumi.Input<string>> = {
        [SECRET_KEYS.dataPlaneClientId]: clientId,
        [SECRET_KEYS.dataPlaneClientSecret]: clientSecret,
    };
    if (secretsManager.aws) {
        data[SECRET_KEYS.awsSecretManagerAccessKeyId] = secretsManager.aws.accessKeys?.accessKeyId ?? "";
        data[SECRET_KEYS.awsSecretManagerSecretAccessKey] = secretsManager.aws.accessKeys?.secretAccessKey ?? "";
    } else if (secretsManager.gcp) {
        data[SECRET_KEYS.gcpSecretManagerCredentials] = secretsManager.gcp.credentialsJson ?? "";
    } else if (secretsManager.azure) {
        data[SECRET_KEYS.azureKeyVaultClientId] = secretsManager.azure.clientId ?? "";
        data[SECRET_KEYS.azureKeyVaultClientSecret] = secretsManager.azure.clientSecret ?? "";
    }
    if (storage.s3) {
        data[SECRET_KEYS.s3AccessKeyId] = storage.s3.accessKeys?.accessKeyId ?? "";
        data[SECRET_KEYS.s3SecretAccessKey] = storage.s3.accessKeys?.secretAccessKey ?? "";
    } else if (storage.gcs) {
        data[SECRET_KEYS.gcsCredentialsJson] = storage.gcs.credentialsJson ?? "";
    } else if (storage.azure) {
        data[SECRET_KEYS.azureStorageConnectionString] = storage.azure.connectionString ?? "";
    }
    return data;
}
