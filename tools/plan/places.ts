/**
 * Where each planned resource is created: cloud, region or location, and account, project or
 * subscription, from the resource's own inputs and the stack's provider config, as the providers
 * resolve them. What only credentials decide (the AWS account, the Azure subscription) is said so.
 */
import type { PlannedResource } from "./plan";

/** Resource types that are global in their cloud: no region. */
const GLOBAL_TYPES = /^(aws:iam\/|gcp:serviceaccount\/|gcp:projects\/)/;

function awsAccount(config: Record<string, string>): string {
    const allowed = config["aws:allowedAccountIds"];
    if (allowed) {
        try {
            return `account ${(JSON.parse(allowed) as string[]).join(" or ")}`;
        } catch {
            return `account ${allowed}`;
        }
    }
    return "the deploying credentials' account (aws:allowedAccountIds unset)";
}

/** Where one resource is created, in words; undefined for this project's own components. */
export function placeOf(resource: PlannedResource, config: Record<string, string>): string | undefined {
    const { type, inputs } = resource;
    if (type.startsWith("flexplane:")) {
        return undefined;
    }
    if (/^(aws|awsx|eks):/.test(type)) {
        return GLOBAL_TYPES.test(type)
            ? `AWS IAM (global), ${awsAccount(config)}`
            : `AWS ${inputs.region ?? config["aws:region"] ?? "(no aws:region)"}, ${awsAccount(config)}`;
    }
    if (type.startsWith("gcp:")) {
        const project = inputs.project ?? config["gcp:project"] ?? "(no gcp:project)";
        const location = GLOBAL_TYPES.test(type) ? "global" : inputs.location ?? inputs.region ?? config["gcp:region"];
        return `GCP project ${project}, ${location}`;
    }
    if (type.startsWith("azure-native:")) {
        const subscription = config["azure-native:subscriptionId"]
            ? `subscription ${config["azure-native:subscriptionId"]}`
            : "the Azure credentials' subscription (azure-native:subscriptionId unset)";
        const location = inputs.location ?? config["azure-native:location"];
        const group = typeof inputs.resourceGroupName === "string" && !inputs.resourceGroupName.startsWith("urn:") ? `, resource group ${inputs.resourceGroupName}` : "";
        return `Azure ${location ?? "(scope of the role)"}, ${subscription}${group}`;
    }
    if (type.startsWith("azuread:")) {
        return `Entra ID, ${config["azuread:tenantId"] ? `tenant ${config["azuread:tenantId"]}` : "the Azure credentials' tenant (azuread:tenantId unset)"}`;
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
