import type * as pulumi from "@pulumi/pulumi";
import type { AwsAccessKeys, SecretsManagerSpec, StorageSpec } from "../shared/types";
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
        Object.assign(data, awsKeyEntries(secretsManager.aws.accessKeys, SECRET_KEYS.awsSecretManagerAccessKeyId, SECRET_KEYS.awsSecretManagerSecretAccessKey));
    } else if (secretsManager.gcp) {
        data[SECRET_KEYS.gcpSecretManagerCredentials] = secretsManager.gcp.credentialsJson ?? "";
    } else if (secretsManager.azure) {
        data[SECRET_KEYS.azureKeyVaultClientId] = secretsManager.azure.clientId ?? "";
        data[SECRET_KEYS.azureKeyVaultClientSecret] = secretsManager.azure.clientSecret ?? "";
    }
    if (storage.s3) {
        Object.assign(data, awsKeyEntries(storage.s3.accessKeys, SECRET_KEYS.s3AccessKeyId, SECRET_KEYS.s3SecretAccessKey));
    } else if (storage.gcs) {
        data[SECRET_KEYS.gcsCredentialsJson] = storage.gcs.credentialsJson ?? "";
    } else if (storage.azure) {
        data[SECRET_KEYS.azureStorageConnectionString] = storage.azure.connectionString ?? "";
    }
    return data;
}

/** Both AWS key entries; empty strings without keys, so the platform uses the pod's AWS identity. */
function awsKeyEntries(keys: AwsAccessKeys | undefined, idKey: string, secretKey: string): Record<string, pulumi.Input<string>> {
    return { [idKey]: keys?.accessKeyId ?? "", [secretKey]: keys?.secretAccessKey ?? "" };
}
