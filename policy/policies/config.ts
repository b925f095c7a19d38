import type { PolicyConfigSchema } from "@pulumi/policy";

type JsonSchema = PolicyConfigSchema["properties"][string];

/**
 * The organization-supplied settings of the pack, flattened. In a policy-pack config file each key
 * sits under the one policy whose schema declares it (see `CONFIG_OWNERS`).
 */
export interface PolicyConfig {
    /**
     * Canonical identity of the control plane's secret store, as flexplane's
     * `secretsManagerIdentity` writes it: `aws-secrets-manager:<account>:<region>`,
     * `gcp-secret-manager:<project>[:<region>]` or `azure-key-vault:<vault host>`. No default: a
     * stack with a data plane and no value here fails `secrets-manager-matches-control-plane`.
     */
    controlPlaneSecretsManager?: string;
    /** Namespaces that count as data-plane namespaces besides those of the chart's releases. Default `["airbyte"]`. */
    dataPlaneNamespaces: string[];
    /** `airbyte-data-plane` chart versions allowed. Default 2.0.0, 2.0.1, 2.1.0, 2.1.1, 2.2.0. */
    allowedChartVersions: string[];
    /**
     * Accept IAM policies that reach untagged secrets named `airbyte_*` (the stacks' and components'
     * `secretsManager.aws.allowUntaggedSecrets`). Default `false`.
     */
    allowUntaggedAirbyteSecrets: boolean;
}

export const DEFAULT_POLICY_CONFIG: PolicyConfig = {
    dataPlaneNamespaces: ["airbyte"],
    allowedChartVersions: ["2.0.0", "2.0.1", "2.1.0", "2.1.1", "2.2.0"],
    allowUntaggedAirbyteSecrets: false,
};

/** JSON schema of each config key, as the policies declare it. */
export const CONFIG_PROPERTIES: { [K in keyof PolicyConfig]-?: JsonSchema } = {
    controlPlaneSecretsManager: {
        type: "string",
        minLength: 1,
        description:
            "Canonical identity of the control plane's secret store: aws-secrets-manager:<account>:<region>, " +
            "gcp-secret-manager:<project>[:<region>] or azure-key-vault:<vault host>.",
    },
    dataPlaneNamespaces: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: DEFAULT_POLICY_CONFIG.dataPlaneNamespaces,
        description: "Namespaces treated as data-plane namespaces in addition to those of airbyte-data-plane releases.",
    },
    allowedChartVersions: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: DEFAULT_POLICY_CONFIG.allowedChartVersions,
        description: "Exact airbyte-data-plane chart versions that may be installed.",
    },
    allowUntaggedAirbyteSecrets: {
        type: "boolean",
        default: DEFAULT_POLICY_CONFIG.allowUntaggedAirbyteSecrets,
        description:
            "Accept IAM policies that reach Secrets Manager secrets named airbyte_* without the AirbyteManaged tag " +
            "(only for a control plane that writes untagged secrets, in ACCESS_KEY mode).",
    },
};

/** Which policy declares (and so receives) each config key. */
export const CONFIG_OWNERS: { [K in keyof PolicyConfig]-?: string } = {
    controlPlaneSecretsManager: "secrets-manager-matches-control-plane",
    dataPlaneNamespaces: "data-plane-egress-only",
    allowedChartVersions: "data-plane-chart-pinned",
    allowUntaggedAirbyteSecrets: "secrets-manager-access-tag-scoped",
};

/**
 * The policy's config with the schema defaults filled in. The CLI already applies defaults, but a
 * policy must not depend on a runner doing so.
 */
export function configOf(args: { getConfig<T extends object>(): T }): PolicyConfig {
    const given = args.getConfig<Partial<PolicyConfig>>() ?? {};
    const merged: PolicyConfig = { ...DEFAULT_POLICY_CONFIG };
    for (const [key, value] of Object.entries(given)) {
        if (value !== undefined && key !== "enforcementLevel") {
            (merged as any)[key] = value;
        }
    }
    return merged;
}
