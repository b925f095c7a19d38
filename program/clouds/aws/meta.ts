import type { CloudMeta } from "../meta";

/** Resource types that are global in AWS: no region. */
const GLOBAL_TYPES = /^aws:iam\//;

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

/** EKS on AWS (`flexplane/aws`). */
export const awsMeta: CloudMeta = {
    title: "EKS on AWS",
    sdks: ["@pulumi/aws", "@pulumi/awsx", "@pulumi/eks"],
    keys: [
        {
            name: "aws",
            type: "object",
            defaultText: "every EksCluster default",
            example: '{kubernetesVersion: "1.35"}',
            description: "EksCluster options (docs/aws.md); the region comes from aws:region.",
        },
        {
            name: "awsLogBucketAccessKeyId",
            type: "string",
            secret: true,
            example: "<AWS access key id>",
            description: "Access key id for your own log bucket, with aws.logStorage.auth: accessKeys.",
        },
        {
            name: "awsLogBucketSecretAccessKey",
            type: "string",
            secret: true,
            example: "<AWS secret access key>",
            description: "Its secret access key.",
        },
    ],
    placeOf({ type, inputs }, config) {
        if (!/^(aws|awsx|eks):/.test(type)) {
            return undefined;
        }
        return GLOBAL_TYPES.test(type)
            ? `AWS IAM (global), ${awsAccount(config)}`
            : `AWS ${inputs.region ?? config["aws:region"] ?? "(no aws:region)"}, ${awsAccount(config)}`;
    },
};
