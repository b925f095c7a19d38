import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../components/shared/errors";
import { checkSecretsManager } from "../components/shared/secrets-manager-checks";
import { DEFAULT_NAMESPACE, DEFAULT_SERVICE_ACCOUNT_NAME, SecretsManagerSpec } from "../components/shared/types";

export const CLOUDS = ["byo", "aws", "gcp", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];

/** The shape of `flexplane:secretsManager` in a stack file: the control plane's store, no secrets. */
export interface DeclaredSecretsManager {
    aws?: {
        region: string; accountId: string | number; auth: "serviceAccount" | "accessKeys"; kmsKeyArn?: string; tags?: Record<string, string>;
        allowUntaggedSecrets?: boolean;
    };
    gcp?: { projectId: string; region?: string };
    azure?: { vaultUrl: string; tenantId: string };
}

/** Settings every region stack shares, read from `flexplane:*` config. */
export interface CommonConfig {
    cloud: Cloud;
    airbyteUrl?: string;
    namespace: string;
    serviceAccountName: string;
    chartVersion?: string;
    allowUntestedChartVersion: boolean;
    secretsManager: SecretsManagerSpec;
    tags: Record<string, string>;
    /** Stack (`org/project/stack` or a name in this project) of the organization's org stack. */
    orgStack?: string;
    /** Stacks of data planes that back this one up; they must share its Airbyte region and store. */
    haPeers: string[];
    /** Name of the Airbyte region (from the org stack's `regionIds`) this data plane serves. */
    airbyteRegion?: string;
}

/** Reads and checks the common config; throws one error naming every bad key. */
export function readCommonConfig(config: pulumi.Config): CommonConfig {
    const problems = new InputProblems("Stack config");
    const cloud = config.get("cloud") ?? "";
    problems.check((CLOUDS as readonly string[]).includes(cloud), "flexplane:cloud",
        `"${cloud}" is not a cloud this program deploys to: set it to one of ${CLOUDS.join(", ")}.`);
    const declared = config.getObject<DeclaredSecretsManager>("secretsManager");
    const secretsManager = readSecretsManager(config, problems, declared);
    const haPeers = config.getObject<string[]>("haPeers") ?? [];
    problems.check(Array.isArray(haPeers) && haPeers.every((p) => typeof p === "string" && p.length > 0), "flexplane:haPeers",
        "must be a list of stack names, e.g. [aws-us-east-1-b].");
    problems.throwIfAny();
    return {
        cloud: cloud as Cloud,
        airbyteUrl: config.get("airbyteUrl"),
        namespace: config.get("namespace") ?? DEFAULT_NAMESPACE,
        serviceAccountName: config.get("serviceAccountName") ?? DEFAULT_SERVICE_ACCOUNT_NAME,
        chartVersion: config.get("chartVersion"),
        allowUntestedChartVersion: config.getBoolean("allowUntestedChartVersion") ?? false,
        secretsManager: secretsManager!,
        tags: config.getObject<Record<string, string>>("tags") ?? {},
        orgStack: config.get("orgStack"),
        haPeers,
        airbyteRegion: config.get("airbyteRegion"),
    };
}

/**
 * Turns the declared store into a `SecretsManagerSpec`, reading its credentials from their own
 * secret keys so that they stay Pulumi secrets. With `readCredentials: false` (the org stack, which
 * only names the store) no credential key is read.
 */
export function readSecretsManager(
    config: pulumi.Config,
    problems: InputProblems,
    declared: DeclaredSecretsManager | undefined,
    { readCredentials = true }: { readCredentials?: boolean } = {},
): SecretsManagerSpec | undefined {
    const spec = declaredSpec(config, problems, declared, readCredentials);
    if (spec) {
        // The formats, early and under the config key's name; the components check the credentials.
        checkSecretsManager(problems, spec, { path: "flexplane:secretsManager", checkCredentials: false });
    }
    return spec;
}

function declaredSpec(
    config: pulumi.Config,
    problems: InputProblems,
    declared: DeclaredSecretsManager | undefined,
    readCredentials: boolean,
): SecretsManagerSpec | undefined {
    if (!declared || typeof declared !== "object") {
        problems.add("flexplane:secretsManager",
            "is required: declare the control plane's secret store, e.g. {aws: {region: us-east-1, accountId: \"123456789012\", auth: serviceAccount}}.");
        return undefined;
    }
    if (declared.aws) {
        const { auth, accountId, ...rest } = declared.aws;
        if (!readCredentials) {
            return { aws: { ...rest, accountId: String(accountId ?? "") } };
        }
        problems.check(auth === "serviceAccount" || auth === "accessKeys", "flexplane:secretsManager.aws.auth",
            `"${auth ?? ""}" is not an auth mode: use serviceAccount (IRSA) or accessKeys (then set flexplane:secretsManagerAccessKeyId and flexplane:secretsManagerSecretAccessKey with --secret).`);
        return {
            aws: {
                ...rest,
                accountId: String(accountId ?? ""),
                ...(auth === "accessKeys"
                    ? { accessKeys: { accessKeyId: config.requireSecret("secretsManagerAccessKeyId"), secretAccessKey: config.requireSecret("secretsManagerSecretAccessKey") } }
                    : { useServiceAccountIdentity: auth === "serviceAccount" }),
            },
        };
    }
    if (declared.gcp) {
        return readCredentials ? { gcp: { ...declared.gcp, credentialsJson: config.getSecret("secretsManagerCredentialsJson") } } : { gcp: declared.gcp };
    }
    if (declared.azure) {
        return !readCredentials ? { azure: declared.azure } : {
            azure: {
                ...declared.azure,
                clientId: config.getSecret("secretsManagerClientId"),
                clientSecret: config.getSecret("secretsManagerClientSecret"),
            },
        };
    }
    // Neither store: the shared check reports that exactly one is needed.
    return declared as SecretsManagerSpec;
}
