import * as pulumi from "@pulumi/pulumi";

// The chart's service account, Role and Secret names are fixed per release namespace, so two data
// planes in one namespace of one cluster overwrite each other.
const claims = new WeakMap<object, Map<string, string>>();

/** Records that `owner` installs into `namespace` on the cluster behind `provider`; throws if taken. */
export function claimNamespace(owner: string, provider: object | undefined, namespace: string): void {
    if (!provider) {
        return;
    }
    const taken = claims.get(provider) ?? new Map<string, string>();
    const holder = taken.get(namespace);
    if (holder !== undefined) {
        throw new pulumi.InputPropertyError({
            propertyPath: "namespace",
            reason: `DataPlane "${owner}" and DataPlane "${holder}" both install into namespace "${namespace}" of the same cluster: the chart allows one data plane per namespace. Give one of them another namespace.`,
        });
    }
    taken.set(namespace, owner);
    claims.set(provider, taken);
}
