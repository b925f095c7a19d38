import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { AirbyteResourceHandler } from "./airbyte-resources";

/** A component class as the plugin constructs it. */
type ComponentClass = new (name: string, args: any, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/**
 * Each component the schema publishes, loaded only when a program constructs one: a Python program
 * with a GkeCluster never loads the AWS or Azure SDK (bench/plugin-start.ts measures the saving).
 */
export const PLUGIN_COMPONENTS: Record<string, () => ComponentClass> = {
    "flexplane:index:DataPlane": () => require("../components/dataplane/component").DataPlane,
    "flexplane:index:EksCluster": () => require("../components/aws/component").EksCluster,
    "flexplane:index:ControlPlaneSecretsRole": () => require("../components/aws/control-plane-role").ControlPlaneSecretsRole,
    "flexplane:index:GkeCluster": () => require("../components/gcp/component").GkeCluster,
    "flexplane:index:AksCluster": () => require("../components/azure/component").AksCluster,
};

/** The committed schema (tools/plugin/schema.ts writes it; test/plugin/schema.test.ts keeps it current). */
export const SCHEMA_PATH = path.join(__dirname, "schema.json");

interface SchemaProperty {
    secret?: boolean;
    plain?: boolean;
    $ref?: string;
    items?: SchemaProperty;
    additionalProperties?: SchemaProperty;
}
interface PackageSchema {
    name: string;
    version: string;
    resources: Record<
        string,
        { isComponent?: boolean; properties?: Record<string, SchemaProperty>; inputProperties?: Record<string, SchemaProperty> }
    >;
    types: Record<string, { properties?: Record<string, SchemaProperty> }>;
}

/**
 * Flexplane's provider for every Pulumi language: the schema is the committed one, so a start costs no
 * TypeScript analysis; `construct` builds the requested component with the program's inputs and resource
 * options and returns the outputs the schema publishes, secret where it says so; the Airbyte objects are
 * custom resources whose CRUD calls go to their handlers (plugin/airbyte-resources.ts), by the type in the URN.
 */
export class FlexplaneProvider implements pulumi.provider.Provider {
    readonly version: string;
    private readonly schemaText: string;
    private readonly published: PackageSchema;

    constructor(schemaPath: string = SCHEMA_PATH) {
        this.schemaText = fs.readFileSync(schemaPath, "utf8");
        this.published = JSON.parse(this.schemaText) as PackageSchema;
        this.version = this.published.version;
    }

    check: Required<pulumi.provider.Provider>["check"] = (urn, olds, news) => handlerFor(urn).check(urn, olds, news);
    diff: Required<pulumi.provider.Provider>["diff"] = (id, urn, olds, news) => handlerFor(urn).diff(id, urn, olds, news);
    create: Required<pulumi.provider.Provider>["create"] = (urn, inputs) => handlerFor(urn).create(urn, inputs);
    read: Required<pulumi.provider.Provider>["read"] = (id, urn, props) => handlerFor(urn).read(id, urn, props);
    update: Required<pulumi.provider.Provider>["update"] = (id, urn, olds, news) => handlerFor(urn).update(id, urn, olds, news);
    delete: Required<pulumi.provider.Provider>["delete"] = (id, urn, props) => handlerFor(urn).delete(id, urn, props);

    async getSchema(): Promise<string> {
        return this.schemaText;
    }

    async construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<pulumi.provider.ConstructResult> {
        const load = PLUGIN_COMPONENTS[type];
        const published = this.published.resources[type];
        if (!load || !published?.isComponent) {
            throw new Error(`flexplane has no component ${type}: it serves ${Object.keys(PLUGIN_COMPONENTS).join(", ")}.`);
        }
        const Component = load();
        const args = await plainArguments(inputs, published.inputProperties ?? {}, this.published);
        const instance = new Component(name, args, options) as unknown as Record<string, unknown> & pulumi.ComponentResource;
        const state: pulumi.Inputs = {};
        for (const [key, property] of Object.entries(published.properties ?? {})) {
            const value = instance[key] as pulumi.Input<unknown> | undefined;
            state[key] = property.secret && value !== undefined ? pulumi.secret(value) : value;
        }
        return { urn: instance.urn, state };
    }
}

/** The handler for `urn:pulumi:<stack>::<project>::<parent types$><type>::<name>`. */
function handlerFor(urn: string): AirbyteResourceHandler {
    // Loaded on the first call, like the components: a program without Airbyte resources never loads the client.
    const handlers: Record<string, AirbyteResourceHandler> = require("./airbyte-resources").airbyteResourceHandlers;
    const type = urn.split("::")[2]?.split("$").pop() ?? "";
    const handler = handlers[type];
    if (!handler) {
        throw new Error(`flexplane has no custom resource ${type}: it serves ${Object.keys(handlers).join(", ")}.`);
    }
    return handler;
}

/** What the SDK's `Output` has besides its typings (pulumi/pulumi `sdk/nodejs/output.ts`, class `OutputImpl`). */
interface OutputState {
    isKnown: Promise<boolean>;
    promise(withUnknowns?: boolean): Promise<unknown>;
}

/**
 * The inputs with every plain argument a plain value again. A secret nested in a plain argument (an access
 * key inside `secretsManager`) makes the whole argument arrive as one secret Output when the program's SDK
 * sends secrets without output values (pulumi/pulumi `sdk/nodejs/runtime/rpc.ts` `deserializeProperty`
 * pushes secretness "up to the top level"), but the components read plain arguments synchronously to check
 * them before creating anything. The value is awaited (a plain argument is always known) and the fields the
 * schema marks secret are made secrets again.
 */
export async function plainArguments(
    inputs: pulumi.Inputs,
    properties: Record<string, SchemaProperty>,
    schema: Pick<PackageSchema, "types">,
): Promise<pulumi.Inputs> {
    const args: pulumi.Inputs = { ...inputs };
    for (const [key, property] of Object.entries(properties)) {
        const value = args[key];
        if (!property.plain || !pulumi.Output.isInstance(value)) continue;
        const output = value as unknown as OutputState;
        if (!(await output.isKnown)) continue;
        args[key] = secretFields(await output.promise(), property, schema);
    }
    return args;
}

/** `value` with every field the schema marks secret wrapped in `pulumi.secret`. */
function secretFields(value: unknown, property: SchemaProperty, schema: Pick<PackageSchema, "types">): unknown {
    if (value === undefined || value === null) return value;
    if (property.secret) return pulumi.secret(value);
    if (Array.isArray(value)) return property.items ? value.map((item) => secretFields(item, property.items!, schema)) : value;
    const fields = property.$ref?.startsWith("#/types/") ? schema.types[property.$ref.slice("#/types/".length)]?.properties : undefined;
    if (!fields || typeof value !== "object") return value;
    return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fields[k] ? secretFields(v, fields[k], schema) : v]),
    );
}
