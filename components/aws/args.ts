/**
 * Arguments of `EksCluster`: every interface and enum, and `EKS_DEFAULTS`, the one
 * place each default lives. Every nested type is a named interface and every choice a const-object
 * enum, so that Pulumi's component-schema analyzer can describe them to other languages.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { MinimumNodeSize } from "../shared/node-size";
import type { AwsAccessKeys, SecretsManagerSpec } from "../shared/types";

/** NAT gateways of a new VPC. */
export const EksNatGatewayStrategy = {
    /** One per zone: losing a zone does not cut the other zones' egress. */
    OnePerAz: "OnePerAz",
    /** One for the whole VPC: cheaper, but one zone's outage cuts every node's egress. */
    Single: "Single",
} as const;
export type EksNatGatewayStrategy = (typeof EksNatGatewayStrategy)[keyof typeof EksNatGatewayStrategy];

/** Control-plane log types EKS sends to CloudWatch. */
export const EksControlPlaneLogType = {
    Api: "api",
    Audit: "audit",
    Authenticator: "authenticator",
    ControllerManager: "controllerManager",
    Scheduler: "scheduler",
} as const;
export type EksControlPlaneLogType = (typeof EksControlPlaneLogType)[keyof typeof EksControlPlaneLogType];

/** Capacity types of a managed node group; only the deprecated `capacityType` takes them (use `spot`). */
export const EksCapacityType = { OnDemand: "ON_DEMAND", Spot: "SPOT" } as const;
export type EksCapacityType = (typeof EksCapacityType)[keyof typeof EksCapacityType];

/** Every default of `EksCluster`, documented in docs/aws.md. */
export const EKS_DEFAULTS = {
    /** Pinned so that a preview never proposes an upgrade on its own; in EKS standard support until March 2027. */
    kubernetesVersion: "1.35",
    network: { cidrBlock: "10.0.0.0/16", availabilityZoneCount: 3, natGateways: EksNatGatewayStrategy.OnePerAz },
    /**
     * 4 vCPU and 16 GiB fit the launcher plus a few connector pods (source, destination and
     * orchestrator each); 100 GiB disks leave room for a dozen jobs asking 5 GiB of ephemeral storage
     * each; at least 2 nodes keep one in each of two zones.
     */
    nodes: { instanceTypes: ["m6i.xlarge"], minSize: 2, desiredSize: 2, maxSize: 6, diskSizeGiB: 100, spot: false },
    apiServer: { privateOnly: false, openToInternet: false, privateAccess: true },
    deletionProtection: true,
    controlPlaneLogs: {
        types: [EksControlPlaneLogType.Api, EksControlPlaneLogType.Audit, EksControlPlaneLogType.Authenticator],
        retentionDays: 90,
    },
    logStorage: { logRetentionDays: 90, versioning: false, retainOnDelete: true },
} as const;

/**
 * The network. Either an existing VPC (`vpcId` and `privateSubnetIds`) or, when `vpcId` is not set,
 * a new VPC with private subnets in each zone behind NAT gateways. Nodes always run in private
 * subnets: the data plane only makes outbound calls.
 */
export interface EksNetworkOptions {
    /** Existing VPC to use. Default: none, a new VPC is created. */
    vpcId?: string;
    /**
     * Private subnets of the existing VPC, in at least 2 availability zones (checked against AWS),
     * with outbound internet access (NAT) to reach Airbyte's control plane and Docker Hub.
     * Required with `vpcId`; refused without it.
     */
    privateSubnetIds?: string[];
    /** Address range of a new VPC, /16 to /20. Default `10.0.0.0/16`. New VPC only. */
    cidrBlock?: string;
    /** Availability zones of a new VPC, 2 to 6. Default 3. New VPC only. */
    availabilityZoneCount?: number;
    /** Zones of a new VPC by name, e.g. `["us-east-1a", "us-east-1b"]`. Default: the region's first zones. New VPC only. */
    availabilityZoneNames?: string[];
    /** NAT gateways of a new VPC. Default `OnePerAz`. New VPC only. */
    natGateways?: EksNatGatewayStrategy;
}

/** One EKS managed node group on EC2 (Amazon Linux 2023). */
export interface EksNodeGroupOptions {
    /** EC2 instance types, all of one CPU architecture, each at least `minimumNodeSize`. Default `["m6i.xlarge"]`. */
    instanceTypes?: string[];
    /** Fewest nodes. Default 2 (one per zone in two zones); the job group may go down to 0. */
    minSize?: number;
    /** Nodes at creation, between `minSize` and `maxSize`. Default 2. No autoscaler is installed: this is the node count. */
    desiredSize?: number;
    /** Most nodes. Default 6. */
    maxSize?: number;
    /**
     * Root volume per node, GiB. Default 100; at least 20. Connector pods ask 5 GiB each by default.
     * Always gp3 and encrypted (with the account's default EBS key), through the node group's launch
     * template.
     */
    diskSizeGiB?: number;
    /** Spot capacity instead of on-demand. Default `false`. */
    spot?: boolean;
    /** Extra Kubernetes labels on the nodes (`flexplane.io/pool` is reserved). Default: none. */
    labels?: Record<string, string>;
    /** @deprecated Use `spot` (`SPOT` is `spot: true`). */
    capacityType?: EksCapacityType;
}

/**
 * Who may reach the Kubernetes API server. The public endpoint is on (Pulumi installs the Helm
 * release through it) and admits only `authorizedCidrs`, unless `privateOnly` turns it off or
 * `openToInternet` opens it to every address.
 */
export interface EksApiServerOptions {
    /**
     * CIDR blocks allowed on the public endpoint: the addresses that run `pulumi up` and kubectl.
     * Required unless `privateOnly` or `openToInternet`; `0.0.0.0/0` only with `openToInternet`.
     */
    authorizedCidrs?: string[];
    /**
     * Accept a public endpoint reachable from every address (`0.0.0.0/0`, which is then the default
     * of `authorizedCidrs`). Default `false`. The policy pack's `cluster-endpoint-restricted` still
     * fails such a cluster unless the pack's config lowers that policy's level. Not with `privateOnly`.
     */
    openToInternet?: boolean;
    /**
     * No public endpoint. Default `false`. Only when the machine that runs `pulumi up` is inside the
     * VPC (or connected to it); needs `privateAccess`.
     */
    privateOnly?: boolean;
    /** Private endpoint inside the VPC, used by the nodes. Default `true`. */
    privateAccess?: boolean;
}

/** Control-plane logs in CloudWatch (`/aws/eks/<cluster>/cluster`). */
export interface EksControlPlaneLogOptions {
    /** Log types. Default `["api", "audit", "authenticator"]`; `[]` turns them off. */
    types?: EksControlPlaneLogType[];
    /** Days to keep them. Default 90; 0 keeps them forever; otherwise a period CloudWatch accepts. */
    retentionDays?: number;
}

/** The KMS key that envelope-encrypts Kubernetes Secrets. */
export interface EksSecretsEncryptionOptions {
    /** ARN of a KMS key in the cluster's region. Required in this block. */
    keyId: string;
}

/** S3 server access logs of the new log bucket. */
export interface EksBucketAccessLogOptions {
    /**
     * An existing bucket in the same region and account whose bucket policy lets
     * `logging.s3.amazonaws.com` write under `prefix`; not the log bucket itself. Required in this block.
     */
    bucket: string;
    /** Key prefix in that bucket. Default `<log bucket name>/`. */
    prefix?: string;
}

/**
 * Where the data plane keeps job logs, state and workload output. By default a new, hardened S3
 * bucket that the data-plane role (IRSA) may use. With `existingBucketName` the caller's bucket is
 * used instead: through the same role, or, when `accessKeys` are given too, through those keys with
 * no IAM created for storage.
 */
export interface EksLogStorageOptions {
    /** The caller's bucket. Default: none, a bucket is created. */
    existingBucketName?: string;
    /** Region of the caller's bucket. Default: the cluster's region (a new bucket is always there). */
    region?: string;
    /**
     * Static keys for the caller's bucket. Only with `existingBucketName`. Default: none (IRSA).
     * @secret
     */
    accessKeys?: AwsAccessKeys;
    /** Days before job logs (`job-logging/`) expire. Default 90; 0 keeps them. New bucket only. */
    logRetentionDays?: number;
    /** Keep old object versions (they expire with the logs). Default `false`. New bucket only. */
    versioning?: boolean;
    /** SSE-KMS with this key (in the cluster's region) instead of SSE-S3. Default: SSE-S3. New bucket only. */
    kmsKeyArn?: string;
    /** Keep the bucket when the stack is destroyed (losing logs is losing data). Default `true`. New bucket only. */
    retainOnDelete?: boolean;
    /** S3 server access logs. Default: off, since they need a bucket of yours. New bucket only. */
    accessLogs?: EksBucketAccessLogOptions;
}

/** How the kubeconfig's `aws eks get-token` authenticates. */
export interface EksKubeconfigAuth {
    /** Named AWS CLI profile; set as `AWS_PROFILE` for the token command. Default: the default chain. */
    profileName?: string;
    /** IAM role the CLI assumes before it asks for the token. Default: none. */
    roleArn?: string;
}

/** @deprecated The old form of `apiServer`, kept working with a warning. */
export interface EksEndpointOptions {
    /** @deprecated `publicAccess: false` is `apiServer.privateOnly: true`. */
    publicAccess?: boolean;
    /** @deprecated Use `apiServer.authorizedCidrs`. */
    publicAccessCidrs?: string[];
    /** @deprecated Use `apiServer.openToInternet`. */
    openToInternet?: boolean;
    /** @deprecated Use `apiServer.privateAccess`. */
    privateAccess?: boolean;
}

/** @deprecated The old form of `logStorage`, kept working with a warning. */
export interface EksLogBucketOptions {
    /** @deprecated Use `logStorage.existingBucketName`. */
    existingBucketName?: string;
    /** @deprecated Use `logStorage.region`. */
    region?: string;
    /**
     * @deprecated Use `logStorage.accessKeys`.
     * @secret
     */
    accessKeys?: AwsAccessKeys;
    /** @deprecated Use `logStorage.logRetentionDays`. */
    logExpirationDays?: number;
    /** @deprecated Use `logStorage.versioning`. */
    versioning?: boolean;
    /** @deprecated Use `logStorage.kmsKeyArn`. */
    kmsKeyArn?: string;
    /** @deprecated Use `logStorage.retainOnDelete`. */
    retainOnDestroy?: boolean;
    /** @deprecated Use `logStorage.accessLogs`. */
    accessLogs?: EksBucketAccessLogOptions;
}

/** Arguments of `EksCluster`. */
export interface EksClusterArgs {
    /**
     * The control plane's secret store, as declared (exactly one of `aws`, `gcp`, `azure`). Required.
     * With `aws.useServiceAccountIdentity` the data-plane role gets Airbyte's Secrets Manager policy in
     * the declared `aws.region` and `aws.accountId` (never the cluster's). With `aws.accessKeys`, or a
     * GCP or Azure store, no IAM is created for it and the spec is passed through to DataPlane.
     */
    secretsManager: SecretsManagerSpec;
    /**
     * ARN of the role Airbyte's control plane assumes for an AWS Secrets Manager store in IAM_ROLE
     * mode (e.g. the org stack's `controlPlaneRoleArn`). When the control plane hands a connector pod
     * that store's configuration, the pod assumes the role with its own identity, so the data-plane
     * role gets `sts:AssumeRole` on it (the role must trust it too: `ControlPlaneSecretsRole` trusts
     * every role under `/flexplane/data-plane/` by default). Only with
     * `secretsManager.aws.useServiceAccountIdentity`; a store read with access keys assumes the role
     * with those keys. Default: none.
     */
    controlPlaneRoleArn?: pulumi.Input<string>;
    /** Namespace the data plane will be installed into; the role trusts it. Default `airbyte`. */
    namespace?: string;
    /** Service account the chart runs under; the role trusts it. Default `airbyte-workload-launcher`. */
    serviceAccountName?: string;
    /**
     * Region of the cluster. Default: the `aws:region` config. Must be the region of the AWS provider
     * the resources are created with.
     */
    region?: string;
    /** EKS cluster name. Default: this component's name, with characters EKS refuses replaced by `-`. */
    clusterName?: string;
    /**
     * Kubernetes version. Default `1.35` (pinned; raise it deliberately, one minor version at a time).
     * Must be a minor EKS supports (standard or extended support): see `supportedKubernetesVersions`.
     */
    kubernetesVersion?: string;
    /**
     * Minor versions `kubernetesVersion` may name, replacing the built-in table of what EKS supported
     * on 2026-11-30 (1.32 to 1.36; `KUBERNETES_TABLE_DATE`, docs/aws.md). Set it when EKS offers a
     * version newer than this package knows. Default: the table.
     */
    supportedKubernetesVersions?: string[];
    /** The network. Default: a new VPC, `10.0.0.0/16`, 3 zones, one NAT gateway per zone. */
    network?: EksNetworkOptions;
    /**
     * Smallest node accepted in `nodes` and `jobNodes`. Default `{vcpus: 4, memoryGiB: 8}`: a sync
     * pod asks 2 vCPU and 4 GiB by Airbyte's defaults, which smaller nodes cannot give after the
     * system's share (docs/aws.md). Instance types whose family the size table does not know pass.
     */
    minimumNodeSize?: MinimumNodeSize;
    /** The node group for the launcher and, unless `jobNodes` is set, connector pods. Defaults above. */
    nodes?: EksNodeGroupOptions;
    /**
     * A second node group only for connector (job) pods, labelled and tainted `flexplane.io/pool=jobs`;
     * DataPlane then gives job pods the matching node selector and toleration. Default: none.
     */
    jobNodes?: EksNodeGroupOptions;
    /**
     * IAM roles or users made cluster administrators (access entries with
     * `AmazonEKSClusterAdminPolicy`). Default: none; the identity that creates the cluster is an
     * administrator in any case.
     */
    adminPrincipalArns?: string[];
    /**
     * API server access. Default: public and private endpoints; the public one needs
     * `apiServer.authorizedCidrs` (or `apiServer.openToInternet`). Required in effect: give the
     * deployers' addresses, or set `privateOnly`.
     */
    apiServer?: EksApiServerOptions;
    /**
     * EKS deletion protection: the cluster cannot be deleted (by Pulumi or anyone) until this is
     * turned off and applied. Default `true`; set `false` and run `pulumi up` before `pulumi destroy`.
     */
    deletionProtection?: boolean;
    /** Control-plane logging. Default: api, audit, authenticator; kept 90 days. */
    controlPlaneLogs?: EksControlPlaneLogOptions;
    /** KMS key for envelope encryption of Kubernetes Secrets. Default: a new key with yearly rotation. */
    secretsEncryption?: EksSecretsEncryptionOptions;
    /** Log storage. Default: a new hardened bucket used through IRSA. */
    logStorage?: EksLogStorageOptions;
    /** How the kubeconfig's `aws eks get-token` authenticates. Default: the AWS default credential chain. */
    kubeconfigAuth?: EksKubeconfigAuth;
    /** Tags on every AWS resource. Default: none. */
    tags?: Record<string, string>;
    /** @deprecated Use `network` (same fields). */
    vpc?: EksNetworkOptions;
    /** @deprecated Use `apiServer`. */
    endpoint?: EksEndpointOptions;
    /** @deprecated Use `secretsEncryption: { keyId }`. */
    secretsEncryptionKeyArn?: string;
    /** @deprecated Use `logStorage`. */
    logBucket?: EksLogBucketOptions;
}
