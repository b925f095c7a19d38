import { checkConnectionProofArgs } from "../airbyte/connection-proof";
import { apiAddressAsWebAddress } from "../airbyte/url";
import { exactlyOne, InputProblems } from "../shared/errors";
import { storageSpecNameProblems } from "../shared/storage-names";
import { isAwsRegion } from "../shared/formats";
import { isDns1123Label, isDns1123Subdomain } from "../shared/kubernetes-names";
import { secretsManagerIdentity } from "../shared/identity";
import { checkAwsCredentials, checkSecretsManager } from "../shared/secrets-manager-checks";
import type { StorageSpec } from "../shared/types";
import { resolveWorkload } from "../shared/workload";
import {
    DataPlaneArgs,
    DataPlaneTypeScriptArgs,
    DEFAULT_AIRBYTE_URL,
    DEFAULT_CHART_REPOSITORY,
    DEFAULT_CHART_VERSION,
    DEFAULT_RELEASE_NAME,
    DEFAULT_TIMEOUT_SECONDS,
    FIRST_CHART_WITH_JOB_PULL_SECRETS,
    SUPPORTED_CHART_VERSIONS,
} from "./args";
import { defaultEdition, Edition, EDITIONS, isEdition } from "./edition";
import { extraValuesProblems } from "./extra-values";
import { DEFAULT_METADATA_NETWORK_POLICY, isMetadataNetworkPolicyMode, MetadataNetworkPolicyMode } from "./metadata-policy";

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
    /** The chart's `edition`, given or derived from `airbyteUrl`. */
    edition: Edition;
    /** Name of the Kubernetes Secret that holds every credential but the GCS key. */
    secretName: string;
    /** Name of the Secret that holds only the GCS key file; created only for GCS storage. */
    gcsKeySecretName: string;
    /** Canonical identity of the secret store (see `secretsManagerIdentity`). */
    secretsManagerIdentity: string;
    /** Which metadata NetworkPolicies to create. */
    metadataNetworkPolicy: MetadataNetworkPolicyMode;
}

const EXACT_SEMVER = /^\d+\.\d+\.\d+$/;
/** `host[:port][/path]` as image references start (distribution/reference), without scheme or trailing slash. */
const IMAGE_REGISTRY = /^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?(:\d{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/**
 * Checks every plain DataPlane argument and applies the defaults. Throws one
 * `pulumi.InputPropertiesError` listing every problem, before any resource is registered.
 */
export function resolveDataPlaneSettings(
    name: string,
    args: DataPlaneArgs,
    hasClusterProvider = (args as DataPlaneTypeScriptArgs).kubernetesProvider !== undefined,
): DataPlaneSettings {
    const problems = new InputProblems(`DataPlane "${name}"`);
    problems.check(
        hasClusterProvider,
        "kubernetesProvider",
        "is missing: pass the provider of the cluster to install on as the `provider` resource option (`{ provider: cluster.kubernetesProvider }`; in other languages `providers` with a `kubernetes` entry), or spread a cloud component's `dataPlaneTarget` into the arguments.",
    );
    problems.requireValue("clientId", args.clientId, "the data plane's client id from Airbyte (POST /dataplanes)");
    problems.requireValue("clientSecret", args.clientSecret, "the data plane's client secret from Airbyte (POST /dataplanes)");

    const { namespace, serviceAccountName } = resolveWorkload(problems, args, { createsNamespace: args.createNamespace ?? true });
    const releaseName = args.releaseName ?? DEFAULT_RELEASE_NAME;
    problems.check(
        isDns1123Label(releaseName, 53),
        "releaseName",
        `"${releaseName}" is not a valid Helm release name: use at most 53 lower-case letters, digits and '-'.`,
    );

    const airbyteUrl = normalizeAirbyteUrl(problems, args.airbyteUrl ?? DEFAULT_AIRBYTE_URL);
    const chartVersion = args.chart?.version ?? DEFAULT_CHART_VERSION;
    checkChartVersion(problems, chartVersion, args.chart?.allowUntestedVersion ?? false);
    const timeoutSeconds = args.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    problems.check(
        Number.isInteger(timeoutSeconds) && timeoutSeconds >= 60 && timeoutSeconds <= 3600,
        "timeoutSeconds",
        `${timeoutSeconds} is out of range: give whole seconds from 60 to 3600 (default ${DEFAULT_TIMEOUT_SECONDS}).`,
    );

    const edition = args.edition ?? defaultEdition(airbyteUrl);
    problems.check(
        isEdition(edition),
        "edition",
        `"${String(edition)}" is not an edition: use ${EDITIONS.join(", ")} (default: cloud for Airbyte Cloud, enterprise for a self-managed control plane).`,
    );
    checkImages(problems, args, chartVersion);

    checkSecretsManager(problems, args.secretsManager);
    if (exactlyOne(problems, "storage", args.storage, "storage (s3, gcs or azure)")) {
        checkStorage(problems, args.storage);
        storageSpecNameProblems(args.storage).forEach((p) => problems.add(p.path, p.reason));
    }
    for (const problem of extraValuesProblems(args.extraValues)) {
        problems.add(`extraValues.${problem.path}`, problem.reason);
    }
    const metadataNetworkPolicy = args.metadataNetworkPolicy ?? DEFAULT_METADATA_NETWORK_POLICY;
    problems.check(
        isMetadataNetworkPolicyMode(metadataNetworkPolicy),
        "metadataNetworkPolicy",
        `"${String(metadataNetworkPolicy)}" is not a mode: use ipv4 (the default), dualStack (IPv6 or dual-stack clusters) or none (connector pods may then reach the node's credentials).`,
    );
    checkConnectionProofArgs(problems, args.connection);
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
        edition,
        secretName: `${releaseName}-credentials`,
        gcsKeySecretName: `${releaseName}-gcs-key`,
        secretsManagerIdentity: secretsManagerIdentity(args.secretsManager)!,
        metadataNetworkPolicy,
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
    const apiAddress = apiAddressAsWebAddress(raw);
    if (apiAddress) problems.add("airbyteUrl", apiAddress);
    return raw.replace(/\/+$/, "");
}

function checkChartVersion(problems: InputProblems, version: string, allowUntested: boolean): void {
    if (!EXACT_SEMVER.test(version)) {
        problems.add("chart.version", `"${version}" is not an exact version: pin one, e.g. ${DEFAULT_CHART_VERSION}.`);
    } else if (!allowUntested && !(SUPPORTED_CHART_VERSIONS as readonly string[]).includes(version)) {
        problems.add(
            "chart.version",
            `${version} is outside the tested versions ${SUPPORTED_CHART_VERSIONS.join(", ")}: pick one of them, or set chart.allowUntestedVersion to true to install it anyway.`,
        );
    }
}

/** `imageRegistry` must be a bare registry prefix; pull secrets need a chart that passes them on intact. */
function checkImages(problems: InputProblems, args: DataPlaneArgs, chartVersion: string): void {
    const registry = args.imageRegistry;
    if (registry !== undefined) {
        problems.check(
            IMAGE_REGISTRY.test(registry),
            "imageRegistry",
            `"${registry}" is not a registry prefix: give host[:port][/path] without scheme, tag or trailing slash, e.g. registry.example.com/airbyte-mirror.`,
        );
    }
    const pullSecrets = args.imagePullSecrets ?? [];
    for (const [i, name] of pullSecrets.entries()) {
        problems.check(
            isDns1123Subdomain(name),
            `imagePullSecrets[${i}]`,
            `"${String(name)}" is not a Secret name: use lower-case letters, digits, '-' and '.'.`,
        );
    }
    if (pullSecrets.length > 0 && EXACT_SEMVER.test(chartVersion) && compareVersions(chartVersion, FIRST_CHART_WITH_JOB_PULL_SECRETS) < 0) {
        problems.add(
            "imagePullSecrets",
            `chart ${chartVersion} hands connector pods the pull secret as "map[name:${pullSecrets[0]}]," instead of its name, so they could not pull from your registry: ` +
                `use chart.version ${FIRST_CHART_WITH_JOB_PULL_SECRETS} or later (${DEFAULT_CHART_VERSION} is the default).`,
        );
    }
}

/** Negative, zero or positive as exact version `a` is older than, equal to or newer than `b`. */
export function compareVersions(a: string, b: string): number {
    const pa = a.split(".").map(Number);
    const pb = b.split(".").map(Number);
    for (let i = 0; i < 3; i++) {
        if (pa[i] !== pb[i]) {
            return pa[i] - pb[i];
        }
    }
    return 0;
}

function checkStorage(problems: InputProblems, spec: StorageSpec): void {
    if (spec.s3) {
        problems.requireValue("storage.s3.bucket", spec.s3.bucket, "the S3 bucket for logs and state");
        problems.check(
            isAwsRegion(spec.s3.region),
            "storage.s3.region",
            `"${spec.s3.region ?? ""}" is not an AWS region: give the bucket's region, e.g. us-east-1.`,
        );
        checkAwsCredentials(problems, "storage.s3", spec.s3);
    } else if (spec.gcs) {
        problems.requireValue("storage.gcs.bucket", spec.gcs.bucket, "the GCS bucket for logs and state");
        problems.requireValue(
            "storage.gcs.credentialsJson",
            spec.gcs.credentialsJson,
            "a service-account JSON key with access to the bucket (the platform cannot use Workload Identity for GCS)",
        );
    } else if (spec.azure) {
        problems.requireValue("storage.azure.container", spec.azure.container, "the blob container for logs and state");
        problems.requireValue("storage.azure.connectionString", spec.azure.connectionString, "the storage account's connection string");
    }
}
