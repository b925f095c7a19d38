import { COMPONENT_LAUNCHER_ENV_NAMES } from "./launcher-env";
import { ChartValues, IGNORED_CHART_KEYS } from "./values";

/** Chart keys that would put a credential in plain text into the Helm release. */
export const INLINE_SECRET_KEYS = [
    "dataPlane.clientId",
    "dataPlane.clientSecret",
    "secretsManager.awsSecretManager.accessKeyId",
    "secretsManager.awsSecretManager.secretAccessKey",
    "secretsManager.azureKeyVault.clientId",
    "secretsManager.azureKeyVault.clientSecret",
    "secretsManager.googleSecretManager.credentials",
    "secretsManager.vault.authToken",
    "storage.s3.accessKeyId",
    "storage.s3.secretAccessKey",
    "storage.gcs.credentialsJson",
    "storage.azure.connectionString",
    "storage.minio.accessKeyId",
    "storage.minio.secretAccessKey",
] as const;

/** Chart keys this component owns; each has its own argument, named in the message. */
const MANAGED_KEYS: Record<string, string> = {
    airbyteUrl: "use the airbyteUrl argument",
    secretName: "credentials always come from the component's Secret",
    "dataPlane.secretName": "credentials always come from the component's Secret",
    "secretsManager.type": "choose the store with secretsManager.aws, .gcp or .azure",
    "secretsManager.secretName": "credentials always come from the component's Secret",
    "storage.type": "choose the storage with storage.s3, .gcs or .azure",
    "storage.secretName": "credentials always come from the component's Secret",
    "serviceAccount.name": "use the serviceAccountName argument",
    "workloads.containerOrchestrator.secretName": "the component mounts the GCS key Secret into job pods itself",
    edition: "use the edition argument",
    "image.registry": "use the imageRegistry argument, which also reaches the launcher and connector images",
    imagePullSecrets: "use the imagePullSecrets argument",
};

/** Lists that `extraValues` extends rather than replaces: the component's own entries must stay. */
const APPENDED_LISTS = ["workloadLauncher.extraEnv"];

/** A key in `extraValues` that may not be set, and why. */
export interface ExtraValueProblem {
    path: string;
    reason: string;
}

/** Lists every key of `extra` that is ignored by the chart, inlines a secret, or is owned by the component. */
export function extraValuesProblems(extra: ChartValues | undefined): ExtraValueProblem[] {
    const problems: ExtraValueProblem[] = [];
    const extraEnv: unknown = extra?.workloadLauncher?.extraEnv;
    for (const [i, entry] of (Array.isArray(extraEnv) ? extraEnv : []).entries()) {
        if (COMPONENT_LAUNCHER_ENV_NAMES.includes(entry?.name)) {
            problems.push({
                path: `workloadLauncher.extraEnv[${i}]`,
                reason: `${entry.name} is set by the component: the launcher builds connector pods' credentials from it; remove it.`,
            });
        }
    }
    for (const path of leafAndBranchPaths(extra ?? {})) {
        if (IGNORED_CHART_KEYS[path]) {
            problems.push({ path, reason: `the chart ignores ${path}: ${IGNORED_CHART_KEYS[path]}` });
        } else if ((INLINE_SECRET_KEYS as readonly string[]).includes(path)) {
            problems.push({
                path,
                reason: `${path} would put a credential in plain text into the Helm values; pass it through the component's arguments, which store it in a Kubernetes Secret.`,
            });
        } else if (MANAGED_KEYS[path] || /SecretKey$|SecretName$/.test(path)) {
            const how = MANAGED_KEYS[path] ?? "the component sets every secret reference itself";
            problems.push({ path, reason: `${path} is set by the component: ${how}.` });
        }
    }
    return problems;
}

/**
 * Deep-merges `extra` over `base`: objects merge key by key, `workloadLauncher.extraEnv` is appended
 * to, anything else (other arrays included) replaces. Neither input is modified.
 */
export function mergeValues(base: ChartValues, extra: ChartValues | undefined, prefix = ""): ChartValues {
    if (!extra) {
        return base;
    }
    const merged: ChartValues = { ...base };
    for (const [key, value] of Object.entries(extra)) {
        const path = prefix ? `${prefix}.${key}` : key;
        if (isPlainObject(value) && isPlainObject(base[key])) {
            merged[key] = mergeValues(base[key], value, path);
        } else if (APPENDED_LISTS.includes(path) && Array.isArray(value) && Array.isArray(base[key])) {
            merged[key] = [...base[key], ...value];
        } else {
            merged[key] = value;
        }
    }
    return merged;
}

function leafAndBranchPaths(values: ChartValues, prefix = ""): string[] {
    const paths: string[] = [];
    for (const [key, value] of Object.entries(values)) {
        const path = prefix ? `${prefix}.${key}` : key;
        paths.push(path);
        if (isPlainObject(value)) {
            paths.push(...leafAndBranchPaths(value, path));
        }
    }
    return paths;
}

function isPlainObject(value: unknown): value is ChartValues {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
