import type { CannedOutputs } from "./index";

/** Outputs of Kubernetes resources that the program reads back. */
export const kubernetesOutputs: CannedOutputs = (args) => {
    if (args.type === "kubernetes:core/v1:Namespace") {
        const name = args.inputs?.metadata?.name ?? args.name;
        return { metadata: { ...args.inputs?.metadata, name } };
    }
    if (args.type === "kubernetes:helm.sh/v3:Release") {
        return { status: { status: "deployed", version: args.inputs?.version, namespace: args.inputs?.namespace } };
    }
    return undefined;
};
