/**
 * The chart's `edition`: which kind of control plane the data plane serves. The launcher copies it
 * into every connector pod as `AIRBYTE_EDITION`, and into connector containers as `DEPLOYMENT_MODE`
 * (`CLOUD` for `cloud`, `OSS` otherwise): airbytehq/airbyte-platform
 * `airbyte-workload-launcher/src/main/kotlin/pods/factories/RuntimeEnvVarFactory.kt` 198-203 and
 * `config/EnvVarConfigBeanFactory.kt` 595-604. In `cloud` mode connectors enforce TLS and Python API
 * sources refuse private-network endpoints.
 */

/** The chart's editions (`values.yaml` `edition`, default `community`). */
export const Edition = { Cloud: "cloud", Enterprise: "enterprise", Community: "community" } as const;
export type Edition = (typeof Edition)[keyof typeof Edition];
export const EDITIONS: readonly Edition[] = Object.values(Edition);

/**
 * Hosts of Airbyte Cloud's control plane. Airbyte's own installer sets `edition: cloud` for an
 * Enterprise Flex data plane of Airbyte Cloud and `enterprise` for a Self-Managed Enterprise control
 * plane (airbytehq/abctl `internal/cmd/config/init.go` 77 and 124, `internal/helm/dataplane.go` 70).
 */
export const AIRBYTE_CLOUD_HOSTS = ["cloud.airbyte.com"] as const;

/** True when `value` is one of the chart's editions, spelled as the chart spells it. */
export function isEdition(value: unknown): value is Edition {
    return typeof value === "string" && (EDITIONS as readonly string[]).includes(value);
}

/** `cloud` for Airbyte Cloud's control plane, `enterprise` for any other (self-managed) one. */
export function defaultEdition(airbyteUrl: string): Edition {
    let host: string;
    try {
        host = new URL(airbyteUrl).hostname.toLowerCase();
    } catch {
        return "enterprise";
    }
    return (AIRBYTE_CLOUD_HOSTS as readonly string[]).includes(host) ? "cloud" : "enterprise";
}
