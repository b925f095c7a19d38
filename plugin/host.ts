import * as pulumi from "@pulumi/pulumi";
import { serveAirbyteResourcesFromPlugin } from "../components/airbyte/plugin-package";
import { FlexplaneProvider } from "./provider";

/**
 * Serves the provider on the address the engine passes (`pulumi.provider.main` reads it from the
 * arguments, as pulumi/pulumi `sdk/nodejs/provider/experimental/provider.ts` `componentProviderHost` does).
 */
export function serve(): Promise<void> {
    const provider = new FlexplaneProvider();
    // Components built here register their Airbyte checks as this provider's custom resources, under the
    // version the program's SDK asks for, rather than as dynamic resources a Python or YAML program cannot run.
    serveAirbyteResourcesFromPlugin({ version: provider.version });
    return pulumi.provider.main(provider, process.argv.slice(2));
}
