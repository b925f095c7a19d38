import * as pulumi from "@pulumi/pulumi";
import type { InputProblems } from "../../../components/shared/errors";
import type { GkeClusterArgs } from "../../../components/gcp/args";
import { parseLocation } from "../../../components/gcp/locations";
import { GCP_PROJECT_ID, GCP_REGION } from "../../../components/shared/formats";
import { gkeSources } from "./sources";
import { blockOf } from "../../config";
import type { CloudProgram } from "../../types";

/**
 * The structured config key `flexplane:gcp`: every `GkeCluster` argument a stack may set. The
 * project and region come from the provider config (`gcp:project`, `gcp:region`); the secret store
 * from `flexplane:secretsManager`; the bucket key, if the caller brings one, from the secret
 * `flexplane:gcpStorageCredentialsJson`.
 */
export type GcpStackOptions = Omit<GkeClusterArgs, "project" | "location" | "secretsManager" | "storageCredentialsJson" | "namespace" | "serviceAccountName" | "labels"> & {
    /** Region or zone of the cluster. Default: `gcp:region`. A zone needs `allowZonalCluster`. */
    location?: string;
};

/** Keys `flexplane:gcp` accepts; anything else is a typo that would silently do nothing. */
export const GCP_OPTION_KEYS = [
    "location", "allowZonalCluster", "mode", "releaseChannel", "kubernetesVersion", "deletionProtection",
    "masterAuthorizedNetworks", "apiServerOpenToInternet", "secretsEncryption", "privateEndpoint", "masterIpv4CidrBlock", "network",
    "existingNetwork", "nodePools",
    "nodeServiceAccountEmail", "secretManagerRoles", "bucketRoles", "bucket", "supportedKubernetesVersions", "minimumNodeSize",
] as const;

const ARRAY_KEYS = ["masterAuthorizedNetworks", "nodePools", "secretManagerRoles", "bucketRoles"];
const OBJECT_KEYS = ["network", "existingNetwork", "bucket", "secretsEncryption"];

/** The stack-level settings of the GCP part, checked before anything is created. */
export interface GcpStackSettings {
    project: string;
    region: string;
    options: GcpStackOptions;
}

/**
 * Reads and checks `gcp:project`, `gcp:region` and `flexplane:gcp`, recording problems under those keys
 * (missing told apart from malformed).
 */
export function readGcpStackSettings(
    problems: InputProblems,
    project: string | undefined,
    region: string | undefined,
    raw: unknown,
): GcpStackSettings {
    if (!project) {
        problems.add("gcp:project", "is not set: run `pulumi config set gcp:project <project-id>`.");
    } else {
        problems.check(GCP_PROJECT_ID.test(project), "gcp:project", `"${project}" is not a GCP project id: use the project's id (6-30 lower-case letters, digits and hyphens), not its name or number.`);
    }
    if (!region) {
        problems.add("gcp:region", "is not set: run `pulumi config set gcp:region <region>`, e.g. europe-west1.");
    } else {
        problems.check(GCP_REGION.test(region), "gcp:region", `"${region}" is not a GCP region: use a region such as europe-west1 (a zone like europe-west1-b goes in flexplane:gcp.location).`);
    }
    const options = (raw ?? {}) as Record<string, unknown>;
    if (typeof options !== "object" || Array.isArray(options)) {
        problems.add("flexplane:gcp", "must be a YAML map of GkeCluster settings (see docs/gcp.md).");
    } else {
        problems.unknownKeys("flexplane:gcp", options, GCP_OPTION_KEYS);
        for (const key of ARRAY_KEYS) {
            problems.check(options[key] === undefined || Array.isArray(options[key]), `flexplane:gcp.${key}`, "must be a YAML list.");
        }
        for (const key of OBJECT_KEYS) {
            const value = options[key];
            problems.check(value === undefined || (typeof value === "object" && value !== null && !Array.isArray(value)),
                `flexplane:gcp.${key}`, "must be a YAML map.");
        }
        const location = typeof options.location === "string" ? parseLocation(options.location) : undefined;
        problems.check(!location || !region || location.region === region, "flexplane:gcp.location",
            `"${options.location}" is not in gcp:region ${region}: the network and bucket follow gcp:region, so keep the cluster there too.`);
    }
    return { project: project ?? "", region: region ?? "", options: options as GcpStackOptions };
}

/** The gcp part of a region stack: a GkeCluster and what DataPlane needs from it. */
export const prepare: CloudProgram = async (ctx, problems) => {
    const gcpConfig = new pulumi.Config("gcp");
    const settings = readGcpStackSettings(problems, gcpConfig.get("project"), gcpConfig.get("region"), blockOf(ctx.config, "gcp"));
    const storageCredentialsJson = ctx.config.getSecret("gcpStorageCredentialsJson");
    const { GkeCluster, resolveGkeSettings } = await import("../../../components/gcp");
    const args: GkeClusterArgs = {
        ...settings.options,
        project: settings.project,
        location: settings.options.location ?? settings.region,
        namespace: ctx.namespace,
        serviceAccountName: ctx.serviceAccountName,
        secretsManager: ctx.secretsManager,
        ...(storageCredentialsJson !== undefined ? { storageCredentialsJson } : {}),
        labels: ctx.tags,
    };
    problems.adopt(gkeSources(settings.options.location !== undefined), () => resolveGkeSettings(ctx.stack, args, settings.project));
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
