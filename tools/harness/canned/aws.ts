import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import type { CannedInvokes, CannedOutputs } from "./index";

/** The account every canned ARN belongs to. */
export const CANNED_ACCOUNT_ID = "123456789012";

function region(): string {
    return new pulumi.Config("aws").get("region") ?? "us-east-1";
}

function partition(r: string): string {
    return r.startsWith("cn-") ? "aws-cn" : r.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

/** A stable hex string derived from a resource name, standing in for a cloud-generated id. */
function hex(seed: string, length: number): string {
    return crypto.createHash("sha256").update(seed).digest("hex").slice(0, length);
}

function uuid(seed: string): string {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A physical name as Pulumi's auto-naming would make it. */
function autoName(name: string): string {
    return `${name}-${hex(name, 7)}`;
}

/** The outputs `@pulumi/eks`'s Cluster would return for the properties the program reads. */
function eksClusterOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, any> {
    const r = region();
    const clusterName = String(args.inputs?.name ?? autoName(args.name));
    const issuer = `oidc.eks.${r}.amazonaws.com/id/${hex(clusterName, 32).toUpperCase()}`;
    const endpoint = `https://${hex(`${clusterName}-endpoint`, 32).toUpperCase()}.gr7.${r}.eks.amazonaws.com`;
    const certificateAuthorityData = Buffer.from(`-----BEGIN CERTIFICATE-----\n${hex(clusterName, 64)}\n-----END CERTIFICATE-----\n`).toString("base64");
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
                        args: ["--region", r, "eks", "get-token", "--cluster-name", clusterName, "--output", "json"],
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
        oidcProviderArn: `arn:${partition(r)}:iam::${CANNED_ACCOUNT_ID}:oidc-provider/${issuer}`,
        clusterSecurityGroupId: `sg-${hex(`${clusterName}-cluster-sg`, 17)}`,
        nodeSecurityGroupId: `sg-${hex(`${clusterName}-node-sg`, 17)}`,
        fargateProfileId: "",
        fargateProfileStatus: "",
        autoModeNodeRoleName: "",
    };
}

/** Outputs of an awsx VPC: one private and one public subnet per zone. */
function vpcOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, any> {
    const zones: number = args.inputs?.availabilityZoneNames?.length ?? args.inputs?.numberOfAvailabilityZones ?? 3;
    const ids = (kind: string) => Array.from({ length: zones }, (_, i) => `subnet-${hex(`${args.name}-${kind}-${i}`, 17)}`);
    return { vpcId: `vpc-${hex(args.name, 17)}`, privateSubnetIds: ids("private"), publicSubnetIds: ids("public"), isolatedSubnetIds: [] };
}

/** Outputs of aws resources that the program reads back. */
export const awsOutputs: CannedOutputs = (args) => {
    const r = region();
    const p = partition(r);
    switch (args.type) {
        case "eks:index:Cluster":
            return eksClusterOutputs(args);
        case "eks:index:ManagedNodeGroup":
            return { placementGroupName: "" };
        case "awsx:ec2:Vpc":
            return vpcOutputs(args);
        case "aws:iam/role:Role": {
            const prefix = args.inputs?.namePrefix;
            const name = args.inputs?.name ?? (prefix ? `${prefix}${hex(args.name, 26)}` : autoName(args.name));
            return { name, arn: `arn:${p}:iam::${CANNED_ACCOUNT_ID}:role/${name}`, uniqueId: `AROA${hex(name, 17).toUpperCase()}` };
        }
        case "aws:iam/rolePolicy:RolePolicy":
            return { name: args.inputs?.name ?? autoName(args.name) };
        case "aws:s3/bucket:Bucket": {
            const bucket = args.inputs?.bucket ?? `${args.inputs?.bucketPrefix ?? `${args.name}-`}${hex(args.name, 26)}`;
            return { bucket, arn: `arn:${p}:s3:::${bucket}`, region: r, bucketDomainName: `${bucket}.s3.amazonaws.com` };
        }
        case "aws:kms/key:Key": {
            const keyId = uuid(args.name);
            return { keyId, arn: `arn:${p}:kms:${r}:${CANNED_ACCOUNT_ID}:key/${keyId}` };
        }
        case "aws:kms/alias:Alias":
            return { arn: `arn:${p}:kms:${r}:${CANNED_ACCOUNT_ID}:${args.inputs?.name ?? `alias/${args.name}`}` };
        case "aws:ec2/launchTemplate:LaunchTemplate":
            return { latestVersion: 1, defaultVersion: 1, arn: `arn:${p}:ec2:${r}:${CANNED_ACCOUNT_ID}:launch-template/lt-${hex(args.name, 17)}` };
        case "aws:cloudwatch/logGroup:LogGroup": {
            const name = args.inputs?.name ?? autoName(args.name);
            return { name, arn: `arn:${p}:logs:${r}:${CANNED_ACCOUNT_ID}:log-group:${name}` };
        }
        default:
            return undefined;
    }
};

/**
 * The subnets the offline plan pretends exist: each id asked for belongs to the VPC named in the
 * stack's `flexplane:aws` config, in the zone matching its position in `vpc.privateSubnetIds`.
 */
function subnet(id: string): Record<string, any> {
    const vpc = new pulumi.Config("flexplane").getObject<{ vpc?: { vpcId?: string; privateSubnetIds?: string[] } }>("aws")?.vpc;
    const index = Math.max(0, vpc?.privateSubnetIds?.indexOf(id) ?? 0);
    const r = region();
    return {
        id,
        vpcId: vpc?.vpcId ?? `vpc-${hex("canned", 17)}`,
        availabilityZone: `${r}${"abcdef"[index % 6]}`,
        arn: `arn:${partition(r)}:ec2:${r}:${CANNED_ACCOUNT_ID}:subnet/${id}`,
    };
}

/** aws data sources the program calls. */
export const awsInvokes: CannedInvokes = (args) => {
    const r = region();
    switch (args.token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                accountId: CANNED_ACCOUNT_ID,
                arn: `arn:${partition(r)}:iam::${CANNED_ACCOUNT_ID}:user/flexplane-plan`,
                userId: "AIDAFLEXPLANEPLAN",
                id: CANNED_ACCOUNT_ID,
            };
        case "aws:index/getRegion:getRegion":
            return { id: r, name: r, region: r, endpoint: `ec2.${r}.amazonaws.com`, description: r };
        case "aws:index/getPartition:getPartition": {
            const p = partition(r);
            return { id: p, partition: p, dnsSuffix: p === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        }
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return { id: r, names: ["a", "b", "c"].map((z) => `${r}${z}`), zoneIds: [1, 2, 3].map((n) => `use1-az${n}`), groupNames: [r] };
        case "aws:ec2/getSubnet:getSubnet":
            return subnet(String(args.inputs?.id));
        default:
            return undefined;
    }
};
