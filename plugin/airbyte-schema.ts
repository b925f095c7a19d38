/**
 * The package-schema entries (https://www.pulumi.com/docs/iac/extending-pulumi/schema/) of the Airbyte region and
 * data-plane resources the plugin serves to every Pulumi language. Property names and required-ness are those of
 * the TypeScript `AirbyteRegionArgs` / `AirbyteDataplaneArgs` and the classes' outputs; a test compares them, so
 * the two cannot drift.
 */
import { DEFAULT_HEALTH_POLL_SECONDS, DEFAULT_HEALTH_TIMEOUT_SECONDS } from "../components/airbyte/health-check";
import {
    AIRBYTE_CREDENTIAL_CHECK_TOKEN,
    AIRBYTE_DATAPLANE_TOKEN,
    AIRBYTE_HEALTH_CHECK_TOKEN,
    AIRBYTE_REGION_TOKEN,
    AIRBYTE_WORKSPACE_REGION_TOKEN,
} from "../components/airbyte/kinds";
import { DEFAULT_AIRBYTE_API_URL } from "../components/airbyte/url";
/**
 * Type tokens of the object types, named as Pulumi's component analyzer names the type of a TypeScript interface
 * (`flexplane:index:<interface name>`), so that a type the components' schema already has is one type, not two.
 */
export const AIRBYTE_APPLICATION_TYPE_TOKEN = "flexplane:index:AirbyteApplicationArgs";
export const AIRBYTE_DATAPLANE_CREDENTIALS_TYPE_TOKEN = "flexplane:index:AirbyteDataplaneCredentialsArgs";

/** A schema property (the subset of the format these entries use). */
export interface SchemaProperty {
    type?: "string" | "boolean" | "integer";
    $ref?: string;
    description: string;
    secret?: boolean;
    default?: string | boolean | number;
}

/** A schema object type. */
export interface SchemaObjectType {
    type: "object";
    description: string;
    properties: Record<string, SchemaProperty>;
    required: string[];
}

/** A schema custom resource. */
export interface SchemaResource {
    description: string;
    inputProperties: Record<string, SchemaProperty>;
    requiredInputs: string[];
    properties: Record<string, SchemaProperty>;
    required: string[];
}

const text = (description: string, extra: Partial<SchemaProperty> = {}): SchemaProperty => ({ type: "string", description, ...extra });
const flag = (description: string, extra: Partial<SchemaProperty> = {}): SchemaProperty => ({ type: "boolean", description, ...extra });
const whole = (description: string, extra: Partial<SchemaProperty> = {}): SchemaProperty => ({ type: "integer", description, ...extra });
const ref = (token: string, description: string): SchemaProperty => ({ $ref: `#/types/${token}`, description, secret: true });

/** A client id and secret pair, every value secret; the descriptions are the TypeScript interface's, word for word. */
function credentials(description: string, clientId: string, clientSecret: string): SchemaObjectType {
    return {
        type: "object",
        description,
        properties: {
            clientId: text(clientId, { secret: true }),
            clientSecret: text(clientSecret, { secret: true }),
        },
        required: ["clientId", "clientSecret"],
    };
}

/** The connection inputs every resource calling the public API takes (TypeScript `AirbyteConnectionArgs`). */
const CONNECTION_INPUTS: Record<string, SchemaProperty> = {
    apiUrl: text(
        "Base URL of Airbyte's public API. Airbyte Cloud: `https://api.airbyte.com/v1`; a self-managed control plane " +
            "serves it at `https://<host>/api/public/v1`. Must be https (http only for loopback hosts).",
        { default: DEFAULT_AIRBYTE_API_URL },
    ),
    application: ref(
        AIRBYTE_APPLICATION_TYPE_TOKEN,
        "Airbyte application (Settings > Applications) whose token authenticates every call; its user must be an " +
            "organization admin. Stored as a secret.",
    ),
};

/** The inputs every Airbyte object takes (TypeScript `AirbyteObjectArgs`); `noun` names the object in descriptions. */
function objectInputs(noun: string): Record<string, SchemaProperty> {
    return {
        ...CONNECTION_INPUTS,
        name: text(`Name of the ${noun} as Airbyte shows it, at most 255 characters; updated in place.`),
        enabled: flag(`Whether Airbyte uses the ${noun}; updated in place. Unset leaves Airbyte's default (enabled).`),
        importId: text(
            `Id of an existing live ${noun} to adopt instead of creating one. Read only at creation; deleting the ` +
                `resource deletes the adopted ${noun}.`,
        ),
    };
}

/** The outputs every Airbyte object has. */
function objectOutputs(noun: string): Record<string, SchemaProperty> {
    return {
        name: text(`The name of the ${noun} as Airbyte shows it.`),
        enabled: flag(`Whether Airbyte uses the ${noun}.`),
        apiUrl: text("The normalized API base URL the resource calls."),
        createdAt: text(`When Airbyte created the ${noun}, if it says.`),
        updatedAt: text(`When Airbyte last changed the ${noun}, if it says.`),
    };
}

const OBJECT_REQUIRED_INPUTS = ["application", "name"];
const OBJECT_REQUIRED_OUTPUTS = ["name", "enabled", "apiUrl"];

const REGION: SchemaResource = {
    description:
        "An Airbyte region: the unit that workspaces are tied to and that data planes belong to. Created, renamed, enabled " +
        "or disabled and deleted through Airbyte's public API with the application's credentials. Region names stay " +
        "reserved in Airbyte after a delete; Flexplane renames a region before deleting it so the name can be reused.",
    inputProperties: {
        ...objectInputs("region"),
        organizationId: text("Id (UUID) of the Airbyte organization that owns the region. Changing it replaces the region."),
        deleteDataplanes: flag(
            "Delete the region even when it still has data planes (Airbyte deletes them with it, which disconnects them); " +
                "without this, deleting such a region fails and names them. Updated in place.",
            { default: false },
        ),
    },
    requiredInputs: [...OBJECT_REQUIRED_INPUTS, "organizationId"],
    properties: {
        ...objectOutputs("region"),
        regionId: text("The region's id (UUID), also the resource id."),
        organizationId: text("Id of the organization that owns the region."),
    },
    required: [...OBJECT_REQUIRED_OUTPUTS, "regionId", "organizationId"],
};

const DATAPLANE: SchemaResource = {
    description:
        "An Airbyte data plane registered in a region. Its `clientId` and `clientSecret` come only from Airbyte's answer " +
        "to the create and live on as secret outputs in the stack's state; losing the state means deleting the data " +
        "plane in Airbyte and creating a new one.",
    inputProperties: {
        ...objectInputs("data plane"),
        regionId: text("Id (UUID) of the Airbyte region the data plane serves. Changing it replaces the data plane (new credentials)."),
        importedCredentials: ref(
            AIRBYTE_DATAPLANE_CREDENTIALS_TYPE_TOKEN,
            "The client id and secret of the data plane adopted with `importId`, as noted when it was created: Airbyte " +
                "cannot return an existing data plane's credentials. Only with `importId`. Stored as secrets.",
        ),
    },
    requiredInputs: [...OBJECT_REQUIRED_INPUTS, "regionId"],
    properties: {
        ...objectOutputs("data plane"),
        dataplaneId: text("The data plane's id (UUID), also the resource id."),
        regionId: text("Id of the region the data plane serves."),
        clientId: text(
            "The data plane's own client id: what the chart's launcher authenticates with. Empty for a data plane adopted " +
                "without `importedCredentials`.",
            { secret: true },
        ),
        clientSecret: text("The data plane's own client secret. Empty for a data plane adopted without `importedCredentials`.", {
            secret: true,
        }),
    },
    required: [...OBJECT_REQUIRED_OUTPUTS, "dataplaneId", "regionId"],
};

const CREDENTIAL_CHECK: SchemaResource = {
    description:
        "Exchanges a data plane's client id and secret for a token at `<airbyteUrl>/api/v1/dataplanes/token`, as the " +
        "chart's launcher does first, and fails with the fix when the control plane refuses them. Runs again whenever " +
        "the URL or the credentials change; refresh and delete make no call. DataPlane creates one before its release.",
    inputProperties: {
        airbyteUrl: text("The control plane's web address, as the chart gets it (`airbyteUrl`)."),
        clientId: text("The data plane's client id. Stored as a secret.", { secret: true }),
        clientSecret: text("The data plane's client secret. Stored as a secret.", { secret: true }),
    },
    requiredInputs: ["airbyteUrl", "clientId", "clientSecret"],
    properties: {
        tokenEndpoint: text("The endpoint the exchange went to."),
    },
    required: ["tokenEndpoint"],
};

const HEALTH_CHECK: SchemaResource = {
    description:
        "Waits, bounded, until the control plane reports the data plane HEALTHY (a launcher heartbeat within the last " +
        "60 s), and fails with what it saw and what to check. Waits again on every change of its inputs, a new release " +
        "revision among them; refresh and delete make no call. The health endpoint is for organization admins.",
    inputProperties: {
        ...CONNECTION_INPUTS,
        airbyteUrl: text("The control plane's web address (the chart's `airbyteUrl`); the health endpoint is below it."),
        dataplaneId: text("The data plane to wait for."),
        organizationId: text("The organization the data plane belongs to. Give it, or `regionId` (one more call to look it up)."),
        regionId: text("The data plane's region, when `organizationId` is not given."),
        timeoutSeconds: whole("Seconds to wait for HEALTHY, 1 to 3600.", { default: DEFAULT_HEALTH_TIMEOUT_SECONDS }),
        pollSeconds: whole("Seconds between two questions to the control plane.", { default: DEFAULT_HEALTH_POLL_SECONDS }),
        namespace: text("Where the launcher runs, named in the message when it never reports."),
        launcherDeployment: text("The launcher's Deployment, named in the message when it never reports."),
        revision: text("Any value that changes with the release (its revision), so each new release is waited for."),
    },
    requiredInputs: ["application", "airbyteUrl", "dataplaneId"],
    properties: {
        status: text("`HEALTHY` once the wait succeeded."),
        lastHeartbeatAt: text("When the launcher's last heartbeat arrived (ISO 8601)."),
        dataplaneVersion: text("The launcher's version, as the control plane reports it."),
    },
    required: ["status"],
};

const WORKSPACE_REGION: SchemaResource = {
    description:
        "Keeps a workspace in an Airbyte region: its connections then run on that region's data planes. The " +
        "application's user needs to be an organization admin (or an editor of the workspace). Deleting the resource " +
        "leaves the workspace where it is; move it elsewhere before deleting its region.",
    inputProperties: {
        ...CONNECTION_INPUTS,
        workspaceId: text("The workspace (UUID) to move. Changing it means another workspace (replace)."),
        organizationId: text("The organization the region belongs to (UUID); the region is looked up in its list."),
        regionId: text("The region (UUID) the workspace's connections run in, e.g. an `AirbyteRegion`'s `regionId`. Updated in place."),
    },
    requiredInputs: ["application", "workspaceId", "organizationId", "regionId"],
    properties: {
        workspaceId: text("The workspace's id, also the resource id."),
        regionId: text("The region the workspace is in; absent after a refresh found it moved elsewhere (the next update moves it back)."),
        dataResidency: text("The region's name as the workspace shows it (lower case)."),
    },
    required: ["workspaceId", "dataResidency"],
};

/** The `resources` and `types` entries the plugin's schema adds for the Airbyte resources. */
export const airbyteResourceSchema: { resources: Record<string, SchemaResource>; types: Record<string, SchemaObjectType> } = {
    resources: {
        [AIRBYTE_REGION_TOKEN]: REGION,
        [AIRBYTE_DATAPLANE_TOKEN]: DATAPLANE,
        [AIRBYTE_CREDENTIAL_CHECK_TOKEN]: CREDENTIAL_CHECK,
        [AIRBYTE_HEALTH_CHECK_TOKEN]: HEALTH_CHECK,
        [AIRBYTE_WORKSPACE_REGION_TOKEN]: WORKSPACE_REGION,
    },
    types: {
        [AIRBYTE_APPLICATION_TYPE_TOKEN]: credentials(
            "An Airbyte application (Settings > Applications); its user must be an organization admin.",
            "The application's client id. Stored in state as a secret.",
            "The application's client secret. Stored in state as a secret; read it with `config.requireSecret`.",
        ),
        [AIRBYTE_DATAPLANE_CREDENTIALS_TYPE_TOKEN]: credentials(
            "A data plane's own client id and secret, as Airbyte returned them when it created the data plane.",
            "The data plane's client id. Stored as a secret.",
            "The data plane's client secret. Stored as a secret.",
        ),
    },
};
