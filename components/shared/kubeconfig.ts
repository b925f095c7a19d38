/** How kubectl (and the Kubernetes provider) gets a token: a credential plugin it runs. */
export interface ExecCredential {
    command: string;
    args?: string[];
    env?: { name: string; value: string }[];
    /** Shown by kubectl when `command` is not installed. */
    installHint?: string;
    provideClusterInfo?: boolean;
    /** `Never` for unattended runs; `IfAvailable` lets a plugin prompt when a terminal is there. */
    interactiveMode: "Never" | "IfAvailable";
}

/**
 * A kubeconfig (JSON, which every YAML reader accepts) for one cluster whose users authenticate with
 * a credential plugin: no static token or client certificate is embedded.
 */
export function execKubeconfig(name: string, server: string, certificateAuthorityData: string, exec: ExecCredential): string {
    return JSON.stringify(
        {
            apiVersion: "v1",
            kind: "Config",
            clusters: [{ name, cluster: { server, "certificate-authority-data": certificateAuthorityData } }],
            contexts: [{ name, context: { cluster: name, user: name } }],
            "current-context": name,
            users: [{ name, user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", ...exec } } }],
        },
        null,
        2,
    );
}
