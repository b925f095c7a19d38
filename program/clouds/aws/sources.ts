import type { ArgumentSources } from "../../stack-problems";
import { COMMON_SOURCES, STORE_PHRASES } from "../../argument-sources";

/** EksCluster: `flexplane:aws`, the region from `aws:region` (and the kubeconfig profile from `aws:profile` when not in the block). */
export function eksSources(profileFromProvider: boolean): ArgumentSources {
    return {
        block: "flexplane:aws",
        sources: {
            ...COMMON_SOURCES,
            region: "aws:region",
            tags: "flexplane:tags",
            "logStorage.accessKeys": "flexplane:aws.logStorage.auth",
            "logStorage.accessKeys.accessKeyId": "flexplane:awsLogBucketAccessKeyId",
            "logStorage.accessKeys.secretAccessKey": "flexplane:awsLogBucketSecretAccessKey",
            ...(profileFromProvider ? { "kubeconfigAuth.profileName": "aws:profile" } : {}),
        },
        phrases: [...STORE_PHRASES, ["pass region, or ", ""], ["logStorage.accessKeys", "logStorage.auth: accessKeys"]],
    };
}
