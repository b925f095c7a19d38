import type * as pulumi from "@pulumi/pulumi";
import type { DataPlaneTarget, SecretsManagerSpec, StorageSpec } from "../components/shared/types";
import type { OrgFacts } from "./cross-stack";
import type { StackProblems } from "./stack-problems";

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

/** A cloud's part, read and checked but not yet created. */
export interface PreparedCloud {
    /**
     * The log storage DataPlane will get, when the stack gives it (byo); a cloud component creates and
     * checks its own, so it is undefined there.
     */
    storage?: StorageSpec;
    /**
     * Creates the cluster part. Called only once every check of the whole stack has passed, with what the
     * org stack told this stack (empty without one).
     */
    deploy(org: OrgFacts): CloudDeployment | Promise<CloudDeployment>;
}

/**
 * A cloud's part of the stack program (`program/aws.ts`, ...): reads its keys and runs its component's
 * pure checks, recording every problem under the stack key that causes it, without creating anything.
 */
export type CloudProgram = (ctx: RegionContext, problems: StackProblems) => PreparedCloud | Promise<PreparedCloud>;

/** Prepares a cloud part, throws its problems as one error, else creates it. */
export async function deployCloud(program: CloudProgram, ctx: RegionContext, problems: StackProblems): Promise<CloudDeployment> {
    const prepared = await program(ctx, problems);
    problems.throwIfAny();
    return prepared.deploy({});
}
