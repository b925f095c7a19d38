import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import type { PodScheduling } from "../shared/types";
import { iamRoleNamePrefix, managedPolicyArn } from "./arns";
import { JOB_NODE_LABEL, NODE_METADATA_OPTIONS, NODE_ROOT_DEVICE_NAME, NODE_ROOT_VOLUME_TYPE } from "./constants";
import { ec2TrustPolicy } from "./policies";
import type { ResolvedNodeGroup } from "./validate-parts";

/** AWS-managed policies every EKS worker node needs: join the cluster, run the VPC CNI, pull images. */
export const NODE_MANAGED_POLICIES = [
    "AmazonEKSWorkerNodePolicy",
    "AmazonEKS_CNI_Policy",
    "AmazonEC2ContainerRegistryReadOnly",
] as const;

/** The taint on job nodes: only pods that tolerate it (connector pods) are scheduled there. */
export const JOB_NODE_TAINT = { key: JOB_NODE_LABEL.key, value: JOB_NODE_LABEL.value, effect: "NO_SCHEDULE" } as const;

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
        capacityType: group.capacityType,
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
export function nodeLaunchTemplateInputs(group: ResolvedNodeGroup, description: string, tags: Record<string, string>): aws.ec2.LaunchTemplateArgs {
    const tagged = Object.keys(tags).length > 0;
    return {
        description,
        updateDefaultVersion: true,
        metadataOptions: { ...NODE_METADATA_OPTIONS },
        blockDeviceMappings: [
            {
                deviceName: NODE_ROOT_DEVICE_NAME,
                ebs: { volumeSize: group.diskSizeGiB, volumeType: NODE_ROOT_VOLUME_TYPE, encrypted: "true", deleteOnTermination: "true" },
            },
        ],
        ...(tagged ? { tagSpecifications: ["instance", "volume"].map((resourceType) => ({ resourceType, tags: { ...tags } })) } : {}),
        tags,
    };
}

export interface EksNodes {
    role: aws.iam.Role;
    attachments: aws.iam.RolePolicyAttachment[];
    /** One per node group, in the same order. */
    launchTemplates: aws.ec2.LaunchTemplate[];
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
    const launchTemplates: aws.ec2.LaunchTemplate[] = [];
    const created = groups.map(([suffix, group, dedicated]) => {
        const template = new aws.ec2.LaunchTemplate(
            `${name}-${suffix}-nodes`,
            nodeLaunchTemplateInputs(group, `${suffix} nodes of EKS cluster ${args.clusterName}`, args.tags),
            { parent },
        );
        launchTemplates.push(template);
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
    return { role, attachments, launchTemplates, groups: created };
}
