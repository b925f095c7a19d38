import * as pulumi from "@pulumi/pulumi";
import * as storage from "@pulumi/azure-native/storage";
import type { StorageSpec } from "../shared/types";
import type { ResolvedAksCluster } from "./validation";

/** Endpoint suffix of the public cloud, used when the account reports no blob endpoint. */
export const DEFAULT_ENDPOINT_SUFFIX = "core.windows.net";

/** The DNS suffix after `.blob.` in a blob endpoint (`https://acct.blob.core.windows.net/`), which differs in sovereign clouds. */
export function endpointSuffixOf(blobEndpoint: string | undefined): string {
    const host = /^https?:\/\/([^/]+)/i.exec(blobEndpoint ?? "")?.[1] ?? "";
    const at = host.toLowerCase().indexOf(".blob.");
    return at < 0 ? DEFAULT_ENDPOINT_SUFFIX : host.slice(at + ".blob.".length).toLowerCase();
}

/** An Azure Storage connection string for account-key access over https. */
export function connectionString(accountName: string, accountKey: string, endpointSuffix: string): string {
    return `DefaultEndpointsProtocol=https;AccountName=${accountName};AccountKey=${accountKey};EndpointSuffix=${endpointSuffix}`;
}

/** The storage the data plane writes logs and state to. */
export interface AksStorage {
    spec: StorageSpec;
    accountName: pulumi.Output<string | undefined>;
    containerName: pulumi.Output<string | undefined>;
}

/**
 * A StorageV2 account (https only, TLS 1.2 or later, no anonymous blob access) with one private
 * container, kept on destroy by default: it holds the sync logs. The connection string carries the
 * account key and is a secret from the moment it is read.
 */
export function createStorage(
    name: string,
    settings: ResolvedAksCluster["storage"],
    ctx: { resourceGroupName: pulumi.Output<string>; location: string; tags: Record<string, string>; parent: pulumi.Resource },
): AksStorage {
    if (settings.existing) {
        const existing = settings.existing.azure;
        return {
            spec: settings.existing,
            accountName: pulumi.output(undefined),
            containerName: existing ? pulumi.output(existing.container) : pulumi.output(undefined),
        };
    }
    const opts = { parent: ctx.parent, retainOnDelete: settings.retainOnDelete };
    const account = new storage.StorageAccount(`${name}-logs`, {
        resourceGroupName: ctx.resourceGroupName,
        location: ctx.location,
        accountName: settings.accountName,
        kind: "StorageV2",
        sku: { name: settings.sku },
        accessTier: "Hot",
        enableHttpsTrafficOnly: true,
        minimumTlsVersion: "TLS1_2",
        allowBlobPublicAccess: false,
        // The platform authenticates with the account key in the connection string.
        allowSharedKeyAccess: true,
        allowCrossTenantReplication: false,
        tags: ctx.tags,
    }, opts);
    const container = new storage.BlobContainer(`${name}-logs-container`, {
        resourceGroupName: ctx.resourceGroupName,
        accountName: account.name,
        containerName: settings.containerName,
        publicAccess: "None",
    }, opts);
    const keys = storage.listStorageAccountKeysOutput({ resourceGroupName: ctx.resourceGroupName, accountName: account.name }, { parent: ctx.parent });
    const connection = pulumi.secret(pulumi.all([account.name, keys, account.primaryEndpoints]).apply(([accountName, listed, endpoints]) => {
        const key = listed.keys.find((k) => k.permissions?.toUpperCase() === "FULL") ?? listed.keys[0];
        if (!key) {
            throw new pulumi.ResourceError(`Storage account ${accountName} returned no access key: check that shared-key access is allowed.`, ctx.parent);
        }
        return connectionString(accountName, key.value, endpointSuffixOf(endpoints?.blob));
    }));
    return {
        spec: { azure: { container: container.name, connectionString: connection } },
        accountName: account.name,
        containerName: container.name,
    };
}
