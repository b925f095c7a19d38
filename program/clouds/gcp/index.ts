import * as pulumi from "@pulumi/pulumi";
import { GCP_REGION } from "../../../components/shared/formats";
import { GkeCluster } from "../../../components/gcp";
import type { GkeClusterArgs } from "../../../components/gcp/args";
import { parseLocation } from "../../../components/gcp/locations";
import { applyRenamedGkeOptions, resolveGkeCluster } from "../../../components/gcp/resolve";
import { gkeSources } from "./sources";
import { blockOf } from "../../config";
import type { StackProblems } from "../../stack-problems";
import type { CloudProgram } from "../../types";

/**
 * The structured config key `flexplane:gcp`: every `GkeCluster` argument a stack may set. The
 * project and region come from the provider config (`gcp:project`, `gcp:region`); the secret store
 * from `flexplane:secretsManager`; the bucket key, if the caller brings one, from the secret
 * `flexplane:gcpStorageCredentialsJson`. Which names the block accepts is the component's one check.
 */
export type GcpStackOptions = Omit<
    GkeClusterArgs,
    "project" | "location" | "secretsManager" | "storageCredentialsJson" | "namespace" | "serviceAccountName" | "tags" | "labels"
> & {
    /** Region or zone of the cluster. Default: `gcp:region`. A zone needs `allowZonalCluster`. */
    location?: string;
};

/** GkeCluster arguments (old names included) that the stack takes from other keys. */
const KEYS_SET_ELSEWHERE: Record<string, string> = {
    project: "gcp:project",
    secretsManager: "flexplane:secretsManager",
    namespace: "flexplane:namespace",
    serviceAccountName: "flexplane:serviceAccountName",
    tags: "flexplane:tags",
    labels: "flexplane:tags",
    storageCredentialsJson: "flexplane:gcpStorageCredentialsJson",
};

/** The stack-level settings of the GCP part, checked before anything is created. */
export interface GcpStackSettings {
    project: string;
    region: string;
    /** `flexplane:gcp` without the keys other stack keys set, old option names moved to the new ones. */
    options: GcpStackOptions;
}

/**
 * Reads and checks `gcp:project`, `gcp:region` and `flexplane:gcp`, recording problems under those keys
 * (missing told apart from malformed). Old option names in `flexplane:gcp` are moved to the new ones,
 * with one warning each naming the stack key.
 */
export function readGcpStackSettings(
    problems: StackProblems,
    project: string | undefined,
    region: string | undefined,
    raw: unknown,
): GcpStackSettings {
    if (!project) {
        problems.add("gcp:project", "is not set: run `pulumi config set gcp:project <project-id>`.");
    }
    if (!region) {
        problems.add("gcp:region", "is not set: run `pulumi config set gcp:region <region>`, e.g. europe-west1.");
    } else {
        problems.check(
            GCP_REGION.test(region),
            "gcp:region",
            `"${region}" is not a GCP region: use a region such as europe-west1 (a zone like europe-west1-b goes in flexplane:gcp.location).`,
        );
    }
    const block = raw ?? {};
    if (typeof block !== "object" || block === null || Array.isArray(block)) {
        problems.add("flexplane:gcp", "must be a YAML map of GkeCluster settings (see docs/gcp.md).");
        return { project: project ?? "", region: region ?? "", options: {} };
    }
    const given: Record<string, unknown> = { ...block };
    for (const [key, where] of Object.entries(KEYS_SET_ELSEWHERE).filter(([key]) => key in given)) {
        problems.add(`flexplane:gcp.${key}`, `is not read here: set ${where} instead.`);
        delete given[key];
    }
    const options = applyRenamedGkeOptions(given as GcpStackOptions, problems, "flexplane:gcp.");
    const location = typeof options.location === "string" ? parseLocation(options.location) : undefined;
    problems.check(
        !location || !region || location.region === region,
        "flexplane:gcp.location",
        `"${options.location}" is not in gcp:region ${region}: the network and bucket follow gcp:region, so keep the cluster there too.`,
    );
    return { project: project ?? "", region: region ?? "", options };
}

/** The gcp part of a region stack: a GkeCluster and what DataPlane needs from it. */
export const prepare: CloudProgram = (ctx, problems) => {
    const gcpConfig = new pulumi.Config("gcp");
    const settings = readGcpStackSettings(problems, gcpConfig.get("project"), gcpConfig.get("region"), blockOf(ctx.config, "gcp"));
    const storageCredentialsJson = ctx.config.getSecret("gcpStorageCredentialsJson");
    const args: GkeClusterArgs = {
        ...settings.options,
        project: settings.project,
        location: settings.options.location ?? settings.region,
        namespace: ctx.namespace,
        serviceAccountName: ctx.serviceAccountName,
        secretsManager: ctx.secretsManager,
        ...(storageCredentialsJson !== undefined ? { storageCredentialsJson } : {}),
        tags: ctx.tags,
    };
    problems.adopt(gkeSources(settings.options.location !== undefined), () => resolveGkeCluster(ctx.stack, args, settings.project));
    return {
        deploy: () => {
            const cluster = new GkeCluster(ctx.stack, args);
            return {
                target: cluster.dataPlaneTarget,
                clusterRegion: cluster.region,
                outputs: {
                    clusterName: cluster.clusterName,
                    endpoint: cluster.endpoint,
                    kubeconfig: cluster.kubeconfig,
                    serviceAccountEmail: cluster.serviceAccountEmail,
                    bucketName: cluster.bucketName,
                    networkId: cluster.networkId,
                    subnetworkId: cluster.subnetworkId,
                },
            };
        },
    };
};
