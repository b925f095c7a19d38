import * as pulumi from "@pulumi/pulumi";
import type { DataPlane, DataPlaneTypeScriptArgs } from "../../components";
import { componentTests } from "../support/harness";

/** DataPlane's arguments as tests give them: the provider may be left out (`createDataPlane` makes one). */
export type DataPlaneTestArgs = DataPlaneTypeScriptArgs;

/** The smallest valid arguments: IRSA for the store and S3, the credentials as secrets. */
export function baseArgs(overrides: Partial<DataPlaneTestArgs> = {}): DataPlaneTestArgs {
    return {
        clientId: pulumi.secret("client-id"),
        clientSecret: pulumi.secret("client-secret"),
        secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
        storage: { s3: { bucket: "eu-logs", region: "us-east-1", useServiceAccountIdentity: true } },
        ...overrides,
    };
}

/** Builds a DataPlane, with a provider for a cluster named after it unless the arguments bring one. */
export async function createDataPlane(name: string, args: DataPlaneTestArgs): Promise<DataPlane> {
    const k8s = await import("@pulumi/kubernetes");
    const { DataPlane } = await import("../../components");
    return new DataPlane(name, {
        ...args,
        kubernetesProvider: args.kubernetesProvider ?? new k8s.Provider(`${name}-cluster`, { kubeconfig: "fake" }),
    });
}

/** The shared harness for DataPlane tests: a fresh mock runtime before each test. */
export function dataPlaneTests() {
    return componentTests<DataPlaneTestArgs, DataPlane>({ baseArgs, create: createDataPlane, defaultName: "eu" });
}
