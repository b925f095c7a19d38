/**
 * The managed node groups: the general group and, when asked, a tainted group for connector pods,
 * each with its own launch template, and the node role they share. Resolution and creation side by side.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import type { InputProblems } from "../shared/errors";
import { checkNodeLabels } from "../shared/kubernetes-names";
import { ec2Architecture, ec2InstanceShape } from "../shared/machine-shapes";
import { dataPlaneNodeReason, MinimumNodeSize, nodeSizeProblem } from "../shared/node-size";
import type { PodScheduling } from "../shared/types";
import { EKS_DEFAULTS, EksNodeGroupOptions } from "./args";
import { iamRoleNamePrefix, managedPolicyArn } from "./arns";
import { ec2TrustPolicy } from "./policies";

/** Label and taint that keep connector pods on the dedicated job node group, when there is one. */
const JOB_NODE_LABEL = { key: "flexplane.io/pool", value: "jobs" } as const;

/** The taint on job nodes: only pods that tolerate it (connector pods) are scheduled there. */
const JOB_NODE_TAINT = { key: JOB_NODE_LABEL.key, value: JOB_NODE_LABEL.value, effect: "NO_SCHEDULE" } as const;

/** AWS-managed policies every EKS worker node needs: join the cluster, run the VPC CNI, pull images. */
const NODE_MANAGED_POLICIES = ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"] as const;

/** Smallest root volume accepted: below it the images alone fill the disk. */
const MIN_DISK_SIZE_GIB = 20;

/**
 * Instance metadata (IMDS) settings of every node: session tokens required (IMDSv2) and a PUT
 * response hop limit of 1, so that the token answer never reaches a pod behind the node's network
 * hop and pods cannot read the node role's credentials. `@pulumi/eks`'s `enableIMDSv2` sets a
 * limit of 2 (pulumi/pulumi-eks `nodejs/eks/nodes/nodegroup.ts`, `createMNGCustomLaunchTemplate`),
 * hence the component's own launch template. Host-network pods (the VPC CNI) still reach IMDS.
 */
const NODE_METADATA_OPTIONS = {
    httpEndpoint: "enabled",
    httpTokens: "required",
    httpPutResponseHopLimit: 1,
    httpProtocolIpv6: "disabled",
    instanceMetadataTags: "disabled",
} as const;

/** Root device of Amazon Linux 2023 EKS AMIs (the one `@pulumi/eks` also sizes). */
const NODE_ROOT_DEVICE_NAME = "/dev/xvda";

export interface ResolvedNodeGroup {
    instanceTypes: string[];
    minSize: number;
    desiredSize: number;
    maxSize: number;
    diskSizeGiB: number;
    spot: boolean;
    labels: Record<string, string>;
}

/**
 * One node group with its defaults, problems recorded under `path` (`nodes` or `jobNodes`).
 * `minimumNodes`: 1 for the general group (the launcher needs a node), 0 for the job group.
 */
export function resolveNodeGroup(
    problems: InputProblems,
    path: string,
    options: EksNodeGroupOptions | undefined,
    minimumNodes: number,
    minimumSize: MinimumNodeSize,
): ResolvedNodeGroup {
    const o = options ?? {};
    const defaults = EKS_DEFAULTS.nodes;
    const instanceTypes = o.instanceTypes ?? [...defaults.instanceTypes];
    const wellFormed =
        Array.isArray(instanceTypes) &&
        instanceTypes.length > 0 &&
        instanceTypes.every((t) => /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(String(t)));
    problems.check(
        wellFormed,
        `${path}.instanceTypes`,
        `list one or more EC2 instance types such as "${defaults.instanceTypes[0]}"; got ${JSON.stringify(instanceTypes)}.`,
    );
    if (wellFormed) {
        checkInstanceTypes(problems, `${path}.instanceTypes`, instanceTypes, minimumSize);
    }
    const minSize = o.minSize ?? Math.max(minimumNodes, Math.min(defaults.minSize, o.maxSize ?? Infinity));
    const maxSize = o.maxSize ?? Math.max(defaults.maxSize, minSize);
    const desiredSize = o.desiredSize ?? Math.min(Math.max(defaults.desiredSize, minSize), maxSize);
    problems.check(
        [minSize, desiredSize, maxSize].every((n) => Number.isInteger(n)) &&
            minSize >= minimumNodes &&
            minSize <= desiredSize &&
            desiredSize <= maxSize &&
            desiredSize >= 1,
        `${path}.minSize`,
        `set whole numbers with ${minimumNodes} <= minSize <= desiredSize <= maxSize and desiredSize >= 1 ` +
            `(got ${minSize}, ${desiredSize}, ${maxSize}); no autoscaler is installed, so desiredSize is the node count.`,
    );
    const diskSizeGiB = o.diskSizeGiB ?? defaults.diskSizeGiB;
    problems.check(
        Number.isInteger(diskSizeGiB) && diskSizeGiB >= MIN_DISK_SIZE_GIB && diskSizeGiB <= 16384,
        `${path}.diskSizeGiB`,
        `set a whole number of GiB from ${MIN_DISK_SIZE_GIB} (default ${defaults.diskSizeGiB}); each connector pod asks 5 GiB of ephemeral storage.`,
    );
    const spot = o.spot ?? defaults.spot;
    problems.check(
        typeof spot === "boolean",
        `${path}.spot`,
        `"${String(spot)}" is not valid: set true for spot capacity or false for on-demand (the default; the deprecated capacityType took SPOT or ON_DEMAND).`,
    );
    const labels = o.labels ?? {};
    checkNodeLabels(problems, path, labels);
    for (const key of Object.keys(labels)) {
        problems.check(key !== JOB_NODE_LABEL.key, `${path}.labels.${key}`, "is reserved for the job node group; choose another key.");
    }
    return { instanceTypes, minSize, desiredSize, maxSize, diskSizeGiB, spot, labels };
}

/**
 * Instance types of one managed node group: each large enough for a connector pod, and all of one
 * CPU architecture. EKS runs one AMI type per managed node group and refuses a group whose types do
 * not match it ("[t4g.small] is not a valid instance type for requested amiType AL2_x86_64";
 * mixed architectures are an open request, aws/containers-roadmap#1241).
 */
function checkInstanceTypes(problems: InputProblems, path: string, instanceTypes: string[], minimumSize: MinimumNodeSize): void {
    instanceTypes.forEach((type, i) =>
        problems.addIfAny(
            `${path}[${i}]`,
            nodeSizeProblem(type, ec2InstanceShape(type), minimumSize, dataPlaneNodeReason(EKS_DEFAULTS.nodes.instanceTypes[0])),
        ),
    );
    const byArchitecture = new Map<string, string[]>();
    for (const type of instanceTypes) {
        const architecture = ec2Architecture(type);
        if (architecture) {
            byArchitecture.set(architecture, [...(byArchitecture.get(architecture) ?? []), type]);
        }
    }
    if (byArchitecture.size > 1) {
        const mix = [...byArchitecture].map(([architecture, types]) => `${architecture} (${types.join(", ")})`).join(" and ");
        problems.add(
            path,
            `mixes ${mix}: a managed node group runs one AMI type, so EKS refuses the group. ` +
                "Keep one CPU architecture per group, e.g. the Graviton types in jobNodes and the x86 types in nodes.",
        );
    }
}

/** Where DataPlane puts connector pods when a job node group exists. */
export function jobPodScheduling(): PodScheduling {
    return {
        nodeSelector: { [JOB_NODE_LABEL.key]: JOB_NODE_LABEL.value },
        tolerations: [{ key: JOB_NODE_LABEL.key, operator: "Equal", value: JOB_NODE_LABEL.value, effect: "NoSchedule" }],
    };
}

/**
 * The inputs of one managed node group, as a pure function of the resolved options. The root volume
 * and the instance metadata settings live in the group's launch template (`nodeLaunchTemplateInputs`):
 * EKS refuses `diskSize` next to a launch template, and `@pulumi/eks` refuses `enableIMDSv2`.
 */
export function nodeGroupInputs(group: ResolvedNodeGroup, dedicatedToJobs: boolean, kubernetesVersion: string) {
    return {
        operatingSystem: eks.OperatingSystem.AL2023,
        // The cluster's version, so that raising kubernetesVersion upgrades the nodes after the control plane.
        version: kubernetesVersion,
        instanceTypes: group.instanceTypes,
        capacityType: group.spot ? "SPOT" : "ON_DEMAND",
        scalingConfig: { minSize: group.minSize, desiredSize: group.desiredSize, maxSize: group.maxSize },
        labels: dedicatedToJobs ? { ...group.labels, [JOB_NODE_LABEL.key]: JOB_NODE_LABEL.value } : { ...group.labels },
        taints: dedicatedToJobs ? [{ ...JOB_NODE_TAINT }] : undefined,
    };
}

/**
 * The launch template of one node group: IMDSv2 with a hop limit of 1 (pods cannot reach the node
 * role's credentials), and an encrypted gp3 root volume of the group's size, whatever the account's
 * default encryption. No AMI and no user data: EKS picks the AMI of `version` and bootstraps the
 * nodes itself. Tags reach the instances and their volumes.
 */
export function nodeLaunchTemplateInputs(
    group: ResolvedNodeGroup,
    description: string,
    tags: Record<string, string>,
): aws.ec2.LaunchTemplateArgs {
    const tagged = Object.keys(tags).length > 0;
    return {
        description,
        updateDefaultVersion: true,
        metadataOptions: { ...NODE_METADATA_OPTIONS },
        blockDeviceMappings: [
            {
                deviceName: NODE_ROOT_DEVICE_NAME,
                ebs: { volumeSize: group.diskSizeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
            },
        ],
        ...(tagged ? { tagSpecifications: ["instance", "volume"].map((resourceType) => ({ resourceType, tags: { ...tags } })) } : {}),
        tags,
    };
}

export interface EksNodes {
    role: aws.iam.Role;
    /** One per node group, general first. */
    groups: eks.ManagedNodeGroup[];
}

/**
 * The node role and the managed node groups: the general group and, when asked, a tainted group for
 * connector pods. Both span every private subnet, hence at least two zones.
 */
export function createNodes(
    name: string,
    args: {
        cluster: eks.Cluster;
        clusterName: string;
        region: string;
        kubernetesVersion: string;
        privateSubnetIds: pulumi.Input<string[]>;
        nodes: ResolvedNodeGroup;
        jobNodes?: ResolvedNodeGroup;
        tags: Record<string, string>;
    },
    parent: pulumi.Resource,
): EksNodes {
    const role = new aws.iam.Role(
        `${name}-nodes`,
        {
            namePrefix: iamRoleNamePrefix(name, "nodes"),
            description: `EKS worker nodes of ${args.clusterName}`,
            assumeRolePolicy: JSON.stringify(ec2TrustPolicy()),
            tags: args.tags,
        },
        { parent },
    );
    const attachments = NODE_MANAGED_POLICIES.map(
        (policy) =>
            new aws.iam.RolePolicyAttachment(
                `${name}-nodes-${policy}`,
                { role: role.name, policyArn: managedPolicyArn(args.region, policy) },
                { parent },
            ),
    );
    const groups: [string, ResolvedNodeGroup, boolean][] = [["general", args.nodes, false]];
    if (args.jobNodes) {
        groups.push(["jobs", args.jobNodes, true]);
    }
    const created = groups.map(([suffix, group, dedicated]) => {
        const template = new aws.ec2.LaunchTemplate(
            `${name}-${suffix}-nodes`,
            nodeLaunchTemplateInputs(group, `${suffix} nodes of EKS cluster ${args.clusterName}`, args.tags),
            { parent },
        );
        return new eks.ManagedNodeGroup(
            `${name}-${suffix}`,
            {
                cluster: args.cluster,
                nodeRole: role,
                subnetIds: args.privateSubnetIds,
                ...nodeGroupInputs(group, dedicated, args.kubernetesVersion),
                launchTemplate: { id: template.id, version: template.latestVersion.apply((v) => `${v}`) },
                tags: args.tags,
            },
            { parent, dependsOn: attachments },
        );
    });
    return { role, groups: created };
}
