import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import type { DataPlaneConnectionArgs } from "../airbyte/connection-proof";
import type { PodScheduling, SecretsManagerSpec, StorageSpec } from "../shared/types";
import type { Edition } from "./edition";
import type { MetadataNetworkPolicyMode } from "./metadata-policy";

/** Chart versions this package was written and tested against. */
export const SUPPORTED_CHART_VERSIONS = ["2.0.0", "2.0.1", "2.1.0", "2.1.1", "2.2.0"] as const;
/**
 * The first chart version that hands `imagePullSecrets` to connector pods as names. 2.0.x joins the
 * `{name}` objects themselves, so job pods get `map[name:x],` (`templates/config/_jobs.tpl`
 * `jobs.kube.mainContainerImagePullSecret`; fixed in 2.1.0 by `imagePullSecretNames` in `_helpers.tpl`).
 */
export const FIRST_CHART_WITH_JOB_PULL_SECRETS = "2.1.0";
/** The chart version installed unless the caller pins another. */
export const DEFAULT_CHART_VERSION = "2.2.0";
/** Airbyte's chart repository (the 1.x repository `helm-charts` is deprecated). */
export const DEFAULT_CHART_REPOSITORY = "https://airbytehq.github.io/charts";
export const CHART_NAME = "airbyte-data-plane";
/** Label, and its value, on what the DataPlane component creates (namespace, Secret). */
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY_VALUE = "flexplane";
/**
 * Annotation on the data plane's Secret naming its secret store (`secretsManagerIdentity`); the
 * policy pack compares it with the control plane's store.
 */
export const SECRETS_MANAGER_IDENTITY_ANNOTATION = "flexplane.dev/secrets-manager-identity";
/** Airbyte Cloud's control plane. */
export const DEFAULT_AIRBYTE_URL = "https://cloud.airbyte.com";
export const DEFAULT_RELEASE_NAME = "airbyte-data-plane";
/** Seconds Helm waits for the launcher to become ready before rolling back. */
export const DEFAULT_TIMEOUT_SECONDS = 600;

/** Which `airbyte-data-plane` chart `DataPlane` installs. */
export interface DataPlaneChartArgs {
    /** Chart version. Default `2.2.0`; must be one of 2.0.0 to 2.2.0 unless `allowUntestedVersion`. */
    version?: string;
    /** Chart repository. Default `https://airbytehq.github.io/charts`. */
    repository?: string;
    /** Accept a chart version outside the tested range. Default `false`. */
    allowUntestedVersion?: boolean;
}

/**
 * Arguments of the `DataPlane` component, as every Pulumi language sees them. The cluster to install on
 * is the Kubernetes provider given as a resource option (`{ provider }` or `{ providers: { kubernetes } }`),
 * and what the release must wait for goes in `dependsOn`, also a resource option; in TypeScript a cloud
 * component's `dataPlaneTarget`, spread into these arguments, carries both.
 */
export interface DataPlaneArgs {
    /** Namespace to install into. Default `airbyte`. One data plane per namespace. */
    namespace?: string;
    /** Create the namespace. Default `true`; set `false` when the namespace already exists. */
    createNamespace?: boolean;
    /** Control-plane base URL; must be https. Default `https://cloud.airbyte.com`. */
    airbyteUrl?: string;
    /**
     * The chart's `edition`, which connector pods receive as `AIRBYTE_EDITION` and connectors as
     * `DEPLOYMENT_MODE` (`CLOUD` for `cloud`, `OSS` otherwise). One of:
     * - `cloud`: an Enterprise Flex data plane of Airbyte Cloud. Connectors run in cloud mode: they
     *   insist on TLS, and Python API sources refuse endpoints in private networks.
     * - `enterprise`: a data plane of a Self-Managed Enterprise control plane. Connectors run in OSS
     *   mode (no TLS or private-network checks).
     * - `community`: the chart's own default; only when asked for.
     *
     * Default: `cloud` when `airbyteUrl` is Airbyte Cloud (`cloud.airbyte.com`), else `enterprise`, as
     * Airbyte's own installer does. Any other value is refused.
     */
    edition?: Edition;
    /**
     * The data plane's client id, from Airbyte's `POST /dataplanes`. Required; kept secret.
     * @secret
     */
    clientId: pulumi.Input<string>;
    /**
     * The data plane's client secret, from Airbyte's `POST /dataplanes`. Required; kept secret.
     * @secret
     */
    clientSecret: pulumi.Input<string>;
    /** The control plane's secret store: exactly one of `aws`, `gcp`, `azure`. Required. */
    secretsManager: SecretsManagerSpec;
    /** Log and state storage: exactly one of `s3`, `gcs`, `azure`. Required. */
    storage: StorageSpec;
    /** Chart to install. */
    chart?: DataPlaneChartArgs;
    /** Helm release name. Default `airbyte-data-plane`. */
    releaseName?: string;
    /** Seconds Helm waits for readiness before it rolls back (atomic). Default 600. */
    timeoutSeconds?: number;
    /**
     * Name of the chart's service account. Default `airbyte-workload-launcher` (the chart's own);
     * cloud identities are bound to this name.
     */
    serviceAccountName?: string;
    /** Annotations on the chart's service account, e.g. `eks.amazonaws.com/role-arn`. */
    serviceAccountAnnotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Placement and size of the workload launcher pod. */
    launcher?: PodScheduling;
    /** Placement and size of connector (job) pods. */
    jobs?: PodScheduling;
    /**
     * Registry that mirrors Airbyte's images, as `host[:port][/path]` (no scheme, no trailing slash),
     * e.g. `registry.example.com/airbyte-mirror`. It prefixes every image the data plane pulls: the
     * launcher (`image.repository`), the platform's job images (`image.registry`) and connector
     * images (the launcher's `JOB_KUBE_CONNECTOR_IMAGE_REGISTRY`), so the mirror must hold
     * `airbyte/workload-launcher`, `airbyte/workload-init-container`, `airbyte/connector-sidecar`,
     * `airbyte/container-orchestrator` and every connector image you use, under the same names.
     * Default: Docker Hub.
     */
    imageRegistry?: string;
    /**
     * Names of image pull secrets that already exist in the namespace; given to the launcher and to
     * connector pods. Needs chart 2.1.0 or later: 2.0.x hands connector pods a malformed name, so it
     * is refused there. Default: none.
     */
    imagePullSecrets?: string[];
    /**
     * Extra chart values, deep-merged last: they override what this component computes, except the
     * secret references and the secrets-manager and storage types, which are always the component's.
     */
    extraValues?: Record<string, any>;
    /**
     * How `pulumi up` proves the data plane connected: `verifyCredentials` (default `true`) exchanges the
     * credentials at `<airbyteUrl>/api/v1/dataplanes/token` before the chart is installed; `waitForHealthy`
     * (an organization admin's application, the data plane's id) waits after the release until the control
     * plane reports it HEALTHY. See docs/airbyte-api.md.
     *
     * @default { verifyCredentials: true } (no health wait)
     */
    connection?: DataPlaneConnectionArgs;
    /**
     * NetworkPolicies that deny connector (job) pods the cloud metadata endpoints, which would hand
     * them the node's credentials: `ipv4` (default; 169.254.169.254 and GKE's 169.254.169.252),
     * `dualStack` (also EC2's fd00:ec2::254, for IPv6 or dual-stack clusters) or `none`. Every other
     * destination stays open. Enforced only where the cluster enforces NetworkPolicies: EksCluster
     * (VPC CNI network policy), GkeCluster (Dataplane V2) and AksCluster (Cilium) turn that on;
     * elsewhere the policy is inert (see docs/security.md).
     */
    metadataNetworkPolicy?: MetadataNetworkPolicyMode;
}

/**
 * What TypeScript programs may also pass: the two arguments that became resource options. A cloud
 * component's `dataPlaneTarget` carries both, so spreading it into the arguments keeps working.
 */
export interface DataPlaneTypeScriptArgs extends DataPlaneArgs {
    /**
     * @deprecated Pass the cluster's provider as the `provider` resource option
     * (`new DataPlane(name, args, { provider })`), or spread a cloud component's `dataPlaneTarget`.
     */
    kubernetesProvider?: k8s.Provider;
    /** @deprecated Use the `dependsOn` resource option, or spread a cloud component's `dataPlaneTarget`. */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}
