import * as pulumi from "@pulumi/pulumi";
import { awsPartitionOf, MOCK_AWS_ACCOUNT_ID, mockAwsRegion, stableHex } from "../../../components/testing/aws";
import type { CannedInvokes } from "./index";

export * from "../../../components/testing/aws";
/** The account every canned ARN belongs to (the one `flexplane/testing` uses). */

/**
 * The subnets the offline plan pretends exist: each id asked for belongs to the VPC named in the
 * stack's `flexplane:aws` config, in the zone matching its position in `vpc.privateSubnetIds`.
 */
function subnet(id: string): Record<string, any> {
    const vpc = new pulumi.Config("flexplane").getObject<{ vpc?: { vpcId?: string; privateSubnetIds?: string[] } }>("aws")?.vpc;
    const index = Math.max(0, vpc?.privateSubnetIds?.indexOf(id) ?? 0);
    const r = mockAwsRegion();
    return {
        id,
        vpcId: vpc?.vpcId ?? `vpc-${stableHex("canned", 17)}`,
        availabilityZone: `${r}${"abcdef"[index % 6]}`,
        arn: `arn:${awsPartitionOf(r)}:ec2:${r}:${MOCK_AWS_ACCOUNT_ID}:subnet/${id}`,
    };
}

/** Subnet lookups of the offline plan, answered from the stack's own config. */
export const awsPlanInvokes: CannedInvokes = (args) =>
    args.token === "aws:ec2/getSubnet:getSubnet" ? subnet(String(args.inputs?.id)) : undefined;
