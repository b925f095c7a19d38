import type * as pulumi from "@pulumi/pulumi";
import type { DataPlaneTarget, SecretsManagerSpec } from "../components/shared/types";

/** What the stack program hands each cloud's part, read from config before anything is created. */
export interface RegionContext {
    /** `new pulumi.Config("flexplane")`. */
    config: pulumi.Config;
    /** The stack name. */
    stack: string;
    /** Namespace the data plane goes into. */
    namespace: string;
    /** Service account the chart runs under; cloud identities must trust this one. */
    serviceAccountName: string;
    /**
     * The control plane's secret store, declared in config (`flexplane:secretsManager` plus its secret
     * keys). Credentials are secret Outputs, absent when the cloud part is expected to create them.
     */
    secretsManager: SecretsManagerSpec;
    /** Tags or labels to put on every cloud resource. */
    tags: Record<string, string>;
    /** The org stack's IAM_ROLE store role, which the data plane's own AWS identity may assume. */
    controlPlaneRoleArn?: string;
}

/** What a cloud's part of the program returns. */
export interface CloudDeployment {
    /** Everything DataPlane needs from the cluster. */
    target: DataPlaneTarget;
    /** The cloud region the cluster runs in. */
    clusterRegion: string;
    /** Cloud-specific stack outputs (cluster name, kubeconfig as a secret, bucket...). */
    outputs: Record<string, pulumi.Input<unknown>>;
}

/** A cloud's part of the stack program (`program/aws.ts`, `program/gcp.ts`, ...). */
export type CloudProgram = (ctx: RegionContext) => CloudDeployment | Promise<CloudDeployment>;
