/**
 * Which stack key sets each argument of the library components, so that a component's refusal reaches
 * stack users under the key they wrote (see `StackProblems.adopt`).
 */
import type { ArgumentSources } from "./stack-problems";

/** `secretsManager` arguments: the declaration, and the secret keys its credentials come from. */
export const SECRET_STORE_SOURCES: Record<string, string | null> = {
    secretsManager: "flexplane:secretsManager",
    "secretsManager.aws.useServiceAccountIdentity": "flexplane:secretsManager.aws.auth",
    "secretsManager.aws.accessKeys.accessKeyId": "flexplane:secretsManagerAccessKeyId",
    "secretsManager.aws.accessKeys.secretAccessKey": "flexplane:secretsManagerSecretAccessKey",
    "secretsManager.gcp.credentialsJson": "flexplane:secretsManagerCredentialsJson",
    "secretsManager.azure.clientId": "flexplane:secretsManagerClientId",
    "secretsManager.azure.clientSecret": "flexplane:secretsManagerClientSecret",
};

/** Arguments every cluster component takes from the common keys. */
export const COMMON_SOURCES: Record<string, string | null> = {
    ...SECRET_STORE_SOURCES,
    namespace: "flexplane:namespace",
    serviceAccountName: "flexplane:serviceAccountName",
};

export const STORE_PHRASES: [string, string][] = [
    ["give both clientId and clientSecret", "give both flexplane:secretsManagerClientId and flexplane:secretsManagerClientSecret"],
    [
        "pass secretsManager.azure.clientId and clientSecret",
        "set flexplane:secretsManagerClientId and flexplane:secretsManagerClientSecret",
    ],
];

/**
 * DataPlane: the common keys. On a byo stack the store's credentials and the storage come from the
 * stack too; on a cloud stack the cluster component supplies (and checks) them, and registration
 * supplies the client id and secret when the stack registers the data plane.
 */
export function dataPlaneSources(byo: boolean, registers: boolean): ArgumentSources {
    const fromCluster = (path: string, stackPath: string) => ({ [path]: byo ? stackPath : null });
    return {
        sources: {
            kubernetesProvider: null,
            namespace: "flexplane:namespace",
            serviceAccountName: "flexplane:serviceAccountName",
            airbyteUrl: "flexplane:airbyteUrl",
            "chart.version": "flexplane:chartVersion",
            "chart.allowUntestedVersion": "flexplane:allowUntestedChartVersion",
            clientId: registers ? null : "flexplane:dataPlaneClientId",
            clientSecret: registers ? null : "flexplane:dataPlaneClientSecret",
            ...(byo ? SECRET_STORE_SOURCES : { secretsManager: null }),
            ...fromCluster("storage", "flexplane:byo.storage"),
            ...fromCluster("storage.s3.accessKeys.accessKeyId", "flexplane:storageAccessKeyId"),
            ...fromCluster("storage.s3.accessKeys.secretAccessKey", "flexplane:storageSecretAccessKey"),
            ...fromCluster("storage.gcs.credentialsJson", "flexplane:storageCredentialsJson"),
            ...fromCluster("storage.azure.connectionString", "flexplane:storageConnectionString"),
        },
        phrases: [
            ["chart.allowUntestedVersion", "flexplane:allowUntestedChartVersion"],
            ["chart.version", "flexplane:chartVersion"],
            ...STORE_PHRASES,
        ],
    };
}

/** AirbyteDataplane (registration): the API URL, the application and the data plane's name. */
export function registrationSources(apiUrlKey: string): ArgumentSources {
    return {
        sources: {
            apiUrl: apiUrlKey,
            "application.clientId": "flexplane:airbyteApplicationClientId",
            "application.clientSecret": "flexplane:airbyteApplicationClientSecret",
            name: "flexplane:dataPlaneName",
            regionId: null,
        },
    };
}
