/**
 * Compliant inputs for every resource type the pack looks at, shaped as a preview shows them. Tests
 * start from these (the happy path) and change one field per case.
 */
import { tlsOnlyBucketPolicy } from "../../../components/aws/policies";
import { metadataPolicySpec } from "../../../components/dataplane/metadata-policy";
import type { PlannedResource } from "../../evaluate";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, SECRETS_MANAGER_IDENTITY_ANNOTATION } from "../../policies/tokens";
import { urnOf } from "./args";

export const CONTROL_PLANE = {
    aws: "aws-secrets-manager:123456789012:us-east-1",
    gcp: "gcp-secret-manager:acme-secrets",
    azure: "azure-key-vault:acme-vault.vault.azure.net",
};

export const ok = {
    eksCluster: {
        vpcId: "vpc-0a1",
        privateSubnetIds: ["subnet-a", "subnet-b"],
        skipDefaultNodeGroup: true,
        endpointPublicAccess: true,
        publicAccessCidrs: ["203.0.113.0/24"],
        vpcCniOptions: { enableNetworkPolicy: true },
        deletionProtection: true,
    },
    eksManagedNodeGroup: {
        cluster: "urn-of-cluster",
        subnetIds: ["subnet-a", "subnet-b"],
        instanceTypes: ["m6i.xlarge"],
        launchTemplate: { id: "lt-0a1", version: "1" },
    },
    eksNodeGroupV2: { cluster: "urn-of-cluster", nodeSubnetIds: ["subnet-a", "subnet-b"], nodeAssociatePublicIpAddress: false },
    awsEksCluster: {
        roleArn: "arn:aws:iam::123456789012:role/eks",
        vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], endpointPublicAccess: false, endpointPrivateAccess: true },
    },
    awsNodeGroup: {
        clusterName: "dp",
        nodeRoleArn: "arn:aws:iam::123456789012:role/nodes",
        subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
        scalingConfig: { desiredSize: 2, minSize: 2, maxSize: 6 },
    },
    launchTemplate: {
        networkInterfaces: [{ associatePublicIpAddress: "false", deleteOnTermination: "true" }],
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 100, volumeType: "gp3", encrypted: "true" } }],
    },
    s3Bucket: { bucket: "acme-flex-logs", forceDestroy: false },
    s3PublicAccessBlock: {
        bucket: "acme-flex-logs",
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    },
    s3Encryption: { bucket: "acme-flex-logs", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] },
    // The TLS-only policy EksCluster puts on its log bucket.
    s3BucketPolicy: { bucket: "acme-flex-logs", policy: JSON.stringify(tlsOnlyBucketPolicy("acme-flex-logs", "eu-west-1")) },
    gkeCluster: {
        location: "europe-west1",
        privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false, masterIpv4CidrBlock: "172.16.0.0/28" },
        masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "203.0.113.0/24", displayName: "ops" }] },
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        datapathProvider: "ADVANCED_DATAPATH",
        databaseEncryption: { state: "ENCRYPTED", keyName: "projects/acme/locations/europe-west1/keyRings/gke/cryptoKeys/secrets" },
    },
    gkeNodePool: { cluster: "dp", location: "europe-west1", nodeLocations: ["europe-west1-b", "europe-west1-c"] },
    gcsBucket: { location: "EU", uniformBucketLevelAccess: true, publicAccessPrevention: "enforced" },
    gcpServiceAccountKey: { serviceAccountId: "airbyte-dp@acme.iam.gserviceaccount.com" },
    aksCluster: {
        resourceGroupName: "rg",
        agentPoolProfiles: [{ name: "system", mode: "System", count: 2, availabilityZones: ["1", "2", "3"] }],
        apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] },
        networkProfile: { networkPlugin: "azure", networkPolicy: "cilium" },
        disableLocalAccounts: true,
        aadProfile: { managed: true, enableAzureRBAC: true },
    },
    // What AksCluster puts beside its cluster (the cluster's URN stands in its scope and resource URI).
    aksLock: { scope: "[unknown]", level: "CanNotDelete" },
    aksAuditSetting: { resourceUri: "[unknown]", workspaceId: "[unknown]", logs: [{ category: "kube-audit-admin", enabled: true }] },
    s3Logging: { bucket: "acme-flex-logs", targetBucket: "acme-access-logs", targetPrefix: "acme-flex-logs/" },
    kubernetesProvider: { kubeconfig: "[secret]", clusterIdentifier: "arn:aws:eks:us-east-1:123456789012:cluster/dp" },
    aksAgentPool: { resourceGroupName: "rg", resourceName: "dp", availabilityZones: ["1", "2"], mode: "User" },
    storageAccount: { resourceGroupName: "rg", minimumTlsVersion: "TLS1_2", allowBlobPublicAccess: false, enableHttpsTrafficOnly: true },
    blobContainer: { resourceGroupName: "rg", accountName: "acmeflex", publicAccess: "None" },
    dataPlaneSecret: {
        metadata: {
            name: "airbyte-data-plane-credentials",
            namespace: "airbyte",
            labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
            annotations: { [SECRETS_MANAGER_IDENTITY_ANNOTATION]: CONTROL_PLANE.aws },
        },
        stringData: "[secret]",
    },
    service: { metadata: { name: "metrics", namespace: "airbyte" }, spec: { type: "ClusterIP", ports: [{ port: 9090 }] } },
    // The policy DataPlane puts in its namespace.
    metadataNetworkPolicy: {
        metadata: { name: "airbyte-connectors-no-metadata-ipv4", namespace: "airbyte" },
        spec: metadataPolicySpec("ipv4"),
    },
    release: {
        chart: "airbyte-data-plane",
        version: "2.2.0",
        namespace: "airbyte",
        repositoryOpts: { repo: "https://airbytehq.github.io/charts" },
        values: {
            airbyteUrl: "https://cloud.airbyte.com",
            edition: "cloud",
            dataPlane: {
                secretName: "airbyte-data-plane-credentials",
                clientIdSecretKey: "DATAPLANE_CLIENT_ID",
                clientSecretSecretKey: "DATAPLANE_CLIENT_SECRET",
            },
            secretsManager: {
                type: "AWS_SECRET_MANAGER",
                secretName: "airbyte-data-plane-credentials",
                awsSecretManager: { region: "us-east-1", tags: [{ key: "AirbyteManaged", value: "true" }] },
            },
            storage: {
                type: "s3",
                bucket: { log: "acme-flex-logs", state: "acme-flex-logs", workloadOutput: "acme-flex-logs" },
                s3: { region: "eu-west-1", authenticationType: "instanceProfile" },
            },
            serviceAccount: { annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/dp" } },
        },
    },
};

/** Chart values of a GKE or AKS data plane, for the other two control-plane stores. */
export const gcpSecretsManagerValues = {
    type: "GOOGLE_SECRET_MANAGER",
    secretName: "airbyte-data-plane-credentials",
    googleSecretManager: { projectId: "acme-secrets", credentialsSecretKey: "SECRET_STORE_GCP_CREDENTIALS" },
};
export const azureSecretsManagerValues = {
    type: "AZURE_KEY_VAULT",
    secretName: "airbyte-data-plane-credentials",
    azureKeyVault: { vaultUrl: "https://acme-vault.vault.azure.net/", tenantId: "00000000-0000-0000-0000-000000000001" },
};

/** A planned resource with the URN the tests use. */
export function planned(type: string, name: string, props: Record<string, any>, extra: Partial<PlannedResource> = {}): PlannedResource {
    return { type, name, urn: urnOf(type, name), props, ...extra };
}
