/**
 * The EKS cluster itself: name, version, API server access, administrators, control-plane logs,
 * secrets encryption and deletion protection. Resolution, the pure inputs of `eks.Cluster`, and
 * creation (with the KMS key and the log group it needs first) side by side.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import { isWholeInternet, WHOLE_INTERNET_CIDRS } from "../shared/cidr";
import type { InputProblems } from "../shared/errors";
import { kubernetesVersionProblem, supportedVersionsProblem } from "../shared/kubernetes-versions";
import { EKS_DEFAULTS, EksClusterArgs, EksControlPlaneLogType } from "./args";
import {
    accessEntryKey,
    eksAccessPolicyArn,
    eksClusterNameFrom,
    isEksClusterName,
    isIamPrincipalArn,
    isIpv4Cidr,
    isKmsKeyArn,
    parseArn,
} from "./arns";

/** Days a deleted KMS key waits before it is gone (the longest AWS allows). */
const KMS_DELETION_WINDOW_DAYS = 30;

/** Retention periods CloudWatch Logs accepts (0 means never expire). */
const CLOUDWATCH_RETENTION_DAYS = [
    0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** The cluster's own settings, every default applied. */
export interface ResolvedControlPlane {
    clusterName: string;
    kubernetesVersion: string;
    /** `publicAccessCidrs` is empty without a public endpoint. */
    apiServer: { publicAccess: boolean; privateAccess: boolean; publicAccessCidrs: string[] };
    adminPrincipalArns: string[];
    deletionProtection: boolean;
    logs: { types: string[]; retentionDays: number };
    /** The caller's key; undefined when the component creates one. */
    secretsEncryptionKeyArn?: string;
}

/** The cluster's settings from `args`, problems recorded under their argument paths. */
export function resolveControlPlane(
    problems: InputProblems,
    a: EksClusterArgs,
    at: { resourceName: string; region: string; partition: string },
): ResolvedControlPlane {
    const clusterName = a.clusterName ?? eksClusterNameFrom(at.resourceName);
    problems.check(
        isEksClusterName(clusterName),
        "clusterName",
        `"${clusterName}" is not an EKS cluster name: use 1-100 letters, digits, '-' or '_', starting with a letter or digit.`,
    );
    const kubernetesVersion = a.kubernetesVersion ?? EKS_DEFAULTS.kubernetesVersion;
    if (/^1\.\d{2,}$/.test(kubernetesVersion)) {
        problems.addIfAny(
            "kubernetesVersion",
            kubernetesVersionProblem("EKS", kubernetesVersion, { extended: true, supported: a.supportedKubernetesVersions }),
        );
    } else {
        problems.add(
            "kubernetesVersion",
            `"${kubernetesVersion}" is not a Kubernetes minor version: set one that EKS offers, e.g. "${EKS_DEFAULTS.kubernetesVersion}".`,
        );
    }
    if (a.supportedKubernetesVersions !== undefined) {
        problems.addIfAny("supportedKubernetesVersions", supportedVersionsProblem(a.supportedKubernetesVersions));
    }
    const logs = {
        types: [...(a.controlPlaneLogs?.types ?? EKS_DEFAULTS.controlPlaneLogs.types)] as string[],
        retentionDays: a.controlPlaneLogs?.retentionDays ?? EKS_DEFAULTS.controlPlaneLogs.retentionDays,
    };
    const logTypes: string[] = Object.values(EksControlPlaneLogType);
    problems.check(
        logs.types.every((t) => logTypes.includes(t)),
        "controlPlaneLogs.types",
        `use only ${logTypes.join(", ")}.`,
    );
    problems.check(
        CLOUDWATCH_RETENTION_DAYS.includes(logs.retentionDays),
        "controlPlaneLogs.retentionDays",
        `${logs.retentionDays} is not a period CloudWatch accepts: use one of ${CLOUDWATCH_RETENTION_DAYS.join(", ")} (0 keeps logs forever).`,
    );
    const keyId = a.secretsEncryption?.keyId;
    if (a.secretsEncryption !== undefined) {
        problems.check(
            isKmsKeyArn(keyId) && parseArn(keyId)?.region === at.region,
            "secretsEncryption.keyId",
            `set the ARN of a KMS key in the cluster's region ${at.region}, or remove secretsEncryption to create one.`,
        );
    }
    const deletionProtection = a.deletionProtection ?? EKS_DEFAULTS.deletionProtection;
    problems.check(
        typeof deletionProtection === "boolean",
        "deletionProtection",
        "set true (the default: EKS refuses to delete the cluster) or false (before destroying it).",
    );
    return {
        clusterName,
        kubernetesVersion,
        apiServer: resolveApiServer(problems, a.apiServer ?? {}),
        adminPrincipalArns: resolveAdmins(problems, a.adminPrincipalArns, at.partition),
        deletionProtection,
        logs,
        secretsEncryptionKeyArn: keyId,
    };
}

function resolveApiServer(problems: InputProblems, o: NonNullable<EksClusterArgs["apiServer"]>): ResolvedControlPlane["apiServer"] {
    const defaults = EKS_DEFAULTS.apiServer;
    const privateOnly = o.privateOnly ?? defaults.privateOnly;
    const privateAccess = o.privateAccess ?? defaults.privateAccess;
    const openToInternet = o.openToInternet ?? defaults.openToInternet;
    problems.check(
        typeof privateOnly === "boolean",
        "apiServer.privateOnly",
        `"${String(privateOnly)}" is not valid: set true (no public endpoint) or false (the default).`,
    );
    problems.check(typeof openToInternet === "boolean", "apiServer.openToInternet", "set true or false (default false).");
    problems.check(
        !(privateOnly === true && privateAccess === false),
        "apiServer.privateAccess",
        "is false, but apiServer.privateOnly turns the public endpoint off: a cluster needs an API endpoint; remove one of the two.",
    );
    problems.check(
        !(privateOnly === true && openToInternet === true),
        "apiServer.openToInternet",
        "applies only to the public endpoint, which apiServer.privateOnly turns off; remove one of the two.",
    );
    const cidrs = o.authorizedCidrs;
    if (cidrs !== undefined) {
        problems.check(
            privateOnly !== true,
            "apiServer.authorizedCidrs",
            "applies only to the public endpoint, which apiServer.privateOnly turns off; remove one of the two.",
        );
        problems.check(
            Array.isArray(cidrs) && cidrs.length > 0 && cidrs.every(isIpv4Cidr),
            "apiServer.authorizedCidrs",
            `${JSON.stringify(cidrs)} is not valid: list one or more IPv4 CIDR blocks such as 203.0.113.0/24 (the addresses that run pulumi up).`,
        );
        problems.check(
            openToInternet === true || !(Array.isArray(cidrs) && cidrs.some(isWholeInternet)),
            "apiServer.authorizedCidrs",
            "contains 0.0.0.0/0, which opens the API server to the whole internet: list your deployers' addresses instead, " +
                "or set apiServer.openToInternet: true to accept that deliberately.",
        );
    } else if (privateOnly !== true && openToInternet !== true) {
        problems.add(
            "apiServer.authorizedCidrs",
            "is required while the public endpoint is on: list the addresses that run pulumi up and kubectl (e.g. 203.0.113.0/24), " +
                "or set apiServer.privateOnly: true (Pulumi then runs inside the VPC), or apiServer.openToInternet: true to open it to every address.",
        );
    }
    const publicAccess = privateOnly !== true;
    return { publicAccess, privateAccess, publicAccessCidrs: publicAccess ? (cidrs ?? [WHOLE_INTERNET_CIDRS[0]]) : [] };
}

function resolveAdmins(problems: InputProblems, given: string[] | undefined, partition: string): string[] {
    const admins = given ?? [];
    if (!Array.isArray(admins)) {
        problems.add("adminPrincipalArns", "list IAM role or user ARNs.");
        return [];
    }
    admins.forEach((arn, i) =>
        problems.check(
            isIamPrincipalArn(arn) && !String(arn).endsWith(":root") && parseArn(arn)?.partition === partition,
            `adminPrincipalArns[${i}]`,
            `"${String(arn)}" is not an IAM role or user ARN in partition ${partition}: use one such as arn:${partition}:iam::123456789012:role/Admin ` +
                "(for an assumed-role session, name the role, not the sts session ARN).",
        ),
    );
    const entryKeys = admins.map((arn) => accessEntryKey(String(arn)));
    problems.check(
        new Set(entryKeys).size === entryKeys.length,
        "adminPrincipalArns",
        "lists the same principal twice (or two names that differ only in punctuation); give each once.",
    );
    return admins;
}

/** The inputs of `eks.Cluster`, as a pure function of the resolved settings. */
export function clusterInputs(
    r: ResolvedControlPlane,
    region: string,
    network: { vpcId: pulumi.Input<string>; privateSubnetIds: pulumi.Input<string[]> },
    encryptionKeyArn: pulumi.Input<string>,
    tags: Record<string, string>,
): eks.ClusterArgs {
    const adminPolicyArn = eksAccessPolicyArn(region, "AmazonEKSClusterAdminPolicy");
    return {
        name: r.clusterName,
        version: r.kubernetesVersion,
        vpcId: network.vpcId,
        privateSubnetIds: network.privateSubnetIds,
        nodeAssociatePublicIpAddress: false,
        authenticationMode: eks.AuthenticationMode.Api,
        accessEntries: Object.fromEntries(
            r.adminPrincipalArns.map((principalArn) => [
                accessEntryKey(principalArn),
                {
                    principalArn,
                    type: eks.AccessEntryType.Standard,
                    accessPolicies: { clusterAdmin: { policyArn: adminPolicyArn, accessScope: { type: "cluster" } } },
                },
            ]),
        ),
        skipDefaultNodeGroup: true,
        // Managed node groups use the security group EKS creates; the component's own would be unused.
        skipDefaultSecurityGroups: true,
        createOidcProvider: true,
        // Without a default node group the managed CoreDNS add-on would wait for nodes that come later
        // and time out; the self-managed CoreDNS that EKS bootstraps serves the cluster instead.
        corednsAddonOptions: { enabled: false },
        // The VPC CNI's network policy agent, so that NetworkPolicies (DataPlane's metadata block) are enforced.
        vpcCniOptions: { enableNetworkPolicy: true },
        deletionProtection: r.deletionProtection,
        endpointPublicAccess: r.apiServer.publicAccess,
        endpointPrivateAccess: r.apiServer.privateAccess,
        ...(r.apiServer.publicAccess ? { publicAccessCidrs: r.apiServer.publicAccessCidrs } : {}),
        enabledClusterLogTypes: r.logs.types,
        encryptionConfigKeyArn: encryptionKeyArn,
        tags,
    };
}

/**
 * The EKS cluster, after what it needs first: a KMS key for Secrets (unless the caller gave one) and
 * the control-plane log group (EKS would create it itself with no expiry; creating it first sets the
 * retention).
 */
export function createControlPlane(
    name: string,
    r: ResolvedControlPlane,
    region: string,
    network: { vpcId: pulumi.Input<string>; privateSubnetIds: pulumi.Input<string[]> },
    tags: Record<string, string>,
    parent: pulumi.Resource,
): eks.Cluster {
    let encryptionKeyArn: pulumi.Input<string>;
    if (r.secretsEncryptionKeyArn) {
        encryptionKeyArn = r.secretsEncryptionKeyArn;
    } else {
        const key = new aws.kms.Key(
            `${name}-secrets`,
            {
                description: `Envelope encryption of Kubernetes secrets in EKS cluster ${r.clusterName}`,
                enableKeyRotation: true,
                deletionWindowInDays: KMS_DELETION_WINDOW_DAYS,
                tags,
            },
            { parent },
        );
        new aws.kms.Alias(`${name}-secrets`, { name: `alias/${r.clusterName}-secrets`, targetKeyId: key.keyId }, { parent });
        encryptionKeyArn = key.arn;
    }
    const logGroups =
        r.logs.types.length > 0
            ? [
                  new aws.cloudwatch.LogGroup(
                      `${name}-control-plane-logs`,
                      { name: `/aws/eks/${r.clusterName}/cluster`, retentionInDays: r.logs.retentionDays, tags },
                      { parent },
                  ),
              ]
            : [];
    return new eks.Cluster(`${name}-cluster`, clusterInputs(r, region, network, encryptionKeyArn, tags), { parent, dependsOn: logGroups });
}
