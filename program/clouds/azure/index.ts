import * as pulumi from "@pulumi/pulumi";
import { AksCluster } from "../../../components/azure";
import type { AksClusterArgs, AksLogStorageOptions } from "../../../components/azure";
import { renameAksOptions, resolveAksCluster } from "../../../components/azure/resolve";
import type { InputProblems } from "../../../components/shared/errors";
import { AKS_SOURCES } from "./sources";
import { blockOf } from "../../config";
import type { RegionContext, CloudProgram } from "../../types";

/** `flexplane:azure.logStorage` in a stack file: an existing container's connection string is a secret key of its own. */
export interface AzureLogStorageConfig extends Omit<AksLogStorageOptions, "existing"> {
    /** Use this existing container; its connection string goes in the secret `flexplane:azureStorageConnectionString`. */
    existingContainer?: string;
}

/** AksCluster arguments that other stack keys set, and those keys: `flexplane:azure` must not set them too. */
const SET_ELSEWHERE: Partial<Record<keyof AksClusterArgs, string>> = {
    location: "azure-native:location",
    secretsManager: "flexplane:secretsManager",
    namespace: "flexplane:namespace",
    serviceAccountName: "flexplane:serviceAccountName",
    tags: "flexplane:tags",
};

/**
 * Turns the stack's `flexplane:azure` block, the provider's location and the common context into
 * AksCluster arguments: old option names renamed (warned once, as `flexplane:azure.<old>`), keys that
 * other stack keys set refused, the existing container's connection string taken from its secret key.
 * Every other key, typos included, is the component's to check.
 */
export function aksArgsFromConfig(
    problems: InputProblems,
    azure: Record<string, unknown> | undefined,
    ctx: Pick<RegionContext, "namespace" | "serviceAccountName" | "secretsManager" | "tags">,
    location: string | undefined,
    storageConnectionString: () => pulumi.Output<string> | undefined,
): AksClusterArgs {
    let block = azure ?? {};
    if (typeof block !== "object" || Array.isArray(block)) {
        problems.add("flexplane:azure", 'must be a map of AksCluster settings, e.g. {zones: ["1", "2", "3"]}.');
        block = {};
    }
    const renamed = renameAksOptions(block, problems, { prefix: "flexplane:azure." }) as Partial<AksClusterArgs> & {
        logStorage?: AzureLogStorageConfig;
    };
    for (const [key, source] of Object.entries(SET_ELSEWHERE)) {
        problems.check(
            renamed[key as keyof AksClusterArgs] === undefined,
            `flexplane:azure.${key}`,
            `is set by ${source}: remove it here.`,
        );
    }
    const { logStorage: storageConfig, ...rest } = renamed;
    let logStorage = storageConfig as AksLogStorageOptions | undefined;
    const connectionString = storageConnectionString();
    problems.check(
        (storageConfig as AksLogStorageOptions | undefined)?.existing === undefined,
        "flexplane:azure.logStorage.existing",
        "is set by flexplane:azure.logStorage.existingContainer and the secret flexplane:azureStorageConnectionString: use those instead.",
    );
    if (storageConfig?.existingContainer !== undefined) {
        const { existingContainer, ...created } = storageConfig;
        problems.check(
            connectionString !== undefined,
            "flexplane:azureStorageConnectionString",
            "is required with flexplane:azure.logStorage.existingContainer: pulumi config set --secret flexplane:azureStorageConnectionString <connection string>.",
        );
        logStorage = { ...created, existing: { azure: { container: existingContainer, connectionString } } };
    } else {
        problems.check(
            connectionString === undefined,
            "flexplane:azureStorageConnectionString",
            "is set but not used: only flexplane:azure.logStorage.existingContainer reads it. Remove it, or name the existing container.",
        );
    }
    return {
        ...rest,
        location: location ?? "",
        secretsManager: ctx.secretsManager,
        namespace: ctx.namespace,
        serviceAccountName: ctx.serviceAccountName,
        tags: ctx.tags,
        ...(logStorage !== undefined ? { logStorage } : {}),
    };
}

/** The azure part of a region stack: an AKS cluster with Key Vault wiring and Blob storage for logs. */
export const prepare: CloudProgram = (ctx, problems) => {
    const location = new pulumi.Config("azure-native").get("location");
    const args = aksArgsFromConfig(problems, blockOf(ctx.config, "azure") as Record<string, unknown> | undefined, ctx, location, () =>
        ctx.config.getSecret("azureStorageConnectionString"),
    );
    problems.adopt(AKS_SOURCES, () => resolveAksCluster(ctx.stack, args, { project: pulumi.getProject(), stack: pulumi.getStack() }));
    return {
        deploy: () => {
            const cluster = new AksCluster(ctx.stack, args);
            return {
                target: cluster.dataPlaneTarget,
                clusterRegion: args.location,
                outputs: {
                    clusterName: cluster.clusterName,
                    resourceGroupName: cluster.resourceGroupName,
                    kubeconfig: cluster.kubeconfig,
                    vaultUrl: cluster.vaultUrl,
                    storageAccountName: cluster.storageAccountName,
                    containerName: cluster.containerName,
                    vnetId: cluster.vnetId,
                    subnetId: cluster.subnetId,
                    egressIpAddress: cluster.egressIpAddress,
                },
            };
        },
    };
};
