import type { CloudMeta } from "../meta";

/** An existing cluster: Flexplane creates no cloud resource, so it loads no cloud SDK. */
export const byoMeta: CloudMeta = {
    title: "an existing Kubernetes cluster",
    sdks: [],
    keys: [
        {
            name: "byo",
            type: "object",
            required: true,
            example: "{region: us-east-1, storage: {s3: {...}}}",
            description: "The existing cluster and its log storage (see below).",
        },
        {
            name: "kubeconfig",
            type: "string",
            secret: true,
            defaultText: "KUBECONFIG or ~/.kube/config",
            example: '"$(cat kubeconfig.yaml)"',
            description: "Kubeconfig of the existing cluster.",
        },
        {
            name: "storageAccessKeyId",
            type: "string",
            secret: true,
            example: "<AWS access key id>",
            description: "AWS access key id for the S3 bucket, with byo.storage.s3.auth: accessKeys.",
        },
        {
            name: "storageSecretAccessKey",
            type: "string",
            secret: true,
            example: "<AWS secret access key>",
            description: "Its secret access key.",
        },
        {
            name: "storageCredentialsJson",
            type: "string",
            secret: true,
            example: '"$(cat bucket-key.json)"',
            description: "Service-account JSON key for the GCS bucket.",
        },
        {
            name: "storageConnectionString",
            type: "string",
            secret: true,
            example: "<connection string>",
            description: "Azure storage account connection string.",
        },
    ],
};
