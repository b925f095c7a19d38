import * as pulumi from "@pulumi/pulumi";
import { FlexplaneProvider } from "./provider";

/**
 * Serves the provider on the address the engine passes (`pulumi.provider.main` reads it from the
 * arguments, as pulumi/pulumi `sdk/nodejs/provider/experimental/provider.ts` `componentProviderHost` does).
 */
export function serve(): Promise<void> {
    return pulumi.provider.main(new FlexplaneProvider(), process.argv.slice(2));
}
