import * as pulumi from "@pulumi/pulumi";
import { AksCluster, resolveAksCluster } from "../../../components/azure";
import type { AksClusterArgs, AksStorageArgs } from "../../../components/azure";
import type { InputProblems } from "../../../components/shared/errors";
import { AKS_SOURCES } from "./sources";
import { blockOf } from "../../config";
import type { RegionContext, CloudProgram } from "../../types";

/** Storage settings in `flexplane:azure.storage`; an existing container's connection string is a secret key of its own. */
export interface AzureStorageConfig extends Omit<AksStorageArgs, "existing"> {
    /** Use this existing container; its connection string goes in the secret `flexplane:azureStorageConnectionString`. */
    existingContainer?: string;
}

/** `flexplane:azure` in a stack file: the AksCluster settings that are not common to every cloud. */
export type AzureStackConfig = Omit<AksClusterArgs, "location" | "secretsManager" | "namespace" | "serviceAccountName" | "tags" | "storage"> & {
    storage?: AzureStorageConfig;
};

/** Keys `flexplane:azure` accepts; anything else is a typo that would otherwise be ignored. */
export const AZURE_CONFIG_KEYS = [
    "tenantId", "resourceGroupName", "kubernetesVersion", "skuTier", "upgradeChannel", "zones", "systemPool", "workloadPools",
    "network", "apiServerAuthorizedIpRanges", "apiServerOpenToInternet", "entraId", "localAccounts", "auditLogs", "secretsEncryption",
    "deletionProtection", "workloadIdentity", "keyVault", "storage", "supportedKubernetesVersions", "minimumNodeSize",
] as const;
const STORAGE_KEYS = ["accountName", "containerName", "sku", "retainOnDelete", "existingContainer"];

/**
 * Turns the stack's `flexplane:azure` block, the provider's location and the common context into
 * AksCluster arguments, recording every unknown or missing key in `problems`.
 */
export function aksArgsFromConfig(
    problems: InputProblems,
    azure: Record<string, unknown> | undefined,
    ctx: Pick<RegionContext, "namespace" | "serviceAccountName" | "secretsManager" | "tags">,
    location: string | undefined,
    storageConnectionString: () => pulumi.Output<string> | undefined,
): AksClusterArgs {
    if (location === undefined || location === "") {
        problems.add("azure-native:location", "is required: set the cluster's region, e.g. pulumi config set azure-native:location westeurope.");
    } else {
        problems.check(/^[a-z0-9]+$/.test(location), "azure-native:location",
            `"${location}" is not an Azure region name: use the lower-case name without spaces, e.g. westeurope (az account list-locations -o table).`);
    }
    const block = (azure ?? {}) as AzureStackConfig & Record<string, unknown>;
    if (typeof block !== "object" || Array.isArray(block)) {
        problems.add("flexplane:azure", "must be a map of AksCluster settings, e.g. {zones: [\"1\", \"2\", \"3\"]}.");
    }
    problems.unknownKeys("flexplane:azure", block, AZURE_CONFIG_KEYS);
    const { storage: storageConfig, ...rest } = block;
    problems.unknownKeys("flexplane:azure.storage", storageConfig, STORAGE_KEYS);
    let storage: AksStorageArgs | undefined;
    const connectionString = storageConnectionString();
    if (storageConfig?.existingContainer !== undefined) {
        const { existingContainer, ...created } = storageConfig;
        problems.check(connectionString !== undefined, "flexplane:azureStorageConnectionString",
            "is required with flexplane:azure.storage.existingContainer: pulumi config set --secret flexplane:azureStorageConnectionString <connection string>.");
        storage = { ...created, existing: { azure: { container: existingContainer, connectionString } } };
    } else {
        problems.check(connectionString === undefined, "flexplane:azureStorageConnectionString",
            "is set but not used: only flexplane:azure.storage.existingContainer reads it. Remove it, or name the existing container.");
        storage = storageConfig;
    }
    return {
        ...(rest as Omit<AzureStackConfig, "storage">),
        location: location ?? "",
        secretsManager: ctx.secretsManager,
        namespace: ctx.namespace,
        serviceAccountName: ctx.serviceAccountName,
        tags: ctx.tags,
        storage,
    };
}

/** The azure part of a region stack: an AKS cluster with Key Vault wiring and Blob storage for logs. */
export const prepare: CloudProgram = (ctx, problems) => {
    const location = new pulumi.Config("azure-native").get("location");
    const args = aksArgsFromConfig(problems, blockOf(ctx.config, "azure") as Record<string, unknown> | undefined, ctx, location,
        () => ctx.config.getSecret("azureStorageConnectionString"));
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
