import type * as pulumi from "@pulumi/pulumi";
import { exactlyOne, InputProblems } from "../shared/errors";
import { secretsManagerIdentity } from "../shared/identity";
import { DEFAULT_NAMESPACE, DEFAULT_SERVICE_ACCOUNT_NAME, SecretsManagerSpec, StorageSpec } from "../shared/types";
import {
    DataPlaneArgs,
    DEFAULT_AIRBYTE_URL,
    DEFAULT_CHART_REPOSITORY,
    DEFAULT_CHART_VERSION,
    DEFAULT_RELEASE_NAME,
    DEFAULT_TIMEOUT_SECONDS,
    SUPPORTED_CHART_VERSIONS,
} from "./args";
import { extraValuesProblems } from "./extra-values";

/** DataPlane arguments after validation, with every default applied. */
export interface DataPlaneSettings {
    namespace: string;
    createNamespace: boolean;
    airbyteUrl: string;
    releaseName: string;
    chartVersion: string;
    chartRepository: string;
    timeoutSeconds: number;
    serviceAccountName: string;
    /** Name of the Kubernetes Secret that holds every credential. */
    secretName: string;
    secretsManagerKind: "aws" | "gcp" | "azure";
    storageKind: "s3" | "gcs" | "azure";
    /** Canonical identity of the secret store (see `secretsManagerIdentity`). */
    secretsManagerIdentity: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
const AWS_ACCOUNT = /^\d{12}$/;
const KMS_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/;
const GCP_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const GCP_REGION = /^[a-z]+-[a-z]+\d+$/;
const KEY_VAULT_URL = /^https:\/\/[a-z0-9-]{3,24}\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)\/?$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXACT_SEMVER = /^\d+\.\d+\.\d+$/;

/**
 * Checks every plain DataPlane argument and applies the defaults. Throws one
 * `pulumi.InputPropertiesError` listing every problem, before any resource is registered.
 */
export function resolveDataPlaneSettings(name: string, args: DataPlaneArgs): DataPlaneSettings {
    const problems = new InputProblems(`DataPlane "${name}"`);
    problems.check(args.kubernetesProvider !== undefined, "kubernetesProvider",
        "is required: pass the provider of the cluster to install on (cloud components expose it in dataPlaneTarget).");
    requireInput(problems, "clientId", args.clientId, "the data plane's client id from Airbyte (POST /dataplanes)");
    requireInput(problems, "clientSecret", args.clientSecret, "the data plane's client secret from Airbyte (POST /dataplanes)");

    const namespace = args.namespace ?? DEFAULT_NAMESPACE;
    problems.check(namespace.length <= 63 && DNS_LABEL.test(namespace), "namespace",
        `"${namespace}" is not a valid namespace: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.`);
    const releaseName = args.releaseName ?? DEFAULT_RELEASE_NAME;
    problems.check(releaseName.length <= 53 && DNS_LABEL.test(releaseName), "releaseName",
        `"${releaseName}" is not a valid Helm release name: use at most 53 lower-case letters, digits and '-'.`);
    const serviceAccountName = args.serviceAccountName ?? DEFAULT_SERVICE_ACCOUNT_NAME;
    problems.check(serviceAccountName.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(serviceAccountName),
        "serviceAccountName", `"${serviceAccountName}" is not a valid service account name: use lower-case letters, digits, '-' and '.'.`);

    const airbyteUrl = normalizeAirbyteUrl(problems, args.airbyteUrl ?? DEFAULT_AIRBYTE_URL);
    const chartVersion = args.chart?.version ?? DEFAULT_CHART_VERSION;
    checkChartVersion(problems, chartVersion, args.chart?.allowUntestedVersion ?? false);
    const timeoutSeconds = args.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    problems.check(Number.isInteger(timeoutSeconds) && timeoutSeconds >= 60 && timeoutSeconds <= 3600, "timeoutSeconds",
        `${timeoutSeconds} is out of range: give whole seconds from 60 to 3600 (default ${DEFAULT_TIMEOUT_SECONDS}).`);

    const secretsManagerKind = exactlyOne(problems, "secretsManager", args.secretsManager, "secret store (aws, gcp or azure), the same one the control plane uses");
    if (secretsManagerKind) {
        checkSecretsManager(problems, args.secretsManager);
    }
    const storageKind = exactlyOne(problems, "storage", args.storage, "storage (s3, gcs or azure)");
    if (storageKind) {
        checkStorage(problems, args.storage);
    }
    for (const problem of extraValuesProblems(args.extraValues)) {
        problems.add(`extraValues.${problem.path}`, problem.reason);
    }
    problems.throwIfAny();

    return {
        namespace,
        createNamespace: args.createNamespace ?? true,
        airbyteUrl,
        releaseName,
        chartVersion,
        chartRepository: args.chart?.repository ?? DEFAULT_CHART_REPOSITORY,
        timeoutSeconds,
        serviceAccountName,
        secretName: `${releaseName}-credentials`,
        secretsManagerKind: secretsManagerKind as DataPlaneSettings["secretsManagerKind"],
        storageKind: storageKind as DataPlaneSettings["storageKind"],
        secretsManagerIdentity: secretsManagerIdentity(args.secretsManager)!,
    };
}

/** Trims trailing slashes (the chart appends paths) and insists on https. */
export function normalizeAirbyteUrl(problems: InputProblems, raw: string): string {
    let parsed: URL | undefined;
    try {
        parsed = new URL(raw);
    } catch {
        problems.add("airbyteUrl", `"${raw}" is not a URL: give the control plane's base URL, e.g. ${DEFAULT_AIRBYTE_URL}.`);
        return raw;
    }
    if (parsed.protocol !== "https:") {
        problems.add("airbyteUrl", `"${raw}" must use https: the data plane sends its credentials to it. Use https://${parsed.host}.`);
    }
    if (parsed.search || parsed.hash) {
        problems.add("airbyteUrl", `"${raw}" must not have a query or fragment: give the base URL only.`);
    }
    return raw.replace(/\/+$/, "");
}

function checkChartVersion(problems: InputProblems, version: string, allowUntested: boolean): void {
    if (!EXACT_SEMVER.test(version)) {
        problems.add("chart.version", `"${version}" is not an exact version: pin one, e.g. ${DEFAULT_CHART_VERSION}.`);
    } else if (!allowUntested && !(SUPPORTED_CHART_VERSIONS as readonly string[]).includes(version)) {
        problems.add("chart.version",
            `${version} is outside the tested versions ${SUPPORTED_CHART_VERSIONS.join(", ")}: pick one of them, or set chart.allowUntestedVersion to true to install it anyway.`);
    }
}

function checkSecretsManager(problems: InputProblems, spec: SecretsManagerSpec): void {
    if (spec.aws) {
        const aws = spec.aws;
        problems.check(AWS_REGION.test(aws.region ?? ""), "secretsManager.aws.region",
            `"${aws.region ?? ""}" is not an AWS region: give the region of the control plane's Secrets Manager (it may differ from the cluster's), e.g. us-east-1.`);
        problems.check(AWS_ACCOUNT.test(aws.accountId ?? ""), "secretsManager.aws.accountId",
            `"${aws.accountId ?? ""}" is not a 12-digit AWS account id: give the account that owns the control plane's secrets.`);
        checkAwsAuth(problems, "secretsManager.aws", aws);
        problems.check(aws.kmsKeyArn === undefined || KMS_ARN.test(aws.kmsKeyArn), "secretsManager.aws.kmsKeyArn",
            `"${aws.kmsKeyArn}" is not a KMS key ARN: use arn:aws:kms:<region>:<account>:key/<id>.`);
        if (aws.tags && aws.tags["AirbyteManaged"] !== undefined && aws.tags["AirbyteManaged"] !== "true") {
            problems.add("secretsManager.aws.tags.AirbyteManaged", "must be \"true\" (it is added for you): the documented IAM policy only lets the data plane read secrets tagged AirbyteManaged=true.");
        }
    } else if (spec.gcp) {
        problems.check(GCP_PROJECT.test(spec.gcp.projectId ?? ""), "secretsManager.gcp.projectId",
            `"${spec.gcp.projectId ?? ""}" is not a GCP project id: give the project that holds the control plane's secrets.`);
        problems.check(spec.gcp.region === undefined || GCP_REGION.test(spec.gcp.region), "secretsManager.gcp.region",
            `"${spec.gcp.region}" is not a GCP region: give a region such as europe-west1, or leave it out for the global endpoint.`);
        requireInput(problems, "secretsManager.gcp.credentialsJson", spec.gcp.credentialsJson,
            "a service-account JSON key (the platform cannot use Workload Identity for Secret Manager)");
    } else if (spec.azure) {
        problems.check(KEY_VAULT_URL.test(spec.azure.vaultUrl ?? ""), "secretsManager.azure.vaultUrl",
            `"${spec.azure.vaultUrl ?? ""}" is not a Key Vault URL: use https://<vault-name>.vault.azure.net/.`);
        problems.check(GUID.test(spec.azure.tenantId ?? ""), "secretsManager.azure.tenantId",
            `"${spec.azure.tenantId ?? ""}" is not a tenant id: give the Entra ID tenant GUID of the service principal.`);
        requireInput(problems, "secretsManager.azure.clientId", spec.azure.clientId, "the service principal's application (client) id");
        requireInput(problems, "secretsManager.azure.clientSecret", spec.azure.clientSecret,
            "the service principal's client secret (the platform cannot use managed identity for Key Vault)");
    }
}

function checkStorage(problems: InputProblems, spec: StorageSpec): void {
    if (spec.s3) {
        requireInput(problems, "storage.s3.bucket", spec.s3.bucket, "the S3 bucket for logs and state");
        problems.check(AWS_REGION.test(spec.s3.region ?? ""), "storage.s3.region",
            `"${spec.s3.region ?? ""}" is not an AWS region: give the bucket's region, e.g. us-east-1.`);
        checkAwsAuth(problems, "storage.s3", spec.s3);
    } else if (spec.gcs) {
        requireInput(problems, "storage.gcs.bucket", spec.gcs.bucket, "the GCS bucket for logs and state");
        requireInput(problems, "storage.gcs.credentialsJson", spec.gcs.credentialsJson,
            "a service-account JSON key with access to the bucket (the platform cannot use Workload Identity for GCS)");
    } else if (spec.azure) {
        requireInput(problems, "storage.azure.container", spec.azure.container, "the blob container for logs and state");
        requireInput(problems, "storage.azure.connectionString", spec.azure.connectionString, "the storage account's connection string");
    }
}

function checkAwsAuth(
    problems: InputProblems,
    path: string,
    auth: { useServiceAccountIdentity?: boolean; accessKeys?: { accessKeyId: pulumi.Input<string>; secretAccessKey: pulumi.Input<string> } },
): void {
    const identity = auth.useServiceAccountIdentity === true;
    if (identity && auth.accessKeys) {
        problems.add(path, "give either useServiceAccountIdentity (IRSA) or accessKeys, not both: with both set the platform silently uses the keys.");
    } else if (!identity && !auth.accessKeys) {
        problems.add(path, "choose how to authenticate: set useServiceAccountIdentity to true (IRSA or EKS Pod Identity) or give accessKeys.");
    } else if (auth.accessKeys) {
        requireInput(problems, `${path}.accessKeys.accessKeyId`, auth.accessKeys.accessKeyId, "the access key id");
        requireInput(problems, `${path}.accessKeys.secretAccessKey`, auth.accessKeys.secretAccessKey, "the secret access key");
    }
}

/** Records a problem when a value is missing or, if already known, empty. Outputs are checked later by the cloud. */
function requireInput(problems: InputProblems, path: string, value: pulumi.Input<string> | undefined, what: string): void {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
        problems.add(path, `is required: give ${what}.`);
    }
}
