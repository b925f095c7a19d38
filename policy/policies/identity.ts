/**
 * Secret-store identities as strings. The format is flexplane's (`secretsManagerIdentity` in
 * components/shared/identity.ts); the pack reimplements the parsing because a policy pack ships
 * on its own, without the component package. A test keeps the two in agreement.
 */

export type SecretsManagerIdentity =
    | { kind: "aws"; account: string; region: string }
    | { kind: "gcp"; project: string; region?: string }
    | { kind: "azure"; host: string };

export const IDENTITY_FORMATS =
    "aws-secrets-manager:<account>:<region>, gcp-secret-manager:<project>[:<region>] or azure-key-vault:<vault host>";

/** Parses an identity string written in any case and spacing; `undefined` when it is not one. */
export function parseSecretsManagerIdentity(raw: string): SecretsManagerIdentity | undefined {
    const text = raw.trim();
    const colon = text.indexOf(":");
    if (colon < 0) {
        return undefined;
    }
    const scheme = text.slice(0, colon).trim().toLowerCase();
    const rest = text.slice(colon + 1);
    if (scheme === "azure-key-vault") {
        const host = keyVaultHost(rest);
        return host ? { kind: "azure", host } : undefined;
    }
    const parts = rest.split(":").map(normalize);
    if (parts.some((p) => p === "")) {
        return undefined;
    }
    if (scheme === "aws-secrets-manager" && parts.length === 2) {
        return { kind: "aws", account: parts[0], region: parts[1] };
    }
    if (scheme === "gcp-secret-manager" && (parts.length === 1 || parts.length === 2)) {
        const region = parts[1] && parts[1] !== "global" ? parts[1] : undefined;
        return region ? { kind: "gcp", project: parts[0], region } : { kind: "gcp", project: parts[0] };
    }
    return undefined;
}

export function formatSecretsManagerIdentity(id: SecretsManagerIdentity): string {
    switch (id.kind) {
        case "aws":
            return `aws-secrets-manager:${id.account}:${id.region}`;
        case "gcp":
            return id.region ? `gcp-secret-manager:${id.project}:${id.region}` : `gcp-secret-manager:${id.project}`;
        case "azure":
            return `azure-key-vault:${id.host}`;
    }
}

/** The canonical spelling of an identity string, or `undefined` when it is not one. */
export function canonicalSecretsManagerIdentity(raw: string): string | undefined {
    const parsed = parseSecretsManagerIdentity(raw);
    return parsed && formatSecretsManagerIdentity(parsed);
}

/** Lower-case host of a Key Vault URL, accepting a bare host or a URL with path and trailing slashes. */
export function keyVaultHost(vaultUrl: string): string {
    const trimmed = vaultUrl.trim();
    const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
    try {
        return new URL(withScheme).host.toLowerCase().replace(/:443$/, "");
    } catch {
        return trimmed.toLowerCase().replace(/\/+$/, "");
    }
}

function normalize(value: string): string {
    return value.trim().toLowerCase();
}

/** The chart's `secretsManager.type` for each store. */
export const CHART_SECRETS_MANAGER_TYPE = {
    aws: "AWS_SECRET_MANAGER",
    gcp: "GOOGLE_SECRET_MANAGER",
    azure: "AZURE_KEY_VAULT",
} as const;
