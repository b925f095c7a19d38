import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type { InputProblems } from "../shared/errors";
import { checkSecretsManager } from "../shared/secrets-manager-checks";
import type { SecretsManagerSpec } from "../shared/types";
import { GKE_DEFAULTS } from "./args";
import { roleSlug, serviceAccountId } from "./names";
import type { ResolvedGkeCluster } from "./resolve";

/**
 * Logged once per cluster: Airbyte's platform reads Google Secret Manager and GCS only through a
 * service-account JSON key today, so a long-lived key ends up in the data plane's Secret. The platform
 * builds its Google credentials from the key alone (airbytehq/airbyte-platform
 * `airbyte-config/config-secrets/.../GoogleSecretManagerPersistence.kt` 248, `ServiceAccountCredentials.fromStream`;
 * `airbyte-commons-storage/.../StorageClient.kt` 545, the same for GCS), never from the pod's identity.
 */
export const LONG_LIVED_KEY_WARNING =
    "The Airbyte data plane reads Google Cloud Storage (and Google Secret Manager, when it is the secret store) only " +
    "with a service-account JSON key: GKE Workload Identity is not supported by Airbyte's platform yet. The key is " +
    "long-lived and is stored in the data plane's Kubernetes Secret and in the Pulumi state (encrypted); rotate it by " +
    "replacing the key resource, and restrict who can read Secrets in the data plane's namespace.";

/** An IAM role as GCP names it: predefined, or custom at project or organization level. */
const ROLE = /^(roles\/[A-Za-z0-9_.]+|(projects|organizations)\/[^/]+\/roles\/[A-Za-z0-9_.]+)$/;

/** Who reads the secret store and the bucket, decided before anything is created. */
export interface ResolvedGkeIdentity {
    /** A service account and JSON key are created. */
    createServiceAccount: boolean;
    /** Project-level Secret Manager roles on the secret-store project, when the account serves the store. */
    secretManager?: { projectId: string; roles: string[] };
    /** Roles on the log bucket, when the account's key serves storage. */
    bucketRoles?: string[];
    /** The store as given; the created key is filled in for a `gcp` store without one. */
    secretsManager: SecretsManagerSpec;
    /** The caller's key for the bucket, if given. */
    storageCredentialsJson?: pulumi.Input<string>;
}

/** The arguments that decide the platform's identity. */
export interface GkeIdentityArgs {
    secretsManager: SecretsManagerSpec;
    storageCredentialsJson?: pulumi.Input<string>;
    secretManagerRoles?: string[];
    bucketRoles?: string[];
}

/**
 * Decides who reads the secret store and the bucket:
 * - GCP store without `credentialsJson`: the component's account, with the Secret Manager roles on
 *   the store's project (which may differ from the cluster's project);
 * - GCP store with `credentialsJson`, AWS or Azure store: the caller's credentials, nothing granted;
 * - storage without `storageCredentialsJson`: the component's account, with roles on the bucket only.
 */
export function resolveIdentity(problems: InputProblems, args: GkeIdentityArgs): ResolvedGkeIdentity {
    // A missing Secret Manager key is created here; every other credential must be given.
    checkSecretsManager(problems, args.secretsManager, { createsCredentialsFor: "gcp" });
    const roles = {
        secretManagerRoles: args.secretManagerRoles ?? [...GKE_DEFAULTS.secretManagerRoles],
        bucketRoles: args.bucketRoles ?? [...GKE_DEFAULTS.bucketRoles],
    };
    for (const key of ["secretManagerRoles", "bucketRoles"] as const) {
        const given = args[key];
        problems.check(
            given === undefined || (Array.isArray(given) && given.length > 0 && given.every((r) => ROLE.test(r))),
            key,
            `give at least one role, each like roles/<name> or projects/<p>/roles/<name>; got ${JSON.stringify(given)}.`,
        );
    }
    const store = args.secretsManager ?? {};
    const servesStore = store.gcp !== undefined && store.gcp.credentialsJson === undefined;
    const servesStorage = args.storageCredentialsJson === undefined;
    return {
        createServiceAccount: servesStore || servesStorage,
        ...(servesStore ? { secretManager: { projectId: store.gcp!.projectId, roles: roles.secretManagerRoles } } : {}),
        ...(servesStorage ? { bucketRoles: roles.bucketRoles } : {}),
        secretsManager: store,
        ...(args.storageCredentialsJson !== undefined ? { storageCredentialsJson: args.storageCredentialsJson } : {}),
    };
}

/** The platform's account, if one was created, and the keys the data plane gets. */
export interface PlatformIdentity {
    email?: pulumi.Output<string>;
    /** The store handed to DataPlane: the created key filled in where the store needs one. */
    secretsManager: SecretsManagerSpec;
    /** The bucket's key (the caller's or the created one), secret. */
    storageCredentialsJson: pulumi.Output<string> | undefined;
    /** Role bindings the data plane must wait for. */
    dependencies: pulumi.Resource[];
}

/** Creates the account, its key and the bindings that the resolved identity calls for. */
export function createPlatformIdentity(
    settings: ResolvedGkeCluster,
    bucketName: pulumi.Input<string>,
    parent: pulumi.Resource,
): PlatformIdentity {
    const identity = settings.identity;
    const given = identity.storageCredentialsJson !== undefined ? pulumi.secret(identity.storageCredentialsJson) : undefined;
    if (!identity.createServiceAccount) {
        return { secretsManager: fillSecretsManager(identity.secretsManager, undefined), storageCredentialsJson: given, dependencies: [] };
    }
    const { base } = settings;
    const account = new gcp.serviceaccount.Account(
        `${base}-airbyte`,
        {
            project: settings.project,
            accountId: serviceAccountId(base, "airbyte"),
            displayName: "Airbyte data plane: secret store and log storage (Flexplane)",
        },
        { parent },
    );
    const key = new gcp.serviceaccount.Key(
        `${base}-airbyte-key`,
        {
            serviceAccountId: account.name,
        },
        { parent, additionalSecretOutputs: ["privateKey"] },
    );

    const bindings: pulumi.Resource[] = [];
    for (const role of identity.secretManager?.roles ?? []) {
        bindings.push(
            new gcp.projects.IAMMember(
                `${base}-secrets-${roleSlug(role)}`,
                {
                    project: identity.secretManager!.projectId,
                    role,
                    member: account.member,
                },
                { parent },
            ),
        );
    }
    for (const role of identity.bucketRoles ?? []) {
        bindings.push(
            new gcp.storage.BucketIAMMember(
                `${base}-bucket-${roleSlug(role)}`,
                {
                    bucket: bucketName,
                    role,
                    member: account.member,
                },
                { parent },
            ),
        );
    }
    const createdKey = pulumi.secret(key.privateKey.apply(decodeKey));
    return {
        email: account.email,
        secretsManager: fillSecretsManager(identity.secretsManager, createdKey),
        storageCredentialsJson: given ?? createdKey,
        dependencies: bindings,
    };
}

/** The secret store handed to DataPlane: the created key filled in where the store needs one. */
function fillSecretsManager(spec: SecretsManagerSpec, createdKey: pulumi.Output<string> | undefined): SecretsManagerSpec {
    if (!spec.gcp) {
        return spec;
    }
    const given = spec.gcp.credentialsJson;
    const credentialsJson = given !== undefined ? pulumi.secret(given) : createdKey;
    return { gcp: { ...spec.gcp, ...(credentialsJson ? { credentialsJson } : {}) } };
}

/** A key resource's `privateKey` is the key file, base64-encoded. */
export function decodeKey(privateKey: string): string {
    return Buffer.from(privateKey, "base64").toString("utf8");
}
