/**
 * What remote components and Helm releases create that the offline plan cannot list: under the mock
 * runtime each is one resource with no children. Each note is derived from the component's inputs and
 * its source:
 * - `awsx:ec2:Vpc`: pulumi/pulumi-awsx `awsx/ec2/vpc.ts` (e60adf3c): a VPC, an internet gateway when
 *   there are public subnets, per zone and subnet spec a subnet, route table, association and default
 *   route, and Elastic IP plus NAT gateway per `natGateways.strategy` (OnePerAz, Single, None);
 * - `eks:index:Cluster`: pulumi/pulumi-eks v4.3.0 `nodejs/eks/cluster/cluster.ts`: the IAM service role
 *   (unless `serviceRole`), cluster security group (unless `skipDefaultSecurityGroups`), the EKS
 *   cluster, kube-proxy and vpc-cni add-ons (coredns unless disabled), access entries with policy
 *   associations, OIDC provider (`createOidcProvider`), instance role and default node group (unless
 *   `skipDefaultNodeGroup`), and a Kubernetes provider;
 * - `eks:index:ManagedNodeGroup`: same repository, `nodejs/eks/nodes/nodegroup.ts`
 *   `createManagedNodeGroup`: an `aws.eks.NodeGroup`, with an `aws.ec2.LaunchTemplate` when
 *   `enableIMDSv2`, `userData`, `amiId` or another launch-template option is set;
 * - a `kubernetes:helm.sh/v3:Release` of `airbyte-data-plane`: `helm template` of charts 2.0.0 to 2.2.0
 *   renders a Deployment, ConfigMap, Secret, ServiceAccount, Role and RoleBinding.
 */
import type { PlannedResource } from "./plan";

/** One remote component and what it creates. */
export interface RemoteComponentNote {
    type: string;
    name: string;
    creates: string;
}

function vpcNote(inputs: Record<string, any>): string {
    const zones: number = inputs.availabilityZoneNames?.length ?? inputs.numberOfAvailabilityZones ?? 3;
    const specs: string[] = (inputs.subnetSpecs ?? [{ type: "Private" }, { type: "Public" }]).map((s: { type: string }) => s.type);
    const count = (type: string) => zones * specs.filter((t) => t === type).length;
    const strategy: string = inputs.natGateways?.strategy ?? "OnePerAz";
    const nats = count("Public") === 0 || strategy === "None" ? 0 : strategy === "Single" ? 1 : zones;
    const subnets = zones * specs.length;
    const routes = count("Public") + (nats > 0 ? count("Private") : 0);
    const total = 1 + (count("Public") > 0 ? 1 : 0) + subnets * 3 + routes + nats * 2;
    const kinds = [...new Set(specs)].map((t) => `${count(t)} ${t.toLowerCase()}`).join(" and ");
    return (
        `1 VPC (${inputs.cidrBlock ?? "10.0.0.0/16"}), ${kinds} subnets over ${zones} zones with a route table and association each, ${routes} default routes, ` +
        `${count("Public") > 0 ? "1 internet gateway, " : ""}${nats} NAT gateway(s) with as many Elastic IPs (${strategy}): ${total} AWS resources.`
    );
}

function eksClusterNote(inputs: Record<string, any>): string {
    const parts = [`the EKS control plane ${inputs.name ?? ""} (Kubernetes ${inputs.version ?? "default"})`.replace("  ", " ")];
    if (!inputs.serviceRole) {
        parts.push("its IAM service role with AmazonEKSClusterPolicy");
    }
    if (!inputs.skipDefaultSecurityGroups) {
        parts.push("a cluster security group and rules");
    }
    const addons = ["vpc-cni", "kube-proxy", ...(inputs.corednsAddonOptions?.enabled === false ? [] : ["coredns"])];
    parts.push(`the ${addons.slice(0, -1).join(", ")} and ${addons[addons.length - 1]} add-ons`);
    const entries = Object.keys(inputs.accessEntries ?? {}).length;
    if (entries > 0) {
        parts.push(`${entries} access entr${entries === 1 ? "y" : "ies"} with policy associations`);
    }
    if (inputs.createOidcProvider) {
        parts.push("an IAM OIDC provider (IRSA)");
    }
    if (!inputs.skipDefaultNodeGroup) {
        parts.push("an instance role and a default node group");
    }
    parts.push("a Kubernetes provider");
    return `${parts.join(", ")}.`;
}

/**
 * A managed node group's root disk size: its own `diskSize`, else the root volume of the launch template
 * it names (found by the id the mock runtime gives every resource, `<name>-id`), else EKS's 20 GiB.
 */
export function nodeGroupDiskGiB(group: PlannedResource, resources: PlannedResource[]): number {
    if (group.inputs.diskSize !== undefined) {
        return group.inputs.diskSize;
    }
    const templateId = group.inputs.launchTemplate?.id;
    const template = resources.find((r) => r.type === "aws:ec2/launchTemplate:LaunchTemplate" && `${r.name}-id` === templateId);
    const rootVolume = template?.inputs.blockDeviceMappings?.find(
        (m: { ebs?: { volumeSize?: number } }) => m.ebs?.volumeSize !== undefined,
    );
    return rootVolume?.ebs.volumeSize ?? 20;
}

function nodeGroupNote(group: PlannedResource, resources: PlannedResource[]): string {
    const inputs = group.inputs;
    const scaling = inputs.scalingConfig ?? {};
    const template = inputs.enableIMDSv2 || inputs.userData || inputs.amiId || inputs.kubeletExtraArgs ? " and a launch template" : "";
    return (
        `an EKS managed node group${template}: ${(inputs.instanceTypes ?? []).join(", ") || "default instance type"}, ` +
        `${scaling.minSize} to ${scaling.maxSize} nodes (${scaling.desiredSize} at first), ${nodeGroupDiskGiB(group, resources)} GiB disks; ` +
        "EKS runs its Auto Scaling group and instances outside Pulumi's state."
    );
}

function releaseNote(inputs: Record<string, any>): string {
    const objects =
        inputs.chart === "airbyte-data-plane"
            ? "a Deployment (the workload launcher), ConfigMap, Secret, ServiceAccount, Role and RoleBinding; connector pods are started later by the launcher, not by Pulumi"
            : "the chart's objects";
    return `Helm installs ${inputs.chart} ${inputs.version ?? ""} from ${inputs.repositoryOpts?.repo ?? "its repository"} into namespace ${inputs.namespace}: ${objects}.`;
}

const NOTES: Record<string, (inputs: Record<string, any>, resource: PlannedResource, resources: PlannedResource[]) => string> = {
    "awsx:ec2:Vpc": vpcNote,
    "eks:index:Cluster": eksClusterNote,
    "eks:index:ManagedNodeGroup": (_inputs, group, resources) => nodeGroupNote(group, resources),
    "kubernetes:helm.sh/v3:Release": releaseNote,
    "kubernetes:helm.sh/v4:Chart": releaseNote,
    "azure-native:containerservice:ManagedCluster": () =>
        "AKS creates its node resource group (MC_<group>_<cluster>_<location>) with the node pools' VM scale sets and disks, outside Pulumi's state.",
    "gcp:container/cluster:Cluster": (inputs) =>
        inputs.enableAutopilot
            ? "GKE Autopilot runs the control plane and provisions nodes per pod, outside Pulumi's state."
            : "GKE runs the control plane; each node pool's instance groups and VMs are created by GKE, outside Pulumi's state.",
};

/** A note for each planned resource whose children the plan cannot list. */
export function remoteComponentNotes(resources: PlannedResource[]): RemoteComponentNote[] {
    return resources
        .filter((r) => NOTES[r.type] !== undefined)
        .map((r) => ({ type: r.type, name: r.name, creates: NOTES[r.type](r.inputs, r, resources) }));
}
