import type * as pulumi from "@pulumi/pulumi";
import type { AwsAccessKeys, SecretsManagerSpec, StorageSpec } from "../shared/types";
import { GCS_CREDENTIALS_FILE, SECRET_KEYS } from "./secret-keys";

/**
 * Every key of the data plane's Secret for the chosen store and storage. The chart and the launcher
 * render a secretKeyRef for each of them whatever the auth mode, and a missing key stops the pod
 * (CreateContainerConfigError), so identity-based modes get empty strings: the platform then falls
 * back to the pod's own cloud identity. An AWS store read with access keys also gets them under the
 * names the init container assumes an IAM_ROLE store's role with (see `SECRET_KEYS`). The GCS key is
 * not here: it lives alone in the GCS key Secret (`gcsKeySecretData`), mounted into job pods as a file.
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
        const keys = secretsManager.aws.accessKeys;
        Object.assign(data, awsKeyEntries(keys, SECRET_KEYS.awsSecretManagerAccessKeyId, SECRET_KEYS.awsSecretManagerSecretAccessKey));
        if (keys) {
            Object.assign(data, awsKeyEntries(keys, SECRET_KEYS.awsAssumeRoleAccessKeyId, SECRET_KEYS.awsAssumeRoleSecretAccessKey));
        }
    } else if (secretsManager.gcp) {
        data[SECRET_KEYS.gcpSecretManagerCredentials] = secretsManager.gcp.credentialsJson ?? "";
    } else if (secretsManager.azure) {
        data[SECRET_KEYS.azureKeyVaultClientId] = secretsManager.azure.clientId ?? "";
        data[SECRET_KEYS.azureKeyVaultClientSecret] = secretsManager.azure.clientSecret ?? "";
    }
    if (storage.s3) {
        Object.assign(data, awsKeyEntries(storage.s3.accessKeys, SECRET_KEYS.s3AccessKeyId, SECRET_KEYS.s3SecretAccessKey));
    } else if (storage.azure) {
        data[SECRET_KEYS.azureStorageConnectionString] = storage.azure.connectionString ?? "";
    }
    return data;
}

/** The GCS key Secret's data (the key file `gcp.json`), or undefined when storage is not GCS. */
export function gcsKeySecretData(storage: StorageSpec): Record<string, pulumi.Input<string>> | undefined {
    return storage.gcs ? { [GCS_CREDENTIALS_FILE]: storage.gcs.credentialsJson ?? "" } : undefined;
}

/** Both AWS key entries; empty strings without keys, so the platform uses the pod's AWS identity. */
function awsKeyEntries(keys: AwsAccessKeys | undefined, idKey: string, secretKey: string): Record<string, pulumi.Input<string>> {
    return { [idKey]: keys?.accessKeyId ?? "", [secretKey]: keys?.secretAccessKey ?? "" };
}
