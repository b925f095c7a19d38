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
            "logBucket.accessKeys": "flexplane:aws.logBucket.auth",
            "logBucket.accessKeys.accessKeyId": "flexplane:awsLogBucketAccessKeyId",
            "logBucket.accessKeys.secretAccessKey": "flexplane:awsLogBucketSecretAccessKey",
            ...(profileFromProvider ? { "kubeconfigAuth.profileName": "aws:profile" } : {}),
        },
        phrases: [...STORE_PHRASES, ["pass region, or ", ""], ["logBucket.accessKeys", "logBucket.auth: accessKeys"]],
    };
}
