/**
 * The Airbyte resources (region, data plane, workspace region, and the checks `DataPlane` makes) as custom resources
 * of the plugin, so that every Pulumi language can use them.
 * Inside a component served by the plugin, a `pulumi.dynamic.Resource` would need the engine's `pulumi-nodejs`
 * provider, which resolves `@pulumi/pulumi` from the consuming program's folder: a Python or YAML program has none.
 * Here the plugin's own provider runs the very operations the dynamic providers run (`createRegionProvider`,
 * `createDataplaneProvider`, ...); this module only translates between the schema's shape and theirs.
 *
 * The engine hands a nodejs provider raw wire values (pulumi/pulumi sdk/nodejs/provider/server.ts: `check`, `create`
 * etc. call `toJavaScript()` on the request and `Struct.fromJavaScript` on the answer, and `configure` accepts
 * secrets): secrets arrive wrapped in the secret signature, unknowns as the unknown sentinel, and the engine marks
 * nothing secret on the way back (sdk/go/common/resource/plugin/provider_plugin.go `Create`: `annotateSecrets` only
 * when the provider does not accept secrets). So credentials are unwrapped here and every secret output is wrapped.
 */
import * as pulumi from "@pulumi/pulumi";
import { CREDENTIAL_CHECK_SECRET_OUTPUTS, createCredentialCheckProvider } from "../components/airbyte/credential-check";
import { createDataplaneProvider, DATAPLANE_SECRET_OUTPUTS, validateDataplaneArgs } from "../components/airbyte/dataplane";
import { createHealthCheckProvider } from "../components/airbyte/health-check";
import { ProviderClientOptions, UNKNOWN } from "../components/airbyte/provider-common";
import { createRegionProvider, validateRegionArgs } from "../components/airbyte/region";
import { APPLICATION_SECRET_OUTPUTS } from "../components/airbyte/resource-common";
import { createWorkspaceRegionProvider, validateWorkspaceRegionArgs } from "../components/airbyte/workspace";
import {
    AIRBYTE_CREDENTIAL_CHECK_TOKEN,
    AIRBYTE_DATAPLANE_TOKEN,
    AIRBYTE_HEALTH_CHECK_TOKEN,
    AIRBYTE_REGION_TOKEN,
    AIRBYTE_WORKSPACE_REGION_TOKEN,
} from "../components/airbyte/kinds";

/** The CRUD operations of one resource type, with `pulumi.provider.Provider`'s signatures. */
export type AirbyteResourceHandler = Required<Pick<pulumi.provider.Provider, "check" | "diff" | "create" | "read" | "update" | "delete">>;

type Bag = Record<string, any>;

/**
 * The schema's nested credential objects and the dynamic providers' flat keys for their fields: the schema follows
 * the TypeScript arguments (`application: { clientId, clientSecret }`), the providers' state is flat.
 */
const NESTED: Record<string, { clientId: string; clientSecret: string }> = {
    application: { clientId: "applicationClientId", clientSecret: "applicationClientSecret" },
    importedCredentials: { clientId: "importedClientId", clientSecret: "importedClientSecret" },
};

/** The schema's path for a provider's flat key, e.g. `applicationClientId` -> `application.clientId`. */
function schemaPath(flatKey: string): string {
    for (const [outer, fields] of Object.entries(NESTED)) {
        for (const [field, flat] of Object.entries(fields)) {
            if (flat === flatKey) {
                return `${outer}.${field}`;
            }
        }
    }
    return flatKey;
}

/** `value` marked secret on the wire (pulumi/pulumi sdk/nodejs/runtime/rpc.ts `specialSigKey`, `specialSecretSig`). */
function wireSecret(value: unknown): unknown {
    return value === undefined ? undefined : { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value };
}

/** `value` with every wire secret unwrapped and every null dropped (a language's "not set"). */
function plain(value: unknown): any {
    if (pulumi.runtime.isRpcSecret(value)) {
        return plain(pulumi.runtime.unwrapRpcSecret(value));
    }
    if (Array.isArray(value)) {
        return value.map(plain);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([, v]) => v !== null && v !== undefined)
                .map(([k, v]) => [k, plain(v)]),
        );
    }
    return value;
}

/** The dynamic providers' flat state for a property bag in the schema's shape (inputs or state). */
function toProviderState(bag: Bag | undefined): Bag {
    const flat: Bag = plain(bag ?? {});
    for (const [outer, fields] of Object.entries(NESTED)) {
        const nested = flat[outer];
        delete flat[outer];
        for (const [field, flatKey] of Object.entries(fields)) {
            const value = nested === UNKNOWN ? UNKNOWN : nested?.[field];
            if (value !== undefined) {
                flat[flatKey] = value;
            }
        }
    }
    return flat;
}

/** A property bag in the schema's shape for the providers' flat `state`, each of `secretKeys` (flat names) secret. */
function fromProviderState(state: Bag | undefined, secretKeys: readonly string[]): Bag {
    const bag: Bag = { ...(state ?? {}) };
    for (const [outer, fields] of Object.entries(NESTED)) {
        const values = Object.entries(fields).map(([field, flatKey]) => {
            const value = bag[flatKey];
            delete bag[flatKey];
            return [field, secretKeys.includes(flatKey) ? wireSecret(value) : value] as const;
        });
        const given = values.filter(([, value]) => value !== undefined);
        if (given.length === 0) {
            continue;
        }
        const allUnknown = Object.values(fields).every((flatKey) => state?.[flatKey] === UNKNOWN);
        bag[outer] = allUnknown ? UNKNOWN : Object.fromEntries(given);
    }
    for (const key of secretKeys.filter((k) => !schemaPath(k).includes(".") && bag[k] !== undefined)) {
        bag[key] = wireSecret(bag[key]);
    }
    return bag;
}

/** `inputs` for an argument validator: unknown values become Outputs, which the validators leave to the provider. */
function asArgs(inputs: unknown): any {
    if (inputs === UNKNOWN) {
        return pulumi.output({});
    }
    if (inputs !== null && typeof inputs === "object" && !Array.isArray(inputs)) {
        return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, asArgs(v)]));
    }
    return inputs;
}

/** The resource's name: the last part of `urn:pulumi:<stack>::<project>::<type>::<name>`. */
function resourceName(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

/**
 * What one resource type adds: its provider's operations, its TypeScript argument validator (none for the checks,
 * whose arguments `DataPlane` validates under its own paths) and its secret outputs.
 */
interface AirbyteResourceKind {
    provider: pulumi.dynamic.ResourceProvider<any, any>;
    validate?(name: string, args: any): void;
    secretOutputs: readonly string[];
}

/**
 * The check failures of the TypeScript argument validator (its `InputPropertiesError`, property by property), then
 * the provider's own check for any property the validator did not name (e.g. apiUrl normalization).
 */
async function checkFailures(kind: AirbyteResourceKind, urn: string, news: Bag, providerFailures: pulumi.dynamic.CheckFailure[]) {
    const failures: pulumi.provider.CheckFailure[] = [];
    try {
        kind.validate?.(resourceName(urn), asArgs(plain(news)));
    } catch (error) {
        if (!pulumi.InputPropertiesError.isInstance(error)) {
            throw error;
        }
        failures.push(...error.errors.map((e) => ({ property: e.propertyPath, reason: e.reason })));
    }
    for (const failure of providerFailures) {
        const property = schemaPath(failure.property);
        if (!failures.some((f) => f.property === property)) {
            failures.push({ property, reason: failure.reason });
        }
    }
    return failures;
}

function handlerFor(kind: AirbyteResourceKind): AirbyteResourceHandler {
    const { provider, secretOutputs } = kind;
    const toSchema = (state: Bag | undefined) => fromProviderState(state, secretOutputs);
    return {
        async check(urn, olds, news) {
            const checked = await provider.check!(toProviderState(olds), toProviderState(news));
            return { inputs: toSchema(checked.inputs), failures: await checkFailures(kind, urn, news, checked.failures ?? []) };
        },
        async diff(id, _urn, olds, news) {
            const diff = await provider.diff!(id, toProviderState(olds), toProviderState(news));
            return { ...diff, replaces: diff.replaces?.map(schemaPath) };
        },
        async create(_urn, inputs) {
            const created = await provider.create(toProviderState(inputs));
            return { id: created.id, outs: toSchema(created.outs) };
        },
        async read(id, _urn, props) {
            if (!provider.read) {
                // The checks read nothing: a refresh keeps their state, as the dynamic provider does without `read`.
                return { id, props };
            }
            const read = await provider.read(id, toProviderState(props));
            return { id: read.id, props: toSchema(read.props), inputs: read.inputs === undefined ? undefined : toSchema(read.inputs) };
        },
        async update(id, _urn, olds, news) {
            const updated = await provider.update!(id, toProviderState(olds), toProviderState(news));
            return { outs: toSchema(updated.outs) };
        },
        async delete(id, _urn, props) {
            await provider.delete?.(id, toProviderState(props));
        },
    };
}

/**
 * The handlers of the plugin's Airbyte resources (`flexplane:index:AirbyteRegion`, `...:AirbyteDataplane`,
 * `...:AirbyteDataplaneCredentialCheck`, `...:AirbyteDataplaneHealthCheck`, `...:AirbyteWorkspaceRegion`), by type
 * token, for the plugin's provider to dispatch to. `options` tunes the HTTP client (timeouts, retries, clock), never credentials.
 */
export function createAirbyteResourceHandlers(options: ProviderClientOptions = {}): Record<string, AirbyteResourceHandler> {
    return {
        [AIRBYTE_REGION_TOKEN]: handlerFor({
            provider: createRegionProvider(options),
            validate: validateRegionArgs,
            secretOutputs: APPLICATION_SECRET_OUTPUTS,
        }),
        [AIRBYTE_DATAPLANE_TOKEN]: handlerFor({
            provider: createDataplaneProvider(options),
            validate: validateDataplaneArgs,
            secretOutputs: DATAPLANE_SECRET_OUTPUTS,
        }),
        [AIRBYTE_CREDENTIAL_CHECK_TOKEN]: handlerFor({
            provider: createCredentialCheckProvider(options),
            secretOutputs: CREDENTIAL_CHECK_SECRET_OUTPUTS,
        }),
        [AIRBYTE_HEALTH_CHECK_TOKEN]: handlerFor({
            provider: createHealthCheckProvider(options),
            secretOutputs: APPLICATION_SECRET_OUTPUTS,
        }),
        [AIRBYTE_WORKSPACE_REGION_TOKEN]: handlerFor({
            provider: createWorkspaceRegionProvider(options),
            validate: validateWorkspaceRegionArgs,
            secretOutputs: APPLICATION_SECRET_OUTPUTS,
        }),
    };
}

/** The handlers the plugin serves. */
export const airbyteResourceHandlers = createAirbyteResourceHandlers();
