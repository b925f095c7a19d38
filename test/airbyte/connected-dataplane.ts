/** A `DataPlane` with the smallest valid arguments and a node-group stand-in, for the connection-proof tests. */
import * as pulumi from "@pulumi/pulumi";
import { baseArgs, createDataPlane } from "../dataplane/helpers";

export const ORG = "5d0b1f9e-7c1a-4c8e-9d55-0c4b8e2f6a11";
export const REGION = "0f6c2b0e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";
export const application = { clientId: "app-id-for-mocks", clientSecret: "app-secret-for-mocks" };

/**
 * Builds the DataPlane "eu" with `extra` arguments (e.g. `connection`), under the installed mock runtime; its
 * client id is a UUID, as Airbyte issues them, since the connection proof sends it.
 */
export async function connectedDataPlane(extra: Record<string, unknown> = {}) {
    const k8s = await import("@pulumi/kubernetes");
    const provider = new k8s.Provider("cluster", { kubeconfig: "fake" });
    const nodes = new k8s.core.v1.ConfigMap("node-group-stand-in", {}, { provider });
    return createDataPlane(
        "eu",
        baseArgs({
            kubernetesProvider: provider,
            clientId: pulumi.secret("2b7f8c0e-1111-4222-8333-944455566677"),
            dependsOn: [nodes],
            ...extra,
        }),
    );
}
