import type * as pulumi from "@pulumi/pulumi";
import { clusterAccess } from "../../../components/shared/access";
import { exactlyOne } from "../../../components/shared/errors";
import { isAwsRegion } from "../../../components/shared/formats";
import type { StorageSpec } from "../../../components/shared/types";
import { readAwsAuth, secretKeysOfConfig } from "../../auth-mode";
import { blockOf } from "../../config";
import { checkKubeconfigContext, kubeconfigFromEnvironment } from "./kubeconfig-context";
import type { StackProblems } from "../../stack-problems";
import type { CloudProgram } from "../../types";

/** `flexplane:byo` in a stack file: an existing cluster and existing log storage. */
export interface ByoConfig {
    /** Region the cluster runs in (for the stack's descriptor). Required. */
    region: string;
    /** kubeconfig context to use; default the kubeconfig's current context. */
    context?: string;
    /**
     * The cluster's identity for the Kubernetes provider: while it stays the same, a changed
     * kubeconfig (endpoint, credentials, auth plugin) updates the provider instead of replacing the
     * namespace, Secret and release. Change it only to move the data plane to another cluster.
     * Default `<region>/<context>` (`<region>/current-context` without `context`).
     */
    clusterIdentifier?: string;
    /** Annotations for the chart's service account (e.g. an IRSA role ARN made elsewhere). */
    serviceAccountAnnotations?: Record<string, string>;
    /** Log storage: exactly one of s3, gcs, azure. Credentials come from their own secret keys. */
    storage: {
        s3?: { bucket: string; region: string; auth: "serviceAccount" | "accessKeys" };
        gcs?: { bucket: string };
        azure?: { container: string };
    };
}

const BYO_KEYS: Record<string, readonly string[]> = {
    "": ["region", "context", "clusterIdentifier", "serviceAccountAnnotations", "storage"],
    storage: ["s3", "gcs", "azure"],
    "storage.s3": ["bucket", "region", "auth"],
    "storage.gcs": ["bucket"],
    "storage.azure": ["container"],
};

/** The secret keys each storage kind reads. */
const STORAGE_SECRETS = {
    s3: ["storageAccessKeyId", "storageSecretAccessKey"],
    gcs: ["storageCredentialsJson"],
    azure: ["storageConnectionString"],
} as const;

/**
 * An existing cluster: the kubeconfig comes from the secret `flexplane:kubeconfig`, or, when that is
 * unset, from the environment (`KUBECONFIG` or `~/.kube/config`) as kubectl finds it.
 */
export const prepare: CloudProgram = (ctx, problems) => {
    const byo = (blockOf(ctx.config, "byo") ?? {}) as ByoConfig;
    for (const [section, allowed] of Object.entries(BYO_KEYS)) {
        const value = section.split(".").reduce<unknown>((v, k) => (k && v ? (v as Record<string, unknown>)[k] : v), byo);
        problems.unknownKeys(section ? `flexplane:byo.${section}` : "flexplane:byo", value, allowed);
    }
    if (!byo.region) {
        problems.add("flexplane:byo.region", "is required: give the region the cluster runs in, e.g. us-east-1.");
    } else {
        problems.check(
            /^[a-z0-9-]+$/.test(byo.region),
            "flexplane:byo.region",
            `"${byo.region}" is not a region name: give the cloud region the cluster runs in, e.g. us-east-1 or europe-west1.`,
        );
    }
    problems.check(
        byo.clusterIdentifier === undefined || (typeof byo.clusterIdentifier === "string" && byo.clusterIdentifier.trim() !== ""),
        "flexplane:byo.clusterIdentifier",
        "must be a non-empty string naming the cluster, or be left out for <region>/<context>.",
    );
    const storage = readStorage(ctx.config, byo.storage, problems);
    const kubeconfigText = ctx.config.get("kubeconfig");
    if (byo.context !== undefined) {
        checkKubeconfigContext(
            problems,
            byo.context,
            kubeconfigText !== undefined ? { source: "flexplane:kubeconfig", text: kubeconfigText } : kubeconfigFromEnvironment(),
        );
    }
    return {
        storage,
        deploy: () => {
            const { provider } = clusterAccess("byo-cluster", {
                kubeconfig: ctx.config.getSecret("kubeconfig"),
                context: byo.context,
                clusterIdentifier: byoClusterIdentifier(byo),
            });
            return {
                target: {
                    kubernetesProvider: provider,
                    namespace: ctx.namespace,
                    serviceAccountName: ctx.serviceAccountName,
                    serviceAccountAnnotations: byo.serviceAccountAnnotations,
                    secretsManager: ctx.secretsManager,
                    storage,
                },
                clusterRegion: byo.region,
                outputs: {},
            };
        },
    };
};

/** The byo cluster's provider identity: the configured one, else region and context. */
export function byoClusterIdentifier(byo: Pick<ByoConfig, "region" | "context" | "clusterIdentifier">): string {
    return byo.clusterIdentifier ?? `${byo.region}/${byo.context ?? "current-context"}`;
}

function readStorage(config: pulumi.Config, storage: ByoConfig["storage"] | undefined, problems: StackProblems): StorageSpec {
    if (storage === undefined) {
        problems.add("flexplane:byo.storage", "is required: give exactly one of s3, gcs, azure with its bucket or container.");
        return {};
    }
    const kind = exactlyOne(problems, "flexplane:byo.storage", storage, "log storage (s3, gcs or azure)");
    const secret = (name: string) => config.getSecret(name);
    for (const other of (["s3", "gcs", "azure"] as const).filter((k) => kind !== undefined && k !== kind)) {
        for (const name of STORAGE_SECRETS[other].filter((n) => config.get(n) !== undefined)) {
            problems.add(
                `flexplane:${name}`,
                `is set but not used: flexplane:byo.storage has no ${other} storage. Remove it, or use ${other} storage.`,
            );
        }
    }
    const required = (names: readonly string[], when: string) => {
        for (const name of names.filter((n) => config.get(n) === undefined)) {
            problems.add(`flexplane:${name}`, `is required ${when}: run \`pulumi config set --secret flexplane:${name} <value>\`.`);
        }
    };
    if (kind === "s3") {
        const { auth, ...rest } = storage.s3!;
        problems.check(
            isAwsRegion(rest.region),
            "flexplane:byo.storage.s3.region",
            rest.region === undefined
                ? "is required: give the bucket's region, e.g. us-east-1."
                : `"${rest.region}" is not an AWS region: give the bucket's region, e.g. us-east-1.`,
        );
        const access = readAwsAuth(problems, secretKeysOfConfig(config), auth, {
            path: "flexplane:byo.storage.s3.auth",
            keys: STORAGE_SECRETS.s3,
        });
        return { s3: { ...rest, ...access } };
    }
    if (kind === "gcs") {
        required(STORAGE_SECRETS.gcs, "for GCS storage (the platform reads GCS only with a service-account key)");
        return { gcs: { ...storage.gcs!, credentialsJson: secret("storageCredentialsJson") } };
    }
    if (kind === "azure") {
        required(STORAGE_SECRETS.azure, "for Azure Blob storage");
        return { azure: { ...storage.azure!, connectionString: secret("storageConnectionString") } };
    }
    return {};
}
