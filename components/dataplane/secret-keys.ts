/**
 * Keys of the data plane's Kubernetes Secret. The chart and the launcher read every credential from
 * them; none ever reaches the Helm values.
 */
export const SECRET_KEYS = {
    dataPlaneClientId: "DATAPLANE_CLIENT_ID",
    dataPlaneClientSecret: "DATAPLANE_CLIENT_SECRET",
    awsSecretManagerAccessKeyId: "AWS_SECRET_MANAGER_ACCESS_KEY_ID",
    awsSecretManagerSecretAccessKey: "AWS_SECRET_MANAGER_SECRET_ACCESS_KEY",
    /**
     * The keys the init container assumes the control plane's IAM role with. The launcher reads them
     * under these fixed names from the Secret named by `AWS_ASSUME_ROLE_SECRET_NAME`
     * (airbytehq/airbyte-platform `airbyte-workload-launcher/src/main/resources/application.yml` 51-53),
     * which is why the S3 keys live under `S3_*` names instead.
     */
    awsAssumeRoleAccessKeyId: "AWS_ACCESS_KEY_ID",
    awsAssumeRoleSecretAccessKey: "AWS_SECRET_ACCESS_KEY",
    gcpSecretManagerCredentials: "SECRET_STORE_GCP_CREDENTIALS",
    azureKeyVaultClientId: "AB_AZURE_KEY_VAULT_CLIENT_ID",
    azureKeyVaultClientSecret: "AB_AZURE_KEY_VAULT_CLIENT_SECRET",
    s3AccessKeyId: "S3_ACCESS_KEY_ID",
    s3SecretAccessKey: "S3_SECRET_ACCESS_KEY",
    azureStorageConnectionString: "AZURE_STORAGE_CONNECTION_STRING",
} as const;

/**
 * Where connector pods and the launcher find the GCS key file. The launcher mounts the Secret named by
 * `workloads.containerOrchestrator.secretName` at this directory in every job pod, and job pods read
 * `gcp.json` in it whatever `storage.gcs.credentialsJsonPath` says (airbytehq/airbyte#73739;
 * `pods/factories/VolumeFactory.kt` 85-130).
 */
export const GCS_CREDENTIALS_DIR = "/secrets/gcp-creds";
/** The GCS key's file name, and its key in the GCS key Secret (the only key that Secret has). */
export const GCS_CREDENTIALS_FILE = "gcp.json";
