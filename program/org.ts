import type * as pulumi from "@pulumi/pulumi";

/** The org stack: the control plane's declared store, the Airbyte regions, the control-plane role. */
export async function runOrgStack(_config: pulumi.Config): Promise<Record<string, unknown>> {
    throw new Error("the org stack is not available yet");
}
