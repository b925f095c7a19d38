import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type { InputProblems } from "../shared/errors";
import { isWholeInternet, parseCidr } from "../shared/cidr";
import { kubernetesVersionProblem, supportedVersionsProblem } from "../shared/kubernetes-versions";
import { GKE_DEFAULTS, GkeApiServerOptions, GkeClusterArgs, GkeMode, GkeReleaseChannel } from "./args";
import { CLOUD_PLATFORM_SCOPE } from "./nodes";
import type { ResolvedGkeCluster } from "./resolve";

/**
 * Cluster arguments that Autopilot refuses or that make the provider replace an Autopilot cluster
 * on every update. `clusterInputs` never sets them in Autopilot mode.
 */
export const AUTOPILOT_FORBIDDEN_INPUTS = [
    "nodeConfig",
    "nodePools",
    "initialNodeCount",
    "removeDefaultNodePool",
    "enableShieldedNodes",
    "networkingMode",
    "workloadIdentityConfig",
] as const;

/** GKE Dataplane V2: eBPF datapath with built-in NetworkPolicy enforcement. */
export const DATAPLANE_V2 = "ADVANCED_DATAPATH";

/** A GKE version: a minor (`1.35`), a patch (`1.35.2`), a full GKE version (`1.35.7-gke.1222000`) or `latest`. */
const GKE_VERSION = /^(latest|\d+\.\d+(\.\d+(-gke\.\d+)?)?)$/;

/** The control plane's settings, defaults applied. */
export interface ResolvedGkeControlPlane {
    releaseChannel: GkeReleaseChannel;
    kubernetesVersion?: string;
    deletionProtection: boolean;
    apiServer: Required<Omit<GkeApiServerOptions, "authorizedCidrs">> & Pick<GkeApiServerOptions, "authorizedCidrs">;
    /** The control plane's private /28; undefined: GKE chooses. */
    masterIpv4CidrBlock?: string;
}

type ControlPlaneArgs = Pick<
    GkeClusterArgs,
    "releaseChannel" | "kubernetesVersion" | "supportedKubernetesVersions" | "deletionProtection" | "apiServer" | "masterIpv4CidrBlock"
>;

/**
 * Release channel and version, deletion protection, and who reaches the API server. The channel is
 * one of ours (GKE's `UNSPECIFIED`, no channel, is refused); a version must be one GKE supports on it.
 * The endpoint is never open to every address unless `openToInternet` says so: with a public
 * endpoint, authorized CIDRs are required and may not contain 0.0.0.0/0. A `masterIpv4CidrBlock`
 * that is not a /28 is left to the provider, which refuses it at preview.
 */
export function resolveControlPlane(problems: InputProblems, args: ControlPlaneArgs): ResolvedGkeControlPlane {
    const releaseChannel = args.releaseChannel ?? GKE_DEFAULTS.releaseChannel;
    const channels = Object.values(GkeReleaseChannel) as string[];
    problems.check(
        channels.includes(releaseChannel),
        "releaseChannel",
        `"${releaseChannel}" is not a release channel: use one of ${channels.join(", ")}.`,
    );
    const version = args.kubernetesVersion;
    if (version !== undefined) {
        problems.check(
            GKE_VERSION.test(version),
            "kubernetesVersion",
            `"${version}" is not a GKE version: give a minor version such as 1.35, or leave it out for the channel's default.`,
        );
        problems.addIfAny(
            "kubernetesVersion",
            GKE_VERSION.test(version)
                ? kubernetesVersionProblem("GKE", version, {
                      extended: releaseChannel === GkeReleaseChannel.Extended,
                      supported: args.supportedKubernetesVersions,
                  })
                : undefined,
        );
    }
    if (args.supportedKubernetesVersions !== undefined) {
        problems.addIfAny("supportedKubernetesVersions", supportedVersionsProblem(args.supportedKubernetesVersions));
    }
    const master = args.masterIpv4CidrBlock;
    const masterRange = master === undefined ? undefined : parseCidr(String(master));
    problems.check(
        master === undefined || masterRange !== undefined,
        "masterIpv4CidrBlock",
        `"${master}" is not an IPv4 CIDR block: give a /28 such as 172.16.0.0/28, or leave it out to let GKE choose.`,
    );
    return {
        releaseChannel,
        ...(version !== undefined ? { kubernetesVersion: version } : {}),
        deletionProtection: args.deletionProtection ?? GKE_DEFAULTS.deletionProtection,
        apiServer: resolveApiServer(problems, args.apiServer ?? {}),
        // Only a range that parses: the network checks it against the VPC's ranges.
        ...(masterRange !== undefined ? { masterIpv4CidrBlock: master } : {}),
    };
}

function resolveApiServer(problems: InputProblems, given: GkeApiServerOptions): ResolvedGkeControlPlane["apiServer"] {
    const privateOnly = given.privateOnly ?? GKE_DEFAULTS.apiServer.privateOnly;
    const openToInternet = given.openToInternet ?? GKE_DEFAULTS.apiServer.openToInternet;
    for (const key of ["privateOnly", "openToInternet"] as const) {
        problems.check(
            given[key] === undefined || typeof given[key] === "boolean",
            `apiServer.${key}`,
            `${JSON.stringify(given[key])} is not true or false: set true or false (default false).`,
        );
    }
    problems.check(
        !(openToInternet === true && privateOnly === true),
        "apiServer.openToInternet",
        "contradicts apiServer.privateOnly: true (a private endpoint is not on the internet); remove one of the two.",
    );
    // Anything but a list is reported where the argument blocks are read.
    const cidrs = Array.isArray(given.authorizedCidrs) ? given.authorizedCidrs : undefined;
    (cidrs ?? []).forEach((cidr, i) => {
        const path = `apiServer.authorizedCidrs[${i}]`;
        problems.check(
            parseCidr(String(cidr ?? "")) !== undefined,
            path,
            `"${cidr}" is not an IPv4 CIDR block: give the network that runs Pulumi and kubectl, e.g. 203.0.113.0/24.`,
        );
        problems.check(
            openToInternet === true || !isWholeInternet(cidr),
            path,
            "is 0.0.0.0/0, which opens the control plane to the whole internet: give your deployers' networks, or set apiServer.openToInternet: true to accept that deliberately.",
        );
    });
    const noneGiven = given.authorizedCidrs === undefined || cidrs?.length === 0;
    if (noneGiven && privateOnly !== true && openToInternet !== true) {
        problems.add(
            "apiServer.authorizedCidrs",
            "is required for the public endpoint: list the networks that run Pulumi and kubectl (e.g. [203.0.113.0/24]), " +
                "or set apiServer.privateOnly: true (Pulumi then runs inside the VPC), or apiServer.openToInternet: true to leave it open to every address.",
        );
    }
    return {
        privateOnly: privateOnly === true,
        openToInternet: openToInternet === true,
        ...(cidrs !== undefined ? { authorizedCidrs: cidrs } : {}),
    };
}

/** Where the cluster attaches. */
export interface ClusterAttachment {
    /** Network self link or id. */
    network: pulumi.Input<string>;
    /** Subnet self link or id. */
    subnetwork: pulumi.Input<string>;
    podsRangeName: string;
    servicesRangeName: string;
    nodeServiceAccountEmail: pulumi.Input<string>;
    /** Cloud KMS key that encrypts Kubernetes Secrets (application-layer encryption). */
    secretsKeyId: pulumi.Input<string>;
}

/**
 * The `gcp.container.Cluster` arguments for the resolved settings.
 *
 * Both modes: regional unless a zone was accepted, VPC-native on the given ranges, private nodes
 * (no public IPs), release channel, deletion protection, authorized networks (unless the endpoint
 * is private or deliberately open), Secrets encrypted with a Cloud KMS key.
 *
 * Autopilot: `enableAutopilot` plus only what Autopilot accepts. Shielded nodes and Workload
 * Identity are always on there; node settings are refused (see `AUTOPILOT_FORBIDDEN_INPUTS`). The
 * nodes' service account is set through the auto-provisioning defaults.
 *
 * Standard: the default pool is removed after creation (`removeDefaultNodePool`, one initial node)
 * and separate node pools are managed; shielded nodes, Workload Identity and Dataplane V2 (which
 * enforces NetworkPolicies, as Autopilot always does) are turned on. The
 * cluster-level `nodeConfig` is left out: it only describes the discarded default pool, and the
 * provider would replace the cluster whenever it differs from the first remaining pool.
 */
export function clusterInputs(settings: ResolvedGkeCluster, attachment: ClusterAttachment): gcp.container.ClusterArgs {
    const plane = settings.controlPlane;
    const common: gcp.container.ClusterArgs = {
        project: settings.project,
        location: settings.location,
        description: "Airbyte Enterprise Flex data plane (Flexplane)",
        deletionProtection: plane.deletionProtection,
        network: attachment.network,
        subnetwork: attachment.subnetwork,
        ipAllocationPolicy: {
            clusterSecondaryRangeName: attachment.podsRangeName,
            servicesSecondaryRangeName: attachment.servicesRangeName,
        },
        privateClusterConfig: {
            enablePrivateNodes: true,
            enablePrivateEndpoint: plane.apiServer.privateOnly,
            ...(plane.masterIpv4CidrBlock ? { masterIpv4CidrBlock: plane.masterIpv4CidrBlock } : {}),
        },
        releaseChannel: { channel: plane.releaseChannel },
        databaseEncryption: { state: "ENCRYPTED", keyName: attachment.secretsKeyId },
        ...(plane.kubernetesVersion ? { minMasterVersion: plane.kubernetesVersion } : {}),
        ...(plane.apiServer.authorizedCidrs
            ? { masterAuthorizedNetworksConfig: { cidrBlocks: plane.apiServer.authorizedCidrs.map((cidrBlock) => ({ cidrBlock })) } }
            : {}),
        resourceLabels: settings.labels,
    };
    if (settings.mode === GkeMode.Autopilot) {
        return {
            ...common,
            enableAutopilot: true,
            clusterAutoscaling: {
                autoProvisioningDefaults: {
                    serviceAccount: attachment.nodeServiceAccountEmail,
                    oauthScopes: [CLOUD_PLATFORM_SCOPE],
                },
            },
        };
    }
    return {
        ...common,
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        networkingMode: "VPC_NATIVE",
        // Dataplane V2 (Cilium) enforces NetworkPolicies, which Autopilot always does. Set only at
        // creation: changing it replaces the cluster.
        datapathProvider: DATAPLANE_V2,
        enableShieldedNodes: true,
        workloadIdentityConfig: { workloadPool: `${settings.project}.svc.id.goog` },
    };
}

/** Registers the cluster once the network, the nodes' identity and the Secrets key grant exist. */
export function createCluster(
    settings: ResolvedGkeCluster,
    attachment: ClusterAttachment,
    dependsOn: pulumi.Resource[],
    parent: pulumi.Resource,
): gcp.container.Cluster {
    return new gcp.container.Cluster(`${settings.base}-cluster`, clusterInputs(settings, attachment), { parent, dependsOn });
}
