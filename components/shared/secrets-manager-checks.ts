import type * as pulumi from "@pulumi/pulumi";
import { exactlyOne, InputProblems } from "./errors";
import { GCP_PROJECT_ID, GCP_REGION, isAwsAccountId, isAwsRegion, isGuid, isKmsKeyArn, parseArn, vaultNameFromUrl } from "./formats";
import { AIRBYTE_MANAGED_TAG, AwsAccessKeys, SecretsManagerSpec } from "./types";

/** How much of a secret-store declaration a caller needs. */
export interface SecretsManagerCheckOptions {
    /** Property path of the declaration in the caller's arguments. Default `secretsManager`. */
    path?: string;
    /**
     * The store whose credentials the caller creates when they are left out: a GKE cluster makes a
     * service-account key, an AKS cluster a service principal. Given credentials must still be whole.
     */
    createsCredentialsFor?: "gcp" | "azure";
    /** Check the credentials at all. Default `true`; `false` where only the store is named (the org stack). */
    checkCredentials?: boolean;
}

/**
 * Checks a declaration of the control plane's secret store, the one check every component and stack
 * shares: exactly one store, its identifiers well formed, its credentials present in a form the
 * platform can use. Returns the declared kind, or undefined when there is not exactly one.
 */
export function checkSecretsManager(
    problems: InputProblems,
    spec: SecretsManagerSpec | undefined,
    options: SecretsManagerCheckOptions = {},
): "aws" | "gcp" | "azure" | undefined {
    const path = options.path ?? "secretsManager";
    const credentials = options.checkCredentials ?? true;
    const kind = exactlyOne(problems, path, spec, "secret store (aws, gcp or azure), the same one the control plane uses");
    if (kind === "aws") {
        const aws = spec!.aws!;
        problems.check(
            isAwsRegion(aws.region),
            `${path}.aws.region`,
            `"${aws.region ?? ""}" is not an AWS region: give the region of the control plane's Secrets Manager (it may differ from the cluster's), e.g. us-east-1.`,
        );
        problems.check(
            isAwsAccountId(aws.accountId),
            `${path}.aws.accountId`,
            `"${aws.accountId ?? ""}" is not a 12-digit AWS account id: give the account that owns the control plane's secrets, quoted so YAML keeps it a string.`,
        );
        if (aws.kmsKeyArn !== undefined) {
            problems.check(
                isKmsKeyArn(aws.kmsKeyArn) && parseArn(aws.kmsKeyArn)?.region === aws.region,
                `${path}.aws.kmsKeyArn`,
                `"${aws.kmsKeyArn}" is not a KMS key ARN in the secrets' region ${aws.region}: use arn:aws:kms:${aws.region}:<account>:key/<id>.`,
            );
        }
        if (aws.tags?.[AIRBYTE_MANAGED_TAG.key] !== undefined && aws.tags[AIRBYTE_MANAGED_TAG.key] !== AIRBYTE_MANAGED_TAG.value) {
            problems.add(
                `${path}.aws.tags.${AIRBYTE_MANAGED_TAG.key}`,
                'must be "true" (it is added for you): the documented IAM policy only lets the data plane read secrets tagged AirbyteManaged=true.',
            );
        }
        problems.check(
            aws.allowUntaggedSecrets === undefined || typeof aws.allowUntaggedSecrets === "boolean",
            `${path}.aws.allowUntaggedSecrets`,
            `must be true or false, got ${JSON.stringify(aws.allowUntaggedSecrets)}: true only when the control plane writes secrets without the AirbyteManaged tag (ACCESS_KEY mode).`,
        );
        if (credentials) {
            checkAwsCredentials(problems, `${path}.aws`, aws);
        }
    } else if (kind === "gcp") {
        const gcp = spec!.gcp!;
        problems.check(
            GCP_PROJECT_ID.test(gcp.projectId ?? ""),
            `${path}.gcp.projectId`,
            `"${gcp.projectId ?? ""}" is not a GCP project id: give the project that holds the control plane's secrets.`,
        );
        problems.check(
            gcp.region === undefined || GCP_REGION.test(gcp.region),
            `${path}.gcp.region`,
            `"${gcp.region}" is not a GCP region: give a region such as europe-west1, or leave it out for the global endpoint.`,
        );
        if (credentials && options.createsCredentialsFor !== "gcp") {
            problems.requireValue(
                `${path}.gcp.credentialsJson`,
                gcp.credentialsJson,
                "a service-account JSON key (the platform cannot use Workload Identity for Secret Manager)",
            );
        }
    } else if (kind === "azure") {
        const azure = spec!.azure!;
        problems.check(
            vaultNameFromUrl(azure.vaultUrl ?? "") !== undefined,
            `${path}.azure.vaultUrl`,
            `"${azure.vaultUrl ?? ""}" is not a Key Vault URL: use https://<vault-name>.vault.azure.net/ with the control plane's vault name.`,
        );
        problems.check(
            isGuid(azure.tenantId),
            `${path}.azure.tenantId`,
            azure.tenantId === undefined
                ? "is required: give the Entra ID tenant GUID of the Key Vault and its service principal (az account show --query tenantId)."
                : `"${azure.tenantId}" is not a tenant id: give the Entra ID tenant GUID of the Key Vault (az account show --query tenantId).`,
        );
        if (credentials) {
            checkAzureCredentials(problems, `${path}.azure`, azure.clientId, azure.clientSecret, options.createsCredentialsFor === "azure");
        }
    }
    return kind as "aws" | "gcp" | "azure" | undefined;
}

/** AWS credentials: the pod's identity (IRSA) or a whole pair of access keys, never both. */
export function checkAwsCredentials(
    problems: InputProblems,
    path: string,
    auth: { useServiceAccountIdentity?: boolean; accessKeys?: AwsAccessKeys },
): void {
    const identity = auth.useServiceAccountIdentity === true;
    if (identity && auth.accessKeys) {
        problems.add(
            path,
            "give either useServiceAccountIdentity (IRSA) or accessKeys, not both: with both set the platform silently uses the keys.",
        );
    } else if (!identity && !auth.accessKeys) {
        problems.add(
            path,
            "choose how to authenticate: set useServiceAccountIdentity to true (IRSA or EKS Pod Identity) or give accessKeys.",
        );
    } else if (auth.accessKeys) {
        problems.requireValue(`${path}.accessKeys.accessKeyId`, auth.accessKeys.accessKeyId, "the access key id");
        problems.requireValue(`${path}.accessKeys.secretAccessKey`, auth.accessKeys.secretAccessKey, "the secret access key");
    }
}

function checkAzureCredentials(
    problems: InputProblems,
    path: string,
    clientId: pulumi.Input<string> | undefined,
    clientSecret: pulumi.Input<string> | undefined,
    createdWhenMissing: boolean,
): void {
    if (createdWhenMissing && clientId === undefined && clientSecret === undefined) {
        return;
    }
    if (createdWhenMissing && (clientId === undefined) !== (clientSecret === undefined)) {
        problems.add(
            clientId === undefined ? `${path}.clientId` : `${path}.clientSecret`,
            "give both clientId and clientSecret of an existing service principal, or neither to have one created.",
        );
        return;
    }
    problems.requireValue(`${path}.clientId`, clientId, "the service principal's application (client) id");
    problems.requireValue(
        `${path}.clientSecret`,
        clientSecret,
        "the service principal's client secret (the platform cannot use managed identity for Key Vault)",
    );
}
