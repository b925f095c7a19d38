/** Arguments and checks shared by the `AirbyteRegion` and `AirbyteDataplane` resource classes. */
import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { isGuid } from "../shared/formats";
import { MAX_NAME_LENGTH } from "./object-provider";
import { checkApiUrl, DEFAULT_AIRBYTE_API_URL } from "./url";

/** An Airbyte application (Settings > Applications); its user must be an organization admin. */
export interface AirbyteApplicationArgs {
    /**
     * The application's client id. Stored in state as a secret.
     * @secret
     */
    clientId: pulumi.Input<string>;
    /**
     * The application's client secret. Stored in state as a secret; read it with `config.requireSecret`.
     * @secret
     */
    clientSecret: pulumi.Input<string>;
}

/** How a resource reaches the control plane's public API. */
export interface AirbyteConnectionArgs {
    /**
     * Base URL of the public API. Airbyte Cloud: `https://api.airbyte.com/v1`; a self-managed control plane
     * serves it at `https://<host>/api/public/v1` (`apiUrlForAirbyteUrl` derives it from the web address).
     * Must be https (http only for loopback hosts).
     *
     * @default "https://api.airbyte.com/v1"
     */
    apiUrl?: pulumi.Input<string>;
    /** Application whose token authenticates every call. Both values are wrapped in `pulumi.secret`. */
    application: AirbyteApplicationArgs;
}

/** Records problems with the plain (already known) connection arguments, under `prefix` (e.g. `connection.waitForHealthy.`). */
export function checkConnectionArgs(problems: InputProblems, args: AirbyteConnectionArgs | undefined, prefix = ""): void {
    if (typeof args?.apiUrl === "string") {
        const checked = checkApiUrl(args.apiUrl);
        if ("problem" in checked) {
            problems.add(`${prefix}apiUrl`, checked.problem);
        }
    }
    const application = args?.application;
    for (const key of ["clientId", "clientSecret"] as const) {
        const value = application?.[key];
        if (value === undefined || value === null || value === "") {
            problems.add(
                `${prefix}application.${key}`,
                `required: the ${key === "clientId" ? "client id" : "client secret"} of an Airbyte application ` +
                    `(Settings > Applications) created by an organization admin; read it from a secret config value.`,
            );
        }
    }
}

/** Records a problem when a plain string argument is empty; Outputs are checked later by the provider. */
export function checkText(problems: InputProblems, path: string, value: pulumi.Input<string> | undefined, what: string): void {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
        problems.add(path, `required: ${what}.`);
    }
}

/** Records a problem when a plain string argument is set and not a UUID. */
export function checkUuid(problems: InputProblems, path: string, value: pulumi.Input<string> | undefined, what: string): void {
    if (typeof value === "string" && value !== "" && !isGuid(value)) {
        problems.add(path, `"${value}" is not a UUID; pass ${what}.`);
    }
}

/** The connection inputs of a dynamic resource, credentials marked secret. */
export function connectionProps(args: AirbyteConnectionArgs): Record<string, pulumi.Input<any>> {
    return {
        apiUrl: args.apiUrl ?? DEFAULT_AIRBYTE_API_URL,
        applicationClientId: pulumi.secret(args.application.clientId),
        applicationClientSecret: pulumi.secret(args.application.clientSecret),
    };
}

/** The outputs of every resource that calls the API as the application: its credentials. */
export const APPLICATION_SECRET_OUTPUTS = ["applicationClientId", "applicationClientSecret"];

/** `opts` with `keys` added to its `additionalSecretOutputs`. */
export function withSecretOutputs(opts: pulumi.CustomResourceOptions | undefined, keys: string[]): pulumi.CustomResourceOptions {
    const existing = opts?.additionalSecretOutputs ?? [];
    return { ...opts, additionalSecretOutputs: [...existing, ...keys.filter((k) => !existing.includes(k))] };
}

/**
 * `opts` with `protect` on unless the caller decided: an Airbyte region or data plane is not lightly deleted or
 * replaced (a data plane's credentials exist only in the state; a region's deletion takes its data planes).
 */
export function protectedByDefault(opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
    return { ...opts, protect: opts?.protect ?? true };
}

/** The arguments every Airbyte object (region, data plane) takes besides its parent. */
export interface AirbyteObjectArgs extends AirbyteConnectionArgs {
    /**
     * Name as Airbyte shows it, at most 255 characters; updated in place. Region names are unique within the
     * organization, deleted regions included; Airbyte allows data planes of the same name, Flexplane refuses to create
     * one next to a live namesake in its region (so a retried create can never leave a duplicate).
     */
    name: pulumi.Input<string>;
    /**
     * Whether Airbyte uses the object (workspaces may use a region; a data plane takes work); updated in place.
     *
     * @default Airbyte's default (enabled)
     */
    enabled?: pulumi.Input<boolean>;
    /**
     * Id of an existing live object to adopt instead of creating one (Pulumi's `import` option cannot reach a
     * dynamic provider). It must be listed in the given parent. Read only at creation; deleting the resource
     * deletes the adopted object.
     */
    importId?: pulumi.Input<string>;
}

/** What the argument checks of one kind of Airbyte object say about it. */
export interface ObjectArgsRules {
    /** How messages name the object, e.g. "data plane". */
    noun: string;
    /** A name to show in the fix, e.g. "aws-us-east-1". */
    exampleName: string;
    /** The argument naming the parent, with what to pass when it is missing and when it is not a UUID. */
    parent: { key: string; missing: string; notUuid: string };
}

/** Records problems with the plain arguments every Airbyte object has: connection, parent id, name, importId. */
export function checkObjectArgs(problems: InputProblems, args: AirbyteObjectArgs | undefined, rules: ObjectArgsRules): void {
    const parentId = (args as Record<string, pulumi.Input<string> | undefined> | undefined)?.[rules.parent.key];
    checkConnectionArgs(problems, args);
    checkText(problems, rules.parent.key, parentId, rules.parent.missing);
    checkUuid(problems, rules.parent.key, parentId, rules.parent.notUuid);
    checkText(problems, "name", args?.name, `the ${rules.noun}'s name, e.g. "${rules.exampleName}"`);
    if (typeof args?.name === "string" && args.name.length > MAX_NAME_LENGTH) {
        problems.add("name", `is ${args.name.length} characters long; Airbyte stores at most ${MAX_NAME_LENGTH}.`);
    }
    checkUuid(problems, "importId", args?.importId, `the id (UUID) of the ${rules.noun} to adopt, or leave importId unset`);
}

/** The inputs every Airbyte object registers: its kind, connection, name, enabled, importId and its own `props`. */
export function objectProps(kind: string, args: AirbyteObjectArgs, props: pulumi.Inputs): pulumi.Inputs {
    return {
        __kind: kind,
        ...connectionProps(args),
        name: args.name,
        enabled: args.enabled,
        importId: args.importId,
        ...props,
        createdAt: undefined,
        updatedAt: undefined,
    };
}

/** The outputs every Airbyte object resource has, and how it registers with its dynamic provider. */
export abstract class AirbyteObjectResource extends pulumi.dynamic.Resource {
    /** The name as Airbyte shows it. */
    declare readonly name: pulumi.Output<string>;
    /** Whether Airbyte uses the object. */
    declare readonly enabled: pulumi.Output<boolean>;
    /** The normalized API base URL the resource calls. */
    declare readonly apiUrl: pulumi.Output<string>;
    declare readonly createdAt: pulumi.Output<string | undefined>;
    declare readonly updatedAt: pulumi.Output<string | undefined>;

    /** Registers as `flexplane:<type>`, with `secretOutputs` added to the caller's additionalSecretOutputs. */
    protected constructor(
        type: string,
        provider: pulumi.dynamic.ResourceProvider,
        name: string,
        props: pulumi.Inputs,
        opts: pulumi.CustomResourceOptions | undefined,
        secretOutputs: string[],
    ) {
        super(provider, name, props, withSecretOutputs(opts, secretOutputs), "flexplane", type);
    }
}
