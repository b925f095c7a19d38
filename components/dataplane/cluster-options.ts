import * as pulumi from "@pulumi/pulumi";
import type { DataPlaneArgs, DataPlaneTypeScriptArgs } from "./args";

/** The package name Pulumi keys Kubernetes providers by (`ProviderResource.getPackage()`). */
const KUBERNETES_PACKAGE = "kubernetes";

/**
 * The provider of the cluster DataPlane installs on, wherever the caller put it: the deprecated
 * `kubernetesProvider` argument (a spread `dataPlaneTarget` still carries it), the `provider` resource
 * option, or the `kubernetes` entry of `providers` (map or list). Other languages reach the component
 * through a plugin, whose `construct` hands their `providers` over as the map (pulumi/pulumi
 * `sdk/nodejs/provider/server.ts` `construct`: `providers[pkg] = createProviderResource(ref)`).
 */
export function clusterProvider(
    args: DataPlaneArgs,
    opts: pulumi.ComponentResourceOptions | undefined,
): pulumi.ProviderResource | undefined {
    const legacy = (args as DataPlaneTypeScriptArgs).kubernetesProvider;
    if (legacy) {
        return legacy;
    }
    if (opts?.provider && packageOf(opts.provider) === KUBERNETES_PACKAGE) {
        return opts.provider;
    }
    const providers = opts?.providers;
    const given = Array.isArray(providers)
        ? providers.find((provider) => packageOf(provider) === KUBERNETES_PACKAGE)
        : providers?.[KUBERNETES_PACKAGE];
    // A parent component's providers reach its children too (`Resource.getProvider` is public).
    return given ?? opts?.parent?.getProvider(`${KUBERNETES_PACKAGE}::`);
}

/**
 * The package a provider serves. `ProviderResource.getPackage()` is marked internal in the SDK's typings
 * but exists on every provider object of @pulumi/pulumi 3.x (`sdk/nodejs/resource.ts`, class
 * `ProviderResource`), including the stand-ins a plugin's `construct` builds from references.
 */
function packageOf(provider: pulumi.ProviderResource): string | undefined {
    return (provider as unknown as { getPackage?(): string }).getPackage?.();
}

/**
 * What the Helm release waits for besides DataPlane's own children: the `dependsOn` resource option
 * and the deprecated `dependsOn` argument. Children do not inherit their parent's `dependsOn`: a
 * registration depends only on its own (pulumi/pulumi `sdk/nodejs/runtime/resource.ts` 980,
 * `prepareResource`: `gatherExplicitDependencies(opts.dependsOn)`).
 */
export function releasePrerequisites(
    args: DataPlaneArgs,
    opts: pulumi.ComponentResourceOptions | undefined,
): pulumi.Output<pulumi.Resource[]> {
    const fromOptions = pulumi.output(opts?.dependsOn ?? []);
    const fromArgs = pulumi.output((args as DataPlaneTypeScriptArgs).dependsOn ?? []);
    return pulumi
        .all([fromOptions, fromArgs])
        .apply(([options, legacy]) => [
            ...((Array.isArray(options) ? options : [options]) as pulumi.Resource[]),
            ...(legacy as pulumi.Resource[]),
        ]);
}
