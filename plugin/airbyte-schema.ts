/**
 * The package-schema entries (https://www.pulumi.com/docs/iac/extending-pulumi/schema/) of the Airbyte region and
 * data-plane resources the plugin serves to every Pulumi language. Property names and required-ness are those of
 * the TypeScript `AirbyteRegionArgs` / `AirbyteDataplaneArgs` and the classes' outputs; a test compares them, so
 * the two cannot drift.
 */
import { DEFAULT_AIRBYTE_API_URL } from "../components/airbyte/url";

/** Type token of the plugin's `AirbyteRegion` custom resource. */
export const AIRBYTE_REGION_TOKEN = "flexplane:index:AirbyteRegion";
/** Type token of the plugin's `AirbyteDataplane` custom resource. */
export const AIRBYTE_DATAPLANE_TOKEN = "flexplane:index:AirbyteDataplane";
/** Type token of the application credentials (TypeScript `AirbyteApplicationArgs`). */
export const AIRBYTE_APPLICATION_TYPE_TOKEN = "flexplane:index:AirbyteApplication";
/** Type token of an adopted data plane's own credentials (TypeScript `AirbyteDataplaneCredentialsArgs`). */
export const AIRBYTE_DATAPLANE_CREDENTIALS_TYPE_TOKEN = "flexplane:index:AirbyteDataplaneCredentials";

/** A schema property (the subset of the format these entries use). */
export interface SchemaProperty {
    type?: "string" | "boolean";
    $ref?: string;
    description: string;
    secret?: boolean;
    default?: string | boolean;
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
const ref = (token: string, description: string): SchemaProperty => ({ $ref: `#/types/${token}`, description, secret: true });

/** A client id and secret pair, every value secret. */
function credentials(description: string, whose: string): SchemaObjectType {
    return {
        type: "object",
        description,
        properties: {
            clientId: text(`${whose} client id. Stored as a secret.`, { secret: true }),
            clientSecret: text(`${whose} client secret. Stored as a secret.`, { secret: true }),
        },
        required: ["clientId", "clientSecret"],
    };
}

/** The inputs every Airbyte object takes (TypeScript `AirbyteObjectArgs`); `noun` names the object in descriptions. */
function objectInputs(noun: string): Record<string, SchemaProperty> {
    return {
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

/** The `resources` and `types` entries the plugin's schema adds for the Airbyte resources. */
export const airbyteResourceSchema: { resources: Record<string, SchemaResource>; types: Record<string, SchemaObjectType> } = {
    resources: {
        [AIRBYTE_REGION_TOKEN]: REGION,
        [AIRBYTE_DATAPLANE_TOKEN]: DATAPLANE,
    },
    types: {
        [AIRBYTE_APPLICATION_TYPE_TOKEN]: credentials(
            "An Airbyte application (Settings > Applications); its user must be an organization admin.",
            "The application's",
        ),
        [AIRBYTE_DATAPLANE_CREDENTIALS_TYPE_TOKEN]: credentials(
            "A data plane's own client id and secret, as Airbyte returned them when it created the data plane.",
            "The data plane's",
        ),
    },
};
