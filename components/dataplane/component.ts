import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { credentialCheckBeforeRelease, healthAfterRelease } from "../airbyte/connection-proof";
import { DataPlaneArgs, CHART_NAME, MANAGED_BY_LABEL, MANAGED_BY_VALUE, SECRETS_MANAGER_IDENTITY_ANNOTATION } from "./args";
import { clusterProvider, releasePrerequisites } from "./cluster-options";
import { mergeValues } from "./extra-values";
import { claimNamespace } from "./namespace-claims";
import { createMetadataNetworkPolicies } from "./network-policy";
import { gcsKeySecretData, secretData } from "./secret-data";
import { DataPlaneSettings, resolveDataPlaneSettings } from "./resolve";
import { buildValues, ChartValues, ValuesPlan } from "./values";

const MANAGED_BY = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };

/** The type token DataPlane registers, which the plugin's schema publishes. */
export const DATA_PLANE_TYPE = "flexplane:index:DataPlane";

/**
 * An Airbyte Enterprise Flex data plane on any Kubernetes cluster: the namespace, one Secret with
 * every credential (plus, for GCS, one holding only the key file that job pods mount), and the
 * `airbyte-data-plane` Helm release whose values reference them.
 */
export class DataPlane extends pulumi.ComponentResource {
    /** Namespace the data plane runs in (launcher and connector pods). */
    readonly namespace: pulumi.Output<string>;
    /** Helm release name. */
    readonly releaseName: pulumi.Output<string>;
    /** Service account of the launcher and connector pods. */
    readonly serviceAccountName: pulumi.Output<string>;
    /** Installed chart version. */
    readonly chartVersion: pulumi.Output<string>;
    /** Canonical identity of the secret store (e.g. `aws-secrets-manager:123456789012:us-east-1`). */
    readonly secretsManagerIdentity: pulumi.Output<string>;
    /** Name of the Secret that holds the credentials. */
    readonly secretName: pulumi.Output<string>;
    /** The chart values, free of credentials. */
    readonly values: pulumi.Output<ChartValues>;
    /** Status reported by Helm. */
    readonly releaseStatus: pulumi.Output<string>;
    /** How `pulumi up` proved the connection: `HEALTHY`, or what was checked (see `connection`). */
    readonly connectionStatus: pulumi.Output<string>;

    constructor(name: string, args: DataPlaneArgs, opts?: pulumi.ComponentResourceOptions) {
        const provider = clusterProvider(args, opts);
        const settings = resolveDataPlaneSettings(name, args, provider !== undefined);
        claimNamespace(name, provider, settings.namespace);
        super(DATA_PLANE_TYPE, name, {}, opts);

        const childOpts = { parent: this, provider };
        const namespace = settings.createNamespace
            ? new k8s.core.v1.Namespace(`${name}-namespace`, { metadata: { name: settings.namespace, labels: MANAGED_BY } }, childOpts)
            : undefined;
        const secretNamespace = namespace ? namespace.metadata.name : settings.namespace;
        const secretOpts = { ...childOpts, dependsOn: namespace ? [namespace] : [] };
        createMetadataNetworkPolicies(name, settings.metadataNetworkPolicy, secretNamespace, MANAGED_BY, secretOpts);
        const secret = new k8s.core.v1.Secret(
            `${name}-credentials`,
            {
                metadata: {
                    name: settings.secretName,
                    namespace: secretNamespace,
                    labels: MANAGED_BY,
                    annotations: { [SECRETS_MANAGER_IDENTITY_ANNOTATION]: settings.secretsManagerIdentity },
                },
                type: "Opaque",
                stringData: pulumi.secret(pulumi.output(secretData(args.clientId, args.clientSecret, args.secretsManager, args.storage))),
            },
            secretOpts,
        );
        // Job pods mount this whole Secret as files, so it holds the GCS key and nothing else.
        const gcsKey = gcsKeySecretData(args.storage);
        const gcsKeySecret = gcsKey
            ? new k8s.core.v1.Secret(
                  `${name}-gcs-key`,
                  {
                      metadata: { name: settings.gcsKeySecretName, namespace: secretNamespace, labels: MANAGED_BY },
                      type: "Opaque",
                      stringData: pulumi.secret(pulumi.output(gcsKey)),
                  },
                  secretOpts,
              )
            : undefined;

        const proof = { ...settings, clientId: args.clientId, clientSecret: args.clientSecret };
        const credentialCheck = credentialCheckBeforeRelease(name, args.connection, proof, this);

        const values = pulumi
            .all([storageName(args), pulumi.output(args.serviceAccountAnnotations ?? {})])
            .apply(([bucket, annotations]) => releaseValues(settings, args, bucket, annotations));

        const release = new k8s.helm.v3.Release(
            name,
            {
                name: settings.releaseName,
                chart: CHART_NAME,
                version: settings.chartVersion,
                repositoryOpts: { repo: settings.chartRepository },
                namespace: settings.namespace,
                createNamespace: false,
                atomic: true,
                cleanupOnFail: true,
                skipAwait: false,
                timeout: settings.timeoutSeconds,
                values,
            },
            {
                ...childOpts,
                dependsOn: releasePrerequisites(args, opts).apply((deps) => [
                    secret,
                    ...(gcsKeySecret ? [gcsKeySecret] : []),
                    ...(namespace ? [namespace] : []),
                    ...credentialCheck,
                    ...deps,
                ]),
            },
        );
        this.connectionStatus = healthAfterRelease(name, args.connection, proof, release, this);

        this.namespace = pulumi.output(settings.namespace);
        this.releaseName = release.name;
        this.serviceAccountName = pulumi.output(settings.serviceAccountName);
        this.chartVersion = pulumi.output(settings.chartVersion);
        this.secretsManagerIdentity = pulumi.output(settings.secretsManagerIdentity);
        this.secretName = secret.metadata.name;
        this.values = values;
        this.releaseStatus = release.status.status;
        this.registerOutputs({
            namespace: this.namespace,
            releaseName: this.releaseName,
            serviceAccountName: this.serviceAccountName,
            chartVersion: this.chartVersion,
            secretsManagerIdentity: this.secretsManagerIdentity,
            secretName: this.secretName,
            values: this.values,
            releaseStatus: this.releaseStatus,
            connectionStatus: this.connectionStatus,
        });
    }
}

function storageName(args: DataPlaneArgs): pulumi.Output<string> {
    return pulumi.output(args.storage.s3?.bucket ?? args.storage.gcs?.bucket ?? args.storage.azure?.container ?? "");
}

/** The release's values: what `buildValues` makes of the resolved facts, with `extraValues` merged last. */
export function releaseValues(
    settings: DataPlaneSettings,
    args: DataPlaneArgs,
    bucket: string,
    serviceAccountAnnotations: Record<string, string>,
): ChartValues {
    return mergeValues(buildValues(valuesPlan(settings, args, bucket, serviceAccountAnnotations)), args.extraValues);
}

/** Gathers the plain, resolved facts the values builder needs. */
export function valuesPlan(
    settings: DataPlaneSettings,
    args: DataPlaneArgs,
    bucket: string,
    serviceAccountAnnotations: Record<string, string>,
): ValuesPlan {
    const sm = args.secretsManager;
    const storage = args.storage;
    return {
        airbyteUrl: settings.airbyteUrl,
        edition: settings.edition,
        secretName: settings.secretName,
        secretsManager: sm.aws
            ? {
                  kind: "aws",
                  region: sm.aws.region,
                  kmsKeyArn: sm.aws.kmsKeyArn,
                  tags: sm.aws.tags ?? {},
                  useServiceAccountIdentity: sm.aws.useServiceAccountIdentity === true,
              }
            : sm.gcp
              ? { kind: "gcp", projectId: sm.gcp.projectId, region: sm.gcp.region }
              : { kind: "azure", vaultUrl: sm.azure!.vaultUrl, tenantId: sm.azure!.tenantId },
        storage: storage.s3
            ? { kind: "s3", bucket, region: storage.s3.region, useServiceAccountIdentity: storage.s3.useServiceAccountIdentity === true }
            : storage.gcs
              ? { kind: "gcs", bucket, keySecretName: settings.gcsKeySecretName }
              : { kind: "azure", container: bucket },
        serviceAccount: { name: settings.serviceAccountName, annotations: serviceAccountAnnotations },
        launcher: args.launcher,
        jobs: args.jobs,
        imageRegistry: args.imageRegistry,
        imagePullSecrets: args.imagePullSecrets,
    };
}
