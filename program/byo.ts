import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { InputProblems } from "../components/shared/errors";
import type { StorageSpec } from "../components/shared/types";
import type { CloudProgram } from "./types";

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

/**
 * An existing cluster: the kubeconfig comes from the secret `flexplane:kubeconfig`, or, when that is
 * unset, from the environment (`KUBECONFIG` or `~/.kube/config`) as kubectl finds it.
 */
export const deploy: CloudProgram = (ctx) => {
    const byo = ctx.config.requireObject<ByoConfig>("byo");
    const problems = new InputProblems("Stack config");
    problems.check(typeof byo.region === "string" && byo.region !== "", "flexplane:byo.region",
        "is required: give the region the cluster runs in, e.g. us-east-1.");
    problems.check(byo.clusterIdentifier === undefined || (typeof byo.clusterIdentifier === "string" && byo.clusterIdentifier.trim() !== ""),
        "flexplane:byo.clusterIdentifier", "must be a non-empty string naming the cluster, or be left out for <region>/<context>.");
    const storage = readStorage(ctx.config, byo.storage, problems);
    problems.throwIfAny();
    const kubeconfig = ctx.config.getSecret("kubeconfig");
    const provider = new k8s.Provider("byo-cluster", {
        ...(kubeconfig ? { kubeconfig } : {}),
        ...(byo.context ? { context: byo.context } : {}),
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
};

/** The byo cluster's provider identity: the configured one, else region and context. */
export function byoClusterIdentifier(byo: Pick<ByoConfig, "region" | "context" | "clusterIdentifier">): string {
    return byo.clusterIdentifier ?? `${byo.region}/${byo.context ?? "current-context"}`;
}

function readStorage(config: pulumi.Config, storage: ByoConfig["storage"] | undefined, problems: InputProblems): StorageSpec {
    if (storage?.s3) {
        const { auth, ...rest } = storage.s3;
        problems.check(auth === "serviceAccount" || auth === "accessKeys", "flexplane:byo.storage.s3.auth",
            `"${auth ?? ""}" is not an auth mode: use serviceAccount (IRSA) or accessKeys (then set flexplane:storageAccessKeyId and flexplane:storageSecretAccessKey with --secret).`);
        return {
            s3: {
                ...rest,
                ...(auth === "accessKeys"
                    ? { accessKeys: { accessKeyId: config.requireSecret("storageAccessKeyId"), secretAccessKey: config.requireSecret("storageSecretAccessKey") } }
                    : { useServiceAccountIdentity: auth === "serviceAccount" }),
            },
        };
    }
    if (storage?.gcs) {
        return { gcs: { ...storage.gcs, credentialsJson: config.requireSecret("storageCredentialsJson") } };
    }
    if (storage?.azure) {
        return { azure: { ...storage.azure, connectionString: config.requireSecret("storageConnectionString") } };
    }
    problems.add("flexplane:byo.storage", "is required: give exactly one of s3, gcs, azure with its bucket or container.");
    return {};
}
