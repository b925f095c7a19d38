/** Arguments and checks shared by the `AirbyteRegion` and `AirbyteDataplane` resource classes. */
import * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { checkApiUrl, DEFAULT_AIRBYTE_API_URL } from "./url";

/** An Airbyte application (Settings > Applications); its user must be an organization admin. */
export interface AirbyteApplicationArgs {
    /** The application's client id. Stored in state as a secret. */
    clientId: pulumi.Input<string>;
    /** The application's client secret. Stored in state as a secret; read it with `config.requireSecret`. */
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records problems with the plain (already known) connection arguments. */
export function checkConnectionArgs(problems: InputProblems, args: AirbyteConnectionArgs | undefined): void {
    if (typeof args?.apiUrl === "string") {
        const checked = checkApiUrl(args.apiUrl);
        if ("problem" in checked) {
            problems.add("apiUrl", checked.problem);
        }
    }
    const application = args?.application;
    for (const key of ["clientId", "clientSecret"] as const) {
        const value = application?.[key];
        if (value === undefined || value === null || value === "") {
            problems.add(
                `application.${key}`,
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
    if (typeof value === "string" && value !== "" && !UUID.test(value)) {
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

/** `opts` with `keys` added to its `additionalSecretOutputs`. */
export function withSecretOutputs(
    opts: pulumi.CustomResourceOptions | undefined,
    keys: string[],
): pulumi.CustomResourceOptions {
    const existing = opts?.additionalSecretOutputs ?? [];
    return { ...opts, additionalSecretOutputs: [...existing, ...keys.filter((k) => !existing.includes(k))] };
}
