import type { SecretsManagerSpec } from "./types";

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
        return `aws-secrets-manager:${normalize(spec.aws.accountId)}:${normalize(spec.aws.region)}`;
    }
    if (spec.gcp) {
        const region = spec.gcp.region ? normalize(spec.gcp.region) : "";
        const project = normalize(spec.gcp.projectId);
        return region && region !== "global"
            ? `gcp-secret-manager:${project}:${region}`
            : `gcp-secret-manager:${project}`;
    }
    return `azure-key-vault:${keyVaultHost(spec.azure!.vaultUrl)}`;
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
