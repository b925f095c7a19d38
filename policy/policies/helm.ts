import { ResourceCheck, resourcePolicy } from "./define";
import { isDataPlaneChart, T } from "./tokens";
import { at, isSecretPlaceholder, isUnknown } from "./values";

/**
 * Chart values that would carry a credential, each with where the credential belongs instead.
 * The keys are forbidden whatever their value: Helm keeps every value in its release record (readable
 * with `helm get values`), and during `pulumi preview` the engine hands policies secret values already
 * decrypted, so a policy cannot tell a Pulumi secret from plain text there.
 */
export const CREDENTIAL_VALUE_KEYS: Record<string, string> = {
    "dataPlane.clientId": "the Secret named by dataPlane.secretName (key DATAPLANE_CLIENT_ID)",
    "dataPlane.clientSecret": "the Secret named by dataPlane.secretName (key DATAPLANE_CLIENT_SECRET)",
    "secretsManager.awsSecretManager.accessKeyId": "the Secret named by secretsManager.secretName (accessKeyIdSecretKey)",
    "secretsManager.awsSecretManager.secretAccessKey": "the Secret named by secretsManager.secretName (secretAccessKeySecretKey)",
    "secretsManager.azureKeyVault.clientSecret": "the Secret named by secretsManager.secretName (clientSecretSecretKey)",
    "secretsManager.googleSecretManager.credentials": "the Secret named by secretsManager.secretName (credentialsSecretKey)",
    "storage.s3.accessKeyId": "the Secret named by storage.secretName (accessKeyIdSecretKey)",
    "storage.s3.secretAccessKey": "the Secret named by storage.secretName (secretAccessKeySecretKey)",
    "storage.gcs.credentialsJson": "the Secret named by storage.secretName (credentialsJsonSecretKey)",
    "storage.azure.connectionString": "the Secret named by storage.secretName (connectionStringSecretKey)",
};

/** Shapes of credentials that must never sit in values, under any key. */
export const CREDENTIAL_PATTERNS: { what: string; test: (s: string) => boolean }[] = [
    { what: "a PEM private key", test: (s) => /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/.test(s) },
    { what: "an AWS access key id", test: (s) => /\b(AKIA|ASIA)[A-Z0-9]{16}\b/.test(s) },
    {
        what: "an AWS secret access key",
        // 40 base64 characters mixing cases and digits; hex digests (lower case only) do not match.
        test: (s) => /^[A-Za-z0-9/+]{40}$/.test(s.trim()) && /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s),
    },
    { what: "an Azure storage account key", test: (s) => /AccountKey=[A-Za-z0-9/+=]{20,}/.test(s) },
];

/** Dotted paths of string leaves under `value` that look like credentials, with what they look like. */
export function credentialLookalikes(value: unknown, path = ""): { path: string; what: string }[] {
    if (typeof value === "string") {
        if (isUnknown(value) || isSecretPlaceholder(value)) {
            return [];
        }
        const hit = CREDENTIAL_PATTERNS.find((p) => p.test(value));
        return hit ? [{ path, what: hit.what }] : [];
    }
    if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([key, inner]) =>
            credentialLookalikes(inner, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key),
        );
    }
    return [];
}

const checkValues: ResourceCheck = ({ props, report }) => {
    const values = props.values;
    if (values === undefined || isUnknown(values)) {
        return;
    }
    for (const [key, home] of Object.entries(CREDENTIAL_VALUE_KEYS)) {
        const v = at(values, key);
        if (v !== undefined && v !== null && v !== "") {
            report(
                `\`values.${key}\` is set. Helm keeps every value, secret or not, in its release record (\`helm get values\` shows it): ` +
                    `remove it and put the credential in ${home}.`,
            );
        }
    }
    for (const { path, what } of credentialLookalikes(values, "values")) {
        if (!Object.keys(CREDENTIAL_VALUE_KEYS).some((k) => path === `values.${k}`)) {
            report(`\`${path}\` looks like ${what}: move it into a Kubernetes Secret and reference it from the values.`);
        }
    }
};

/** No credential in Helm values, whether inline under the chart's credential keys or anywhere else. */
export const helmValuesNoPlaintextSecrets = resourcePolicy({
    name: "helm-values-no-plaintext-secrets",
    description: "Helm values hold no credentials: data-plane, secret-store and storage credentials live in Kubernetes Secrets.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Create a Kubernetes Secret with the credentials and point the chart at it (dataPlane.secretName, " +
        "secretsManager.secretName, storage.secretName) instead of inlining them in values.",
    checks: { [T.helmRelease]: checkValues, [T.helmChartV4]: checkValues },
});

/** An exact semantic version: no ranges, wildcards or `v` prefix. */
export const EXACT_SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

const checkVersion: ResourceCheck = ({ props, config, report }) => {
    const version = props.version;
    if (isUnknown(version) || isUnknown(props.chart)) {
        return;
    }
    const chart = String(props.chart);
    if (typeof version !== "string" || version.trim() === "") {
        report(
            `Chart "${chart}" has no \`version\`, so every run may install whatever the repository serves newest: pin an exact version.`,
        );
        return;
    }
    if (!EXACT_SEMVER.test(version)) {
        report(`Chart "${chart}" \`version\` "${version}" is a range or not semver: pin an exact version such as "2.2.0".`);
        return;
    }
    if (isDataPlaneChart(chart) && !config.allowedChartVersions.includes(version)) {
        report(
            `airbyte-data-plane chart version "${version}" is not in the allowed list (${config.allowedChartVersions.join(", ")}): ` +
                "install an allowed version or add this one to allowedChartVersions after testing it.",
        );
    }
};

/** Charts are pinned to an exact version; the data-plane chart to an allowed one. */
export const dataPlaneChartPinned = resourcePolicy({
    name: "data-plane-chart-pinned",
    description: "Helm charts are pinned to an exact version, and the airbyte-data-plane chart to an allowed one.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set the release's version to an exact version listed in allowedChartVersions.",
    configKeys: ["allowedChartVersions"],
    checks: { [T.helmRelease]: checkVersion, [T.helmChartV4]: checkVersion },
});
