import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type * as k8s from "@pulumi/kubernetes";
import type { DataPlaneTarget } from "../shared/types";
import type { GkeClusterArgs, GkeMode } from "./args";
import { gkeClusterAccess } from "./access";
import { createCluster } from "./cluster";
import { createPlatformIdentity, LONG_LIVED_KEY_WARNING } from "./identity";
import { createLogBucket } from "./log-storage";
import { createNetwork } from "./network";
import { createNodeIdentity, createNodePools, jobScheduling } from "./nodes";
import { resolveGkeCluster } from "./resolve";
import { createSecretsEncryptionKey } from "./secrets-encryption";

/**
 * A GKE cluster ready for an Airbyte Enterprise Flex data plane: a private, regional cluster
 * (Autopilot or Standard) in its own VPC with Cloud NAT, Secrets encrypted with a Cloud KMS key,
 * NetworkPolicies enforced (Dataplane V2), a hardened GCS bucket for logs and state,
 * and the service-account key the platform needs for Google Secret Manager and GCS. Hand
 * `dataPlaneTarget` to `DataPlane` together with the data plane's client id and secret.
 */
export class GkeCluster extends pulumi.ComponentResource {
    /** Name of the GKE cluster. */
    readonly clusterName: pulumi.Output<string>;
    /** Control plane address (IP), public unless `apiServer.privateOnly`. */
    readonly endpoint: pulumi.Output<string>;
    /** Kubeconfig using `gke-gcloud-auth-plugin`; secret. */
    readonly kubeconfig: pulumi.Output<string>;
    /** Provider for the cluster. */
    readonly kubernetesProvider: k8s.Provider;
    /** Email of the platform's service account; undefined when the caller supplied every key. */
    readonly serviceAccountEmail: pulumi.Output<string | undefined>;
    /** Email of the nodes' service account. */
    readonly nodeServiceAccountEmail: pulumi.Output<string>;
    /** The log bucket's name. */
    readonly bucketName: pulumi.Output<string>;
    /** The VPC's id. */
    readonly networkId: pulumi.Output<string>;
    /** The subnet's id. */
    readonly subnetworkId: pulumi.Output<string>;
    /** `autopilot` or `standard`. */
    readonly mode: GkeMode;
    /** The region the cluster runs in (the zone's region for a zonal cluster). */
    readonly region: string;
    /** What `DataPlane` needs; spread it into `DataPlaneArgs`. */
    readonly dataPlaneTarget: DataPlaneTarget;

    constructor(name: string, args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const settings = resolveGkeCluster(name, args, gcp.config.project);
        super("flexplane:gcp:GkeCluster", name, {}, opts);
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
        this.dataPlaneTarget = {
            kubernetesProvider: access.provider,
            ...settings.workload,
            secretsManager: identity.secretsManager,
            storage: { gcs: { bucket: bucket.name, credentialsJson: identity.storageCredentialsJson } },
            ...(jobs ? { jobs } : {}),
            dependsOn: [...nodePools, ...nodeIdentity.dependencies, ...identity.dependencies],
        };

        this.clusterName = cluster.name;
        this.endpoint = cluster.endpoint;
        this.kubeconfig = access.kubeconfig;
        this.kubernetesProvider = access.provider;
        this.serviceAccountEmail = identity.email ?? pulumi.output(undefined);
        this.nodeServiceAccountEmail = nodeIdentity.email;
        this.bucketName = bucket.name;
        this.networkId = network.networkId;
        this.subnetworkId = network.subnetworkId;
        this.mode = settings.mode;
        this.region = settings.region;
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
        });
    }
}
