/**
 * Defaults of `flexplane:aws:EksCluster`, in one place so that the docs, the code and the tests
 * agree. Every value here is documented in docs/aws.md.
 */

/** Airbyte's statement of the EKS shapes it supports; every refusal message cites it. */
export const AIRBYTE_EKS_SUPPORT_STATEMENT =
    "Airbyte supports EKS on EC2 in 2 or more availability zones; EKS on Fargate is not supported";

/**
 * Kubernetes version of new clusters. Pinned so that a preview never proposes an upgrade on its
 * own; 1.35 is in EKS standard support until March 2027.
 */
export const DEFAULT_KUBERNETES_VERSION = "1.35";

/** Fewest availability zones the cluster and its node groups may span (Airbyte's requirement). */
export const MIN_AVAILABILITY_ZONES = 2;

/** Availability zones of a new VPC. */
export const DEFAULT_AVAILABILITY_ZONE_COUNT = 3;

/** Address range of a new VPC. */
export const DEFAULT_VPC_CIDR = "10.0.0.0/16";

/** NAT gateways of a new VPC: one per zone, so losing a zone does not cut the others' egress. */
export const NAT_GATEWAY_STRATEGIES = ["OnePerAz", "Single"] as const;
export type NatGatewayStrategy = (typeof NAT_GATEWAY_STRATEGIES)[number];
export const DEFAULT_NAT_GATEWAY_STRATEGY: NatGatewayStrategy = "OnePerAz";

/**
 * Instance type of the default node group: 4 vCPU and 16 GiB fit the launcher plus a few connector
 * pods (each sync runs a source, a destination and an orchestrator container).
 */
export const DEFAULT_INSTANCE_TYPES = ["m6i.xlarge"] as const;

/**
 * Root volume of every node, GiB. Each connector pod asks 5 GiB of ephemeral storage by default and
 * images take their share: 100 GiB leaves room for a dozen concurrent jobs per node.
 */
export const DEFAULT_DISK_SIZE_GIB = 100;

/** Smallest root volume accepted: below it the images alone fill the disk. */
export const MIN_DISK_SIZE_GIB = 20;

/** Node counts of a node group; a minimum of 2 keeps a node in each of two zones. */
export const DEFAULT_NODE_COUNTS = { minSize: 2, desiredSize: 2, maxSize: 6 } as const;

/** Capacity types EKS managed node groups accept. */
export const CAPACITY_TYPES = ["ON_DEMAND", "SPOT"] as const;
export type CapacityType = (typeof CAPACITY_TYPES)[number];

/** Label and taint that keep connector pods on the dedicated job node group, when there is one. */
export const JOB_NODE_LABEL = { key: "flexplane.io/pool", value: "jobs" } as const;

/** Control-plane log types sent to CloudWatch unless the caller names others. */
export const DEFAULT_CLUSTER_LOG_TYPES = ["api", "audit", "authenticator"] as const;
export const CLUSTER_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** Days CloudWatch keeps the control-plane logs. */
export const DEFAULT_CLUSTER_LOG_RETENTION_DAYS = 90;

/** Retention periods CloudWatch Logs accepts (0 means never expire). */
export const CLOUDWATCH_RETENTION_DAYS = [
    0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Days job logs stay in the log bucket; 0 keeps them forever. */
export const DEFAULT_LOG_EXPIRATION_DAYS = 90;

/** Prefix under which the platform writes job logs; only they expire (see the shared constant). */
export { JOB_LOG_PREFIX } from "../shared/types";

/** Days after which an unfinished multipart upload is aborted. */
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

/** Days a deleted KMS key waits before it is gone (the longest AWS allows). */
export const KMS_DELETION_WINDOW_DAYS = 30;

/** Audience of the tokens EKS projects into pods for IRSA. */
export const IRSA_AUDIENCE = "sts.amazonaws.com";

/** Annotation that binds a Kubernetes service account to an IAM role (IRSA). */
export const IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

/**
 * IAM path of every data-plane role. The control-plane role of an IAM_ROLE secret store trusts the
 * roles under it (with the external id), so that connector pods can assume it with their own
 * identity when the control plane hands them that store's configuration.
 */
export const DATA_PLANE_ROLE_PATH = "/flexplane/data-plane/";

/**
 * Instance metadata (IMDS) settings of every node: session tokens required (IMDSv2) and a PUT
 * response hop limit of 1, so that the token answer never reaches a pod behind the node's network
 * hop and pods cannot read the node role's credentials. `@pulumi/eks`'s `enableIMDSv2` sets a
 * limit of 2 (pulumi/pulumi-eks `nodejs/eks/nodes/nodegroup.ts`, `createMNGCustomLaunchTemplate`),
 * hence the component's own launch template. Host-network pods (the VPC CNI) still reach IMDS.
 */
export const NODE_METADATA_OPTIONS = {
    httpEndpoint: "enabled",
    httpTokens: "required",
    httpPutResponseHopLimit: 1,
    httpProtocolIpv6: "disabled",
    instanceMetadataTags: "disabled",
} as const;

/** Root device of Amazon Linux 2023 EKS AMIs (the one `@pulumi/eks` also sizes). */
export const NODE_ROOT_DEVICE_NAME = "/dev/xvda";

/** Volume type of node root volumes. */
export const NODE_ROOT_VOLUME_TYPE = "gp3";
