import type { CannedOutputs } from "./types";

/** Outputs of the Kubernetes resources DataPlane reads back, and of `helm.v4.Chart` (a remote component). */
export const kubernetesOutputs: CannedOutputs = (args) => {
    switch (args.type) {
        case "kubernetes:core/v1:Namespace":
            return { metadata: { ...args.inputs?.metadata, name: args.inputs?.metadata?.name ?? args.name } };
        case "kubernetes:helm.sh/v3:Release":
            return { status: { status: "deployed", version: args.inputs?.version, namespace: args.inputs?.namespace } };
        case "kubernetes:helm.sh/v4:Chart":
            return { resources: [] };
        default:
            return undefined;
    }
};
