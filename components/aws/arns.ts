/**
 * Pure helpers for AWS regions, partitions, ARNs and names. No SDK calls: the values come from the
 * caller's declarations, so the program needs no data-source invokes to compute them.
 */

import { parseCidr } from "../shared/cidr";
import { parseArn } from "../shared/formats";
import { s3BucketNameProblem } from "../shared/storage-names";

export { isAwsAccountId, isAwsRegion, isKmsKeyArn, parseArn } from "../shared/formats";
export type { ParsedArn } from "../shared/formats";

/** An AWS partition and the DNS suffix of its service endpoints. */
export interface AwsPartition {
    partition: "aws" | "aws-cn" | "aws-us-gov" | "aws-iso" | "aws-iso-b" | "aws-eusc";
    dnsSuffix: string;
}

/** The partition a region belongs to, from its prefix. */
export function partitionOfRegion(region: string): AwsPartition {
    if (region.startsWith("cn-")) {
        return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" };
    }
    if (region.startsWith("us-gov-")) {
        return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com" };
    }
    if (region.startsWith("us-isob-")) {
        return { partition: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov" };
    }
    if (region.startsWith("us-iso-")) {
        return { partition: "aws-iso", dnsSuffix: "c2s.ic.gov" };
    }
    if (region.startsWith("eusc-")) {
        return { partition: "aws-eusc", dnsSuffix: "amazonaws.eu" };
    }
    return { partition: "aws", dnsSuffix: "amazonaws.com" };
}

/** True for an IAM role, user or account-root ARN: the principals EKS access entries and trusts name. */
export function isIamPrincipalArn(arn: unknown): boolean {
    const parsed = parseArn(arn);
    return (
        parsed !== undefined &&
        parsed.service === "iam" &&
        parsed.region === "" &&
        /^\d{12}$/.test(parsed.accountId) &&
        /^(root|(role|user)\/[\w+=,.@/-]+)$/.test(parsed.resource)
    );
}

/**
 * True for an `aws:PrincipalArn` pattern of IAM roles or users in one account, `*` allowed in the
 * name or path (e.g. `arn:aws:iam::123456789012:role/flexplane/data-plane/*`).
 */
export function isIamPrincipalArnPattern(arn: unknown): arn is string {
    return typeof arn === "string" && /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/*-]+$/.test(arn);
}

/**
 * Problems with a list of data-plane principal patterns (`ControlPlaneSecretsRoleArgs.dataPlanePrincipalArns`),
 * as `[path suffix, reason]` pairs: `""` for the list itself, `[i]` for an entry.
 */
export function principalArnPatternProblems(patterns: unknown): [string, string][] {
    if (patterns === undefined) {
        return [];
    }
    if (!Array.isArray(patterns)) {
        return [["", "must be a list of IAM role or user ARN patterns, or [] to trust Airbyte's principal only."]];
    }
    return patterns.flatMap((arn: unknown, i): [string, string][] =>
        isIamPrincipalArnPattern(arn)
            ? []
            : [
                  [
                      `[${i}]`,
                      `"${String(arn)}" is not an IAM role or user ARN pattern: use e.g. arn:aws:iam::123456789012:role/flexplane/data-plane/* or arn:aws:iam::123456789012:user/airbyte-data-plane.`,
                  ],
              ],
    );
}

/** ARN of an AWS-managed IAM policy in the region's partition. */
export function managedPolicyArn(region: string, policyName: string): string {
    return `arn:${partitionOfRegion(region).partition}:iam::aws:policy/${policyName}`;
}

/** ARN of an EKS access policy, e.g. `AmazonEKSClusterAdminPolicy`. */
export function eksAccessPolicyArn(region: string, policyName: string): string {
    return `arn:${partitionOfRegion(region).partition}:eks::aws:cluster-access-policy/${policyName}`;
}

/** Pattern of the Secrets Manager secrets of one account in one region. */
export function secretsManagerSecretsArn(region: string, accountId: string): string {
    return `arn:${partitionOfRegion(region).partition}:secretsmanager:${region}:${accountId}:secret:*`;
}

/** Bucket and object ARNs of an S3 bucket. */
export function s3BucketArns(bucket: string, region: string): { bucket: string; objects: string } {
    const partition = partitionOfRegion(region).partition;
    return { bucket: `arn:${partition}:s3:::${bucket}`, objects: `arn:${partition}:s3:::${bucket}/*` };
}

/** ARN of an EKS cluster. */
export function eksClusterArn(region: string, accountId: string, clusterName: string): string {
    return `arn:${partitionOfRegion(region).partition}:eks:${region}:${accountId}:cluster/${clusterName}`;
}

/** Rules EKS puts on cluster names: 1-100 characters, alphanumerics, `-` and `_`, starting alphanumeric. */
export function isEksClusterName(name: unknown): name is string {
    return typeof name === "string" && /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(name);
}

/**
 * An EKS cluster name derived from a Pulumi resource name: characters EKS refuses become `-`, and the
 * result is cut to 100 characters. Always satisfies `isEksClusterName` for a non-empty input.
 */
export function eksClusterNameFrom(resourceName: string): string {
    const cleaned = resourceName.replace(/[^A-Za-z0-9_-]/g, "-").replace(/^[^A-Za-z0-9]+/, "");
    return (cleaned || "flexplane").slice(0, 100);
}

/** True for a general purpose S3 bucket name (every rule in `s3BucketNameProblem`). */
export function isS3BucketName(name: unknown): name is string {
    return typeof name === "string" && s3BucketNameProblem(name) === undefined;
}

/**
 * A bucket-name prefix derived from a resource name: lowercase, only `a-z0-9-`, at most 37 characters
 * (S3's limit for `bucketPrefix`, leaving room for the random suffix), ending in `-`.
 */
export function s3BucketPrefixFrom(resourceName: string): string {
    const cleaned = resourceName
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-+/, "");
    const stem = (cleaned || "flexplane").slice(0, 31).replace(/-+$/, "");
    return `${stem || "flexplane"}-logs-`;
}

/** True for an IPv4 CIDR block such as `203.0.113.0/24` (no host bits set beyond the prefix). */
export function isIpv4Cidr(cidr: unknown): cidr is string {
    return typeof cidr === "string" && parseCidr(cidr) !== undefined;
}

/**
 * A `namePrefix` for an IAM role: the resource name and a purpose, limited to IAM's characters and
 * to 38 characters (AWS appends a 26-character unique suffix and role names stop at 64).
 */
export function iamRoleNamePrefix(resourceName: string, purpose: string): string {
    const clean = (s: string) => s.replace(/[^\w+=,.@-]/g, "-");
    const tail = `-${clean(purpose)}-`;
    const head = clean(resourceName).slice(0, Math.max(1, 38 - tail.length));
    return `${head}${tail}`.slice(0, 38);
}

/** Access-entry key for an admin principal: derived from the ARN, so reordering the list changes nothing. */
export function accessEntryKey(principalArn: string): string {
    const resource = parseArn(principalArn)?.resource ?? principalArn;
    return `admin-${resource.replace(/[^A-Za-z0-9-]/g, "-")}`;
}
