import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { clusterConnectionFromKubeconfig } from "../../components/aws/access";
import { s3PolicyDocument, secretsManagerReadPolicyDocument } from "../../components/aws/policies";
import { DEFAULT_SERVICE_ACCOUNT_NAME } from "../../components/shared/types";
import { valueOf } from "../support/outputs";
import { DECLARED_STORE, eksClusterTests } from "./helpers";

describe("EksCluster (mocks)", () => {
    const t = eksClusterTests();

    it("creates EKS on EC2 with API access entries, OIDC, no default node group, logs and KMS secret encryption", async () => {
        await t.deploy({ adminPrincipalArns: ["arn:aws:iam::111122223333:role/Platform"], tags: { team: "data" } });
        const cluster = t.h.one("eks:index:Cluster", "dp-cluster").inputs;
        const key = t.h.one("aws:kms/key:Key", "dp-secrets");
        assert.equal(cluster.name, "dp");
        assert.equal(cluster.version, "1.35");
        assert.equal(cluster.authenticationMode, "API");
        assert.equal(cluster.skipDefaultNodeGroup, true);
        assert.equal(cluster.createOidcProvider, true);
        assert.equal(cluster.nodeAssociatePublicIpAddress, false);
        assert.deepEqual(cluster.enabledClusterLogTypes, ["api", "audit", "authenticator"]);
        assert.equal(cluster.fargate, undefined);
        assert.equal(cluster.corednsAddonOptions.enabled, false);
        assert.equal(cluster.endpointPublicAccess, true);
        assert.equal(cluster.endpointPrivateAccess, true);
        assert.deepEqual(cluster.publicAccessCidrs, ["203.0.113.0/24"]);
        assert.equal(cluster.deletionProtection, true);
        assert.equal(cluster.vpcCniOptions.enableNetworkPolicy, true);
        assert.match(cluster.encryptionConfigKeyArn, /^arn:aws:kms:eu-west-1:\d{12}:key\/[0-9a-f-]{36}$/);
        assert.equal(key.inputs.enableKeyRotation, true);
        assert.deepEqual(cluster.accessEntries, {
            "admin-role-Platform": {
                principalArn: "arn:aws:iam::111122223333:role/Platform",
                type: "STANDARD",
                accessPolicies: {
                    clusterAdmin: {
                        policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                        accessScope: { type: "cluster" },
                    },
                },
            },
        });
        assert.deepEqual(cluster.tags, { team: "data" });
        // The cluster's subnets are the new VPC's private subnets only.
        const vpc = t.h.one("awsx:ec2:Vpc", "dp-vpc");
        assert.equal(vpc.inputs.numberOfAvailabilityZones, 3);
        assert.deepEqual(vpc.inputs.natGateways, { strategy: "OnePerAz" });
        assert.equal(cluster.privateSubnetIds.length, 3);
        assert.equal(cluster.publicSubnetIds, undefined);
        const logGroup = t.h.one("aws:cloudwatch/logGroup:LogGroup", "dp-control-plane-logs").inputs;
        assert.deepEqual([logGroup.name, logGroup.retentionInDays], ["/aws/eks/dp/cluster", 90]);
    });

    it("runs managed AL2023 node groups on the private subnets, with a tainted job group when asked", async () => {
        const c = await t.deploy({ jobNodes: { instanceTypes: ["c6i.2xlarge"], desiredSize: 3 } });
        const general = t.h.one("eks:index:ManagedNodeGroup", "dp-general").inputs;
        const jobs = t.h.one("eks:index:ManagedNodeGroup", "dp-jobs").inputs;
        const cluster = t.h.one("eks:index:Cluster", "dp-cluster");
        assert.equal(general.operatingSystem, "AL2023");
        assert.equal(general.version, "1.35");
        // @pulumi/eks's enableIMDSv2 would set a hop limit of 2 and diskSize an unencrypted default:
        // both live in the group's own launch template instead.
        assert.equal(general.enableIMDSv2, undefined);
        assert.equal(general.diskSize, undefined);
        const template = t.h.one("aws:ec2/launchTemplate:LaunchTemplate", "dp-general-nodes");
        assert.deepEqual(general.launchTemplate, { id: template.id, version: "1" });
        assert.deepEqual(template.inputs.metadataOptions, {
            httpEndpoint: "enabled",
            httpTokens: "required",
            httpPutResponseHopLimit: 1,
            httpProtocolIpv6: "disabled",
            instanceMetadataTags: "disabled",
        });
        assert.deepEqual(template.inputs.blockDeviceMappings, [
            { deviceName: "/dev/xvda", ebs: { volumeSize: 100, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
        ]);
        assert.equal(template.inputs.imageId, undefined, "EKS picks the AMI of the group's version");
        assert.equal(template.inputs.userData, undefined, "EKS bootstraps the nodes itself");
        assert.deepEqual(general.instanceTypes, ["m6i.xlarge"]);
        assert.deepEqual(general.scalingConfig, { minSize: 2, desiredSize: 2, maxSize: 6 });
        assert.equal(general.taints, undefined);
        assert.equal(general.cluster, cluster.urn);
        assert.deepEqual(general.subnetIds, t.h.one("eks:index:Cluster", "dp-cluster").inputs.privateSubnetIds);
        assert.deepEqual(jobs.instanceTypes, ["c6i.2xlarge"]);
        assert.equal(jobs.launchTemplate.id, t.h.one("aws:ec2/launchTemplate:LaunchTemplate", "dp-jobs-nodes").id);
        assert.deepEqual(jobs.scalingConfig, { minSize: 2, desiredSize: 3, maxSize: 6 });
        assert.deepEqual(jobs.taints, [{ key: "flexplane.io/pool", value: "jobs", effect: "NO_SCHEDULE" }]);
        assert.deepEqual(jobs.labels, { "flexplane.io/pool": "jobs" });
        assert.deepEqual(c.dataPlaneTarget.jobs, {
            nodeSelector: { "flexplane.io/pool": "jobs" },
            tolerations: [{ key: "flexplane.io/pool", operator: "Equal", value: "jobs", effect: "NoSchedule" }],
        });
        const attached = t.h
            .ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
            .map((a) => a.inputs.policyArn)
            .sort();
        assert.deepEqual(attached, [
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
        ]);
    });

    it("asks for spot capacity only when a group says spot: true", async () => {
        await t.deploy({ jobNodes: { spot: true } });
        assert.equal(t.h.one("eks:index:ManagedNodeGroup", "dp-general").inputs.capacityType, "ON_DEMAND");
        assert.equal(t.h.one("eks:index:ManagedNodeGroup", "dp-jobs").inputs.capacityType, "SPOT");
    });

    it("gives the chart's service account a role trusted through the cluster's OIDC provider", async () => {
        const c = await t.deploy();
        const role = t.h.one("aws:iam/role:Role", "dp-data-plane");
        const trust = JSON.parse(role.inputs.assumeRolePolicy);
        const issuer = await valueOf(c.cluster.oidcIssuer);
        assert.deepEqual(trust.Statement[0].Principal, { Federated: await valueOf(c.oidcProviderArn) });
        assert.equal(trust.Statement[0].Action, "sts:AssumeRoleWithWebIdentity");
        assert.deepEqual(trust.Statement[0].Condition.StringEquals, {
            [`${issuer}:sub`]: `system:serviceaccount:airbyte:${DEFAULT_SERVICE_ACCOUNT_NAME}`,
            [`${issuer}:aud`]: "sts.amazonaws.com",
        });
        assert.ok((await valueOf(c.roleArn))!.startsWith(`arn:aws:iam::123456789012:role/${role.inputs.namePrefix}`));
        assert.deepEqual(await valueOf(c.dataPlaneTarget.serviceAccountAnnotations!), {
            "eks.amazonaws.com/role-arn": await valueOf(c.roleArn),
        });
    });

    it("puts the role under the data-plane path the control-plane role trusts, and lets it assume that role when given", async () => {
        const controlPlaneRole = "arn:aws:iam::210987654321:role/control-plane-secrets-airbyte-cp-1";
        await t.deploy({ controlPlaneRoleArn: controlPlaneRole });
        assert.equal(t.h.one("aws:iam/role:Role", "dp-data-plane").inputs.path, "/flexplane/data-plane/");
        const assume = t.h.one("aws:iam/rolePolicy:RolePolicy", "dp-assume-control-plane-role");
        assert.deepEqual(JSON.parse(assume.inputs.policy).Statement, [
            { Sid: "AssumeControlPlaneRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: controlPlaneRole },
        ]);
        assert.equal(assume.inputs.role, t.h.one("aws:iam/role:Role", "dp-data-plane").id);
    });

    it("grants no sts:AssumeRole without a control-plane role", async () => {
        await t.deploy();
        assert.deepEqual(
            t.h
                .ofType("aws:iam/rolePolicy:RolePolicy")
                .map((p) => p.name)
                .sort(),
            ["dp-log-bucket", "dp-secrets-manager"],
        );
    });

    it("binds the role to a custom namespace and service account", async () => {
        await t.deploy({ namespace: "airbyte-eu", serviceAccountName: "flex-launcher" });
        const conditions = JSON.parse(t.h.one("aws:iam/role:Role", "dp-data-plane").inputs.assumeRolePolicy).Statement[0].Condition
            .StringEquals;
        const sub = Object.entries(conditions).find(([k]) => k.endsWith(":sub"))?.[1];
        assert.equal(sub, "system:serviceaccount:airbyte-eu:flex-launcher");
    });

    it("scopes Secrets Manager to the declared region and account, not the cluster's", async () => {
        await t.deploy();
        const policy = JSON.parse(t.h.one("aws:iam/rolePolicy:RolePolicy", "dp-secrets-manager").inputs.policy);
        assert.equal(policy.Statement[0].Resource, `arn:aws:secretsmanager:${DECLARED_STORE.region}:${DECLARED_STORE.accountId}:secret:*`);
        assert.ok(!JSON.stringify(policy).includes("eu-west-1"), "the cluster's region must not appear in the secrets policy");
        // Connector pods run under this role: it reads secrets and never writes them.
        assert.deepEqual(policy, secretsManagerReadPolicyDocument({ ...DECLARED_STORE, allowUntaggedSecrets: false }));
    });

    it("passes the declared store to DataPlane in IRSA mode and S3 through the role", async () => {
        const c = await t.deploy();
        const bucket = await valueOf(c.bucketName);
        assert.deepEqual(c.dataPlaneTarget.secretsManager, { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true } });
        assert.equal(c.dataPlaneTarget.storage.s3!.region, "eu-west-1");
        assert.equal(c.dataPlaneTarget.storage.s3!.useServiceAccountIdentity, true);
        assert.equal(await valueOf(c.dataPlaneTarget.storage.s3!.bucket), bucket);
        const s3 = JSON.parse(t.h.one("aws:iam/rolePolicy:RolePolicy", "dp-log-bucket").inputs.policy);
        assert.deepEqual(s3, s3PolicyDocument({ bucket, region: "eu-west-1" }));
        const dependsOn = c.dataPlaneTarget.dependsOn as pulumi.Resource[];
        const names = await Promise.all(dependsOn.map((r) => valueOf(r.urn)));
        for (const name of ["dp-general", "dp-secrets-manager", "dp-log-bucket", "dp-logs-tls-only"]) {
            assert.ok(
                names.some((u) => u.endsWith(`::${name}`)),
                `dataPlaneTarget.dependsOn lacks ${name}`,
            );
        }
    });

    it("hardens the new bucket and keeps it on destroy", async () => {
        await t.deploy({ logStorage: { versioning: true, logRetentionDays: 30 } });
        const bucket = t.h.one("aws:s3/bucket:Bucket", "dp-logs");
        assert.equal(bucket.options.retainOnDelete, true);
        assert.equal(bucket.inputs.forceDestroy, false);
        assert.match(bucket.inputs.bucketPrefix, /^dp-logs-$/);
        const { bucket: _bucket, ...blocks } = t.h.one(
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "dp-logs-public-access",
        ).inputs;
        assert.deepEqual(blocks, { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
        assert.deepEqual(t.h.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "dp-logs-ownership").inputs.rule, {
            objectOwnership: "BucketOwnerEnforced",
        });
        assert.deepEqual(
            t.h.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "dp-logs-encryption").inputs
                .rules,
            [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        );
        const tls = JSON.parse(t.h.one("aws:s3/bucketPolicy:BucketPolicy", "dp-logs-tls-only").inputs.policy);
        assert.deepEqual(tls.Statement[0].Condition, { Bool: { "aws:SecureTransport": "false" } });
        assert.equal(
            t.h.one("aws:s3/bucketVersioning:BucketVersioning", "dp-logs-versioning").inputs.versioningConfiguration.status,
            "Enabled",
        );
        const rules = t.h.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "dp-logs-lifecycle").inputs.rules;
        const expiry = rules.find((r: any) => r.id === "expire-job-logs");
        assert.deepEqual(expiry.filter, { prefix: "job-logging/" });
        assert.deepEqual(expiry.expiration, { days: 30 });
        assert.deepEqual(expiry.noncurrentVersionExpiration, { noncurrentDays: 30 });
    });

    it("sends the new bucket's access logs to the caller's bucket when asked, and nowhere by default", async () => {
        await t.deploy({ logStorage: { accessLogs: { bucket: "acme-access-logs" } } });
        const logging = t.h.one("aws:s3/bucketLogging:BucketLogging", "dp-logs-access-logs").inputs;
        assert.equal(logging.targetBucket, "acme-access-logs");
        // Default prefix: the log bucket's own name.
        assert.match(logging.targetPrefix, /^dp-logs-[0-9a-f]+\/$/);
        assert.equal(logging.bucket, t.h.one("aws:s3/bucket:Bucket", "dp-logs").id);
    });

    it("turns deletion protection off only when asked", async () => {
        await t.deploy({ deletionProtection: false });
        assert.equal(t.h.one("eks:index:Cluster", "dp-cluster").inputs.deletionProtection, false);
        assert.equal(t.h.ofType("aws:s3/bucketLogging:BucketLogging").length, 0);
    });

    it("uses the caller's key for secret encryption instead of creating one", async () => {
        const key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        await t.deploy({ secretsEncryption: { keyId: key } });
        assert.equal(t.h.ofType("aws:kms/key:Key").length, 0);
        assert.equal(t.h.one("eks:index:Cluster", "dp-cluster").inputs.encryptionConfigKeyArn, key);
    });

    it("builds a secret kubeconfig from the cluster's endpoint and CA, and a provider from it", async () => {
        const c = await t.deploy({ kubeconfigAuth: { profileName: "ops" } });
        assert.equal(await pulumi.isSecret(c.kubeconfig), true);
        const kubeconfig = JSON.parse(await valueOf(c.kubeconfig));
        const fromCluster = clusterConnectionFromKubeconfig(await valueOf(c.cluster.kubeconfigJson));
        assert.equal(kubeconfig.clusters[0].cluster.server, fromCluster.endpoint);
        assert.equal(kubeconfig.clusters[0].cluster["certificate-authority-data"], fromCluster.certificateAuthorityData);
        assert.deepEqual(kubeconfig.users[0].user.exec.args, [
            "--region",
            "eu-west-1",
            "eks",
            "get-token",
            "--cluster-name",
            "dp",
            "--output",
            "json",
        ]);
        assert.deepEqual(kubeconfig.users[0].user.exec.env, [{ name: "AWS_PROFILE", value: "ops" }]);
        const provider = t.h.one("pulumi:providers:kubernetes", "dp-k8s");
        assert.ok(provider.secretPaths.includes("kubeconfig"), "the provider's kubeconfig input must be secret");
        assert.equal(c.dataPlaneTarget.kubernetesProvider, c.kubernetesProvider);
        assert.equal(await valueOf(c.clusterName), "dp");
    });

    /** AWS's answer for the caller's subnets: in `vpcId`, in the zones given by `zones` (subnet id -> zone). */
    function subnetsIn(vpcId: string, zones: Record<string, string>) {
        t.install({
            invokes: (args) =>
                args.token === "aws:ec2/getSubnet:getSubnet"
                    ? { id: args.inputs.id, vpcId, availabilityZone: zones[args.inputs.id] ?? "eu-west-1a" }
                    : undefined,
        });
    }

    it("uses the caller's VPC after checking its subnets' zones with AWS", async () => {
        subnetsIn("vpc-0123456789abcdef0", { "subnet-0aaaaaaaaaaaaaaaa": "eu-west-1a", "subnet-0bbbbbbbbbbbbbbbb": "eu-west-1b" });
        const c = await t.deploy({
            network: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] },
        });
        assert.equal(t.h.ofType("awsx:ec2:Vpc").length, 0);
        assert.deepEqual(
            t.h.invokes.filter((i) => i.token === "aws:ec2/getSubnet:getSubnet").map((i) => i.args.id),
            ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
        );
        assert.deepEqual(await valueOf(c.privateSubnetIds), ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]);
        assert.equal(t.h.one("eks:index:Cluster", "dp-cluster").inputs.vpcId, "vpc-0123456789abcdef0");
    });

    /** The checked subnet ids of an existing network, or the error that fails the run. */
    async function checkedSubnets(vpcId: string, subnetIds: string[]): Promise<unknown> {
        const { createNetwork } = await import("../../components/aws/network");
        const parent = new pulumi.ComponentResource("test:index:Parent", "parent");
        const network = createNetwork("dp", { kind: "existing", vpcId, privateSubnetIds: subnetIds }, {}, parent);
        // The engine stops the run on a rejection here, before the cluster that consumes the ids is created.
        return (network.privateSubnetIds as any).promise().then(
            (ids: string[]) => ids,
            (e: unknown) => e,
        );
    }

    it("fails the run, citing Airbyte, when the caller's subnets sit in one zone", async () => {
        subnetsIn("vpc-0123456789abcdef0", { "subnet-0aaaaaaaaaaaaaaaa": "eu-west-1a", "subnet-0bbbbbbbbbbbbbbbb": "eu-west-1a" });
        const failure = await checkedSubnets("vpc-0123456789abcdef0", ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]);
        assert.ok(failure instanceof pulumi.ResourceError, `expected a ResourceError, got ${failure}`);
        assert.match(
            (failure as Error).message,
            /span 1 availability zone\(s\) \(eu-west-1a\).*Airbyte supports EKS on EC2 in 2 or more availability zones; EKS on Fargate is not supported/,
        );
    });

    it("fails the run when a subnet belongs to another VPC", async () => {
        subnetsIn("vpc-0ffffffffffffffff", { "subnet-0aaaaaaaaaaaaaaaa": "eu-west-1a", "subnet-0bbbbbbbbbbbbbbbb": "eu-west-1b" });
        const failure = await checkedSubnets("vpc-0123456789abcdef0", ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]);
        assert.ok(failure instanceof pulumi.ResourceError, `expected a ResourceError, got ${failure}`);
        assert.match(
            (failure as Error).message,
            /subnet subnet-0aaaaaaaaaaaaaaaa belongs to vpc-0ffffffffffffffff, not vpc-0123456789abcdef0/,
        );
    });
});
