/**
 * Validation of `EksClusterArgs`: every plain-argument problem is collected and thrown as one
 * `pulumi.InputPropertiesError` before any resource is registered. Returns the arguments with
 * every default filled in, which is what the resource builders consume.
 */
import type * as pulumi from "@pulumi/pulumi";
import { InputProblems } from "../shared/errors";
import { kubernetesVersionProblem, supportedVersionsProblem } from "../shared/kubernetes-versions";
import { namespaceProblem } from "../shared/namespaces";
import { checkMinimumNodeSize } from "../shared/node-size";
import { installCommand, isPeerInstalled, PeerResolver } from "../shared/peers";
import { checkSecretsManager } from "../shared/secrets-manager-checks";
import { DEFAULT_NAMESPACE, DEFAULT_SERVICE_ACCOUNT_NAME, SecretsManagerSpec } from "../shared/types";
import type { EksClusterArgs } from "./args";
import {
    accessEntryKey, eksClusterNameFrom, isAwsRegion, isEksClusterName, isIamPrincipalArn, isKmsKeyArn, parseArn, partitionOfRegion,
} from "./arns";
import {
    AIRBYTE_EKS_SUPPORT_STATEMENT, CLOUDWATCH_RETENTION_DAYS, CLUSTER_LOG_TYPES, DEFAULT_CLUSTER_LOG_RETENTION_DAYS, DEFAULT_CLUSTER_LOG_TYPES,
    DEFAULT_KUBERNETES_VERSION,
} from "./constants";
import type { KubeconfigAuth } from "./kubeconfig";
import type { SecretsManagerGrant } from "./policies";
import {
    ResolvedBucket, ResolvedEndpoint, ResolvedNetwork, ResolvedNodeGroup,
    checkTags, resolveBucket, resolveEndpoint, resolveNetwork, resolveNodeGroup,
} from "./validate-parts";

export interface ResolvedEksCluster {
    clusterName: string;
    region: string;
    partition: string;
    kubernetesVersion: string;
    namespace: string;
    serviceAccountName: string;
    network: ResolvedNetwork;
    nodes: ResolvedNodeGroup;
    jobNodes?: ResolvedNodeGroup;
    adminPrincipalArns: string[];
    endpoint: ResolvedEndpoint;
    deletionProtection: boolean;
    logs: { types: string[]; retentionDays: number };
    secretsEncryptionKeyArn?: string;
    bucket: ResolvedBucket;
    /** Set when the data-plane role reads the secret store with its own identity (IRSA). */
    secretsManagerGrant?: SecretsManagerGrant;
    /** The IAM_ROLE store's role the data-plane role may assume; only with `secretsManagerGrant`. */
    controlPlaneRoleArn?: pulumi.Input<string>;
    secretsManager: SecretsManagerSpec;
    kubeconfigAuth: KubeconfigAuth;
    tags: Record<string, string>;
}

/** Keys `EksClusterArgs` and its option objects accept; anything else is most likely a typo. */
export const KNOWN_KEYS: Record<string, readonly string[]> = {
    "": ["secretsManager", "controlPlaneRoleArn", "namespace", "serviceAccountName", "region", "clusterName", "kubernetesVersion", "vpc", "nodes", "jobNodes",
        "adminPrincipalArns", "endpoint", "deletionProtection", "controlPlaneLogs", "secretsEncryptionKeyArn", "logBucket", "kubeconfigAuth", "tags",
        "supportedKubernetesVersions", "minimumNodeSize"],
    vpc: ["vpcId", "privateSubnetIds", "cidrBlock", "availabilityZoneCount", "availabilityZoneNames", "natGateways"],
    nodes: ["instanceTypes", "minSize", "desiredSize", "maxSize", "diskSizeGiB", "capacityType", "labels"],
    jobNodes: ["instanceTypes", "minSize", "desiredSize", "maxSize", "diskSizeGiB", "capacityType", "labels"],
    endpoint: ["publicAccess", "publicAccessCidrs", "openToInternet", "privateAccess"],
    controlPlaneLogs: ["types", "retentionDays"],
    logBucket: ["existingBucketName", "region", "accessKeys", "logExpirationDays", "versioning", "kmsKeyArn", "retainOnDestroy", "accessLogs"],
    kubeconfigAuth: ["profileName", "roleArn"],
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/** Fargate in any spelling (`fargate`, `fargateProfiles`, `useFargate`...) at any depth, when set. */
export function fargatePaths(value: unknown, path = ""): string[] {
    if (!value || typeof value !== "object") {
        return [];
    }
    return Object.entries(value).flatMap(([key, inner]) => {
        const here = path ? `${path}.${key}` : key;
        const set = inner !== undefined && inner !== null && inner !== false && !(Array.isArray(inner) && inner.length === 0);
        if (/fargate/i.test(key) && set) {
            return [here];
        }
        return key === "secretsManager" || key === "tags" ? [] : fargatePaths(inner, here);
    });
}

/** Validates `args` and fills in the defaults; throws `pulumi.InputPropertiesError` listing every problem. */
export function resolveEksClusterArgs(
    resourceName: string,
    args: EksClusterArgs,
    configRegion: string | undefined,
    peerInstalled: PeerResolver = isPeerInstalled,
): ResolvedEksCluster {
    const problems = new InputProblems(`EksCluster "${resourceName}"`);
    const a = (args ?? {}) as EksClusterArgs;
    for (const path of fargatePaths(a)) {
        problems.add(path, `remove it: ${AIRBYTE_EKS_SUPPORT_STATEMENT}. Run the data plane on the managed EC2 node groups (nodes, jobNodes).`);
    }
    for (const [section, allowed] of Object.entries(KNOWN_KEYS)) {
        // Fargate keys get their own, more pointed refusal above.
        problems.unknownKeys(section, section ? (a as any)[section] : a, allowed, (key) => /fargate/i.test(key));
    }
    const region = a.region ?? configRegion ?? "";
    problems.check(isAwsRegion(region), "region", region === ""
        ? "is required: pass region, or set the cluster's region with `pulumi config set aws:region <region>`."
        : `"${region}" is not an AWS region: use a region code such as us-east-1.`);
    const partition = partitionOfRegion(region).partition;
    const clusterName = a.clusterName ?? eksClusterNameFrom(resourceName);
    problems.check(isEksClusterName(clusterName), "clusterName", "use 1-100 letters, digits, '-' or '_', starting with a letter or digit.");
    const kubernetesVersion = a.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    if (/^1\.\d{2,}$/.test(kubernetesVersion)) {
        problems.addIfAny("kubernetesVersion", kubernetesVersionProblem("EKS", kubernetesVersion, { extended: true, supported: a.supportedKubernetesVersions }));
    } else {
        problems.add("kubernetesVersion", `"${kubernetesVersion}" is not a Kubernetes minor version: set one that EKS offers, e.g. "${DEFAULT_KUBERNETES_VERSION}".`);
    }
    if (a.supportedKubernetesVersions !== undefined) {
        problems.addIfAny("supportedKubernetesVersions", supportedVersionsProblem(a.supportedKubernetesVersions));
    }
    const namespace = a.namespace ?? DEFAULT_NAMESPACE;
    problems.check(DNS_LABEL.test(namespace), "namespace", "use a Kubernetes namespace name: lowercase letters, digits and '-', at most 63.");
    problems.addIfAny("namespace", namespaceProblem(namespace, { creates: false }));
    const serviceAccountName = a.serviceAccountName ?? DEFAULT_SERVICE_ACCOUNT_NAME;
    problems.check(DNS_SUBDOMAIN.test(serviceAccountName), "serviceAccountName", "use a Kubernetes service account name: lowercase letters, digits, '-' and '.'.");

    const admins = a.adminPrincipalArns ?? [];
    problems.check(Array.isArray(admins), "adminPrincipalArns", "list IAM role or user ARNs.");
    (Array.isArray(admins) ? admins : []).forEach((arn, i) =>
        problems.check(
            isIamPrincipalArn(arn) && !String(arn).endsWith(":root") && parseArn(arn)?.partition === partition,
            `adminPrincipalArns[${i}]`,
            `use an IAM role or user ARN in partition ${partition} such as arn:${partition}:iam::123456789012:role/Admin ` +
                "(for an assumed-role session, name the role, not the sts session ARN).",
        ),
    );
    const entryKeys = (Array.isArray(admins) ? admins : []).map((arn) => accessEntryKey(String(arn)));
    problems.check(
        new Set(entryKeys).size === entryKeys.length,
        "adminPrincipalArns",
        "lists the same principal twice (or two names that differ only in punctuation); give each once.",
    );
    const logs = {
        types: [...(a.controlPlaneLogs?.types ?? DEFAULT_CLUSTER_LOG_TYPES)] as string[],
        retentionDays: a.controlPlaneLogs?.retentionDays ?? DEFAULT_CLUSTER_LOG_RETENTION_DAYS,
    };
    problems.check(
        logs.types.every((t) => (CLUSTER_LOG_TYPES as readonly string[]).includes(t)),
        "controlPlaneLogs.types",
        `use only ${CLUSTER_LOG_TYPES.join(", ")}.`,
    );
    problems.check(
        (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(logs.retentionDays),
        "controlPlaneLogs.retentionDays",
        `use a period CloudWatch accepts: ${CLOUDWATCH_RETENTION_DAYS.join(", ")} (0 keeps logs forever).`,
    );
    if (a.secretsEncryptionKeyArn !== undefined) {
        problems.check(
            isKmsKeyArn(a.secretsEncryptionKeyArn) && parseArn(a.secretsEncryptionKeyArn)?.region === region,
            "secretsEncryptionKeyArn",
            `set the ARN of a KMS key in the cluster's region ${region}, or remove it to create one.`,
        );
    }
    problems.check(
        a.deletionProtection === undefined || typeof a.deletionProtection === "boolean",
        "deletionProtection",
        "set true (the default: EKS refuses to delete the cluster) or false (before destroying it).",
    );
    if (a.kubeconfigAuth?.roleArn !== undefined) {
        problems.check(
            isIamPrincipalArn(a.kubeconfigAuth.roleArn) && String(a.kubeconfigAuth.roleArn).includes(":role/"),
            "kubeconfigAuth.roleArn",
            "set an IAM role ARN such as arn:aws:iam::123456789012:role/Deployer, or remove it.",
        );
    }
    const minimumNodeSize = checkMinimumNodeSize(problems, a.minimumNodeSize);
    const resolved: ResolvedEksCluster = {
        clusterName,
        region,
        partition,
        kubernetesVersion,
        namespace,
        serviceAccountName,
        network: resolveNetwork(problems, a.vpc, region),
        nodes: resolveNodeGroup(problems, "nodes", a.nodes, 1, minimumNodeSize),
        jobNodes: a.jobNodes === undefined ? undefined : resolveNodeGroup(problems, "jobNodes", a.jobNodes, 0, minimumNodeSize),
        adminPrincipalArns: Array.isArray(admins) ? admins : [],
        endpoint: resolveEndpoint(problems, a.endpoint),
        deletionProtection: a.deletionProtection ?? true,
        logs,
        secretsEncryptionKeyArn: a.secretsEncryptionKeyArn,
        bucket: resolveBucket(problems, a.logBucket, region),
        secretsManager: a.secretsManager,
        secretsManagerGrant: secretsManagerGrant(problems, a.secretsManager),
        controlPlaneRoleArn: checkControlPlaneRoleArn(problems, a.controlPlaneRoleArn, a.secretsManager, partition),
        kubeconfigAuth: { ...(a.kubeconfigAuth ?? {}) },
        tags: checkTags(problems, a.tags),
    };
    if (resolved.network.kind === "new" && !peerInstalled("@pulumi/awsx")) {
        problems.add("vpc", "a new VPC is built with @pulumi/awsx, an optional peer dependency that is not installed: " +
            `run \`${installCommand(["@pulumi/awsx"])}\`, or set vpc.vpcId and vpc.privateSubnetIds to use an existing VPC.`);
    }
    problems.throwIfAny();
    return resolved;
}

/**
 * Checks the declared secret store (the checks every component shares) and returns the grant for
 * the data-plane role when the store is AWS and read with the pod's identity; undefined when
 * credentials are passed through instead. EKS cannot create GCP keys or Azure service principals,
 * so those credentials must be given.
 */
export function secretsManagerGrant(problems: InputProblems, spec: SecretsManagerSpec | undefined): SecretsManagerGrant | undefined {
    const kind = checkSecretsManager(problems, spec);
    const aws = spec?.aws;
    if (kind !== "aws" || aws?.useServiceAccountIdentity !== true || aws.accessKeys !== undefined) {
        return undefined;
    }
    return { region: aws.region, accountId: aws.accountId, kmsKeyArn: aws.kmsKeyArn, allowUntaggedSecrets: aws.allowUntaggedSecrets === true };
}

/**
 * The control plane's role is assumed with the pod's identity only when the store is read with it:
 * a store read with access keys assumes it with those keys, and other stores have no such role.
 */
function checkControlPlaneRoleArn(
    problems: InputProblems,
    arn: pulumi.Input<string> | undefined,
    spec: SecretsManagerSpec | undefined,
    partition: string,
): pulumi.Input<string> | undefined {
    if (arn === undefined) {
        return undefined;
    }
    if (spec?.aws?.useServiceAccountIdentity !== true) {
        problems.add("controlPlaneRoleArn", spec?.aws
            ? "is only for a store read with the pod's identity (secretsManager.aws.useServiceAccountIdentity): with access keys the data plane assumes the role with those keys, so grant sts:AssumeRole to that IAM user instead."
            : "is only for an AWS Secrets Manager store in IAM_ROLE mode: remove it.");
    }
    if (typeof arn === "string") {
        problems.check(isIamPrincipalArn(arn) && arn.includes(":role/") && parseArn(arn)?.partition === partition, "controlPlaneRoleArn",
            `"${arn}" is not an IAM role ARN in partition ${partition}: give the role Airbyte's control plane assumes, e.g. the org stack's controlPlaneRoleArn output.`);
    }
    return arn;
}
