import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type * as k8s from "@pulumi/kubernetes";
import type { DataPlaneTarget, Toleration } from "../shared/types";
import type { GkeClusterArgs, GkeMode } from "./args";
import { gkeClusterAccess } from "./access";
import { createCluster } from "./cluster";
import { createPlatformIdentity, LONG_LIVED_KEY_WARNING } from "./identity";
import { createLogBucket } from "./log-storage";
import { createNetwork } from "./network";
import { createNodeIdentity, createNodePools, jobScheduling } from "./nodes";
import { resolveGkeCluster } from "./resolve";
import { createSecretsEncryptionKey } from "./secrets-encryption";

/** The type token GkeCluster registers, the one a component plugin's schema publishes. */
export const GKE_CLUSTER_TYPE = "flexplane:index:GkeCluster";
/** The token GkeCluster registered before; an alias to it keeps existing stacks' resources in place. */
export const GKE_CLUSTER_LEGACY_TYPE = "flexplane:gcp:GkeCluster";

/**
 * The members only TypeScript can use (the provider, the DataPlane hand-over). They are kept here rather
 * than in fields: Pulumi's component-schema analyzer publishes every field of a component as an output,
 * and a provider cannot be one. The class reads them through getters.
 */
interface GkeClusterResources {
    kubernetesProvider: k8s.Provider;
    dataPlaneTarget: DataPlaneTarget;
}
const resourcesOf = new WeakMap<GkeCluster, GkeClusterResources>();

/**
 * A GKE cluster ready for an Airbyte Enterprise Flex data plane: a private, regional cluster
 * (Autopilot or Standard) in its own VPC with Cloud NAT, Secrets encrypted with a Cloud KMS key,
 * NetworkPolicies enforced (Dataplane V2), a hardened GCS bucket for logs and state,
 * and the service-account key the platform needs for Google Secret Manager and GCS. Hand
 * `dataPlaneTarget` to `DataPlane` together with the data plane's client id and secret; outside
 * TypeScript the outputs below carry the same values.
 */
export class GkeCluster extends pulumi.ComponentResource {
    /** Name of the GKE cluster. */
    readonly clusterName: pulumi.Output<string>;
    /** Control plane address (IP), public unless `apiServer.privateOnly`. */
    readonly endpoint: pulumi.Output<string>;
    /**
     * Kubeconfig using `gke-gcloud-auth-plugin`.
     * @secret
     */
    readonly kubeconfig: pulumi.Output<string>;
    /** Email of the platform's service account; undefined when the caller supplied every key. */
    readonly serviceAccountEmail: pulumi.Output<string | undefined>;
    /** Email of the nodes' service account. */
    readonly nodeServiceAccountEmail: pulumi.Output<string>;
    /** The log bucket's name: DataPlane's `storage.gcs.bucket`. */
    readonly bucketName: pulumi.Output<string>;
    /** The VPC's id. */
    readonly networkId: pulumi.Output<string>;
    /** The subnet's id. */
    readonly subnetworkId: pulumi.Output<string>;
    /** `autopilot` or `standard`. */
    readonly mode: GkeMode;
    /** The region the cluster runs in (the zone's region for a zonal cluster). */
    readonly region: string;
    /** Namespace the data plane is installed into: DataPlane's `namespace`. */
    readonly namespace: string;
    /** Service account the chart runs under: DataPlane's `serviceAccountName`. */
    readonly serviceAccountName: string;
    /**
     * Service-account JSON key for Google Secret Manager, DataPlane's `secretsManager.gcp.credentialsJson`:
     * the caller's `secretsManager.gcp.credentialsJson`, else the key of the account this component
     * created. Undefined when the store is not Google Secret Manager.
     * @secret
     */
    readonly secretsManagerCredentialsJson: pulumi.Output<string | undefined>;
    /**
     * Service-account JSON key for the log bucket, DataPlane's `storage.gcs.credentialsJson`: the
     * caller's `storageCredentialsJson`, else the key of the account this component created.
     * @secret
     */
    readonly storageCredentialsJson: pulumi.Output<string>;
    /**
     * Node selector of connector (job) pods, DataPlane's `jobs.nodeSelector`: the job pool's name.
     * Undefined without a node pool `dedicatedToJobs`.
     */
    readonly jobNodeSelector: pulumi.Output<Record<string, string> | undefined>;
    /**
     * Tolerations of connector (job) pods, DataPlane's `jobs.tolerations`: the job pool's taint.
     * Undefined without a node pool `dedicatedToJobs`.
     */
    readonly jobTolerations: pulumi.Output<Toleration[] | undefined>;

    /** Provider for the cluster. TypeScript only; other languages build one from `kubeconfig`. */
    get kubernetesProvider(): k8s.Provider {
        return resourcesOf.get(this)!.kubernetesProvider;
    }
    /**
     * What `DataPlane` needs; spread it into `DataPlaneArgs`. TypeScript only; other languages read
     * the same values from this component's outputs.
     */
    get dataPlaneTarget(): DataPlaneTarget {
        return resourcesOf.get(this)!.dataPlaneTarget;
    }

    constructor(name: string, args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const settings = resolveGkeCluster(name, args, gcp.config.project);
        // The alias keeps the resources of stacks created under the old token, children included (the engine
        // derives their aliases from the parent's: pulumi/pulumi pkg/resource/deploy/step_generator.go generateAliases).
        super(GKE_CLUSTER_TYPE, name, {}, { ...opts, aliases: [...(opts?.aliases ?? []), { type: GKE_CLUSTER_LEGACY_TYPE }] });
        pulumi.log.warn(LONG_LIVED_KEY_WARNING, this);

        const network = createNetwork(settings, this);
        const nodeIdentity = createNodeIdentity(settings, this);
        const secretsKey = createSecretsEncryptionKey(settings, this);
        const cluster = createCluster(
            settings,
            {
                network: network.networkRef,
                subnetwork: network.subnetworkRef,
                podsRangeName: network.podsRangeName,
                servicesRangeName: network.servicesRangeName,
                nodeServiceAccountEmail: nodeIdentity.email,
                secretsKeyId: secretsKey.keyId,
            },
            [...network.dependencies, ...nodeIdentity.dependencies, ...secretsKey.dependencies],
            this,
        );
        const nodePools = createNodePools(settings, cluster, nodeIdentity, this);
        const bucket = createLogBucket(settings, this);
        const identity = createPlatformIdentity(settings, bucket.name, this);
        const access = gkeClusterAccess(settings.base, cluster, settings.project, this);

        const jobs = jobScheduling(settings);
        resourcesOf.set(this, {
            kubernetesProvider: access.provider,
            dataPlaneTarget: {
                kubernetesProvider: access.provider,
                ...settings.workload,
                secretsManager: identity.secretsManager,
                storage: { gcs: { bucket: bucket.name, credentialsJson: identity.storageCredentialsJson } },
                ...(jobs ? { jobs } : {}),
                dependsOn: [...nodePools, ...nodeIdentity.dependencies, ...identity.dependencies],
            },
        });

        this.clusterName = cluster.name;
        this.endpoint = cluster.endpoint;
        this.kubeconfig = access.kubeconfig;
        this.serviceAccountEmail = identity.email ?? pulumi.output(undefined);
        this.nodeServiceAccountEmail = nodeIdentity.email;
        this.bucketName = bucket.name;
        this.networkId = network.networkId;
        this.subnetworkId = network.subnetworkId;
        this.mode = settings.mode;
        this.region = settings.region;
        this.namespace = settings.workload.namespace;
        this.serviceAccountName = settings.workload.serviceAccountName;
        this.secretsManagerCredentialsJson = pulumi.secret(pulumi.output(identity.secretsManager.gcp?.credentialsJson));
        // Always set: resolveIdentity creates an account whenever the caller gives no bucket key.
        this.storageCredentialsJson = pulumi.secret(identity.storageCredentialsJson!);
        this.jobNodeSelector = pulumi.output(jobs?.nodeSelector);
        this.jobTolerations = pulumi.output(jobs?.tolerations);
        this.registerOutputs({
            clusterName: this.clusterName,
            endpoint: this.endpoint,
            kubeconfig: this.kubeconfig,
            serviceAccountEmail: this.serviceAccountEmail,
            nodeServiceAccountEmail: this.nodeServiceAccountEmail,
            bucketName: this.bucketName,
            networkId: this.networkId,
            subnetworkId: this.subnetworkId,
            mode: this.mode,
            region: this.region,
            namespace: this.namespace,
            serviceAccountName: this.serviceAccountName,
            secretsManagerCredentialsJson: this.secretsManagerCredentialsJson,
            storageCredentialsJson: this.storageCredentialsJson,
            jobNodeSelector: this.jobNodeSelector,
            jobTolerations: this.jobTolerations,
        });
    }
}
