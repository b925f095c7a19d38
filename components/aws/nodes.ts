import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import type { PodScheduling } from "../shared/types";
import { iamRoleNamePrefix, managedPolicyArn } from "./arns";
import { JOB_NODE_LABEL } from "./constants";
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

/** The inputs of one managed node group, as a pure function of the resolved options. */
export function nodeGroupInputs(group: ResolvedNodeGroup, dedicatedToJobs: boolean, kubernetesVersion: string) {
    return {
        operatingSystem: eks.OperatingSystem.AL2023,
        // The cluster's version, so that raising kubernetesVersion upgrades the nodes after the control plane.
        version: kubernetesVersion,
        instanceTypes: group.instanceTypes,
        capacityType: group.capacityType,
        diskSize: group.diskSizeGiB,
        scalingConfig: { minSize: group.minSize, desiredSize: group.desiredSize, maxSize: group.maxSize },
        labels: dedicatedToJobs ? { ...group.labels, [JOB_NODE_LABEL.key]: JOB_NODE_LABEL.value } : { ...group.labels },
        taints: dedicatedToJobs ? [{ ...JOB_NODE_TAINT }] : undefined,
        // Session tokens required on the instance metadata service (IMDSv2), whatever the AMI's default.
        enableIMDSv2: true,
    };
}

export interface EksNodes {
    role: aws.iam.Role;
    attachments: aws.iam.RolePolicyAttachment[];
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
    const created = groups.map(
        ([suffix, group, dedicated]) =>
            new eks.ManagedNodeGroup(
                `${name}-${suffix}`,
                {
                    cluster: args.cluster,
                    nodeRole: role,
                    subnetIds: args.privateSubnetIds,
                    ...nodeGroupInputs(group, dedicated, args.kubernetesVersion),
                    tags: args.tags,
                },
                { parent, dependsOn: attachments },
            ),
    );
    return { role, attachments, groups: created };
}
