/**
 * Whether this process serves the plugin, and under which package version: the switch the plugin's host
 * turns on before serving (plugin/host.ts), kept apart from the resources it governs
 * (`plugin-resources.ts`) so that starting the plugin loads none of the Airbyte client.
 */

/** The plugin package the resources are registered against, as the program's generated SDK names it. */
export interface PluginPackage {
    /** The plugin's version: its schema's `version`, which the generated SDKs send with every registration. */
    version: string;
}

let servingPackage: PluginPackage | undefined;

/**
 * Makes every component in this process register its Airbyte resources as the plugin's custom resources of
 * `pkg`. The plugin's host calls it once, before serving; a TypeScript program never does.
 */
export function serveAirbyteResourcesFromPlugin(pkg: PluginPackage): void {
    servingPackage = { ...pkg };
}

/** Back to dynamic resources (for tests that run both ways in one process). */
export function stopServingAirbyteResourcesFromPlugin(): void {
    servingPackage = undefined;
}

/** The package components register Airbyte resources against, or undefined when they use dynamic resources. */
export function airbyteResourcePackage(): PluginPackage | undefined {
    return servingPackage;
}
