import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { EksClusterArgs } from "../../components/aws/args";
import { resolveEksCluster } from "../../components/aws/resolve";
import { captureWarnings, expectProblem, problemsOf } from "../support/harness";
import { baseArgs, DECLARED_STORE, eksClusterTests } from "./helpers";

const AIRBYTE = /Airbyte supports EKS on EC2 in 2 or more availability zones; EKS on Fargate is not supported/;

/** Resolves `args` (merged onto the base) for a cluster in eu-west-1. */
function resolve(overrides: Partial<EksClusterArgs> | Record<string, unknown>) {
    return () => resolveEksCluster("dp", { ...baseArgs(), ...overrides } as EksClusterArgs, "eu-west-1");
}

describe("EksCluster bad input", () => {
    it("fills in every default for the smallest valid arguments", () => {
        const r = resolveEksCluster("dp", baseArgs(), "eu-west-1");
        assert.equal(r.cluster.clusterName, "dp");
        assert.equal(r.cluster.kubernetesVersion, "1.35");
        assert.equal(r.namespace, "airbyte");
        assert.equal(r.serviceAccountName, "airbyte-workload-launcher");
        assert.deepEqual(r.cluster.apiServer, { publicAccess: true, privateAccess: true, publicAccessCidrs: ["203.0.113.0/24"] });
        assert.deepEqual(r.cluster.logs, { types: ["api", "audit", "authenticator"], retentionDays: 90 });
        assert.equal(r.cluster.deletionProtection, true);
        assert.deepEqual(r.network, {
            kind: "new",
            cidrBlock: "10.0.0.0/16",
            availabilityZoneCount: 3,
            availabilityZoneNames: undefined,
            natGateways: "OnePerAz",
        });
        assert.deepEqual(r.nodes, {
            instanceTypes: ["m6i.xlarge"],
            minSize: 2,
            desiredSize: 2,
            maxSize: 6,
            diskSizeGiB: 100,
            spot: false,
            labels: {},
        });
        assert.deepEqual(r.logStorage, {
            kind: "new",
            region: "eu-west-1",
            logRetentionDays: 90,
            versioning: false,
            kmsKeyArn: undefined,
            retainOnDelete: true,
        });
        assert.deepEqual(r.identity.secretsManagerGrant, {
            region: "us-east-1",
            accountId: "210987654321",
            kmsKeyArn: undefined,
            allowUntaggedSecrets: false,
        });
    });

    describe("deprecated option names", () => {
        const OLD: Record<string, unknown> = {
            vpc: { cidrBlock: "10.1.0.0/16" },
            endpoint: { publicAccessCidrs: ["198.51.100.0/24"], privateAccess: true },
            secretsEncryptionKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            logBucket: { logExpirationDays: 30, retainOnDestroy: false, versioning: true },
            nodes: { capacityType: "SPOT" },
            jobNodes: { capacityType: "ON_DEMAND" },
        };

        it("keep working, to the same settings as the new names, with one warning per old name", () => {
            const warnings = captureWarnings();
            let old;
            try {
                old = resolveEksCluster("dp", { secretsManager: baseArgs().secretsManager, ...OLD } as EksClusterArgs, "eu-west-1");
            } finally {
                warnings.restore();
            }
            const renamed = resolveEksCluster(
                "dp",
                {
                    secretsManager: baseArgs().secretsManager,
                    network: { cidrBlock: "10.1.0.0/16" },
                    apiServer: { authorizedCidrs: ["198.51.100.0/24"], privateAccess: true },
                    secretsEncryption: { keyId: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
                    logStorage: { logRetentionDays: 30, retainOnDelete: false, versioning: true },
                    nodes: { spot: true },
                    jobNodes: { spot: false },
                },
                "eu-west-1",
            );
            assert.deepEqual(old, renamed);
            assert.deepEqual(
                warnings.messages.map((m) => m.split(" is deprecated")[0]),
                [
                    "vpc",
                    "endpoint",
                    "apiServer.publicAccessCidrs",
                    "secretsEncryptionKeyArn",
                    "logBucket",
                    "logStorage.retainOnDestroy",
                    "logStorage.logExpirationDays",
                    "nodes.capacityType",
                    "jobNodes.capacityType",
                ],
            );
            assert.match(warnings.messages[0], /^vpc is deprecated: use network instead/);
            assert.match(
                warnings.messages[7],
                /\(capacityType: SPOT is spot: true, ON_DEMAND is spot: false, the default; the old name will be removed in a future release\)\.$/,
            );
        });

        it("turn publicAccess: false into privateOnly: true, and say that the value is inverted", () => {
            const warnings = captureWarnings();
            try {
                const r = resolveEksCluster("dp", baseArgs({ apiServer: undefined, endpoint: { publicAccess: false } }), "eu-west-1");
                assert.deepEqual(r.cluster.apiServer, { publicAccess: false, privateAccess: true, publicAccessCidrs: [] });
            } finally {
                warnings.restore();
            }
            assert.match(
                warnings.messages[1],
                /^apiServer\.publicAccess is deprecated: use apiServer\.privateOnly instead \(the value is inverted: publicAccess: false is privateOnly: true/,
            );
        });

        it("are refused next to their new names", () => {
            const warnings = captureWarnings();
            try {
                expectProblem(
                    resolve({ logBucket: { versioning: true }, logStorage: { versioning: false } }),
                    "logBucket",
                    /^is the old name of logStorage, which is also set: keep logStorage only\./,
                );
                expectProblem(resolve({ nodes: { capacityType: "SPOT", spot: false } }), "nodes.capacityType", /keep nodes\.spot only/);
            } finally {
                warnings.restore();
            }
        });

        it("refuse a capacity type that is neither, under the new name", () => {
            const warnings = captureWarnings();
            try {
                expectProblem(
                    resolve({ nodes: { capacityType: "RESERVED" } }),
                    "nodes.spot",
                    /^"RESERVED" is not valid: set true for spot capacity or false for on-demand/,
                );
            } finally {
                warnings.restore();
            }
        });
    });

    describe("Fargate", () => {
        it("is refused wherever a Fargate option is written, citing Airbyte", () => {
            expectProblem(resolve({ fargate: true }), "fargate", AIRBYTE);
            expectProblem(resolve({ fargate: false }), "fargate", AIRBYTE);
            expectProblem(resolve({ fargateProfiles: [{ name: "airbyte" }] }), "fargateProfiles", AIRBYTE);
            expectProblem(resolve({ nodes: { useFargate: true } }), "nodes.useFargate", AIRBYTE);
        });
        it("says where to run instead", () => {
            expectProblem(resolve({ fargate: true }), "fargate", /^remove it: .*managed EC2 node groups \(nodes, jobNodes\)/);
        });
    });

    describe("fewer than two availability zones", () => {
        it("refuses a new VPC in one zone", () => {
            expectProblem(resolve({ network: { availabilityZoneCount: 1 } }), "network.availabilityZoneCount", AIRBYTE);
            expectProblem(resolve({ network: { availabilityZoneNames: ["eu-west-1a"] } }), "network.availabilityZoneNames", AIRBYTE);
        });
        it("refuses an existing VPC with one private subnet or a repeated one", () => {
            expectProblem(
                resolve({ network: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] } }),
                "network.privateSubnetIds",
                AIRBYTE,
            );
            expectProblem(
                resolve({
                    network: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0aaaaaaaaaaaaaaaa"] },
                }),
                "network.privateSubnetIds",
                AIRBYTE,
            );
        });
        it("refuses zones of another region", () => {
            expectProblem(
                resolve({ network: { availabilityZoneNames: ["us-east-1a", "us-east-1b"] } }),
                "network.availabilityZoneNames",
                /zones of eu-west-1/,
            );
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
            expectProblem(
                resolve({ secretsManager: { aws: { ...DECLARED_STORE } } }),
                "secretsManager.aws",
                /set useServiceAccountIdentity to true \(IRSA or EKS Pod Identity\) or give accessKeys/,
            );
            expectProblem(
                resolve({
                    secretsManager: {
                        aws: { ...DECLARED_STORE, useServiceAccountIdentity: true, accessKeys: { accessKeyId: "a", secretAccessKey: "b" } },
                    },
                }),
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
                resolve({ logStorage: { existingBucketName: "acme-logs", accessKeys: { accessKeyId: "", secretAccessKey: "s" } } }),
                "logStorage.accessKeys",
                /set both accessKeyId and secretAccessKey, or remove accessKeys to use the data-plane role \(IRSA\)\./,
            );
        });
        it("needs exactly one store, and credentials for a GCP or Azure one", () => {
            expectProblem(resolve({ secretsManager: {} }), "secretsManager", /exactly one secret store.*none was given/);
            expectProblem(
                resolve({ secretsManager: { gcp: { projectId: "p" } } }),
                "secretsManager.gcp.credentialsJson",
                /service-account JSON key/,
            );
            expectProblem(
                resolve({
                    secretsManager: {
                        azure: { vaultUrl: "https://kv-acme.vault.azure.net", tenantId: "00000000-0000-0000-0000-000000000001" },
                    },
                }),
                "secretsManager.azure.clientSecret",
                /cannot use managed identity for Key Vault/,
            );
        });
        it("refuses a KMS key outside the secrets' region", () => {
            expectProblem(
                resolve({
                    secretsManager: {
                        aws: {
                            ...DECLARED_STORE,
                            useServiceAccountIdentity: true,
                            kmsKeyArn: "arn:aws:kms:eu-west-1:210987654321:key/abcd",
                        },
                    },
                }),
                "secretsManager.aws.kmsKeyArn",
                /not a KMS key ARN in the secrets' region us-east-1: use arn:aws:kms:us-east-1:<account>:key\/<id>/,
            );
        });
    });

    describe("cluster, nodes and bucket", () => {
        it("names unknown arguments with the accepted ones", () => {
            expectProblem(resolve({ nodeGroup: {} }), "nodeGroup", /is not a setting: remove it or use one of .*adminPrincipalArns/);
            expectProblem(
                resolve({ network: { cidr: "10.0.0.0/16" } }),
                "network.cidr",
                /is not a setting: remove it or use one of .*cidrBlock/,
            );
            expectProblem(
                resolve({ apiServer: { authorizedCidr: ["203.0.113.0/24"] } }),
                "apiServer.authorizedCidr",
                /Did you mean "authorizedCidrs"\?/,
            );
        });
        it("refuses impossible node counts and small disks", () => {
            expectProblem(resolve({ nodes: { minSize: 3, desiredSize: 2 } }), "nodes.minSize", /minSize <= desiredSize <= maxSize/);
            expectProblem(resolve({ nodes: { minSize: 0, desiredSize: 0 } }), "nodes.minSize", /1 <= minSize/);
            expectProblem(resolve({ nodes: { diskSizeGiB: 10 } }), "nodes.diskSizeGiB", /from 20.*5 GiB/);
            expectProblem(
                resolve({ jobNodes: { spot: "yes" as any } }),
                "jobNodes.spot",
                /^"yes" is not valid: set true for spot capacity or false/,
            );
            expectProblem(resolve({ nodes: { labels: { "flexplane.io/pool": "x" } } }), "nodes.labels.flexplane.io/pool", /reserved/);
        });
        it("refuses bad API server settings", () => {
            expectProblem(
                resolve({ apiServer: { privateOnly: true, privateAccess: false } }),
                "apiServer.privateAccess",
                /a cluster needs an API endpoint/,
            );
            expectProblem(
                resolve({ apiServer: { authorizedCidrs: ["203.0.113.0"] } }),
                "apiServer.authorizedCidrs",
                /^\["203\.0\.113\.0"\] is not valid: list one or more IPv4 CIDR blocks/,
            );
            expectProblem(
                resolve({ apiServer: { privateOnly: true, authorizedCidrs: ["203.0.113.0/24"] } }),
                "apiServer.authorizedCidrs",
                /which apiServer.privateOnly turns off/,
            );
            expectProblem(
                resolve({ apiServer: { privateOnly: true, openToInternet: true } }),
                "apiServer.openToInternet",
                /which apiServer.privateOnly turns off/,
            );
            expectProblem(
                resolve({ apiServer: { openToInternet: "yes" as any, authorizedCidrs: ["203.0.113.0/24"] } }),
                "apiServer.openToInternet",
                /true or false/,
            );
            expectProblem(resolve({ apiServer: { privateOnly: "no" as any } }), "apiServer.privateOnly", /^"no" is not valid: set true/);
        });

        it("never opens the API server to the internet unless openToInternet says so", () => {
            expectProblem(
                resolve({ apiServer: undefined }),
                "apiServer.authorizedCidrs",
                /is required while the public endpoint is on: list the addresses that run pulumi up .* or apiServer.openToInternet: true/,
            );
            expectProblem(
                resolve({ apiServer: { authorizedCidrs: ["10.0.0.0/8", "0.0.0.0/0"] } }),
                "apiServer.authorizedCidrs",
                /contains 0\.0\.0\.0\/0, which opens the API server to the whole internet: .*apiServer.openToInternet: true/,
            );
            assert.deepEqual(
                resolveEksCluster("dp", baseArgs({ apiServer: { openToInternet: true } }), "eu-west-1").cluster.apiServer.publicAccessCidrs,
                ["0.0.0.0/0"],
            );
            assert.deepEqual(resolveEksCluster("dp", baseArgs({ apiServer: { privateOnly: true } }), "eu-west-1").cluster.apiServer, {
                publicAccess: false,
                privateAccess: true,
                publicAccessCidrs: [],
            });
        });

        it("keeps deletion protection on unless it is turned off with a boolean", () => {
            assert.equal(resolveEksCluster("dp", baseArgs(), "eu-west-1").cluster.deletionProtection, true);
            assert.equal(resolveEksCluster("dp", baseArgs({ deletionProtection: false }), "eu-west-1").cluster.deletionProtection, false);
            expectProblem(
                resolve({ deletionProtection: "off" as any }),
                "deletionProtection",
                /set true \(the default: EKS refuses to delete the cluster\) or false/,
            );
        });

        it("checks the secrets encryption key", () => {
            expectProblem(
                resolve({ secretsEncryption: { keyId: "arn:aws:kms:us-east-1:111122223333:key/abcd" } }),
                "secretsEncryption.keyId",
                /KMS key in the cluster's region eu-west-1, or remove secretsEncryption to create one/,
            );
            expectProblem(resolve({ secretsEncryption: {} as any }), "secretsEncryption.keyId", /KMS key/);
        });

        it("checks access-log settings of a new bucket", () => {
            expectProblem(
                resolve({ logStorage: { accessLogs: { bucket: "Not_A_Bucket" } } }),
                "logStorage.accessLogs.bucket",
                /^"Not_A_Bucket" is not an S3 bucket name: use only lowercase letters/,
            );
            expectProblem(
                resolve({ logStorage: { accessLogs: { bucket: "acme-access-logs", prefix: "a b" } } }),
                "logStorage.accessLogs.prefix",
                /up to 512 letters/,
            );
            expectProblem(
                resolve({ logStorage: { accessLogs: { bucket: "acme-access-logs", prefx: "x" } as any } }),
                "logStorage.accessLogs.prefx",
                /is not a setting/,
            );
            expectProblem(
                resolve({ logStorage: { existingBucketName: "acme-logs", accessLogs: { bucket: "acme-access-logs" } } }),
                "logStorage.accessLogs",
                /applies only to a bucket this component creates/,
            );
        });
        it("refuses admin principals that are not IAM roles or users", () => {
            expectProblem(
                resolve({ adminPrincipalArns: ["arn:aws:sts::123456789012:assumed-role/Admin/me"] }),
                "adminPrincipalArns[0]",
                /^"arn:aws:sts::123456789012:assumed-role\/Admin\/me" is not an IAM role or user ARN.*name the role, not the sts session ARN/,
            );
        });
        it("takes the control plane's role only for a store read with the pod's identity, and only a role ARN", () => {
            const role = "arn:aws:iam::210987654321:role/control-plane-secrets";
            assert.equal(resolveEksCluster("dp", baseArgs({ controlPlaneRoleArn: role }), "eu-west-1").identity.controlPlaneRoleArn, role);
            expectProblem(
                resolve({ controlPlaneRoleArn: "arn:aws:iam::210987654321:user/someone" }),
                "controlPlaneRoleArn",
                /not an IAM role ARN in partition aws/,
            );
            expectProblem(
                resolve({
                    controlPlaneRoleArn: role,
                    secretsManager: { aws: { ...DECLARED_STORE, accessKeys: { accessKeyId: "a", secretAccessKey: "b" } } },
                }),
                "controlPlaneRoleArn",
                /with access keys the data plane assumes the role with those keys, so grant sts:AssumeRole to that IAM user instead/,
            );
            expectProblem(
                resolve({ controlPlaneRoleArn: role, secretsManager: { gcp: { projectId: "secrets-project", credentialsJson: "{}" } } }),
                "controlPlaneRoleArn",
                /only for an AWS Secrets Manager store in IAM_ROLE mode/,
            );
        });
        it("refuses the same admin principal twice", () => {
            expectProblem(
                resolve({ adminPrincipalArns: ["arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::123456789012:role/Admin"] }),
                "adminPrincipalArns",
                /same principal twice/,
            );
        });
        it("refuses a log retention CloudWatch does not offer", () => {
            expectProblem(
                resolve({ controlPlaneLogs: { retentionDays: 45 } }),
                "controlPlaneLogs.retentionDays",
                /^45 is not a period CloudWatch accepts: use one of 0, 1, 3, 5, 7, 14, 30, 60, 90/,
            );
        });
        it("refuses bucket options that do not fit the bucket's origin", () => {
            expectProblem(
                resolve({ logStorage: { accessKeys: { accessKeyId: "a", secretAccessKey: "b" } } }),
                "logStorage.accessKeys",
                /only with logStorage.existingBucketName/,
            );
            expectProblem(
                resolve({ logStorage: { existingBucketName: "acme-logs", versioning: true } }),
                "logStorage.versioning",
                /only to a bucket this component creates/,
            );
            expectProblem(resolve({ logStorage: { existingBucketName: "Acme_Logs" } }), "logStorage.existingBucketName", /lowercase/);
        });
        it("needs a region from the argument or aws:region", () => {
            expectProblem(() => resolveEksCluster("dp", baseArgs(), undefined), "region", /pulumi config set aws:region/);
        });
        it("reports every problem at once", () => {
            const problems = problemsOf(resolve({ fargate: true, network: { availabilityZoneCount: 1 }, nodes: { diskSizeGiB: 1 } }));
            assert.deepEqual(problems.map((p) => p.propertyPath).sort(), ["fargate", "network.availabilityZoneCount", "nodes.diskSizeGiB"]);
        });
    });

    describe("as a component", () => {
        const t = eksClusterTests();

        it("registers nothing, not even the component, when the arguments are bad", async () => {
            await assert.rejects(t.deploy({ fargate: true } as unknown as EksClusterArgs), (err: unknown) => {
                assert.ok(pulumi.InputPropertiesError.isInstance(err));
                assert.match((err as Error).message, /EksCluster "dp" has invalid arguments:\n {2}- fargate: remove it/);
                return true;
            });
            await t.h.settle();
            assert.deepEqual(t.h.resources, []);
        });

        it("warns once per deprecated name a library user passes, and builds the same cluster", async () => {
            await t.deploy({
                apiServer: undefined,
                endpoint: { publicAccessCidrs: ["203.0.113.0/24"] },
                logBucket: { retainOnDestroy: false },
            });
            assert.deepEqual(
                t.warnings.messages.map((m) => m.split(" is deprecated")[0]),
                ["endpoint", "apiServer.publicAccessCidrs", "logBucket", "logStorage.retainOnDestroy"],
            );
            assert.deepEqual(t.h.one("eks:index:Cluster", "dp-cluster").inputs.publicAccessCidrs, ["203.0.113.0/24"]);
            assert.equal(t.h.one("aws:s3/bucket:Bucket", "dp-logs").options.retainOnDelete, false);
        });
    });
});
