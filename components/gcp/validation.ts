import { InputProblems } from "../shared/errors";
import { DEFAULT_NAMESPACE, DEFAULT_SERVICE_ACCOUNT_NAME } from "../shared/types";
import {
    DEFAULT_BUCKET_ROLES,
    DEFAULT_SECRET_MANAGER_ROLES,
    GKE_DEFAULTS,
    GKE_MODES,
    GkeClusterArgs,
    GkeMode,
    ReleaseChannel,
    RELEASE_CHANNELS,
} from "./args";
import { cidrsOverlap, isWholeInternet, parseCidr } from "../shared/cidr";
import { bucketLocationServesRegion, parseLocation } from "./locations";
import { resourceBaseName, toGcpLabels } from "./names";
import { GCP_PROJECT_ID } from "../shared/formats";
import { kubernetesVersionProblem, supportedVersionsProblem } from "../shared/kubernetes-versions";
import { namespaceProblem } from "../shared/namespaces";
import { checkMinimumNodeSize } from "../shared/node-size";
import { checkSecretsManager } from "../shared/secrets-manager-checks";
import { gcsBucketNameProblem } from "../shared/storage-names";

export { GCP_PROJECT_ID };
import { checkNodePools, ResolvedNodePool } from "./node-pool-validation";

/** A GCP project id. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const ROLE = /^(roles\/[A-Za-z0-9_.]+|(projects|organizations)\/[^/]+\/roles\/[A-Za-z0-9_.]+)$/;
const K8S_VERSION = /^(latest|\d+\.\d+(\.\d+(-gke\.\d+)?)?)$/;

/** The network the cluster uses, resolved. */
export type NetworkPlan =
    | { kind: "new"; nodesCidr: string; podsCidr: string; servicesCidr: string }
    | { kind: "existing"; network: string; subnetwork: string; podsRangeName: string; servicesRangeName: string };

/** Everything `GkeCluster` decides from its plain arguments, defaults applied. */
export interface GkeSettings {
    base: string;
    project: string;
    location: string;
    region: string;
    mode: GkeMode;
    releaseChannel: ReleaseChannel;
    kubernetesVersion?: string;
    deletionProtection: boolean;
    privateEndpoint: boolean;
    /** The caller accepted a public endpoint open to every address. */
    apiServerOpenToInternet: boolean;
    /** The KMS key for application-layer Secrets encryption; undefined: create one. */
    secretsEncryptionKeyName?: string;
    masterIpv4CidrBlock?: string;
    masterAuthorizedNetworks?: { cidrBlock: string; displayName?: string }[];
    network: NetworkPlan;
    nodePools: ResolvedNodePool[];
    nodeServiceAccountEmail?: string;
    namespace: string;
    serviceAccountName: string;
    secretManagerRoles: string[];
    bucketRoles: string[];
    bucket: { existingName?: string; location: string; versioning: boolean; logRetentionDays: number; retainOnDelete: boolean; forceDestroy: boolean };
    labels: Record<string, string>;
}

/**
 * Checks every plain argument and applies the defaults. Throws one `InputPropertiesError` naming
 * each wrong property and its fix, before any resource is registered.
 */
export function resolveGkeSettings(name: string, args: GkeClusterArgs, defaultProject?: string): GkeSettings {
    const problems = new InputProblems(`GkeCluster "${name}"`);
    const project = args.project ?? defaultProject ?? "";
    problems.check(GCP_PROJECT_ID.test(project), "project",
        `"${project}" is not a GCP project id: set project (or the gcp:project config) to the project that holds the cluster.`);

    const parsed = parseLocation(args.location ?? "");
    const region = parsed?.region ?? "";
    if (!parsed) {
        problems.add("location", `"${args.location ?? ""}" is not a GCP region or zone: give a region such as europe-west1.`);
    } else if (parsed.zone && args.allowZonalCluster !== true) {
        problems.add("location", `"${parsed.zone}" is a zone: a zonal cluster has a single control plane and stops when that zone fails. ` +
            `Use the region "${parsed.region}" (recommended), or set allowZonalCluster: true to accept a zonal cluster.`);
    }

    const mode = args.mode ?? GKE_DEFAULTS.mode;
    problems.check((GKE_MODES as readonly string[]).includes(mode), "mode", `"${mode}" is not a mode: use autopilot or standard.`);
    const releaseChannel = args.releaseChannel ?? GKE_DEFAULTS.releaseChannel;
    problems.check((RELEASE_CHANNELS as readonly string[]).includes(releaseChannel), "releaseChannel",
        `"${releaseChannel}" is not a release channel: use one of ${RELEASE_CHANNELS.join(", ")}.`);
    problems.check(args.kubernetesVersion === undefined || K8S_VERSION.test(args.kubernetesVersion), "kubernetesVersion",
        `"${args.kubernetesVersion}" is not a GKE version: give a minor version such as 1.35, or leave it out for the channel's default.`);
    if (args.kubernetesVersion !== undefined && K8S_VERSION.test(args.kubernetesVersion)) {
        problems.addIfAny("kubernetesVersion", kubernetesVersionProblem("GKE", args.kubernetesVersion,
            { extended: releaseChannel === "EXTENDED", supported: args.supportedKubernetesVersions }));
    }
    if (args.supportedKubernetesVersions !== undefined) {
        problems.addIfAny("supportedKubernetesVersions", supportedVersionsProblem(args.supportedKubernetesVersions));
    }

    const endpoint = checkEndpoint(problems, args);
    const secretsEncryptionKeyName = checkSecretsEncryption(problems, args, region);
    const master = args.masterIpv4CidrBlock === undefined ? undefined : parseCidr(args.masterIpv4CidrBlock);
    problems.check(args.masterIpv4CidrBlock === undefined || master?.prefix === 28, "masterIpv4CidrBlock",
        `"${args.masterIpv4CidrBlock}" must be a /28 such as 172.16.0.0/28, or be left out to let GKE choose.`);

    const network = checkNetwork(problems, args, master ? [args.masterIpv4CidrBlock!] : []);
    const nodePools = checkNodePools(problems, mode, args.nodePools, checkMinimumNodeSize(problems, args.minimumNodeSize));
    checkIdentity(problems, args);
    const bucket = checkBucket(problems, args, region);
    problems.check(DNS_LABEL.test(args.namespace ?? DEFAULT_NAMESPACE), "namespace",
        `"${args.namespace}" is not a Kubernetes namespace name: use lower-case letters, digits and hyphens.`);
    problems.addIfAny("namespace", namespaceProblem(args.namespace ?? DEFAULT_NAMESPACE, { creates: false }));
    problems.check(DNS_LABEL.test(args.serviceAccountName ?? DEFAULT_SERVICE_ACCOUNT_NAME), "serviceAccountName",
        `"${args.serviceAccountName}" is not a Kubernetes service account name: use lower-case letters, digits and hyphens.`);
    problems.throwIfAny();

    return {
        base: resourceBaseName(name),
        project,
        location: args.location.trim().toLowerCase(),
        region,
        mode,
        releaseChannel,
        kubernetesVersion: args.kubernetesVersion,
        deletionProtection: args.deletionProtection ?? GKE_DEFAULTS.deletionProtection,
        privateEndpoint: endpoint.privateEndpoint,
        apiServerOpenToInternet: endpoint.openToInternet,
        ...(secretsEncryptionKeyName ? { secretsEncryptionKeyName } : {}),
        masterIpv4CidrBlock: args.masterIpv4CidrBlock,
        masterAuthorizedNetworks: args.masterAuthorizedNetworks,
        network: network!,
        nodePools,
        nodeServiceAccountEmail: args.nodeServiceAccountEmail,
        namespace: args.namespace ?? DEFAULT_NAMESPACE,
        serviceAccountName: args.serviceAccountName ?? DEFAULT_SERVICE_ACCOUNT_NAME,
        secretManagerRoles: args.secretManagerRoles ?? [...DEFAULT_SECRET_MANAGER_ROLES],
        bucketRoles: args.bucketRoles ?? [...DEFAULT_BUCKET_ROLES],
        bucket,
        labels: toGcpLabels(args.labels),
    };
}

/** A Cloud KMS key's resource name; the location must be the cluster's region. */
const KMS_KEY_NAME = /^projects\/([a-z][a-z0-9-]{4,28}[a-z0-9])\/locations\/([a-z0-9-]+)\/keyRings\/[\w-]{1,63}\/cryptoKeys\/[\w-]{1,63}$/;

/**
 * The endpoint: never open to every address unless `apiServerOpenToInternet` says so. With a
 * public endpoint, authorized networks are required and may not contain 0.0.0.0/0.
 */
function checkEndpoint(problems: InputProblems, args: GkeClusterArgs): { privateEndpoint: boolean; openToInternet: boolean } {
    const privateEndpoint = args.privateEndpoint ?? GKE_DEFAULTS.privateEndpoint;
    const openToInternet = args.apiServerOpenToInternet ?? GKE_DEFAULTS.apiServerOpenToInternet;
    problems.check(typeof openToInternet === "boolean", "apiServerOpenToInternet", "set true or false (default false).");
    problems.check(!(openToInternet === true && privateEndpoint), "apiServerOpenToInternet",
        "contradicts privateEndpoint: true (a private endpoint is not on the internet); remove one of the two.");
    const networks = args.masterAuthorizedNetworks;
    (networks ?? []).forEach((block, i) => {
        problems.check(parseCidr(block.cidrBlock ?? "") !== undefined, `masterAuthorizedNetworks[${i}].cidrBlock`,
            `"${block.cidrBlock}" is not an IPv4 CIDR block: give the network that runs Pulumi and kubectl, e.g. 203.0.113.0/24.`);
        problems.check(openToInternet === true || !isWholeInternet(block.cidrBlock), `masterAuthorizedNetworks[${i}].cidrBlock`,
            "is 0.0.0.0/0, which opens the control plane to the whole internet: give your deployers' networks, or set apiServerOpenToInternet: true to accept that deliberately.");
    });
    if (!privateEndpoint && openToInternet !== true && (networks === undefined || networks.length === 0)) {
        problems.add("masterAuthorizedNetworks",
            "is required for the public endpoint: list the networks that run Pulumi and kubectl (e.g. [{cidrBlock: 203.0.113.0/24}]), " +
            "or set privateEndpoint: true (Pulumi then runs inside the VPC), or apiServerOpenToInternet: true to leave it open to every address.");
    }
    return { privateEndpoint, openToInternet: openToInternet === true };
}

/** The caller's KMS key for Secrets encryption, checked; undefined when the component creates one. */
function checkSecretsEncryption(problems: InputProblems, args: GkeClusterArgs, region: string): string | undefined {
    const given = args.secretsEncryption;
    if (given === undefined) {
        return undefined;
    }
    problems.unknownKeys("secretsEncryption", given, ["keyName"]);
    if (given.keyName === undefined) {
        return undefined;
    }
    const match = KMS_KEY_NAME.exec(given.keyName);
    problems.check(match !== null && (!region || match[2] === region), "secretsEncryption.keyName",
        `"${given.keyName}" is not a Cloud KMS key in the cluster's region ${region}: give projects/<project>/locations/${region}/keyRings/<ring>/cryptoKeys/<key>, or leave it out to create one.`);
    return given.keyName;
}

function checkNetwork(problems: InputProblems, args: GkeClusterArgs, reserved: string[]): NetworkPlan | undefined {
    if (args.existingNetwork) {
        problems.check(args.network === undefined, "network",
            "give either network (a new VPC with these ranges) or existingNetwork, not both.");
        const existing = args.existingNetwork;
        for (const key of ["network", "subnetwork", "podsRangeName", "servicesRangeName"] as const) {
            problems.check(Boolean(existing[key]?.trim()), `existingNetwork.${key}`,
                `is required with existingNetwork: give the ${key === "network" || key === "subnetwork" ? `${key} id or self link` : "secondary range name on the subnet"}.`);
        }
        return { kind: "existing", ...existing };
    }
    const plan = {
        kind: "new" as const,
        nodesCidr: args.network?.nodesCidr ?? GKE_DEFAULTS.nodesCidr,
        podsCidr: args.network?.podsCidr ?? GKE_DEFAULTS.podsCidr,
        servicesCidr: args.network?.servicesCidr ?? GKE_DEFAULTS.servicesCidr,
    };
    const named = [["network.nodesCidr", plan.nodesCidr], ["network.podsCidr", plan.podsCidr], ["network.servicesCidr", plan.servicesCidr],
        ...reserved.map((cidr) => ["masterIpv4CidrBlock", cidr])] as [string, string][];
    const ranges = named.map(([path, cidr]) => {
        const range = parseCidr(cidr);
        problems.check(range !== undefined, path, `"${cidr}" is not an IPv4 CIDR block with a clean network address, e.g. 10.0.0.0/20.`);
        return range;
    });
    for (let i = 0; i < named.length; i++) {
        for (let j = i + 1; j < named.length; j++) {
            if (ranges[i] && ranges[j] && cidrsOverlap(ranges[i]!, ranges[j]!)) {
                problems.add(named[j][0], `${named[j][1]} overlaps ${named[i][0]} (${named[i][1]}): give the nodes, pods, Services and control plane separate ranges.`);
            }
        }
    }
    return plan;
}

function checkIdentity(problems: InputProblems, args: GkeClusterArgs): void {
    // A missing Secret Manager key is created here; every other credential must be given.
    checkSecretsManager(problems, args.secretsManager, { createsCredentialsFor: "gcp" });
    for (const key of ["secretManagerRoles", "bucketRoles"] as const) {
        const roles = args[key];
        problems.check(roles === undefined || (roles.length > 0 && roles.every((r) => ROLE.test(r))), key,
            `give at least one role, each like roles/<name> or projects/<p>/roles/<name>; got ${JSON.stringify(roles)}.`);
    }
}

function checkBucket(problems: InputProblems, args: GkeClusterArgs, region: string): GkeSettings["bucket"] {
    const bucket = args.bucket ?? {};
    const location = bucket.location ?? region;
    if (bucket.existingBucketName !== undefined) {
        const name = bucket.existingBucketName;
        problems.addIfAny("bucket.existingBucketName", name.trim() === ""
            ? "is empty: give the name of an existing bucket, or remove existingBucketName to create one."
            : name.startsWith("gs://") ? `"${name}" is a URL: give the bucket's name alone, without gs://.` : gcsBucketNameProblem(name));
        const ignored = (["location", "versioning", "logRetentionDays", "retainOnDelete", "forceDestroy"] as const).filter((k) => bucket[k] !== undefined);
        problems.check(ignored.length === 0, "bucket",
            `${ignored.join(", ")} only apply to a bucket this component creates; remove them or remove existingBucketName.`);
    } else if (region && !bucketLocationServesRegion(location, region)) {
        problems.add("bucket.location", `"${location}" does not contain the cluster's region ${region}, so logs and state would leave it: ` +
            `leave bucket.location out to use ${region}, or give a multi-region or dual-region that contains ${region}.`);
    }
    const days = bucket.logRetentionDays ?? GKE_DEFAULTS.logRetentionDays;
    problems.check(Number.isInteger(days) && days >= 0, "bucket.logRetentionDays",
        `${days} is not a whole number of days: give 0 to keep logs, or the number of days after which they are deleted.`);
    return {
        existingName: bucket.existingBucketName,
        location: location.toUpperCase(),
        versioning: bucket.versioning ?? GKE_DEFAULTS.bucketVersioning,
        logRetentionDays: days,
        retainOnDelete: bucket.retainOnDelete ?? GKE_DEFAULTS.bucketRetainOnDelete,
        forceDestroy: bucket.forceDestroy ?? GKE_DEFAULTS.bucketForceDestroy,
    };
}
