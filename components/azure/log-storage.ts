/**
 * Log and state storage: a hardened StorageV2 account with one private container, or the caller's
 * storage. Its checks, its creation, and the connection string the platform reads it with.
 */
import * as pulumi from "@pulumi/pulumi";
import * as storage from "@pulumi/azure-native/storage";
import { exactlyOne, InputProblems } from "../shared/errors";
import { azureContainerNameProblem, storageAccountNameProblem } from "../shared/storage-names";
import type { StorageSpec } from "../shared/types";
import { AKS_DEFAULTS, AksLogStorageOptions, AksStorageSku, isEnumValue } from "./args";
import { defaultStorageAccountName } from "./names";

/** Storage settings with every default applied. */
export interface ResolvedLogStorage {
    /** The caller's storage, used as given. */
    existing?: StorageSpec;
    accountName: string;
    containerName: string;
    sku: AksStorageSku;
    retainOnDelete: boolean;
}

const CREATED_ONLY = ["accountName", "containerName", "sku"] as const;

/** Checks the storage settings; `naming` (project and stack) seeds the default account name. */
export function resolveLogStorage(
    problems: InputProblems,
    name: string,
    given: AksLogStorageOptions = {},
    naming: { project: string; stack: string },
): ResolvedLogStorage {
    if (given.existing !== undefined) {
        exactlyOne(problems, "logStorage.existing", given.existing, "storage (s3, gcs or azure)");
        for (const key of CREATED_ONLY) {
            problems.check(
                given[key] === undefined,
                `logStorage.${key}`,
                "applies only to storage this component creates: remove it, or remove logStorage.existing.",
            );
        }
    }
    const defaults = AKS_DEFAULTS.logStorage;
    const accountName = given.accountName ?? defaultStorageAccountName(naming.project, naming.stack, name);
    problems.addIfAny("logStorage.accountName", storageAccountNameProblem(String(accountName)));
    const containerName = given.containerName ?? defaults.containerName;
    problems.addIfAny("logStorage.containerName", azureContainerNameProblem(String(containerName)));
    const sku = given.sku ?? defaults.sku;
    problems.check(
        isEnumValue(AksStorageSku, sku),
        "logStorage.sku",
        `"${sku}" is not offered: use ${Object.values(AksStorageSku).join(", ")}.`,
    );
    return { existing: given.existing, accountName, containerName, sku, retainOnDelete: given.retainOnDelete ?? defaults.retainOnDelete };
}

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
export interface AksLogStorage {
    spec: StorageSpec;
    accountName: pulumi.Output<string | undefined>;
    containerName: pulumi.Output<string | undefined>;
}

/**
 * A StorageV2 account (https only, TLS 1.2 or later, no anonymous blob access) with one private
 * container, kept on destroy by default: it holds the sync logs. The connection string carries the
 * account key and is a secret from the moment it is read.
 */
export function createLogStorage(
    name: string,
    settings: ResolvedLogStorage,
    ctx: { resourceGroupName: pulumi.Output<string>; location: string; tags: Record<string, string>; parent: pulumi.Resource },
): AksLogStorage {
    if (settings.existing) {
        const existing = settings.existing.azure;
        return {
            spec: settings.existing,
            accountName: pulumi.output(undefined),
            containerName: existing ? pulumi.output(existing.container) : pulumi.output(undefined),
        };
    }
    const opts = { parent: ctx.parent, retainOnDelete: settings.retainOnDelete };
    const account = new storage.StorageAccount(
        `${name}-logs`,
        {
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
        },
        opts,
    );
    const container = new storage.BlobContainer(
        `${name}-logs-container`,
        {
            resourceGroupName: ctx.resourceGroupName,
            accountName: account.name,
            containerName: settings.containerName,
            publicAccess: "None",
        },
        opts,
    );
    const keys = storage.listStorageAccountKeysOutput(
        { resourceGroupName: ctx.resourceGroupName, accountName: account.name },
        { parent: ctx.parent },
    );
    const connection = pulumi.secret(
        pulumi.all([account.name, keys, account.primaryEndpoints]).apply(([accountName, listed, endpoints]) => {
            const key = listed.keys.find((k) => k.permissions?.toUpperCase() === "FULL") ?? listed.keys[0];
            if (!key) {
                throw new pulumi.ResourceError(
                    `Storage account ${accountName} returned no access key: check that shared-key access is allowed.`,
                    ctx.parent,
                );
            }
            return connectionString(accountName, key.value, endpointSuffixOf(endpoints?.blob));
        }),
    );
    return {
        spec: { azure: { container: container.name, connectionString: connection } },
        accountName: account.name,
        containerName: container.name,
    };
}
