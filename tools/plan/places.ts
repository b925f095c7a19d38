/**
 * Where each planned resource is created: cloud, region or location, and account, project or
 * subscription, from the resource's own inputs and the stack's provider config, as the providers
 * resolve them. What only credentials decide (the AWS account, the Azure subscription) is said so.
 */
import { CLOUD_REGISTRY, CLOUDS } from "../../program/clouds/registry";
import type { PlannedResource } from "./plan";

/** Where one resource is created, in words; undefined for this project's own components. */
export function placeOf(resource: PlannedResource, config: Record<string, string>): string | undefined {
    const { type, inputs } = resource;
    if (type.startsWith("flexplane:")) {
        return undefined;
    }
    for (const cloud of CLOUDS) {
        const place = CLOUD_REGISTRY[cloud].placeOf?.(resource, config);
        if (place !== undefined) {
            return place;
        }
    }
    if (type === "pulumi:providers:kubernetes") {
        return "this machine (a provider: no cloud object)";
    }
    if (type.startsWith("kubernetes:")) {
        const namespace = inputs.metadata?.namespace ?? inputs.namespace;
        const cluster = resource.provider ? `cluster of provider ${resource.provider}` : "the default kubeconfig's cluster";
        return `Kubernetes ${cluster}, ${namespace ? `namespace ${namespace}` : "cluster-wide"}`;
    }
    if (type.startsWith("pulumi-nodejs:dynamic/flexplane:Airbyte")) {
        // The connection proof talks to the control plane's own address; the other objects to its public API.
        const where = inputs.apiUrl !== undefined ? `Airbyte API ${inputs.apiUrl}` : `Airbyte control plane ${inputs.airbyteUrl}`;
        return `${where}${inputs.organizationId ? `, organization ${inputs.organizationId}` : ""}`;
    }
    return undefined;
}
