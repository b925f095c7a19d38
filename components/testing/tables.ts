import type * as pulumi from "@pulumi/pulumi";
import { awsInvokes, awsOutputs, awsxVpcOutputs, eksClusterOutputs } from "./aws";
import { azureInvokes, azureOutputs } from "./azure";
import { gcpInvokes, gcpOutputs } from "./gcp";
import { kubernetesOutputs } from "./kubernetes";
import type { CannedInvokes, CannedOutputs } from "./types";

/** The tables, in the order they are asked; `cannedOutputs` / `cannedInvoke` return the first answer. */
export const OUTPUT_TABLES: readonly CannedOutputs[] = [kubernetesOutputs, awsOutputs, gcpOutputs, azureOutputs];
export const INVOKE_TABLES: readonly CannedInvokes[] = [awsInvokes, gcpInvokes, azureInvokes];

const REMOTE_COMPONENTS: Record<string, CannedOutputs> = {
    "eks:index:Cluster": eksClusterOutputs,
    "eks:index:ManagedNodeGroup": () => ({ placementGroupName: "" }),
    "awsx:ec2:Vpc": awsxVpcOutputs,
    "kubernetes:helm.sh/v4:Chart": kubernetesOutputs,
};

/** Outputs of the remote components alone (eks Cluster and ManagedNodeGroup, awsx Vpc, helm.v4 Chart). */
export function remoteComponentOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, any> | undefined {
    return REMOTE_COMPONENTS[args.type]?.(args);
}

/** The first answer of `tables`, or undefined. */
export function firstAnswer<A>(
    tables: readonly ((args: A) => Record<string, any> | undefined)[],
    args: A,
): Record<string, any> | undefined {
    for (const table of tables) {
        const found = table(args);
        if (found) {
            return found;
        }
    }
    return undefined;
}

/** Outputs the cloud would fill in for the resources Flexplane's components read back. */
export function cannedOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, any> | undefined {
    return firstAnswer(OUTPUT_TABLES, args);
}

/** Answers for the data sources the components call (caller identity, client config, credentials...). */
export function cannedInvoke(args: pulumi.runtime.MockCallArgs): Record<string, any> | undefined {
    return firstAnswer(INVOKE_TABLES, args);
}

/** Options of `flexplaneMocks`. */
export interface FlexplaneMockOptions {
    /** Your own outputs, consulted before the canned ones; undefined to fall through. */
    outputs?: CannedOutputs;
    /**
     * Your own answers to invokes, consulted before the canned ones; e.g. `aws:ec2/getSubnet:getSubnet`
     * for an EksCluster in an existing VPC. An invoke nobody answers fails the test with its token.
     */
    call?: CannedInvokes;
}

/**
 * A `Mocks` object for `pulumi.runtime.setMocks`: every resource gets `<name>-id` and its inputs
 * back, plus the canned outputs; unanswered invokes fail loudly instead of returning nothing.
 */
export function flexplaneMocks(options: FlexplaneMockOptions = {}): pulumi.runtime.Mocks {
    return {
        newResource: (args) => ({
            id: `${args.name}-id`,
            state: { ...args.inputs, ...(firstAnswer([...(options.outputs ? [options.outputs] : []), cannedOutputs], args) ?? {}) },
        }),
        call: (args) => {
            const answer = firstAnswer([...(options.call ? [options.call] : []), cannedInvoke], args);
            if (answer === undefined) {
                throw new Error(`flexplaneMocks: no answer for invoke ${args.token}; give one with flexplaneMocks({ call })`);
            }
            return answer;
        },
    };
}
