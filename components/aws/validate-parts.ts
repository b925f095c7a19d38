/**
 * Checks of the parts of `EksClusterArgs` (network, node groups, endpoint, bucket, tags). Each
 * records problems in `InputProblems` and returns the part with its defaults filled in.
 */
import { isWholeInternet, WHOLE_INTERNET_CIDRS } from "../shared/cidr";
import type { InputProblems } from "../shared/errors";
import type { AwsAccessKeys } from "../shared/types";
import type { EksEndpointOptions, EksLogBucketOptions, EksNodeGroupOptions, EksVpcOptions } from "./args";
import type { NewBucketOptions } from "./bucket";
import { isAwsRegion, isIpv4Cidr, isKmsKeyArn, parseArn } from "./arns";
import { ec2Architecture, ec2InstanceShape } from "../shared/machine-shapes";
import { dataPlaneNodeReason, MinimumNodeSize, nodeSizeProblem } from "../shared/node-size";
import { s3BucketNameProblem } from "../shared/storage-names";
import {
    AIRBYTE_EKS_SUPPORT_STATEMENT,
    CAPACITY_TYPES,
    CapacityType,
    DEFAULT_AVAILABILITY_ZONE_COUNT,
    DEFAULT_DISK_SIZE_GIB,
    DEFAULT_INSTANCE_TYPES,
    DEFAULT_LOG_EXPIRATION_DAYS,
    DEFAULT_NAT_GATEWAY_STRATEGY,
    DEFAULT_NODE_COUNTS,
    DEFAULT_VPC_CIDR,
    JOB_NODE_LABEL,
    MIN_AVAILABILITY_ZONES,
    MIN_DISK_SIZE_GIB,
    NAT_GATEWAY_STRATEGIES,
    NatGatewayStrategy,
} from "./constants";

export type ResolvedNetwork =
    | { kind: "existing"; vpcId: string; privateSubnetIds: string[] }
    | {
          kind: "new";
          cidrBlock: string;
          availabilityZoneCount: number;
          availabilityZoneNames?: string[];
          natGateways: NatGatewayStrategy;
      };

export function resolveNetwork(problems: InputProblems, vpc: EksVpcOptions | undefined, region: string): ResolvedNetwork {
    const v = vpc ?? {};
    if (v.vpcId !== undefined) {
        problems.check(/^vpc-[0-9a-f]{8,17}$/.test(String(v.vpcId)), "vpc.vpcId", "set it to a VPC id such as vpc-0123456789abcdef0.");
        for (const key of ["cidrBlock", "availabilityZoneCount", "availabilityZoneNames", "natGateways"] as const) {
            problems.check(v[key] === undefined, `vpc.${key}`, "applies only to a new VPC; remove it, or remove vpc.vpcId to create one.");
        }
        const subnets = Array.isArray(v.privateSubnetIds) ? v.privateSubnetIds : [];
        problems.check(
            subnets.length >= MIN_AVAILABILITY_ZONES && new Set(subnets).size === subnets.length,
            "vpc.privateSubnetIds",
            `list at least ${MIN_AVAILABILITY_ZONES} distinct private subnets of vpc.vpcId in different availability zones ` +
                `(${AIRBYTE_EKS_SUPPORT_STATEMENT}).`,
        );
        subnets.forEach((s, i) =>
            problems.check(/^subnet-[0-9a-f]{8,17}$/.test(String(s)), `vpc.privateSubnetIds[${i}]`, "set it to a subnet id such as subnet-0123456789abcdef0."),
        );
        return { kind: "existing", vpcId: String(v.vpcId), privateSubnetIds: subnets.map(String) };
    }
    problems.check(v.privateSubnetIds === undefined, "vpc.privateSubnetIds", "needs vpc.vpcId, the VPC the subnets belong to; set it or remove the subnets.");
    const cidrBlock = v.cidrBlock ?? DEFAULT_VPC_CIDR;
    problems.check(
        isIpv4Cidr(cidrBlock) && Number(cidrBlock.split("/")[1]) >= 16 && Number(cidrBlock.split("/")[1]) <= 20,
        "vpc.cidrBlock",
        "set an IPv4 CIDR block between /16 and /20, e.g. 10.0.0.0/16, so that each zone gets room for nodes and pods.",
    );
    const names = v.availabilityZoneNames;
    const count = v.availabilityZoneCount ?? names?.length ?? DEFAULT_AVAILABILITY_ZONE_COUNT;
    problems.check(
        Number.isInteger(count) && count >= MIN_AVAILABILITY_ZONES && count <= 6,
        "vpc.availabilityZoneCount",
        `set a whole number from ${MIN_AVAILABILITY_ZONES} to 6 (default ${DEFAULT_AVAILABILITY_ZONE_COUNT}): ${AIRBYTE_EKS_SUPPORT_STATEMENT}.`,
    );
    if (names !== undefined) {
        const valid =
            Array.isArray(names) &&
            names.length >= MIN_AVAILABILITY_ZONES &&
            new Set(names).size === names.length &&
            names.every((n) => typeof n === "string" && n.startsWith(region) && /^[a-z0-9-]+[a-z]$/.test(n));
        problems.check(
            valid,
            "vpc.availabilityZoneNames",
            `list at least ${MIN_AVAILABILITY_ZONES} distinct zones of ${region}, e.g. ["${region}a", "${region}b"] (${AIRBYTE_EKS_SUPPORT_STATEMENT}).`,
        );
        problems.check(
            v.availabilityZoneCount === undefined || v.availabilityZoneCount === names.length,
            "vpc.availabilityZoneCount",
            "differs from the number of vpc.availabilityZoneNames; remove one of the two.",
        );
    }
    const natGateways = v.natGateways ?? DEFAULT_NAT_GATEWAY_STRATEGY;
    problems.check(
        (NAT_GATEWAY_STRATEGIES as readonly string[]).includes(natGateways),
        "vpc.natGateways",
        `set one of ${NAT_GATEWAY_STRATEGIES.join(", ")}; nodes in private subnets need NAT to reach the control plane.`,
    );
    return { kind: "new", cidrBlock, availabilityZoneCount: count, availabilityZoneNames: names, natGateways };
}

export interface ResolvedNodeGroup {
    instanceTypes: string[];
    minSize: number;
    desiredSize: number;
    maxSize: number;
    diskSizeGiB: number;
    capacityType: CapacityType;
    labels: Record<string, string>;
}

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

export function resolveNodeGroup(
    problems: InputProblems,
    path: string,
    options: EksNodeGroupOptions | undefined,
    minimumNodes: number,
    minimumSize: MinimumNodeSize,
): ResolvedNodeGroup {
    const o = options ?? {};
    const instanceTypes = o.instanceTypes ?? [...DEFAULT_INSTANCE_TYPES];
    const wellFormed = Array.isArray(instanceTypes) && instanceTypes.length > 0 && instanceTypes.every((t) => /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(String(t)));
    problems.check(wellFormed, `${path}.instanceTypes`, `list one or more EC2 instance types such as "${DEFAULT_INSTANCE_TYPES[0]}"; got ${JSON.stringify(instanceTypes)}.`);
    if (wellFormed) {
        checkInstanceTypes(problems, `${path}.instanceTypes`, instanceTypes, minimumSize);
    }
    const minSize = o.minSize ?? Math.max(minimumNodes, Math.min(DEFAULT_NODE_COUNTS.minSize, o.maxSize ?? Infinity));
    const maxSize = o.maxSize ?? Math.max(DEFAULT_NODE_COUNTS.maxSize, minSize);
    const desiredSize = o.desiredSize ?? Math.min(Math.max(DEFAULT_NODE_COUNTS.desiredSize, minSize), maxSize);
    const counts = [minSize, desiredSize, maxSize];
    problems.check(
        counts.every((n) => Number.isInteger(n)) && minSize >= minimumNodes && minSize <= desiredSize && desiredSize <= maxSize && desiredSize >= 1,
        `${path}.minSize`,
        `set whole numbers with ${minimumNodes} <= minSize <= desiredSize <= maxSize and desiredSize >= 1 ` +
            `(got ${minSize}, ${desiredSize}, ${maxSize}); no autoscaler is installed, so desiredSize is the node count.`,
    );
    const diskSizeGiB = o.diskSizeGiB ?? DEFAULT_DISK_SIZE_GIB;
    problems.check(
        Number.isInteger(diskSizeGiB) && diskSizeGiB >= MIN_DISK_SIZE_GIB && diskSizeGiB <= 16384,
        `${path}.diskSizeGiB`,
        `set a whole number of GiB from ${MIN_DISK_SIZE_GIB} (default ${DEFAULT_DISK_SIZE_GIB}); each connector pod asks 5 GiB of ephemeral storage.`,
    );
    const capacityType = o.capacityType ?? "ON_DEMAND";
    problems.check((CAPACITY_TYPES as readonly string[]).includes(capacityType), `${path}.capacityType`, `set one of ${CAPACITY_TYPES.join(", ")}.`);
    const labels = o.labels ?? {};
    for (const [key, value] of Object.entries(labels)) {
        problems.check(
            LABEL_KEY.test(key) && typeof value === "string" && LABEL_VALUE.test(value),
            `${path}.labels.${key}`,
            "use a valid Kubernetes label key and a value of at most 63 letters, digits, '-', '_' or '.'.",
        );
        problems.check(key !== JOB_NODE_LABEL.key, `${path}.labels.${key}`, "is reserved for the job node group; choose another key.");
    }
    return { instanceTypes, minSize, desiredSize, maxSize, diskSizeGiB, capacityType, labels };
}

/**
 * Instance types of one managed node group: each large enough for a connector pod, and all of one
 * CPU architecture. EKS runs one AMI type per managed node group and refuses a group whose types do
 * not match it ("[t4g.small] is not a valid instance type for requested amiType AL2_x86_64";
 * mixed architectures are an open request, aws/containers-roadmap#1241).
 */
function checkInstanceTypes(problems: InputProblems, path: string, instanceTypes: string[], minimumSize: MinimumNodeSize): void {
    instanceTypes.forEach((type, i) =>
        problems.addIfAny(`${path}[${i}]`, nodeSizeProblem(type, ec2InstanceShape(type), minimumSize, dataPlaneNodeReason(DEFAULT_INSTANCE_TYPES[0]))));
    const byArchitecture = new Map<string, string[]>();
    for (const type of instanceTypes) {
        const architecture = ec2Architecture(type);
        if (architecture) {
            byArchitecture.set(architecture, [...(byArchitecture.get(architecture) ?? []), type]);
        }
    }
    if (byArchitecture.size > 1) {
        const mix = [...byArchitecture].map(([architecture, types]) => `${architecture} (${types.join(", ")})`).join(" and ");
        problems.add(path, `mixes ${mix}: a managed node group runs one AMI type, so EKS refuses the group. ` +
            "Keep one CPU architecture per group, e.g. the Graviton types in jobNodes and the x86 types in nodes.");
    }
}

export interface ResolvedEndpoint {
    publicAccess: boolean;
    publicAccessCidrs: string[];
    privateAccess: boolean;
}

export function resolveEndpoint(problems: InputProblems, endpoint: EksEndpointOptions | undefined): ResolvedEndpoint {
    const publicAccess = endpoint?.publicAccess ?? true;
    const privateAccess = endpoint?.privateAccess ?? true;
    const openToInternet = endpoint?.openToInternet ?? false;
    problems.check(publicAccess || privateAccess, "endpoint", "enable publicAccess, privateAccess or both; a cluster needs an API endpoint.");
    problems.check(typeof openToInternet === "boolean", "endpoint.openToInternet", "set true or false (default false).");
    problems.check(!openToInternet || publicAccess, "endpoint.openToInternet", "applies only with endpoint.publicAccess; remove it.");
    const cidrs = endpoint?.publicAccessCidrs;
    if (cidrs !== undefined) {
        problems.check(publicAccess, "endpoint.publicAccessCidrs", "applies only with endpoint.publicAccess; remove it or enable the public endpoint.");
        problems.check(
            Array.isArray(cidrs) && cidrs.length > 0 && cidrs.every(isIpv4Cidr),
            "endpoint.publicAccessCidrs",
            "list one or more IPv4 CIDR blocks such as 203.0.113.0/24 (the addresses that run pulumi up).",
        );
        problems.check(
            openToInternet === true || !(Array.isArray(cidrs) && cidrs.some(isWholeInternet)),
            "endpoint.publicAccessCidrs",
            "contains 0.0.0.0/0, which opens the API server to the whole internet: list your deployers' addresses instead, " +
                "or set endpoint.openToInternet: true to accept that deliberately.",
        );
    } else if (publicAccess && openToInternet !== true) {
        problems.add(
            "endpoint.publicAccessCidrs",
            "is required while the public endpoint is on: list the addresses that run pulumi up and kubectl (e.g. 203.0.113.0/24), " +
                "or set endpoint.publicAccess: false (Pulumi then runs inside the VPC), or endpoint.openToInternet: true to open it to every address.",
        );
    }
    return { publicAccess, privateAccess, publicAccessCidrs: publicAccess ? (cidrs ?? [WHOLE_INTERNET_CIDRS[0]]) : [] };
}

export type ResolvedBucket =
    | ({ kind: "new" } & NewBucketOptions)
    | { kind: "existing"; name: string; region: string; accessKeys?: EksLogBucketOptions["accessKeys"] };

/** Records a problem when `keys` are given without both halves; `alternative` is the other fix, if any. */
export function checkAccessKeyPair(problems: InputProblems, path: string, keys: AwsAccessKeys | undefined, alternative?: string): void {
    if (keys !== undefined) {
        problems.check(
            Boolean(keys.accessKeyId) && Boolean(keys.secretAccessKey),
            path,
            `set both accessKeyId and secretAccessKey${alternative ? `, or ${alternative}` : ""}.`,
        );
    }
}

export function resolveBucket(problems: InputProblems, options: EksLogBucketOptions | undefined, clusterRegion: string): ResolvedBucket {
    const o = options ?? {};
    if (o.existingBucketName !== undefined) {
        const name = o.existingBucketName;
        problems.addIfAny("logBucket.existingBucketName", typeof name === "string" && name.trim() !== ""
            ? s3BucketNameProblem(name)
            : "is empty: give the name of an existing S3 bucket, or remove existingBucketName to create one.");
        const region = o.region ?? clusterRegion;
        problems.check(isAwsRegion(region), "logBucket.region", "set the bucket's region, e.g. us-east-1.");
        for (const key of ["logExpirationDays", "versioning", "kmsKeyArn", "retainOnDestroy", "accessLogs"] as const) {
            problems.check(
                o[key] === undefined,
                `logBucket.${key}`,
                "applies only to a bucket this component creates; configure your bucket directly, or remove existingBucketName.",
            );
        }
        checkAccessKeyPair(problems, "logBucket.accessKeys", o.accessKeys, "remove accessKeys to use the data-plane role (IRSA)");
        return { kind: "existing", name: String(o.existingBucketName), region, accessKeys: o.accessKeys };
    }
    problems.check(
        o.accessKeys === undefined,
        "logBucket.accessKeys",
        "applies only with logBucket.existingBucketName; a new bucket is always used through the data-plane role (IRSA).",
    );
    problems.check(
        o.region === undefined || o.region === clusterRegion,
        "logBucket.region",
        `a new bucket is created in the cluster's region (${clusterRegion}); remove region.`,
    );
    const logExpirationDays = o.logExpirationDays ?? DEFAULT_LOG_EXPIRATION_DAYS;
    problems.check(
        Number.isInteger(logExpirationDays) && logExpirationDays >= 0,
        "logBucket.logExpirationDays",
        "set a whole number of days, or 0 to keep logs forever.",
    );
    if (o.kmsKeyArn !== undefined) {
        problems.check(
            isKmsKeyArn(o.kmsKeyArn) && parseArn(o.kmsKeyArn)?.region === clusterRegion,
            "logBucket.kmsKeyArn",
            `set the ARN of a KMS key in ${clusterRegion} (arn:aws:kms:${clusterRegion}:<account>:key/<id>), or remove it for SSE-S3.`,
        );
    }
    const accessLogs = o.accessLogs;
    if (accessLogs !== undefined) {
        problems.unknownKeys("logBucket.accessLogs", accessLogs, ["bucket", "prefix"]);
        const target = typeof accessLogs === "object" && accessLogs !== null ? accessLogs.bucket : undefined;
        problems.addIfAny("logBucket.accessLogs.bucket", typeof target === "string" && target.trim() !== ""
            ? s3BucketNameProblem(target)
            : `is required: set the name of an existing S3 bucket in ${clusterRegion} that receives the access logs (not the log bucket itself), or remove accessLogs.`);
        problems.check(
            accessLogs?.prefix === undefined || (typeof accessLogs.prefix === "string" && /^[\w!\-.*'()/]{1,512}$/.test(accessLogs.prefix)),
            "logBucket.accessLogs.prefix",
            "use up to 512 letters, digits and !-_.*'()/ (e.g. access/flexplane/), or remove it for <log bucket name>/.",
        );
    }
    return {
        kind: "new",
        region: clusterRegion,
        logExpirationDays,
        versioning: o.versioning ?? false,
        kmsKeyArn: o.kmsKeyArn,
        retainOnDestroy: o.retainOnDestroy ?? true,
        ...(accessLogs !== undefined ? { accessLogs: { bucket: String(accessLogs.bucket), prefix: accessLogs.prefix } } : {}),
    };
}

export function checkTags(problems: InputProblems, tags: Record<string, string> | undefined): Record<string, string> {
    for (const [key, value] of Object.entries(tags ?? {})) {
        problems.check(
            key.length >= 1 && key.length <= 128 && !key.toLowerCase().startsWith("aws:") && typeof value === "string" && value.length <= 256,
            `tags.${key}`,
            "use a key of 1-128 characters not starting with 'aws:' and a string value of at most 256 characters.",
        );
    }
    return { ...(tags ?? {}) };
}
