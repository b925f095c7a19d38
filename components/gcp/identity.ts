import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type { SecretsManagerSpec } from "../shared/types";
import { roleSlug, serviceAccountId } from "./names";
import type { GkeSettings } from "./validation";

/**
 * Logged once per cluster: Airbyte's platform reads Google Secret Manager and GCS only through a
 * service-account JSON key today, so a long-lived key ends up in the data plane's Secret.
 */
export const LONG_LIVED_KEY_WARNING =
    "The Airbyte data plane reads Google Cloud Storage (and Google Secret Manager, when it is the secret store) only " +
    "with a service-account JSON key: GKE Workload Identity is not supported by Airbyte's platform yet. The key is " +
    "long-lived and is stored in the data plane's Kubernetes Secret and in the Pulumi state (encrypted); rotate it by " +
    "replacing the key resource, and restrict who can read Secrets in the data plane's namespace.";

/** What the platform's own service account is for, decided before anything is created. */
export interface IdentityPlan {
    /** A service account and JSON key are created. */
    createServiceAccount: boolean;
    /** Project-level Secret Manager roles on the secret-store project, when the account serves the store. */
    secretManager?: { projectId: string; roles: string[] };
    /** Roles on the log bucket, when the account's key serves storage. */
    bucketRoles?: string[];
}

/**
 * Decides who reads the secret store and the bucket:
 * - GCP store without `credentialsJson`: the component's account, with the Secret Manager roles on
 *   the store's project (which may differ from the cluster's project);
 * - GCP store with `credentialsJson`, AWS or Azure store: the caller's credentials, nothing granted;
 * - storage without `storageCredentialsJson`: the component's account, with roles on the bucket only.
 */
export function planIdentity(
    secretsManager: SecretsManagerSpec,
    storageCredentialsGiven: boolean,
    roles: { secretManagerRoles: string[]; bucketRoles: string[] },
): IdentityPlan {
    const servesStore = secretsManager.gcp !== undefined && secretsManager.gcp.credentialsJson === undefined;
    const servesStorage = !storageCredentialsGiven;
    return {
        createServiceAccount: servesStore || servesStorage,
        ...(servesStore ? { secretManager: { projectId: secretsManager.gcp!.projectId, roles: [...roles.secretManagerRoles] } } : {}),
        ...(servesStorage ? { bucketRoles: [...roles.bucketRoles] } : {}),
    };
}

/** The platform's account, if one was created. */
export interface PlatformIdentity {
    email?: pulumi.Output<string>;
    /** The decoded JSON key, secret. */
    credentialsJson?: pulumi.Output<string>;
    /** Role bindings the data plane must wait for. */
    dependencies: pulumi.Resource[];
}

/** Creates the account, its key and the bindings that `plan` calls for. */
export function createPlatformIdentity(
    settings: GkeSettings,
    plan: IdentityPlan,
    bucketName: pulumi.Input<string>,
    parent: pulumi.Resource,
): PlatformIdentity {
    if (!plan.createServiceAccount) {
        return { dependencies: [] };
    }
    const { base } = settings;
    const account = new gcp.serviceaccount.Account(`${base}-airbyte`, {
        project: settings.project,
        accountId: serviceAccountId(base, "airbyte"),
        displayName: "Airbyte data plane: secret store and log storage (Flexplane)",
    }, { parent });
    const key = new gcp.serviceaccount.Key(`${base}-airbyte-key`, {
        serviceAccountId: account.name,
    }, { parent, additionalSecretOutputs: ["privateKey"] });

    const bindings: pulumi.Resource[] = [];
    for (const role of plan.secretManager?.roles ?? []) {
        bindings.push(new gcp.projects.IAMMember(`${base}-secrets-${roleSlug(role)}`, {
            project: plan.secretManager!.projectId,
            role,
            member: account.member,
        }, { parent }));
    }
    for (const role of plan.bucketRoles ?? []) {
        bindings.push(new gcp.storage.BucketIAMMember(`${base}-bucket-${roleSlug(role)}`, {
            bucket: bucketName,
            role,
            member: account.member,
        }, { parent }));
    }
    return {
        email: account.email,
        credentialsJson: pulumi.secret(key.privateKey.apply(decodeKey)),
        dependencies: bindings,
    };
}

/** The secret store handed to DataPlane: the created key filled in where the store needs one. */
export function fillSecretsManager(spec: SecretsManagerSpec, createdKey: pulumi.Output<string> | undefined): SecretsManagerSpec {
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
