import type * as pulumi from "@pulumi/pulumi";
import type { AwsAccessKeys, SecretsManagerSpec } from "../shared/types";
import type { CapacityType, NatGatewayStrategy } from "./constants";
import type { KubeconfigAuth } from "./kubeconfig";
import type { MinimumNodeSize } from "../shared/node-size";

/**
 * The network. Either an existing VPC (`vpcId` and `privateSubnetIds`) or, when `vpcId` is not set,
 * a new VPC with private subnets in each zone behind NAT gateways. Nodes always run in private
 * subnets: the data plane only makes outbound calls.
 */
export interface EksVpcOptions {
    /** Existing VPC to use. Default: none, a new VPC is created. */
    vpcId?: string;
    /**
     * Private subnets of the existing VPC, in at least 2 availability zones (checked against AWS),
     * with outbound internet access (NAT) to reach Airbyte's control plane and Docker Hub.
     * Required with `vpcId`.
     */
    privateSubnetIds?: string[];
    /** Address range of a new VPC. Default `10.0.0.0/16`. */
    cidrBlock?: string;
    /** Availability zones of a new VPC. Default 3; at least 2. */
    availabilityZoneCount?: number;
    /** Zones of a new VPC by name, e.g. `["us-east-1a", "us-east-1b"]`. Default: the region's first zones. */
    availabilityZoneNames?: string[];
    /** NAT gateways of a new VPC: `OnePerAz` (default, survives a zone outage) or `Single` (cheaper). */
    natGateways?: NatGatewayStrategy;
}

/** One EKS managed node group on EC2 (Amazon Linux 2023). */
export interface EksNodeGroupOptions {
    /** EC2 instance types. Default `["m6i.xlarge"]`; all of one CPU architecture. */
    instanceTypes?: string[];
    /** Fewest nodes. Default 2 (one per zone in two zones). */
    minSize?: number;
    /** Nodes at creation. Default 2; between `minSize` and `maxSize`. */
    desiredSize?: number;
    /** Most nodes. Default 6. */
    maxSize?: number;
    /**
     * Root volume per node, GiB. Default 100; at least 20. Connector pods ask 5 GiB each by default.
     * Always gp3 and encrypted (with the account's default EBS key), through the node group's launch
     * template.
     */
    diskSizeGiB?: number;
    /** `ON_DEMAND` (default) or `SPOT`. */
    capacityType?: CapacityType;
    /** Extra Kubernetes labels on the nodes. Default: none. */
    labels?: Record<string, string>;
}

/**
 * Who may reach the Kubernetes API server, and how. The public endpoint is never open to the whole
 * internet unless `openToInternet` says so: with `publicAccess` on, `publicAccessCidrs` is required.
 */
export interface EksEndpointOptions {
    /**
     * Public endpoint. Default `true`: Pulumi installs the Helm release through the API server, so
     * the machine that runs `pulumi up` must reach it. Set `false` only when that machine is inside
     * the VPC (or connected to it).
     */
    publicAccess?: boolean;
    /**
     * CIDR blocks allowed on the public endpoint: the addresses that run `pulumi up` and kubectl.
     * Required while `publicAccess` is on, unless `openToInternet`. `0.0.0.0/0` only with `openToInternet`.
     */
    publicAccessCidrs?: string[];
    /**
     * Accept a public endpoint reachable from every address (`0.0.0.0/0`, which is then the default
     * of `publicAccessCidrs`). Default `false`. The policy pack's `cluster-endpoint-restricted` still
     * fails such a cluster unless the pack's config lowers that policy's level.
     */
    openToInternet?: boolean;
    /** Private endpoint inside the VPC, used by the nodes. Default `true`. */
    privateAccess?: boolean;
}

/** Control-plane logs in CloudWatch (`/aws/eks/<cluster>/cluster`). */
export interface EksControlPlaneLogOptions {
    /** Log types. Default `["api", "audit", "authenticator"]`; `[]` turns them off. */
    types?: ("api" | "audit" | "authenticator" | "controllerManager" | "scheduler")[];
    /** Days to keep them. Default 90; 0 keeps them forever; otherwise a value CloudWatch accepts. */
    retentionDays?: number;
}

/**
 * Where the data plane keeps job logs, state and workload output. By default a new, hardened S3
 * bucket that the data-plane role (IRSA) may use. With `existingBucketName` the caller's bucket is
 * used instead: through the same role, or, when `accessKeys` are given too, through those keys with
 * no IAM created for storage.
 */
export interface EksLogBucketOptions {
    /** The caller's bucket. Default: none, a bucket is created. */
    existingBucketName?: string;
    /** Region of the caller's bucket. Default: the cluster's region. */
    region?: string;
    /** Static keys for the caller's bucket. Only with `existingBucketName`. Default: none (IRSA). */
    accessKeys?: AwsAccessKeys;
    /** Days before job logs (`job-logging/`) expire. Default 90; 0 keeps them. New bucket only. */
    logExpirationDays?: number;
    /** Keep old object versions (they expire with the logs). Default `false`. New bucket only. */
    versioning?: boolean;
    /** SSE-KMS with this key instead of SSE-S3. Default: SSE-S3 (AES-256). New bucket only. */
    kmsKeyArn?: string;
    /** Keep the bucket when the stack is destroyed (losing logs is losing data). Default `true`. New bucket only. */
    retainOnDestroy?: boolean;
    /**
     * S3 server access logs of the bucket, delivered to `bucket` (an existing bucket in the same
     * region and account whose bucket policy lets `logging.s3.amazonaws.com` write under `prefix`)
     * under `prefix` (default `<log bucket name>/`). Default: off, since it needs a bucket of yours
     * for the access logs. New bucket only.
     */
    accessLogs?: { bucket: string; prefix?: string };
}

/** Arguments of `flexplane:aws:EksCluster`. */
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
    vpc?: EksVpcOptions;
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
     * API server endpoint access. Default: public and private; the public endpoint needs
     * `endpoint.publicAccessCidrs` (or `endpoint.openToInternet`). Required in effect: give the
     * deployers' addresses, or turn the public endpoint off.
     */
    endpoint?: EksEndpointOptions;
    /**
     * EKS deletion protection: the cluster cannot be deleted (by Pulumi or anyone) until this is
     * turned off and applied. Default `true`; set `false` and run `pulumi up` before `pulumi destroy`.
     */
    deletionProtection?: boolean;
    /** Control-plane logging. Default: api, audit, authenticator; kept 90 days. */
    controlPlaneLogs?: EksControlPlaneLogOptions;
    /**
     * KMS key for envelope encryption of Kubernetes secrets. Default: a new key with yearly rotation.
     * A key of your own must be in the cluster's region.
     */
    secretsEncryptionKeyArn?: string;
    /** Log storage. Default: a new hardened bucket used through IRSA. */
    logBucket?: EksLogBucketOptions;
    /** How the kubeconfig's `aws eks get-token` authenticates. Default: the AWS default credential chain. */
    kubeconfigAuth?: KubeconfigAuth;
    /** Tags on every AWS resource. Default: none. */
    tags?: Record<string, string>;
    /** Refused: EKS on Fargate is not supported by Airbyte. Present so that callers get a clear message. */
    fargate?: never;
    /** Refused: EKS on Fargate is not supported by Airbyte. */
    fargateProfiles?: never;
}
