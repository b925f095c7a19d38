import type { SecretsManagerSpec } from "./types";

/**
 * One secret store, reduced to what tells it apart from every other store. Every field is
 * canonical: trimmed and lower-case; a GCP store on the global endpoint has no `region`.
 */
export type SecretsManagerIdentity =
    { kind: "aws"; account: string; region: string } | { kind: "gcp"; project: string; region?: string } | { kind: "azure"; host: string };

/** The identity string formats, as error messages show them to a user who wrote one wrong. */
export const SECRETS_MANAGER_IDENTITY_FORMATS =
    "aws-secrets-manager:<account>:<region>, gcp-secret-manager:<project>[:<region>] or azure-key-vault:<vault host>";

/**
 * A canonical string naming one secret store, so that two declarations of the same store compare
 * equal whatever their spelling:
 * - AWS: `aws-secrets-manager:<account>:<region>` (Secrets Manager is regional);
 * - GCP: `gcp-secret-manager:<project>` for the global endpoint, `...:<project>:<region>` for a
 *   regional one (regional secrets are a separate store);
 * - Azure: `azure-key-vault:<vault host>`.
 *
 * Returns `undefined` unless exactly one store is declared; validation reports that case.
 */
export function secretsManagerIdentity(spec: SecretsManagerSpec | undefined): string | undefined {
    const declared = [spec?.aws, spec?.gcp, spec?.azure].filter((s) => s !== undefined);
    if (!spec || declared.length !== 1) {
        return undefined;
    }
    if (spec.aws) {
        return formatSecretsManagerIdentity({ kind: "aws", account: normalize(spec.aws.accountId), region: normalize(spec.aws.region) });
    }
    if (spec.gcp) {
        return formatSecretsManagerIdentity(gcpStore(normalize(spec.gcp.projectId), normalize(spec.gcp.region ?? "")));
    }
    return formatSecretsManagerIdentity({ kind: "azure", host: keyVaultHost(spec.azure!.vaultUrl) });
}

/**
 * Reads an identity string written in any case and spacing (a Key Vault part may be a full URL),
 * for places that receive identities as text, such as the policy pack's configuration.
 * Returns `undefined` when the string is not an identity: an unknown scheme, a missing or empty part.
 */
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
        return gcpStore(parts[0], parts[1] ?? "");
    }
    return undefined;
}

/** The identity string of a store; the inverse of `parseSecretsManagerIdentity` on canonical strings. */
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

/**
 * The canonical spelling of an identity string (what `secretsManagerIdentity` returns for the same
 * store), or `undefined` when it is not one.
 */
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

/** A GCP store from normalized parts: no region, or `global`, is the global endpoint. */
function gcpStore(project: string, region: string): SecretsManagerIdentity {
    return region && region !== "global" ? { kind: "gcp", project, region } : { kind: "gcp", project };
}

function normalize(value: string): string {
    return value.trim().toLowerCase();
}
