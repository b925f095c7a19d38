/**
 * The job-pod contract: from the chart values and the Secrets a plan creates, can connector pods be
 * created, read connector secrets (on both hydration paths) and write logs and state? Pure; combines
 * the chart model (`chart.ts`) and the launcher model (`launcher.ts`).
 *
 * Hydration paths (airbytehq/airbyte-platform `airbyte-commons-worker/src/main/kotlin/io/airbyte/
 * workers/hydration/ConnectorSecretsHydrator.kt` 33-42): for a secret reference whose storage is
 * "configured from environment" the init container uses the data plane's own store settings
 * (`storeFromEnvironment`); otherwise it builds a client from the configuration the control plane
 * returns, credentials included, except that an AWS `IAM_ROLE` configuration is used by calling
 * `sts:AssumeRole` with `AWS_ASSUME_ROLE_*` keys if set, else the pod's default AWS credentials
 * (`airbyte-config/config-secrets/src/main/kotlin/secrets/persistence/AwsSecretManagerPersistence.kt`
 * 380-396, `RuntimeSecretPersistenceFactory.kt` 26-27) (`storeFromControlPlane`).
 */
import { ChartValues, EnvSource, RenderedChart, renderLauncher } from "./chart";
import { buildJobPod, JobContainerKind, JobEnvSource, JobPod } from "./launcher";

/** The Secrets a plan creates: name to key names. Their values are taken to be set. */
export type PlannedSecrets = Record<string, readonly string[]>;

export interface ContractInput {
    /** Chart values as the Helm release receives them. */
    values: ChartValues;
    chartVersion: string;
    releaseName: string;
    secrets: PlannedSecrets;
    /**
     * Keys known to hold empty strings (identity-mode placeholders), when the caller knows them. A
     * plan shows no values, so its keys are taken to be set.
     */
    emptyKeys?: PlannedSecrets;
}

/** What a problem is about. */
export type ContractArea =
    | "launcher"
    | "pod"
    | "data-plane-credentials"
    | "store-from-environment"
    | "store-from-control-plane"
    | "storage"
    | "edition"
    | "images";

export interface ContractProblem {
    area: ContractArea;
    container?: JobContainerKind;
    message: string;
}

export interface ContractResult extends RenderedChart {
    pod: JobPod;
    /** The AWS identity of job pods (IRSA), when their service account carries one. */
    podIdentity?: string;
    problems: ContractProblem[];
}

/** Annotation that gives pods of a service account an AWS role (EKS IRSA; facts §8). */
const IRSA_ANNOTATION = "eks.amazonaws.com/role-arn";
const PLATFORM_CONTAINERS: JobContainerKind[] = ["init", "sidecar", "orchestrator"];

/** Checks the contract; an empty `problems` means connector pods get everything they need. */
export function checkJobPodContract(input: ContractInput): ContractResult {
    const rendered = renderLauncher(input.values, input.chartVersion, input.releaseName);
    const pod = buildJobPod(rendered.launcher);
    const identity = String(input.values?.serviceAccount?.annotations?.[IRSA_ANNOTATION] ?? "") || undefined;
    const secrets = new Secrets(input.secrets, input.emptyKeys ?? {}, rendered.chartSecret.name, rendered.chartSecret.keys);
    const problems: ContractProblem[] = [];
    const add = (area: ContractArea, message: string, container?: JobContainerKind) =>
        problems.push({ area, message, ...(container ? { container } : {}) });

    checkLauncher(rendered, secrets, add);
    checkPod(pod, secrets, input.values, add);
    for (const kind of PLATFORM_CONTAINERS) {
        for (const name of ["DATAPLANE_CLIENT_ID", "DATAPLANE_CLIENT_SECRET"]) {
            if (!secrets.holdsValue(pod.containers[kind].env[name])) {
                add("data-plane-credentials", `${name} ${describe(pod.containers[kind].env[name])}`, kind);
            }
        }
    }
    checkStore(pod, secrets, identity, add);
    checkStorage(pod, secrets, identity, add);
    checkEdition(pod, add);
    checkImages(rendered, pod, input.values, add);
    return { ...rendered, pod, ...(identity ? { podIdentity: identity } : {}), problems };
}

type Add = (area: ContractArea, message: string, container?: JobContainerKind) => void;

/** The Secrets in the namespace: the plan's (with values unless known empty) and the chart's own (empty values). */
class Secrets {
    private readonly keys = new Map<string, Set<string>>();
    private readonly empty = new Map<string, Set<string>>();
    constructor(planned: PlannedSecrets, empty: PlannedSecrets, chartSecret: string, chartKeys: string[]) {
        for (const [name, keys] of Object.entries(planned)) {
            this.keys.set(name, new Set(keys));
        }
        for (const [name, keys] of Object.entries(empty)) {
            this.empty.set(name, new Set(keys));
        }
        this.keys.set(chartSecret, new Set(chartKeys));
        this.empty.set(chartSecret, new Set(chartKeys));
    }

    has(name: string): boolean {
        return this.keys.has(name);
    }

    exists(name: string, key: string): boolean {
        return this.keys.get(name)?.has(key) ?? false;
    }

    /** True when the key exists and holds a value: a credential, not an empty placeholder. */
    filled(name: string, key: string): boolean {
        return this.exists(name, key) && !(this.empty.get(name)?.has(key) ?? false);
    }

    /** True when `source` resolves to a key that holds a value. */
    holdsValue(source: JobEnvSource | EnvSource | undefined): boolean {
        const ref = source && ("secretKeyRef" in source ? source.secretKeyRef : "copyOf" in source ? source.copyOf : undefined);
        return ref !== undefined && this.filled(ref.name, ref.key);
    }
}

function describe(source: JobEnvSource | undefined): string {
    if (!source) {
        return "is not given";
    }
    if ("secretKeyRef" in source) {
        return `points at ${source.secretKeyRef.name}/${source.secretKeyRef.key}, which is missing or empty`;
    }
    if ("copyOf" in source) {
        return `is copied from ${source.copyOf.name}/${source.copyOf.key}, which is missing or empty`;
    }
    return source.value === "" ? "is empty" : "is a plain value";
}

/** The launcher must start: every secretKeyRef and secret volume it has resolves. */
function checkLauncher(rendered: RenderedChart, secrets: Secrets, add: Add): void {
    for (const [name, source] of Object.entries(rendered.launcher.env)) {
        if ("secretKeyRef" in source && !secrets.exists(source.secretKeyRef.name, source.secretKeyRef.key)) {
            add(
                "launcher",
                `${name} refers to ${source.secretKeyRef.name}/${source.secretKeyRef.key}, which does not exist: the launcher stays in CreateContainerConfigError`,
            );
        }
    }
    for (const volume of rendered.launcher.secretVolumes) {
        const missing = (volume.items ?? []).filter((item) => !secrets.exists(volume.secretName, item.key));
        if (!secrets.has(volume.secretName) || missing.length > 0) {
            add(
                "launcher",
                `volume ${volume.volume} needs Secret ${volume.secretName}${missing.length ? ` with ${missing.map((i) => i.key).join(", ")}` : ""}, which does not exist`,
            );
        }
    }
}

/** The API server must accept connector pods and the kubelet must start their containers. */
function checkPod(pod: JobPod, secrets: Secrets, values: ChartValues, add: Add): void {
    if (!pod.serviceAccountName) {
        add("pod", "connector pods get no service account");
    }
    for (const volume of pod.secretVolumes) {
        if (!volume.secretName) {
            add(
                "pod",
                `connector pods carry secret volume ${volume.volume} with an empty secretName: the API server refuses them (422), no check, discover or sync can start`,
            );
        } else if (!secrets.has(volume.secretName)) {
            add("pod", `connector pods mount Secret ${volume.secretName}, which does not exist: they never start`);
        }
    }
    for (const [kind, container] of Object.entries(pod.containers) as [JobContainerKind, JobPod["containers"]["init"]][]) {
        for (const [name, source] of Object.entries(container.env)) {
            if ("secretKeyRef" in source && !secrets.exists(source.secretKeyRef.name, source.secretKeyRef.key)) {
                add(
                    "pod",
                    `${name} refers to ${source.secretKeyRef.name}/${source.secretKeyRef.key}, which does not exist: CreateContainerConfigError`,
                    kind,
                );
            }
        }
    }
    const wanted = (Array.isArray(values?.imagePullSecrets) ? values.imagePullSecrets : []).map((s: any) => String(s?.name ?? ""));
    if (JSON.stringify(pod.imagePullSecrets) !== JSON.stringify(wanted)) {
        add("pod", `connector pods get image pull secrets ${JSON.stringify(pod.imagePullSecrets)} instead of ${JSON.stringify(wanted)}`);
    }
}

/** Both hydration paths must reach the store's credentials. */
function checkStore(pod: JobPod, secrets: Secrets, identity: string | undefined, add: Add): void {
    const init = pod.containers.init.env;
    const value = (name: string) => secrets.holdsValue(init[name]);
    const persistence = init.SECRET_PERSISTENCE && "value" in init.SECRET_PERSISTENCE ? init.SECRET_PERSISTENCE.value : "";
    switch (persistence) {
        case "AWS_SECRET_MANAGER":
            // Static keys only when both are set, else the default chain (AwsSecretManagerPersistence.kt 488-497).
            if (!(value("AWS_SECRET_MANAGER_ACCESS_KEY_ID") && value("AWS_SECRET_MANAGER_SECRET_ACCESS_KEY")) && !identity) {
                add(
                    "store-from-environment",
                    "the init container gets neither the Secrets Manager access keys nor an AWS identity of its own",
                    "init",
                );
            }
            if (!(value("AWS_ASSUME_ROLE_ACCESS_KEY_ID") && value("AWS_ASSUME_ROLE_SECRET_ACCESS_KEY")) && !identity) {
                add(
                    "store-from-control-plane",
                    "for an IAM_ROLE store the init container has nothing to call sts:AssumeRole with: neither AWS_ASSUME_ROLE_* keys nor an AWS identity",
                    "init",
                );
            }
            break;
        case "GOOGLE_SECRET_MANAGER":
            if (!value("SECRET_STORE_GCP_CREDENTIALS")) {
                add(
                    "store-from-environment",
                    `SECRET_STORE_GCP_CREDENTIALS ${describe(init.SECRET_STORE_GCP_CREDENTIALS)}: the init container cannot read Google Secret Manager`,
                    "init",
                );
            }
            break;
        case "AZURE_KEY_VAULT":
            for (const name of ["AB_AZURE_KEY_VAULT_CLIENT_ID", "AB_AZURE_KEY_VAULT_CLIENT_SECRET"]) {
                if (!value(name)) {
                    add(
                        "store-from-environment",
                        `${name} ${describe(init[name])}: the init container cannot read Azure Key Vault`,
                        "init",
                    );
                }
            }
            break;
        default:
            add(
                "store-from-environment",
                `SECRET_PERSISTENCE is "${persistence}", not a store a data plane shares with the control plane`,
                "init",
            );
    }
}

/** Sidecar and orchestrator write logs and state to the bucket. */
function checkStorage(pod: JobPod, secrets: Secrets, identity: string | undefined, add: Add): void {
    for (const kind of ["sidecar", "orchestrator"] as const) {
        const container = pod.containers[kind];
        const env = container.env;
        const type = env.STORAGE_TYPE && "value" in env.STORAGE_TYPE ? env.STORAGE_TYPE.value : "";
        if (type === "S3") {
            if (!(secrets.holdsValue(env.AWS_ACCESS_KEY_ID) && secrets.holdsValue(env.AWS_SECRET_ACCESS_KEY)) && !identity) {
                add("storage", "gets neither S3 access keys nor an AWS identity", kind);
            }
        } else if (type === "GCS") {
            const path =
                env.GOOGLE_APPLICATION_CREDENTIALS && "value" in env.GOOGLE_APPLICATION_CREDENTIALS
                    ? env.GOOGLE_APPLICATION_CREDENTIALS.value
                    : "";
            const found = container.mounts.some(
                (m) =>
                    path.startsWith(`${m.mountPath.replace(/\/+$/, "")}/`) &&
                    secrets.filled(m.secretName, path.slice(m.mountPath.replace(/\/+$/, "").length + 1)),
            );
            if (!found) {
                add("storage", `GOOGLE_APPLICATION_CREDENTIALS is "${path}", but no mounted Secret holds that file`, kind);
            }
        } else if (type === "AZURE") {
            if (!secrets.holdsValue(env.AZURE_STORAGE_CONNECTION_STRING)) {
                add("storage", `AZURE_STORAGE_CONNECTION_STRING ${describe(env.AZURE_STORAGE_CONNECTION_STRING)}`, kind);
            }
        } else {
            add("storage", `STORAGE_TYPE is "${type}": a data plane has no such store`, kind);
        }
    }
}

/** The launcher parses AIRBYTE_EDITION into CLOUD, COMMUNITY or ENTERPRISE (Configs.kt 88-92). */
function checkEdition(pod: JobPod, add: Add): void {
    const edition = pod.containers.connector.env.AIRBYTE_EDITION;
    const value = edition && "value" in edition ? edition.value : "";
    if (!["CLOUD", "COMMUNITY", "ENTERPRISE"].includes(value)) {
        add("edition", `AIRBYTE_EDITION "${value}" is not an edition the launcher knows: it does not start`);
    }
}

/** With a registry mirror, every image comes from it. */
function checkImages(rendered: RenderedChart, pod: JobPod, values: ChartValues, add: Add): void {
    const registry = String(values?.image?.registry ?? "").replace(/\/+$/, "");
    if (!registry) {
        return;
    }
    const images: [string, string][] = [
        ["launcher", rendered.launcher.image],
        ["init", pod.images.init],
        ["sidecar", pod.images.sidecar],
        ["orchestrator", pod.images.orchestrator],
    ];
    for (const [what, image] of images) {
        if (!image.startsWith(`${registry}/`)) {
            add("images", `the ${what} image ${image} does not come from ${registry}`);
        }
    }
    if (pod.images.connectorRegistry.replace(/\/+$/, "") !== registry) {
        add("images", `connector images come from ${pod.images.connectorRegistry || "Docker Hub"}, not ${registry}`);
    }
}

/** The Secrets among planned resources (`{type, inputs}` as the offline plan records them): name to key names. */
export function plannedSecrets(resources: { type: string; inputs: Record<string, any> }[]): PlannedSecrets {
    const secrets: PlannedSecrets = {};
    for (const r of resources.filter((r) => r.type === "kubernetes:core/v1:Secret")) {
        const data = { ...(isMap(r.inputs.data) ? r.inputs.data : {}), ...(isMap(r.inputs.stringData) ? r.inputs.stringData : {}) };
        secrets[String(r.inputs.metadata?.name ?? "")] = Object.keys(data);
    }
    return secrets;
}

function isMap(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
