import { ResourceCheck, resourcePolicy } from "./define";
import { T } from "./tokens";
import { at, flag, isUnknown, UNKNOWN } from "./values";

/*
 * The facts these checks rest on:
 * - the hop limit: a pod is one network hop past the node, so with 1 an IMDSv2 token response never
 *   reaches it (AWS, https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html,
 *   and EKS's security best practices: "Metadata response hop limit – 1" for managed nodes with a launch template,
 *   https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html);
 * - @pulumi/eks: `enableIMDSv2` writes a launch template with `httpPutResponseHopLimit: 2` (pulumi/pulumi-eks
 *   `nodejs/eks/nodes/nodegroup.ts` 2234-2242, `metadataOptions`), and so do its self-managed node groups;
 * - without a launch template, EKS creates one with its own defaults ("When you don't provide a launch template,
 *   the Amazon EKS API creates one automatically with default values",
 *   https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html), which do not lower the hop limit to 1
 *   nor encrypt the root volume beyond the account's default.
 */
const HOP_WHY =
    "with a hop limit above 1 the metadata service answers pods too, and a connector pod could read the node role's credentials";

/** What a launch template's metadata options and block devices leave open. */
export function launchTemplateProblems(props: any): string[] {
    const problems: string[] = [];
    const options = props.metadataOptions;
    if (!isUnknown(options)) {
        const disabled = at(options, "httpEndpoint") === "disabled";
        const tokens = at(options, "httpTokens");
        const hops = at(options, "httpPutResponseHopLimit");
        if (!disabled && tokens !== "required" && !isUnknown(tokens)) {
            problems.push('`metadataOptions.httpTokens` is not "required": IMDSv1 answers without a session token; set it to "required"');
        }
        if (!disabled && !isUnknown(hops) && Number(hops) !== 1) {
            problems.push(
                `\`metadataOptions.httpPutResponseHopLimit\` is ${hops ?? "not set (the AMI's default, 2 on EKS AMIs)"}: ${HOP_WHY}; set it to 1`,
            );
        }
    }
    const devices = props.blockDeviceMappings;
    if (!isUnknown(devices)) {
        const list = Array.isArray(devices) ? devices : [];
        if (list.length === 0) {
            problems.push(
                "`blockDeviceMappings` is empty, so the root volume's encryption is left to the account's default: map the root device with `ebs.encrypted: \"true\"`",
            );
        }
        list.forEach((d: any, i: number) => {
            const ebs = at(d, "ebs");
            if (ebs !== undefined && !isUnknown(ebs) && flag(at(ebs, "encrypted")) !== true && flag(at(ebs, "encrypted")) !== UNKNOWN) {
                problems.push(
                    `\`blockDeviceMappings[${i}].ebs.encrypted\` is not "true": set it, so that node disks (images, connector scratch data) are encrypted`,
                );
            }
        });
    }
    return problems;
}

const managedGroup =
    (imdsFlag: boolean): ResourceCheck =>
    ({ props, report }) => {
        if (isUnknown(props.launchTemplate)) {
            return;
        }
        if (props.launchTemplate === undefined || props.launchTemplate === null) {
            const via =
                imdsFlag && flag(props.enableIMDSv2) === true
                    ? "`enableIMDSv2` makes @pulumi/eks write a launch template with a hop limit of 2"
                    : "without `launchTemplate`, EKS's default template leaves the hop limit at the AMI's 2 and the root volume to the account's default encryption";
            report(
                `${via}: ${HOP_WHY}. Give the group a launch template with metadataOptions httpTokens "required", httpPutResponseHopLimit 1 and an encrypted root volume.`,
            );
        }
    };

/** EKS nodes: IMDSv2 with a hop limit of 1, and encrypted root volumes. */
export const eksNodesHardened = resourcePolicy({
    name: "eks-nodes-hardened",
    description: "EC2 nodes require IMDSv2 with a hop limit of 1 and have encrypted root volumes.",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Give every node group a launch template with metadataOptions { httpTokens: "required", httpPutResponseHopLimit: 1 } ' +
        'and blockDeviceMappings with ebs.encrypted "true"; do not use @pulumi/eks enableIMDSv2 (it sets a hop limit of 2).',
    checks: {
        [T.awsLaunchTemplate]: ({ props, report }) => {
            const problems = launchTemplateProblems(props);
            if (problems.length > 0) {
                report(`${problems.join("; ")}.`);
            }
        },
        [T.eksManagedNodeGroup]: managedGroup(true),
        [T.awsEksNodeGroup]: managedGroup(false),
        [T.eksNodeGroupV2]: ({ report }) =>
            report(
                `@pulumi/eks self-managed node groups write launch templates with a hop limit of 2 (or the AMI's default): ${HOP_WHY}. Use managed node groups with your own launch template.`,
            ),
        [T.eksCluster]: ({ props, report }) => {
            const skipped = flag(props.skipDefaultNodeGroup);
            if (skipped !== true && skipped !== UNKNOWN && !props.fargate && flag(at(props, "autoMode.enabled")) !== true) {
                report(
                    `The cluster's default node group uses @pulumi/eks's own launch template: ${HOP_WHY}. Set skipDefaultNodeGroup: true and add managed node groups with your own launch template.`,
                );
            }
        },
    },
});
