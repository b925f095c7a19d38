import { InputProblems } from "../shared/errors";
import { GCP_PROJECT_ID } from "../shared/formats";
import { checkMinimumNodeSize } from "../shared/node-size";
import { applyRenamedOptions, RenamedOption } from "../shared/renamed-options";
import { checkSettings, isSettingsMap, settingNames } from "../shared/settings";
import { resolveWorkload, Workload } from "../shared/workload";
import {
    GKE_DEFAULTS,
    GkeApiServerOptions,
    GkeClusterArgs,
    GkeExistingNetworkArgs,
    GkeLogStorageArgs,
    GkeMode,
    GkeNewNetworkArgs,
    GkeNodePoolArgs,
    GkeSecretsEncryptionArgs,
} from "./args";
import { resolveControlPlane, ResolvedGkeControlPlane } from "./cluster";
import { resolveIdentity, ResolvedGkeIdentity } from "./identity";
import { parseLocation } from "./locations";
import { resolveLogStorage, ResolvedGkeLogStorage } from "./log-storage";
import { resourceBaseName, toGcpLabels } from "./names";
import { resolveNetwork, ResolvedGkeNetwork } from "./network";
import { resolveNodePools, ResolvedGkeNodePool } from "./nodes";
import { resolveSecretsEncryptionKey } from "./secrets-encryption";

/** Old option names, kept working with a deprecation warning, so that every cloud names an option alike. */
export const RENAMED_OPTIONS: readonly RenamedOption[] = [
    { from: "bucket", to: "logStorage" },
    { from: "labels", to: "tags" },
    { from: "masterAuthorizedNetworks", to: "apiServer.authorizedCidrs", convert: cidrsOf },
    { from: "apiServerOpenToInternet", to: "apiServer.openToInternet" },
    { from: "privateEndpoint", to: "apiServer.privateOnly" },
    { from: "secretsEncryption.keyName", to: "secretsEncryption.keyId" },
    { from: "nodePools[].diskSizeGb", to: "nodePools[].diskSizeGiB" },
];

/** `[{cidrBlock, displayName}]` -> the CIDRs; anything else is passed on for the CIDR checks to refuse. */
function cidrsOf(networks: unknown): unknown {
    return Array.isArray(networks)
        ? networks.map((n) => (n !== null && typeof n === "object" ? (n as { cidrBlock?: unknown }).cidrBlock : n))
        : networks;
}

/**
 * `args` with every old option name moved to its new one, one warning per old name used, named with
 * `prefix` (the stack program passes `flexplane:gcp.`). The component applies it too; on renamed
 * arguments it does nothing.
 */
export function applyRenamedGkeOptions<T extends object>(args: T, problems: InputProblems, prefix = ""): T {
    return applyRenamedOptions(args, RENAMED_OPTIONS, problems, { prefix });
}

// Every setting name of each argument block; the compiler keeps these lists equal to the interfaces.
const CLUSTER_SETTINGS = settingNames<GkeClusterArgs>({
    project: true,
    location: true,
    allowZonalCluster: true,
    mode: true,
    releaseChannel: true,
    kubernetesVersion: true,
    supportedKubernetesVersions: true,
    deletionProtection: true,
    apiServer: true,
    secretsEncryption: true,
    masterIpv4CidrBlock: true,
    network: true,
    existingNetwork: true,
    nodePools: true,
    minimumNodeSize: true,
    nodeServiceAccountEmail: true,
    namespace: true,
    serviceAccountName: true,
    secretsManager: true,
    storageCredentialsJson: true,
    secretManagerRoles: true,
    bucketRoles: true,
    logStorage: true,
    tags: true,
    bucket: true,
    labels: true,
    masterAuthorizedNetworks: true,
    apiServerOpenToInternet: true,
    privateEndpoint: true,
});
const API_SERVER_SETTINGS = settingNames<GkeApiServerOptions>({ authorizedCidrs: true, openToInternet: true, privateOnly: true });
const SECRETS_ENCRYPTION_SETTINGS = settingNames<GkeSecretsEncryptionArgs>({ keyId: true, keyName: true });
const NEW_NETWORK_SETTINGS = settingNames<GkeNewNetworkArgs>({ nodesCidr: true, podsCidr: true, servicesCidr: true });
const EXISTING_NETWORK_SETTINGS = settingNames<GkeExistingNetworkArgs>({
    network: true,
    subnetwork: true,
    podsRangeName: true,
    servicesRangeName: true,
});
const LOG_STORAGE_SETTINGS = settingNames<GkeLogStorageArgs>({
    existingBucketName: true,
    location: true,
    versioning: true,
    logRetentionDays: true,
    retainOnDelete: true,
    forceDestroy: true,
});
const NODE_POOL_SETTINGS = settingNames<GkeNodePoolArgs>({
    name: true,
    machineType: true,
    diskSizeGiB: true,
    diskSizeGb: true,
    diskType: true,
    minNodesPerZone: true,
    maxNodesPerZone: true,
    spot: true,
    dedicatedToJobs: true,
    labels: true,
});

/** `value` when it is a map of known settings; otherwise records why (a typo gets the closest name) and returns undefined. */
function settingsBlock<T>(problems: InputProblems, path: string, value: T | undefined, names: readonly string[]): T | undefined {
    return checkSettings(problems, path, value, names, { renames: RENAMED_OPTIONS }) as T | undefined;
}

/** `value` when it is a list (or absent); otherwise records why and returns undefined. */
function settingsList<T>(problems: InputProblems, path: string, value: T[] | undefined): T[] | undefined {
    problems.check(value === undefined || Array.isArray(value), path, `must be a list, got ${JSON.stringify(value)}.`);
    return Array.isArray(value) ? value : undefined;
}

/** The argument blocks, each checked for its shape and for names it does not know. */
function settingsOf(problems: InputProblems, args: GkeClusterArgs) {
    settingsBlock(problems, "", args, CLUSTER_SETTINGS);
    const apiServer = settingsBlock(problems, "apiServer", args.apiServer, API_SERVER_SETTINGS);
    settingsList(problems, "apiServer.authorizedCidrs", apiServer?.authorizedCidrs);
    const pools = settingsList(problems, "nodePools", args.nodePools)?.map((pool, i) =>
        settingsBlock(problems, `nodePools[${i}]`, pool, NODE_POOL_SETTINGS),
    );
    // A list with a misshapen pool is reported as such, and not resolved further.
    const nodePools = pools?.every((pool) => pool !== undefined) ? (pools as GkeNodePoolArgs[]) : undefined;
    const maps: [string, unknown][] = [
        ["tags", args.tags],
        ...(nodePools ?? []).map((p, i): [string, unknown] => [`nodePools[${i}].labels`, p.labels]),
    ];
    for (const [path, map] of maps) {
        problems.check(map === undefined || isSettingsMap(map), path, `must be a map of names to values, got ${JSON.stringify(map)}.`);
    }
    return {
        apiServer,
        secretsEncryption: settingsBlock(problems, "secretsEncryption", args.secretsEncryption, SECRETS_ENCRYPTION_SETTINGS),
        network: settingsBlock(problems, "network", args.network, NEW_NETWORK_SETTINGS),
        existingNetwork: settingsBlock(problems, "existingNetwork", args.existingNetwork, EXISTING_NETWORK_SETTINGS),
        logStorage: settingsBlock(problems, "logStorage", args.logStorage, LOG_STORAGE_SETTINGS),
        nodePools,
        tags: isSettingsMap(args.tags) ? (args.tags as Record<string, string>) : undefined,
    };
}

/** Everything `GkeCluster` decides from its plain arguments, defaults applied. */
export interface ResolvedGkeCluster {
    /** Start of every child resource's name: the component's name made safe for GCP. */
    base: string;
    project: string;
    /** The cluster's region or (accepted) zone, lower-cased. */
    location: string;
    /** The region of `location`: the network, key and bucket go here. */
    region: string;
    mode: GkeMode;
    controlPlane: ResolvedGkeControlPlane;
    /** The caller's key for Secrets encryption; undefined: one is created. */
    secretsKeyId?: string;
    network: ResolvedGkeNetwork;
    /** Standard mode's pools; none on Autopilot. */
    nodePools: ResolvedGkeNodePool[];
    nodeServiceAccountEmail?: string;
    logStorage: ResolvedGkeLogStorage;
    identity: ResolvedGkeIdentity;
    workload: Workload;
    /** `tags` made into GCP labels. */
    labels: Record<string, string>;
}

/**
 * Checks every plain argument and applies the defaults, once. Old option names are moved to their new
 * ones first (with a warning each). Throws one `InputPropertiesError` naming each wrong property and
 * its fix, before any resource is registered.
 */
export function resolveGkeCluster(name: string, given: GkeClusterArgs, defaultProject?: string): ResolvedGkeCluster {
    const problems = new InputProblems(`GkeCluster "${name}"`);
    const args = applyRenamedGkeOptions(given, problems);
    const blocks = settingsOf(problems, args);

    const project = args.project ?? defaultProject ?? "";
    problems.check(
        GCP_PROJECT_ID.test(project),
        "project",
        `"${project}" is not a GCP project id (6 to 30 lower-case letters, digits and hyphens; not the project's name or number): ` +
            "set project (or the gcp:project config) to the id of the project that holds the cluster.",
    );
    const location = String(args.location ?? "")
        .trim()
        .toLowerCase();
    const parsed = parseLocation(location);
    const region = parsed?.region ?? "";
    if (!parsed) {
        problems.add("location", `"${args.location ?? ""}" is not a GCP region or zone: give a region such as europe-west1.`);
    } else if (parsed.zone && (args.allowZonalCluster ?? GKE_DEFAULTS.allowZonalCluster) !== true) {
        problems.add(
            "location",
            `"${parsed.zone}" is a zone: a zonal cluster has a single control plane and stops when that zone fails. ` +
                `Use the region "${parsed.region}" (recommended), or set allowZonalCluster: true to accept a zonal cluster.`,
        );
    }
    const mode = args.mode ?? GKE_DEFAULTS.mode;
    problems.check((Object.values(GkeMode) as string[]).includes(mode), "mode", `"${mode}" is not a mode: use autopilot or standard.`);

    const controlPlane = resolveControlPlane(problems, { ...args, apiServer: blocks.apiServer });
    const secretsKeyId = resolveSecretsEncryptionKey(problems, blocks.secretsEncryption, region);
    const network = resolveNetwork(problems, blocks.network, blocks.existingNetwork, controlPlane.masterIpv4CidrBlock);
    const nodePools = resolveNodePools(problems, mode, blocks.nodePools, checkMinimumNodeSize(problems, args.minimumNodeSize));
    const identity = resolveIdentity(problems, args);
    const logStorage = resolveLogStorage(problems, blocks.logStorage, region);
    const workload = resolveWorkload(problems, args, { createsNamespace: false });
    problems.throwIfAny();

    return {
        base: resourceBaseName(name),
        project,
        location,
        region,
        mode,
        controlPlane,
        ...(secretsKeyId !== undefined ? { secretsKeyId } : {}),
        network,
        nodePools,
        ...(args.nodeServiceAccountEmail !== undefined ? { nodeServiceAccountEmail: args.nodeServiceAccountEmail } : {}),
        logStorage,
        identity,
        workload,
        labels: toGcpLabels(blocks.tags),
    };
}
