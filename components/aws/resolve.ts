/**
 * `EksClusterArgs` to the settings the component creates from: deprecated names moved to the new
 * ones, every default applied, every problem collected and thrown as one `InputPropertiesError`
 * before any resource is registered. Pure: no resources, no SDK calls.
 */
import { InputProblems } from "../shared/errors";
import { isAwsRegion } from "../shared/formats";
import { checkMinimumNodeSize } from "../shared/node-size";
import { isPeerInstalled, PeerResolver } from "../shared/peers";
import { applyRenamedOptions, RenamedOption } from "../shared/renamed-options";
import { checkSettings, settingNames } from "../shared/settings";
import { resolveWorkload } from "../shared/workload";
import type {
    EksApiServerOptions,
    EksBucketAccessLogOptions,
    EksClusterArgs,
    EksControlPlaneLogOptions,
    EksKubeconfigAuth,
    EksLogStorageOptions,
    EksNetworkOptions,
    EksNodeGroupOptions,
    EksSecretsEncryptionOptions,
} from "./args";
import { partitionOfRegion } from "./arns";
import { ResolvedControlPlane, resolveControlPlane } from "./cluster";
import { ResolvedIdentity, resolveIdentity } from "./identity";
import { resolveKubeconfigAuth } from "./access";
import { ResolvedLogStorage, resolveLogStorage } from "./log-storage";
import { AIRBYTE_EKS_SUPPORT_STATEMENT, ResolvedNetwork, resolveNetwork } from "./network";
import { ResolvedNodeGroup, resolveNodeGroup } from "./nodes";

/** Everything `EksCluster` creates from, by concern. */
export interface ResolvedEksCluster {
    region: string;
    partition: string;
    namespace: string;
    serviceAccountName: string;
    cluster: ResolvedControlPlane;
    network: ResolvedNetwork;
    nodes: ResolvedNodeGroup;
    jobNodes?: ResolvedNodeGroup;
    logStorage: ResolvedLogStorage;
    identity: ResolvedIdentity;
    kubeconfigAuth: EksKubeconfigAuth;
    tags: Record<string, string>;
}

/**
 * Options renamed so that the same option has the same name on every cloud; the old names keep
 * working, with one warning each. Blocks move first, then the fields renamed inside them.
 */
export const RENAMED_OPTIONS: readonly RenamedOption[] = [
    { from: "vpc", to: "network" },
    { from: "endpoint", to: "apiServer" },
    { from: "apiServer.publicAccessCidrs", to: "apiServer.authorizedCidrs" },
    {
        from: "apiServer.publicAccess",
        to: "apiServer.privateOnly",
        convert: (v) => (typeof v === "boolean" ? !v : v),
        note: "the value is inverted: publicAccess: false is privateOnly: true, and publicAccess: true is the default",
    },
    { from: "secretsEncryptionKeyArn", to: "secretsEncryption.keyId" },
    { from: "logBucket", to: "logStorage" },
    { from: "logStorage.retainOnDestroy", to: "logStorage.retainOnDelete" },
    { from: "logStorage.logExpirationDays", to: "logStorage.logRetentionDays" },
    ...["nodes", "jobNodes"].map((group): RenamedOption => ({
        from: `${group}.capacityType`,
        to: `${group}.spot`,
        convert: (v) => (v === "SPOT" ? true : v === "ON_DEMAND" ? false : v),
        note: "capacityType: SPOT is spot: true, ON_DEMAND is spot: false, the default",
    })),
];

/**
 * `RENAMED_OPTIONS` applied to `args`: a copy with the new names, one warning per old name (written
 * the caller's way, `prefix` e.g. `flexplane:aws.`), a problem where an old and a new name are both set.
 */
export function applyEksRenamedOptions<T extends object>(args: T, problems: InputProblems, prefix = ""): T {
    return applyRenamedOptions(args, RENAMED_OPTIONS, problems, { prefix });
}

const NODE_GROUP_KEYS = settingNames<EksNodeGroupOptions, "capacityType">({
    instanceTypes: true,
    minSize: true,
    desiredSize: true,
    maxSize: true,
    diskSizeGiB: true,
    spot: true,
    labels: true,
});

/**
 * The settings of each argument object, by path, after the deprecated names are moved to the new
 * ones; anything else is most likely a typo.
 */
const EKS_ARGUMENT_KEYS: Record<string, readonly string[]> = {
    "": settingNames<EksClusterArgs, "vpc" | "endpoint" | "secretsEncryptionKeyArn" | "logBucket">({
        secretsManager: true,
        controlPlaneRoleArn: true,
        namespace: true,
        serviceAccountName: true,
        region: true,
        clusterName: true,
        kubernetesVersion: true,
        supportedKubernetesVersions: true,
        network: true,
        minimumNodeSize: true,
        nodes: true,
        jobNodes: true,
        adminPrincipalArns: true,
        apiServer: true,
        deletionProtection: true,
        controlPlaneLogs: true,
        secretsEncryption: true,
        logStorage: true,
        kubeconfigAuth: true,
        tags: true,
    }),
    network: settingNames<EksNetworkOptions>({
        vpcId: true,
        privateSubnetIds: true,
        cidrBlock: true,
        availabilityZoneCount: true,
        availabilityZoneNames: true,
        natGateways: true,
    }),
    nodes: NODE_GROUP_KEYS,
    jobNodes: NODE_GROUP_KEYS,
    apiServer: settingNames<EksApiServerOptions>({ authorizedCidrs: true, openToInternet: true, privateOnly: true, privateAccess: true }),
    controlPlaneLogs: settingNames<EksControlPlaneLogOptions>({ types: true, retentionDays: true }),
    secretsEncryption: settingNames<EksSecretsEncryptionOptions>({ keyId: true }),
    logStorage: settingNames<EksLogStorageOptions>({
        existingBucketName: true,
        region: true,
        accessKeys: true,
        logRetentionDays: true,
        versioning: true,
        kmsKeyArn: true,
        retainOnDelete: true,
        accessLogs: true,
    }),
    "logStorage.accessLogs": settingNames<EksBucketAccessLogOptions>({ bucket: true, prefix: true }),
    kubeconfigAuth: settingNames<EksKubeconfigAuth>({ profileName: true, roleArn: true }),
};

/** Records every key outside `EKS_ARGUMENT_KEYS`; a Fargate key is refused with Airbyte's support statement. */
function checkArgumentKeys(problems: InputProblems, args: EksClusterArgs): void {
    const refuse = (key: string) =>
        /fargate/i.test(key)
            ? `remove it: ${AIRBYTE_EKS_SUPPORT_STATEMENT}. Run the data plane on the managed EC2 node groups (nodes, jobNodes).`
            : undefined;
    for (const [path, allowed] of Object.entries(EKS_ARGUMENT_KEYS)) {
        const value = path === "" ? args : path.split(".").reduce<any>((v, key) => v?.[key], args);
        checkSettings(problems, path, value, allowed, { renames: RENAMED_OPTIONS, refuse });
    }
}

function resolveTags(problems: InputProblems, tags: Record<string, string> | undefined): Record<string, string> {
    for (const [key, value] of Object.entries(tags ?? {})) {
        problems.check(
            key.length >= 1 &&
                key.length <= 128 &&
                !key.toLowerCase().startsWith("aws:") &&
                typeof value === "string" &&
                value.length <= 256,
            `tags.${key}`,
            "use a key of 1-128 characters not starting with 'aws:' and a string value of at most 256 characters.",
        );
    }
    return { ...(tags ?? {}) };
}

/**
 * Resolves `args` for `EksCluster "<resourceName>"`; throws `pulumi.InputPropertiesError` listing
 * every problem. `configRegion` is the `aws:region` config, the default of `region`.
 */
export function resolveEksCluster(
    resourceName: string,
    args: EksClusterArgs,
    configRegion: string | undefined,
    peerInstalled: PeerResolver = isPeerInstalled,
): ResolvedEksCluster {
    const problems = new InputProblems(`EksCluster "${resourceName}"`);
    const a = applyEksRenamedOptions((args ?? {}) as EksClusterArgs, problems);
    checkArgumentKeys(problems, a);
    const region = a.region ?? configRegion ?? "";
    problems.check(
        isAwsRegion(region),
        "region",
        region === ""
            ? "is required: pass region, or set the cluster's region with `pulumi config set aws:region <region>`."
            : `"${region}" is not an AWS region: use a region code such as us-east-1.`,
    );
    const partition = partitionOfRegion(region).partition;
    const workload = resolveWorkload(problems, a, { createsNamespace: false });
    const minimumNodeSize = checkMinimumNodeSize(problems, a.minimumNodeSize);
    const resolved: ResolvedEksCluster = {
        region,
        partition,
        ...workload,
        cluster: resolveControlPlane(problems, a, { resourceName, region, partition }),
        network: resolveNetwork(problems, a.network, region, peerInstalled),
        nodes: resolveNodeGroup(problems, "nodes", a.nodes, 1, minimumNodeSize),
        jobNodes: a.jobNodes === undefined ? undefined : resolveNodeGroup(problems, "jobNodes", a.jobNodes, 0, minimumNodeSize),
        logStorage: resolveLogStorage(problems, a.logStorage, region),
        identity: resolveIdentity(problems, a.secretsManager, a.controlPlaneRoleArn, partition),
        kubeconfigAuth: resolveKubeconfigAuth(problems, a.kubeconfigAuth),
        tags: resolveTags(problems, a.tags),
    };
    problems.throwIfAny();
    return resolved;
}
