import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { EksClusterArgs } from "../../components/aws/args";
import { resolveEksClusterArgs } from "../../components/aws/validation";
import { baseArgs, DECLARED_STORE, expectProblem, installHarness, problemsOf } from "./helpers";

const AIRBYTE = /Airbyte supports EKS on EC2 in 2 or more availability zones; EKS on Fargate is not supported/;

/** Resolves `args` (merged onto the base) for a cluster in eu-west-1. */
function resolve(overrides: Partial<EksClusterArgs> | Record<string, unknown>) {
    return () => resolveEksClusterArgs("dp", { ...baseArgs(), ...overrides } as EksClusterArgs, "eu-west-1");
}

describe("EksCluster bad input", () => {
    it("fills in every default for the smallest valid arguments", () => {
        const r = resolveEksClusterArgs("dp", baseArgs(), "eu-west-1");
        assert.equal(r.clusterName, "dp");
        assert.equal(r.kubernetesVersion, "1.35");
        assert.equal(r.namespace, "airbyte");
        assert.equal(r.serviceAccountName, "airbyte-workload-launcher");
        assert.deepEqual(r.network, { kind: "new", cidrBlock: "10.0.0.0/16", availabilityZoneCount: 3, availabilityZoneNames: undefined, natGateways: "OnePerAz" });
        assert.deepEqual(r.nodes, { instanceTypes: ["m6i.xlarge"], minSize: 2, desiredSize: 2, maxSize: 6, diskSizeGiB: 100, capacityType: "ON_DEMAND", labels: {} });
        assert.deepEqual(r.bucket, { kind: "new", region: "eu-west-1", logExpirationDays: 90, versioning: false, kmsKeyArn: undefined, retainOnDestroy: true });
        assert.deepEqual(r.secretsManagerGrant, { region: "us-east-1", accountId: "210987654321", kmsKeyArn: undefined, allowUntaggedSecrets: false });
    });

    describe("Fargate, in every form", () => {
        it("refuses the cluster's fargate option", () => {
            expectProblem(resolve({ fargate: true }), "fargate", AIRBYTE);
            expectProblem(resolve({ fargate: { selectors: [{ namespace: "airbyte" }] } }), "fargate", AIRBYTE);
        });
        it("refuses Fargate profiles, in any spelling and at any depth", () => {
            expectProblem(resolve({ fargateProfiles: [{ name: "airbyte" }] }), "fargateProfiles", AIRBYTE);
            expectProblem(resolve({ fargateProfile: { name: "airbyte" } }), "fargateProfile", AIRBYTE);
            expectProblem(resolve({ nodes: { useFargate: true } }), "nodes.useFargate", AIRBYTE);
        });
        it("says where to run instead", () => {
            expectProblem(resolve({ fargate: true }), "fargate", /managed EC2 node groups \(nodes, jobNodes\)/);
        });
        it("leaves fargate: false alone", () => {
            assert.doesNotThrow(resolve({ fargate: false }));
        });
    });

    describe("fewer than two availability zones", () => {
        it("refuses a new VPC in one zone", () => {
            expectProblem(resolve({ vpc: { availabilityZoneCount: 1 } }), "vpc.availabilityZoneCount", AIRBYTE);
            expectProblem(resolve({ vpc: { availabilityZoneNames: ["eu-west-1a"] } }), "vpc.availabilityZoneNames", AIRBYTE);
        });
        it("refuses an existing VPC with one private subnet or a repeated one", () => {
            expectProblem(resolve({ vpc: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] } }), "vpc.privateSubnetIds", AIRBYTE);
            expectProblem(
                resolve({ vpc: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0aaaaaaaaaaaaaaaa"] } }),
                "vpc.privateSubnetIds",
                AIRBYTE,
            );
        });
        it("refuses zones of another region", () => {
            expectProblem(resolve({ vpc: { availabilityZoneNames: ["us-east-1a", "us-east-1b"] } }), "vpc.availabilityZoneNames", /zones of eu-west-1/);
        });
    });

    describe("the declared secret store", () => {
        it("refuses a missing region instead of taking the cluster's", () => {
            expectProblem(
                resolve({ secretsManager: { aws: { accountId: DECLARED_STORE.accountId, useServiceAccountIdentity: true } as any } }),
                "secretsManager.aws.region",
                /region of the control plane's Secrets Manager \(it may differ from the cluster's\)/,
            );
        });
        it("refuses a missing or unquoted-looking account id", () => {
            expectProblem(
                resolve({ secretsManager: { aws: { region: "us-east-1", useServiceAccountIdentity: true } as any } }),
                "secretsManager.aws.accountId",
                /12-digit AWS account id: .*quoted so YAML keeps it a string/,
            );
            expectProblem(
                resolve({ secretsManager: { aws: { region: "us-east-1", accountId: "1234", useServiceAccountIdentity: true } } }),
                "secretsManager.aws.accountId",
                /12-digit/,
            );
        });
        it("needs exactly one of IRSA and access keys", () => {
            expectProblem(resolve({ secretsManager: { aws: { ...DECLARED_STORE } } }), "secretsManager.aws", /set useServiceAccountIdentity to true \(IRSA or EKS Pod Identity\) or give accessKeys/);
            expectProblem(
                resolve({ secretsManager: { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true, accessKeys: { accessKeyId: "a", secretAccessKey: "b" } } } }),
                "secretsManager.aws",
                /either useServiceAccountIdentity \(IRSA\) or accessKeys, not both/,
            );
        });
        it("needs both halves of an access-key pair, for the store and for an existing bucket", () => {
            expectProblem(
                resolve({ secretsManager: { aws: { ...DECLARED_STORE, accessKeys: { accessKeyId: "AKIA", secretAccessKey: "" } } } }),
                "secretsManager.aws.accessKeys.secretAccessKey",
                /is required: give the secret access key/,
            );
            expectProblem(
                resolve({ logBucket: { existingBucketName: "acme-logs", accessKeys: { accessKeyId: "", secretAccessKey: "s" } } }),
                "logBucket.accessKeys",
                /set both accessKeyId and secretAccessKey, or remove accessKeys to use the data-plane role \(IRSA\)\./,
            );
        });
        it("needs exactly one store, and credentials for a GCP or Azure one", () => {
            expectProblem(resolve({ secretsManager: {} }), "secretsManager", /exactly one secret store.*none was given/);
            expectProblem(resolve({ secretsManager: { gcp: { projectId: "p" } } }), "secretsManager.gcp.credentialsJson", /service-account JSON key/);
            expectProblem(resolve({ secretsManager: { azure: { vaultUrl: "https://kv-acme.vault.azure.net", tenantId: "00000000-0000-0000-0000-000000000001" } } }),
                "secretsManager.azure.clientSecret", /cannot use managed identity for Key Vault/);
        });
        it("refuses a KMS key outside the secrets' region", () => {
            expectProblem(
                resolve({ secretsManager: { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true, kmsKeyArn: "arn:aws:kms:eu-west-1:210987654321:key/abcd" } } }),
                "secretsManager.aws.kmsKeyArn",
                /not a KMS key ARN in the secrets' region us-east-1: use arn:aws:kms:us-east-1:<account>:key\/<id>/,
            );
        });
    });

    describe("cluster, nodes and bucket", () => {
        it("names unknown arguments with the accepted ones", () => {
            expectProblem(resolve({ nodeGroup: {} }), "nodeGroup", /is not a setting: remove it or use one of .*adminPrincipalArns/);
            expectProblem(resolve({ vpc: { cidr: "10.0.0.0/16" } }), "vpc.cidr", /is not a setting: remove it or use one of .*cidrBlock/);
        });
        it("refuses impossible node counts and small disks", () => {
            expectProblem(resolve({ nodes: { minSize: 3, desiredSize: 2 } }), "nodes.minSize", /minSize <= desiredSize <= maxSize/);
            expectProblem(resolve({ nodes: { minSize: 0, desiredSize: 0 } }), "nodes.minSize", /1 <= minSize/);
            expectProblem(resolve({ nodes: { diskSizeGiB: 10 } }), "nodes.diskSizeGiB", /from 20.*5 GiB/);
            expectProblem(resolve({ jobNodes: { capacityType: "RESERVED" as any } }), "jobNodes.capacityType", /ON_DEMAND, SPOT/);
            expectProblem(resolve({ nodes: { labels: { "flexplane.io/pool": "x" } } }), "nodes.labels.flexplane.io/pool", /reserved/);
        });
        it("refuses bad endpoint settings", () => {
            expectProblem(resolve({ endpoint: { publicAccess: false, privateAccess: false } }), "endpoint", /enable publicAccess, privateAccess or both/);
            expectProblem(resolve({ endpoint: { publicAccessCidrs: ["203.0.113.0"] } }), "endpoint.publicAccessCidrs", /IPv4 CIDR blocks/);
            expectProblem(resolve({ endpoint: { publicAccess: false, publicAccessCidrs: ["203.0.113.0/24"] } }), "endpoint.publicAccessCidrs", /only with endpoint.publicAccess/);
            expectProblem(resolve({ endpoint: { publicAccess: false, openToInternet: true } }), "endpoint.openToInternet", /only with endpoint.publicAccess/);
            expectProblem(resolve({ endpoint: { openToInternet: "yes" as any, publicAccessCidrs: ["203.0.113.0/24"] } }), "endpoint.openToInternet", /true or false/);
        });

        it("never opens the API server to the internet unless openToInternet says so", () => {
            expectProblem(resolve({ endpoint: undefined }), "endpoint.publicAccessCidrs",
                /is required while the public endpoint is on: list the addresses that run pulumi up .* or endpoint.openToInternet: true/);
            expectProblem(resolve({ endpoint: { publicAccessCidrs: ["10.0.0.0/8", "0.0.0.0/0"] } }), "endpoint.publicAccessCidrs",
                /contains 0\.0\.0\.0\/0, which opens the API server to the whole internet: .*endpoint.openToInternet: true/);
            assert.deepEqual(resolveEksClusterArgs("dp", baseArgs({ endpoint: { openToInternet: true } }), "eu-west-1").endpoint.publicAccessCidrs, ["0.0.0.0/0"]);
            assert.deepEqual(resolveEksClusterArgs("dp", baseArgs({ endpoint: { publicAccess: false } }), "eu-west-1").endpoint,
                { publicAccess: false, privateAccess: true, publicAccessCidrs: [] });
        });

        it("keeps deletion protection on unless it is turned off with a boolean", () => {
            assert.equal(resolveEksClusterArgs("dp", baseArgs(), "eu-west-1").deletionProtection, true);
            assert.equal(resolveEksClusterArgs("dp", baseArgs({ deletionProtection: false }), "eu-west-1").deletionProtection, false);
            expectProblem(resolve({ deletionProtection: "off" as any }), "deletionProtection", /set true \(the default: EKS refuses to delete the cluster\) or false/);
        });

        it("checks access-log settings of a new bucket", () => {
            expectProblem(resolve({ logBucket: { accessLogs: { bucket: "Not_A_Bucket" } } }), "logBucket.accessLogs.bucket", /^"Not_A_Bucket" is not an S3 bucket name: use only lowercase letters/);
            expectProblem(resolve({ logBucket: { accessLogs: { bucket: "acme-access-logs", prefix: "a b" } } }), "logBucket.accessLogs.prefix", /up to 512 letters/);
            expectProblem(resolve({ logBucket: { accessLogs: { bucket: "acme-access-logs", prefx: "x" } as any } }), "logBucket.accessLogs.prefx", /is not a setting/);
            expectProblem(resolve({ logBucket: { existingBucketName: "acme-logs", accessLogs: { bucket: "acme-access-logs" } } }), "logBucket.accessLogs",
                /applies only to a bucket this component creates/);
        });
        it("refuses admin principals that are not IAM roles or users", () => {
            expectProblem(
                resolve({ adminPrincipalArns: ["arn:aws:sts::123456789012:assumed-role/Admin/me"] }),
                "adminPrincipalArns[0]",
                /name the role, not the sts session ARN/,
            );
        });
        it("takes the control plane's role only for a store read with the pod's identity, and only a role ARN", () => {
            const role = "arn:aws:iam::210987654321:role/control-plane-secrets";
            assert.equal(resolveEksClusterArgs("dp", baseArgs({ controlPlaneRoleArn: role }), "eu-west-1").controlPlaneRoleArn, role);
            expectProblem(resolve({ controlPlaneRoleArn: "arn:aws:iam::210987654321:user/someone" }), "controlPlaneRoleArn", /not an IAM role ARN in partition aws/);
            expectProblem(
                resolve({ controlPlaneRoleArn: role, secretsManager: { aws: { ...DECLARED_STORE, accessKeys: { accessKeyId: "a", secretAccessKey: "b" } } } }),
                "controlPlaneRoleArn",
                /with access keys the data plane assumes the role with those keys, so grant sts:AssumeRole to that IAM user instead/,
            );
            expectProblem(resolve({ controlPlaneRoleArn: role, secretsManager: { gcp: { projectId: "secrets-project", credentialsJson: "{}" } } }),
                "controlPlaneRoleArn", /only for an AWS Secrets Manager store in IAM_ROLE mode/);
        });
        it("refuses the same admin principal twice", () => {
            expectProblem(
                resolve({ adminPrincipalArns: ["arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::123456789012:role/Admin"] }),
                "adminPrincipalArns",
                /same principal twice/,
            );
        });
        it("refuses a log retention CloudWatch does not offer", () => {
            expectProblem(resolve({ controlPlaneLogs: { retentionDays: 45 } }), "controlPlaneLogs.retentionDays", /0, 1, 3, 5, 7, 14, 30, 60, 90/);
        });
        it("refuses bucket options that do not fit the bucket's origin", () => {
            expectProblem(resolve({ logBucket: { accessKeys: { accessKeyId: "a", secretAccessKey: "b" } } }), "logBucket.accessKeys", /only with logBucket.existingBucketName/);
            expectProblem(resolve({ logBucket: { existingBucketName: "acme-logs", versioning: true } }), "logBucket.versioning", /only to a bucket this component creates/);
            expectProblem(resolve({ logBucket: { existingBucketName: "Acme_Logs" } }), "logBucket.existingBucketName", /lowercase/);
        });
        it("needs a region from the argument or aws:region", () => {
            expectProblem(() => resolveEksClusterArgs("dp", baseArgs(), undefined), "region", /pulumi config set aws:region/);
        });
        it("reports every problem at once", () => {
            const problems = problemsOf(resolve({ fargate: true, vpc: { availabilityZoneCount: 1 }, nodes: { diskSizeGiB: 1 } }));
            assert.deepEqual(problems.map((p) => p.propertyPath).sort(), ["fargate", "nodes.diskSizeGiB", "vpc.availabilityZoneCount"]);
        });
    });

    it("registers nothing, not even the component, when the arguments are bad", async () => {
        const h = installHarness();
        const { EksCluster } = await import("../../components/aws");
        assert.throws(() => new EksCluster("dp", { ...baseArgs(), fargate: true } as unknown as EksClusterArgs), (err: unknown) => {
            assert.ok(pulumi.InputPropertiesError.isInstance(err));
            assert.match((err as Error).message, /EksCluster "dp" has invalid arguments:\n {2}- fargate: remove it/);
            return true;
        });
        await h.settle();
        assert.deepEqual(h.resources, []);
    });
});
