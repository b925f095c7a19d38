import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { partitionOfRegion } from "../aws/arns";
import type { CannedInvokes, CannedOutputs } from "./types";

/** The account every canned ARN belongs to. */
export const MOCK_AWS_ACCOUNT_ID = "123456789012";

/** A stable hex string derived from `seed`, standing in for an id the cloud would generate. */
export function stableHex(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** The region of the AWS provider (`aws:region`), or us-east-1 when the test sets none. */
export function mockAwsRegion(): string {
    return new pulumi.Config("aws").get("region") ?? "us-east-1";
}

/** The AWS partition of a region (the same rule the components use). */
export function awsPartitionOf(region: string): string {
    return partitionOfRegion(region).partition;
}

/** A physical name as Pulumi's auto-naming would make it. */
export function mockAutoName(name: string): string {
    return `${name}-${stableHex(name, 7)}`;
}

/** Outputs of `@pulumi/eks`'s Cluster that EksCluster reads: kubeconfig, OIDC issuer and provider, security groups. */
export function eksClusterOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, any> {
    const region = mockAwsRegion();
    const clusterName = String(args.inputs?.name ?? mockAutoName(args.name));
    const issuer = `oidc.eks.${region}.amazonaws.com/id/${stableHex(clusterName, 32).toUpperCase()}`;
    const endpoint = `https://${stableHex(`${clusterName}-endpoint`, 32).toUpperCase()}.gr7.${region}.eks.amazonaws.com`;
    const certificateAuthorityData = Buffer.from(
        `-----BEGIN CERTIFICATE-----\n${stableHex(clusterName, 64)}\n-----END CERTIFICATE-----\n`,
    ).toString("base64");
    const kubeconfig = {
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: "kubernetes", cluster: { server: endpoint, "certificate-authority-data": certificateAuthorityData } }],
        contexts: [{ name: "aws", context: { cluster: "kubernetes", user: "aws" } }],
        "current-context": "aws",
        users: [
            {
                name: "aws",
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: ["--region", region, "eks", "get-token", "--cluster-name", clusterName, "--output", "json"],
                    },
                },
            },
        ],
    };
    return {
        kubeconfig,
        kubeconfigJson: JSON.stringify(kubeconfig),
        oidcIssuer: issuer,
        oidcProviderUrl: `https://${issuer}`,
        oidcProviderArn: `arn:${awsPartitionOf(region)}:iam::${MOCK_AWS_ACCOUNT_ID}:oidc-provider/${issuer}`,
        clusterSecurityGroupId: `sg-${stableHex(`${clusterName}-cluster-sg`, 17)}`,
        nodeSecurityGroupId: `sg-${stableHex(`${clusterName}-node-sg`, 17)}`,
        fargateProfileId: "",
        fargateProfileStatus: "",
        autoModeNodeRoleName: "",
    };
}

/** Outputs of `@pulumi/awsx`'s Vpc: one private and one public subnet per zone. */
export function awsxVpcOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, any> {
    const zones: number = args.inputs?.availabilityZoneNames?.length ?? args.inputs?.numberOfAvailabilityZones ?? 3;
    const ids = (kind: string) => Array.from({ length: zones }, (_, i) => `subnet-${stableHex(`${args.name}-${kind}-${i}`, 17)}`);
    return {
        vpcId: `vpc-${stableHex(args.name, 17)}`,
        privateSubnetIds: ids("private"),
        publicSubnetIds: ids("public"),
        isolatedSubnetIds: [],
    };
}

/** A stable UUID derived from `seed`. */
function stableUuid(seed: string): string {
    const h = stableHex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Outputs of the AWS resources Flexplane reads back, the remote components included. */
export const awsOutputs: CannedOutputs = (args) => {
    const r = mockAwsRegion();
    const p = awsPartitionOf(r);
    switch (args.type) {
        case "eks:index:Cluster":
            return eksClusterOutputs(args);
        case "eks:index:ManagedNodeGroup":
            return { placementGroupName: "" };
        case "awsx:ec2:Vpc":
            return awsxVpcOutputs(args);
        case "aws:iam/role:Role": {
            const prefix = args.inputs?.namePrefix;
            const name = args.inputs?.name ?? (prefix ? `${prefix}${stableHex(args.name, 26)}` : mockAutoName(args.name));
            return { name, arn: `arn:${p}:iam::${MOCK_AWS_ACCOUNT_ID}:role/${name}`, uniqueId: `AROA${stableHex(name, 17).toUpperCase()}` };
        }
        case "aws:iam/rolePolicy:RolePolicy":
            return { name: args.inputs?.name ?? mockAutoName(args.name) };
        case "aws:s3/bucket:Bucket": {
            const bucket = args.inputs?.bucket ?? `${args.inputs?.bucketPrefix ?? `${args.name}-`}${stableHex(args.name, 26)}`;
            return { bucket, arn: `arn:${p}:s3:::${bucket}`, region: r, bucketDomainName: `${bucket}.s3.amazonaws.com` };
        }
        case "aws:kms/key:Key": {
            const keyId = stableUuid(args.name);
            return { keyId, arn: `arn:${p}:kms:${r}:${MOCK_AWS_ACCOUNT_ID}:key/${keyId}` };
        }
        case "aws:kms/alias:Alias":
            return { arn: `arn:${p}:kms:${r}:${MOCK_AWS_ACCOUNT_ID}:${args.inputs?.name ?? `alias/${args.name}`}` };
        case "aws:ec2/launchTemplate:LaunchTemplate":
            return {
                latestVersion: 1,
                defaultVersion: 1,
                arn: `arn:${p}:ec2:${r}:${MOCK_AWS_ACCOUNT_ID}:launch-template/lt-${stableHex(args.name, 17)}`,
            };
        case "aws:cloudwatch/logGroup:LogGroup": {
            const name = args.inputs?.name ?? mockAutoName(args.name);
            return { name, arn: `arn:${p}:logs:${r}:${MOCK_AWS_ACCOUNT_ID}:log-group:${name}` };
        }
        default:
            return undefined;
    }
};

/** The account, region, partition and zones AWS data sources report. */
export const awsInvokes: CannedInvokes = (args) => {
    const r = mockAwsRegion();
    switch (args.token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                accountId: MOCK_AWS_ACCOUNT_ID,
                arn: `arn:${awsPartitionOf(r)}:iam::${MOCK_AWS_ACCOUNT_ID}:user/flexplane-plan`,
                userId: "AIDAFLEXPLANEPLAN",
                id: MOCK_AWS_ACCOUNT_ID,
            };
        case "aws:index/getRegion:getRegion":
            return { id: r, name: r, region: r, endpoint: `ec2.${r}.amazonaws.com`, description: r };
        case "aws:index/getPartition:getPartition": {
            const { partition: p, dnsSuffix } = partitionOfRegion(r);
            return {
                id: p,
                partition: p,
                dnsSuffix,
                reverseDnsPrefix: "com.amazonaws",
            };
        }
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return { id: r, names: ["a", "b", "c"].map((z) => `${r}${z}`), zoneIds: [1, 2, 3].map((n) => `use1-az${n}`), groupNames: [r] };
        default:
            return undefined;
    }
};
