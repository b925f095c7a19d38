/**
 * Every `flexplane:*` stack config key, one entry each (each cloud's own keys live in its
 * `program/clouds/<cloud>/meta.ts`): the single source for the program's unknown-key
 * and plain-text-secret checks, the `config:` block of Pulumi.yaml (tested to match), the offline plan
 * and docs/configuration.md (tested to match). To add a key, add an entry here, document it there and,
 * when it has a `default`, declare it in Pulumi.yaml.
 *
 * Which keys Pulumi.yaml declares follows the CLI's rules (pulumi/pulumi `pkg/workspace/config.go`,
 * ported in tools/pulumi-cli/config.ts): a declared key with neither `default` nor `value` is required on
 * every stack, and a `secret: true` key that falls back to its plain default fails validation ("must be
 * encrypted as it's secret"). So only non-secret keys with a real default are declared there; required
 * and secret keys are checked by the program, per role and cloud.
 */

import { CLOUD_REGISTRY, CLOUDS, Cloud } from "./clouds/registry";

export { CLOUDS };
export type { Cloud };
export const STACK_ROLES = ["dataPlane", "org"] as const;
export type StackRole = (typeof STACK_ROLES)[number];

/** Pulumi's config types (pulumi/pulumi `sdk/go/common/workspace/project.json`, `simpleConfigType`). */
export type ConfigKeyType = "string" | "boolean" | "integer" | "array" | "object";

export interface ConfigKeySpec {
    /** The key without its `flexplane:` namespace. */
    name: string;
    type: ConfigKeyType;
    /** Holds a credential: set only with `pulumi config set --secret`; never has a default. */
    secret?: boolean;
    /** The value when the key is unset. Keys with one are declared in Pulumi.yaml with `default:`. */
    default?: string | number | boolean | readonly string[] | Record<string, never>;
    /** The default in words, when it is computed rather than fixed (e.g. "the stack name"). */
    defaultText?: string;
    /** Required on every stack whose role and cloud read it. */
    required?: boolean;
    /** Stack roles that read the key. */
    roles: readonly StackRole[];
    /** Region-stack clouds that read the key; every cloud when absent. */
    clouds?: readonly Cloud[];
    /** A value for `pulumi config set` hints. */
    example: string;
    /** One line for Pulumi.yaml and docs/configuration.md. */
    description: string;
}

const REGION: readonly StackRole[] = ["dataPlane"];
const ORG: readonly StackRole[] = ["org"];
const BOTH: readonly StackRole[] = ["dataPlane", "org"];

const COMMON_KEYS: readonly ConfigKeySpec[] = [
    // Every stack.
    {
        name: "role",
        type: "string",
        default: "dataPlane",
        roles: BOTH,
        example: "org",
        description: "What this stack is: dataPlane (a region stack) or org (one per Airbyte organization).",
    },
    {
        name: "airbyteUrl",
        type: "string",
        default: "https://cloud.airbyte.com",
        roles: BOTH,
        example: "https://airbyte.example.com",
        description: "Control-plane base URL, https only.",
    },
    {
        name: "secretsManager",
        type: "object",
        required: true,
        roles: BOTH,
        example: '{aws: {region: us-east-1, accountId: "123456789012", auth: serviceAccount}}',
        description: "The control plane's secret store: exactly one of aws, gcp, azure (see below).",
    },
    {
        name: "airbyteApplicationClientId",
        type: "string",
        secret: true,
        roles: BOTH,
        example: "<application client id>",
        description:
            "Client id of an Airbyte application of an organization admin: the org stack creates regions with it, a region stack registers its data plane.",
    },
    {
        name: "airbyteApplicationClientSecret",
        type: "string",
        secret: true,
        roles: BOTH,
        example: "<application client secret>",
        description: "Client secret of that Airbyte application.",
    },
    {
        name: "airbyteApiUrl",
        type: "string",
        defaultText: "derived from airbyteUrl",
        roles: BOTH,
        example: "https://airbyte.example.com/api/public/v1",
        description: "Public API base URL: https://api.airbyte.com/v1 for Airbyte Cloud, else <airbyteUrl>/api/public/v1.",
    },
    {
        name: "protectAirbyteObjects",
        type: "boolean",
        default: true,
        roles: BOTH,
        example: "false",
        description:
            "Protect the Airbyte regions (org stack) and the registered data plane (region stacks) against deletion and replacement.",
    },

    // Region stacks.
    {
        name: "cloud",
        type: "string",
        required: true,
        roles: REGION,
        example: "aws",
        description: "Where the data plane runs: byo (an existing cluster), aws, gcp or azure.",
    },
    {
        name: "edition",
        type: "string",
        defaultText: "cloud for Airbyte Cloud, else enterprise",
        roles: REGION,
        example: "enterprise",
        description: "The chart's edition: cloud, enterprise or community (see docs/connector-pods.md).",
    },
    {
        name: "namespace",
        type: "string",
        default: "airbyte",
        roles: REGION,
        example: "airbyte",
        description: "Kubernetes namespace of the data plane; one data plane per namespace.",
    },
    {
        name: "serviceAccountName",
        type: "string",
        default: "airbyte-workload-launcher",
        roles: REGION,
        example: "airbyte-workload-launcher",
        description: "Service account of the launcher and connector pods.",
    },
    {
        name: "chartVersion",
        type: "string",
        default: "2.2.0",
        roles: REGION,
        example: "2.2.0",
        description: "airbyte-data-plane chart version, 2.0.0 to 2.2.0.",
    },
    {
        name: "allowUntestedChartVersion",
        type: "boolean",
        default: false,
        roles: REGION,
        example: "true",
        description: "Accept an exact chart version outside 2.0.0-2.2.0.",
    },
    {
        name: "tags",
        type: "object",
        default: {},
        roles: REGION,
        example: "{team: data}",
        description: "Tags (AWS, Azure) or labels (GCP) on every cloud resource.",
    },
    {
        name: "dataPlaneClientId",
        type: "string",
        secret: true,
        defaultText: "required unless the stack registers the data plane",
        roles: REGION,
        example: "<client id from POST /dataplanes>",
        description: "The data plane's client id from Airbyte (POST /dataplanes).",
    },
    {
        name: "dataPlaneClientSecret",
        type: "string",
        secret: true,
        defaultText: "required unless the stack registers the data plane",
        roles: REGION,
        example: "<client secret from POST /dataplanes>",
        description: "The data plane's client secret from Airbyte (POST /dataplanes).",
    },
    {
        name: "secretsManagerAccessKeyId",
        type: "string",
        secret: true,
        roles: REGION,
        example: "<AWS access key id>",
        description: "AWS access key id for the control plane's Secrets Manager, with secretsManager.aws.auth: accessKeys.",
    },
    {
        name: "secretsManagerSecretAccessKey",
        type: "string",
        secret: true,
        roles: REGION,
        example: "<AWS secret access key>",
        description: "Its secret access key.",
    },
    {
        name: "secretsManagerCredentialsJson",
        type: "string",
        secret: true,
        roles: REGION,
        example: '"$(cat key.json)"',
        description: "Service-account JSON key for Google Secret Manager; on gcp stacks the GkeCluster creates one when unset.",
    },
    {
        name: "secretsManagerClientId",
        type: "string",
        secret: true,
        roles: REGION,
        example: "<application (client) id>",
        description: "Service principal client id for Azure Key Vault; on azure stacks the AksCluster creates one when unset.",
    },
    {
        name: "secretsManagerClientSecret",
        type: "string",
        secret: true,
        roles: REGION,
        example: "<client secret>",
        description: "Its client secret.",
    },
    {
        name: "orgStack",
        type: "string",
        roles: REGION,
        example: "acme/flexplane/org",
        description: "The org stack (org/project/stack) to check the secret store against and read Airbyte region ids from.",
    },
    {
        name: "airbyteRegion",
        type: "string",
        roles: REGION,
        example: "us-east",
        description: "Name of the Airbyte region (one of the org stack's airbyteRegions) this data plane serves.",
    },
    {
        name: "haPeers",
        type: "array",
        default: [],
        roles: REGION,
        example: "[aws-us-east-1-b]",
        description: "Stacks of data planes that back this one up; they must share its Airbyte region and secret store.",
    },
    {
        name: "dataPlaneName",
        type: "string",
        defaultText: "the stack name",
        roles: REGION,
        example: "aws-us-east-1",
        description: "The data plane's name in Airbyte when the stack registers it.",
    },
    {
        name: "verifyDataPlaneCredentials",
        type: "boolean",
        default: true,
        roles: REGION,
        example: "false",
        description: "Exchange the data plane's credentials at <airbyteUrl>/api/v1/dataplanes/token before installing the chart.",
    },
    {
        name: "dataPlaneHealthTimeoutSeconds",
        type: "integer",
        default: 300,
        roles: REGION,
        example: "600",
        description:
            "Stacks that register their data plane: seconds to wait after the release for the control plane to report it HEALTHY; 0 does not wait.",
    },

    // The org stack.
    {
        name: "organizationId",
        type: "string",
        required: true,
        roles: ORG,
        example: "5f3c1c1e-8b6a-4c1e-9a0b-0a1b2c3d4e5f",
        description: "The Airbyte organization's UUID.",
    },
    {
        name: "airbyteRegions",
        type: "array",
        default: [],
        roles: ORG,
        example: "[us-east, eu-west]",
        description: "Names of the Airbyte regions to create; region stacks pick one with airbyteRegion.",
    },
    {
        name: "deleteRegionsWithDataplanes",
        type: "boolean",
        default: false,
        roles: ORG,
        example: "true",
        description: "Delete an Airbyte region even when it still has data planes (Airbyte deletes them with it).",
    },
    {
        name: "workspaceRegions",
        type: "object",
        roles: ORG,
        example: "{eu-west: [<workspace id>]}",
        description: "Airbyte region name -> ids of the workspaces to run in that region.",
    },
    {
        name: "controlPlaneRole",
        type: "object",
        roles: ORG,
        example: "{airbytePrincipalArn: arn:aws:iam::000000000000:role/airbyte}",
        description:
            "AWS store in IAM_ROLE mode: {airbytePrincipalArn, dataPlanePrincipalArns?}; creates the role the control plane assumes.",
    },
    {
        name: "controlPlaneExternalId",
        type: "string",
        secret: true,
        defaultText: "required with controlPlaneRole",
        roles: ORG,
        example: "<external id agreed with Airbyte>",
        description: "The external id the control plane presents when it assumes that role.",
    },
];

/** Every key: the common and org keys above, and each cloud's own keys from the cloud registry. */
export const CONFIG_KEYS: readonly ConfigKeySpec[] = [
    ...COMMON_KEYS,
    ...CLOUDS.flatMap((cloud) => CLOUD_REGISTRY[cloud].keys.map((key): ConfigKeySpec => ({ ...key, roles: REGION, clouds: [cloud] }))),
];

/** The namespace of every key above. */
export const NAMESPACE = "flexplane";

const BY_NAME = new Map(CONFIG_KEYS.map((k) => [k.name, k]));

/** The entry for `name` (without namespace), if the key exists. */
export function configKey(name: string): ConfigKeySpec | undefined {
    return BY_NAME.get(name);
}

/** `flexplane:<name>`. */
export function fullKey(name: string): string {
    return `${NAMESPACE}:${name}`;
}

/** Whether a stack with this role (and, for region stacks, cloud) reads the key. */
export function readBy(spec: ConfigKeySpec, role: StackRole, cloud: string | undefined): boolean {
    if (!spec.roles.includes(role)) {
        return false;
    }
    return role !== "dataPlane" || spec.clouds === undefined || (cloud !== undefined && (spec.clouds as readonly string[]).includes(cloud));
}

/** The keys Pulumi.yaml declares: non-secret, with a fixed default. */
export function declaredInProject(spec: ConfigKeySpec): boolean {
    return spec.default !== undefined && spec.secret !== true;
}

/**
 * How to set a key, as a phrase: the quoted command (`--secret` for credentials), or for maps and
 * lists the YAML to add to the stack file.
 */
export function setCommand(spec: ConfigKeySpec): string {
    if (spec.secret) {
        return `\`pulumi config set --secret ${fullKey(spec.name)} ${spec.example}\``;
    }
    if (spec.type === "object" || spec.type === "array") {
        return `add ${fullKey(spec.name)}: ${spec.example} to the stack file (or use \`pulumi config set --path\`)`;
    }
    return `\`pulumi config set ${fullKey(spec.name)} ${spec.example}\``;
}

/** The key's type as docs/configuration.md shows it: secret, list, map, string, boolean. */
export function docsType(spec: ConfigKeySpec): string {
    if (spec.secret) {
        return "secret";
    }
    return spec.type === "array" ? "list" : spec.type === "object" ? "map" : spec.type;
}

/** The key's default as docs/configuration.md shows it. */
export function docsDefault(spec: ConfigKeySpec): string {
    if (spec.default !== undefined) {
        return `\`${typeof spec.default === "string" ? spec.default : JSON.stringify(spec.default)}\``;
    }
    return spec.required ? "required" : (spec.defaultText ?? "none");
}
