/**
 * Where the Airbyte resources a component creates are served from. A TypeScript program runs them as dynamic
 * resources (`pulumi-nodejs:dynamic/...`), served by the engine's `pulumi-nodejs` provider. Inside the Flexplane
 * plugin, serving a Python, Go, .NET, Java or YAML program, that provider cannot start: it resolves `@pulumi/pulumi`
 * from the program's folder, which has none. So the plugin's host turns on `serveAirbyteResourcesFromPlugin` before
 * serving, and components then register the same resources as custom resources of package `flexplane`
 * (`flexplane:index:AirbyteDataplaneCredentialCheck`, ...), which the plugin's own provider serves.
 *
 * How the engine finds that provider (pulumi/pulumi, pkg/resource/deploy/source_eval.go `RegisterResource`): for a
 * custom resource it parses a provider request from the token's package and the registration's `version` and
 * `pluginDownloadURL`; with no explicit provider (none is passed to `construct` unless the program gave one) it takes
 * the default provider for that request (default_providers.go `handleRequest`, keyed by package, version and URL).
 * The program registered the component with the version its generated SDK carries (the schema's: `pulumi package
 * add` turns `SupportPack` on), so registering with the same version and URL reuses that provider and plugin process
 * instead of starting a second `default` provider.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    AirbyteDataplaneCredentialCheck,
    AirbyteDataplaneCredentialCheckArgs,
    CREDENTIAL_CHECK_SECRET_OUTPUTS,
    credentialCheckProps,
} from "./credential-check";
import { AirbyteDataplaneHealthCheck, AirbyteDataplaneHealthCheckArgs, healthCheckProps } from "./health-check";
import { AIRBYTE_CREDENTIAL_CHECK_TOKEN, AIRBYTE_HEALTH_CHECK_TOKEN } from "./kinds";
import { AirbyteConnectionArgs, withSecretOutputs } from "./resource-common";
import { DEFAULT_AIRBYTE_API_URL } from "./url";
import { airbyteResourcePackage, PluginPackage } from "./plugin-package";

/** A custom resource of the plugin, registered with the serving package's version, `secretOutputs` kept secret. */
class AirbytePluginResource extends pulumi.CustomResource {
    constructor(
        token: string,
        name: string,
        props: pulumi.Inputs,
        opts: pulumi.CustomResourceOptions | undefined,
        secretOutputs: string[],
        pkg: PluginPackage,
    ) {
        super(token, name, props, {
            ...withSecretOutputs(opts, secretOutputs),
            version: opts?.version ?? pkg.version,
        });
    }
}

/** The connection inputs in the schema's shape (`application: { clientId, clientSecret }`), the credentials secret. */
function schemaConnectionProps(args: AirbyteConnectionArgs): pulumi.Inputs {
    return {
        apiUrl: args.apiUrl ?? DEFAULT_AIRBYTE_API_URL,
        application: pulumi.secret(pulumi.output(args.application)),
    };
}

/** An `AirbyteDataplaneCredentialCheck`, dynamic or served by the plugin. */
export function newCredentialCheck(
    name: string,
    args: AirbyteDataplaneCredentialCheckArgs,
    opts: pulumi.CustomResourceOptions,
): pulumi.CustomResource {
    const pkg = airbyteResourcePackage();
    if (!pkg) {
        return new AirbyteDataplaneCredentialCheck(name, args, opts);
    }
    return new AirbytePluginResource(
        AIRBYTE_CREDENTIAL_CHECK_TOKEN,
        name,
        credentialCheckProps(args),
        opts,
        CREDENTIAL_CHECK_SECRET_OUTPUTS,
        pkg,
    );
}

/** An `AirbyteDataplaneHealthCheck`, dynamic or served by the plugin; `status` is `HEALTHY` once it succeeded. */
export function newHealthCheck(
    name: string,
    args: AirbyteDataplaneHealthCheckArgs,
    opts: pulumi.CustomResourceOptions,
): pulumi.CustomResource & { status: pulumi.Output<string> } {
    const pkg = airbyteResourcePackage();
    if (!pkg) {
        return new AirbyteDataplaneHealthCheck(name, args, opts);
    }
    const props = healthCheckProps(args, schemaConnectionProps(args));
    return new AirbytePluginResource(AIRBYTE_HEALTH_CHECK_TOKEN, name, props, opts, ["application"], pkg) as AirbytePluginResource & {
        status: pulumi.Output<string>;
    };
}
