import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_SERVICE_ACCOUNT_NAME } from "../../components/shared/types";
import { MockHarness } from "../../tools/harness/runtime";
import { baseArgs, DECLARED_STORE, installHarness, policyOf, registrationOptions, valueOf } from "./helpers";

type Aws = typeof import("../../components/aws");

describe("EksCluster (mocks)", () => {
    let h: MockHarness;
    let options: ReturnType<typeof registrationOptions>;
    let aws: Aws;

    beforeEach(async () => {
        h = installHarness();
        options = registrationOptions(h);
        aws = await import("../../components/aws");
    });

    it("creates EKS on EC2 with API access entries, OIDC, no default node group, logs and KMS secret encryption", async () => {
        new aws.EksCluster("dp", baseArgs({ adminPrincipalArns: ["arn:aws:iam::111122223333:role/Platform"], tags: { team: "data" } }));
        await h.settle();
        const cluster = h.one("eks:index:Cluster").inputs;
        const key = h.one("aws:kms/key:Key");
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
                    clusterAdmin: { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } },
                },
            },
        });
        assert.deepEqual(cluster.tags, { team: "data" });
        // The cluster's subnets are the new VPC's private subnets only.
        const vpc = h.one("awsx:ec2:Vpc");
        assert.equal(vpc.inputs.numberOfAvailabilityZones, 3);
        assert.deepEqual(vpc.inputs.natGateways, { strategy: "OnePerAz" });
        assert.equal(cluster.privateSubnetIds.length, 3);
        assert.equal(cluster.publicSubnetIds, undefined);
        const logGroup = h.one("aws:cloudwatch/logGroup:LogGroup").inputs;
        assert.deepEqual([logGroup.name, logGroup.retentionInDays], ["/aws/eks/dp/cluster", 90]);
    });

    it("runs managed AL2023 node groups on the private subnets, with a tainted job group when asked", async () => {
        const c = new aws.EksCluster("dp", baseArgs({ jobNodes: { instanceTypes: ["c6i.2xlarge"], desiredSize: 3 } }));
        await h.settle();
        const general = h.one("eks:index:ManagedNodeGroup", "dp-general").inputs;
        const jobs = h.one("eks:index:ManagedNodeGroup", "dp-jobs").inputs;
        const cluster = h.one("eks:index:Cluster");
        assert.equal(general.operatingSystem, "AL2023");
        assert.equal(general.version, "1.35");
        // @pulumi/eks's enableIMDSv2 would set a hop limit of 2 and diskSize an unencrypted default:
        // both live in the group's own launch template instead.
        assert.equal(general.enableIMDSv2, undefined);
        assert.equal(general.diskSize, undefined);
        const template = h.one("aws:ec2/launchTemplate:LaunchTemplate", "dp-general-nodes");
        assert.deepEqual(general.launchTemplate, { id: template.id, version: "1" });
        assert.deepEqual(template.inputs.metadataOptions, {
            httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, httpProtocolIpv6: "disabled", instanceMetadataTags: "disabled",
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
        assert.deepEqual(general.subnetIds, h.one("eks:index:Cluster").inputs.privateSubnetIds);
        assert.deepEqual(jobs.instanceTypes, ["c6i.2xlarge"]);
        assert.equal(jobs.launchTemplate.id, h.one("aws:ec2/launchTemplate:LaunchTemplate", "dp-jobs-nodes").id);
        assert.deepEqual(jobs.scalingConfig, { minSize: 2, desiredSize: 3, maxSize: 6 });
        assert.deepEqual(jobs.taints, [{ key: "flexplane.io/pool", value: "jobs", effect: "NO_SCHEDULE" }]);
        assert.deepEqual(jobs.labels, { "flexplane.io/pool": "jobs" });
        assert.deepEqual(c.dataPlaneTarget.jobs, {
            nodeSelector: { "flexplane.io/pool": "jobs" },
            tolerations: [{ key: "flexplane.io/pool", operator: "Equal", value: "jobs", effect: "NoSchedule" }],
        });
        const attached = h.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs.policyArn).sort();
        assert.deepEqual(attached, [
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
        ]);
    });

    it("gives the chart's service account a role trusted through the cluster's OIDC provider", async () => {
        const c = new aws.EksCluster("dp", baseArgs());
        await h.settle();
        const role = h.one("aws:iam/role:Role", "dp-data-plane");
        const trust = policyOf(role.inputs.assumeRolePolicy);
        const issuer = await valueOf(c.cluster.oidcIssuer);
        assert.deepEqual(trust.Statement[0].Principal, { Federated: await valueOf(c.oidcProviderArn) });
        assert.equal(trust.Statement[0].Action, "sts:AssumeRoleWithWebIdentity");
        assert.deepEqual(trust.Statement[0].Condition.StringEquals, {
            [`${issuer}:sub`]: `system:serviceaccount:airbyte:${DEFAULT_SERVICE_ACCOUNT_NAME}`,
            [`${issuer}:aud`]: "sts.amazonaws.com",
        });
        assert.ok((await valueOf(c.roleArn))!.startsWith(`arn:aws:iam::123456789012:role/${role.inputs.namePrefix}`));
        assert.deepEqual(await valueOf(c.dataPlaneTarget.serviceAccountAnnotations!), { "eks.amazonaws.com/role-arn": await valueOf(c.roleArn) });
    });

    it("puts the role under the data-plane path the control-plane role trusts, and lets it assume that role when given", async () => {
        const controlPlaneRole = "arn:aws:iam::210987654321:role/control-plane-secrets-airbyte-cp-1";
        new aws.EksCluster("dp", baseArgs({ controlPlaneRoleArn: controlPlaneRole }));
        await h.settle();
        assert.equal(h.one("aws:iam/role:Role", "dp-data-plane").inputs.path, "/flexplane/data-plane/");
        const assume = h.one("aws:iam/rolePolicy:RolePolicy", "dp-assume-control-plane-role");
        assert.deepEqual(policyOf(assume.inputs.policy).Statement, [{ Sid: "AssumeControlPlaneRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: controlPlaneRole }]);
        assert.equal(assume.inputs.role, h.one("aws:iam/role:Role", "dp-data-plane").id);
    });

    it("grants no sts:AssumeRole without a control-plane role", async () => {
        new aws.EksCluster("dp", baseArgs());
        await h.settle();
        assert.deepEqual(h.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name).sort(), ["dp-log-bucket", "dp-secrets-manager"]);
    });

    it("binds the role to a custom namespace and service account", async () => {
        new aws.EksCluster("dp", baseArgs({ namespace: "airbyte-eu", serviceAccountName: "flex-launcher" }));
        await h.settle();
        const conditions = policyOf(h.one("aws:iam/role:Role", "dp-data-plane").inputs.assumeRolePolicy).Statement[0].Condition.StringEquals;
        const sub = Object.entries(conditions).find(([k]) => k.endsWith(":sub"))?.[1];
        assert.equal(sub, "system:serviceaccount:airbyte-eu:flex-launcher");
    });

    it("scopes Secrets Manager to the declared region and account, not the cluster's", async () => {
        new aws.EksCluster("dp", baseArgs());
        await h.settle();
        const policy = policyOf(h.one("aws:iam/rolePolicy:RolePolicy", "dp-secrets-manager").inputs.policy);
        assert.equal(policy.Statement[0].Resource, `arn:aws:secretsmanager:${DECLARED_STORE.region}:${DECLARED_STORE.accountId}:secret:*`);
        assert.ok(!JSON.stringify(policy).includes("eu-west-1"), "the cluster's region must not appear in the secrets policy");
        // Connector pods run under this role: it reads secrets and never writes them.
        assert.deepEqual(policy, aws.secretsManagerReadPolicyDocument({ ...DECLARED_STORE, allowUntaggedSecrets: false }));
    });

    it("passes the declared store to DataPlane in IRSA mode and S3 through the role", async () => {
        const c = new aws.EksCluster("dp", baseArgs());
        await h.settle();
        const bucket = await valueOf(c.bucketName);
        assert.deepEqual(c.dataPlaneTarget.secretsManager, { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true } });
        assert.equal(c.dataPlaneTarget.storage.s3!.region, "eu-west-1");
        assert.equal(c.dataPlaneTarget.storage.s3!.useServiceAccountIdentity, true);
        assert.equal(await valueOf(c.dataPlaneTarget.storage.s3!.bucket), bucket);
        const s3 = policyOf(h.one("aws:iam/rolePolicy:RolePolicy", "dp-log-bucket").inputs.policy);
        assert.deepEqual(s3, aws.s3PolicyDocument({ bucket, region: "eu-west-1" }));
        const dependsOn = c.dataPlaneTarget.dependsOn as pulumi.Resource[];
        const names = await Promise.all(dependsOn.map((r) => valueOf(r.urn)));
        for (const name of ["dp-general", "dp-secrets-manager", "dp-log-bucket", "dp-logs-tls-only"]) {
            assert.ok(names.some((u) => u.endsWith(`::${name}`)), `dataPlaneTarget.dependsOn lacks ${name}`);
        }
    });

    it("hardens the new bucket and keeps it on destroy", async () => {
        new aws.EksCluster("dp", baseArgs({ logBucket: { versioning: true, logExpirationDays: 30 } }));
        await h.settle();
        const bucket = h.one("aws:s3/bucket:Bucket");
        assert.equal(options.get("dp-logs")?.retainOnDelete, true);
        assert.equal(bucket.inputs.forceDestroy, false);
        assert.match(bucket.inputs.bucketPrefix, /^dp-logs-$/);
        const { bucket: _bucket, ...blocks } = h.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs;
        assert.deepEqual(blocks, { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
        assert.deepEqual(h.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
        assert.deepEqual(h.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules, [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
        ]);
        const tls = policyOf(h.one("aws:s3/bucketPolicy:BucketPolicy").inputs.policy);
        assert.deepEqual(tls.Statement[0].Condition, { Bool: { "aws:SecureTransport": "false" } });
        assert.equal(h.one("aws:s3/bucketVersioning:BucketVersioning").inputs.versioningConfiguration.status, "Enabled");
        const rules = h.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules;
        const expiry = rules.find((r: any) => r.id === "expire-job-logs");
        assert.deepEqual(expiry.filter, { prefix: "job-logging/" });
        assert.deepEqual(expiry.expiration, { days: 30 });
        assert.deepEqual(expiry.noncurrentVersionExpiration, { noncurrentDays: 30 });
    });

    it("sends the new bucket's access logs to the caller's bucket when asked, and nowhere by default", async () => {
        new aws.EksCluster("dp", baseArgs({ logBucket: { accessLogs: { bucket: "acme-access-logs" } } }));
        await h.settle();
        const logging = h.one("aws:s3/bucketLogging:BucketLogging").inputs;
        assert.equal(logging.targetBucket, "acme-access-logs");
        // Default prefix: the log bucket's own name.
        assert.match(logging.targetPrefix, /^dp-logs-[0-9a-f]+\/$/);
        assert.equal(logging.bucket, h.one("aws:s3/bucket:Bucket").id);
    });

    it("turns deletion protection off only when asked", async () => {
        new aws.EksCluster("dp", baseArgs({ deletionProtection: false }));
        await h.settle();
        assert.equal(h.one("eks:index:Cluster").inputs.deletionProtection, false);
        assert.equal(h.ofType("aws:s3/bucketLogging:BucketLogging").length, 0);
    });

    it("uses the caller's key for secret encryption instead of creating one", async () => {
        const key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        new aws.EksCluster("dp", baseArgs({ secretsEncryptionKeyArn: key }));
        await h.settle();
        assert.equal(h.ofType("aws:kms/key:Key").length, 0);
        assert.equal(h.one("eks:index:Cluster").inputs.encryptionConfigKeyArn, key);
    });

    it("builds a secret kubeconfig from the cluster's endpoint and CA, and a provider from it", async () => {
        const c = new aws.EksCluster("dp", baseArgs({ kubeconfigAuth: { profileName: "ops" } }));
        await h.settle();
        assert.equal(await pulumi.isSecret(c.kubeconfig), true);
        const kubeconfig = JSON.parse(await valueOf(c.kubeconfig));
        const fromCluster = aws.clusterConnectionFromKubeconfig(await valueOf(c.cluster.kubeconfigJson));
        assert.equal(kubeconfig.clusters[0].cluster.server, fromCluster.endpoint);
        assert.equal(kubeconfig.clusters[0].cluster["certificate-authority-data"], fromCluster.certificateAuthorityData);
        assert.deepEqual(kubeconfig.users[0].user.exec.args, ["--region", "eu-west-1", "eks", "get-token", "--cluster-name", "dp", "--output", "json"]);
        assert.deepEqual(kubeconfig.users[0].user.exec.env, [{ name: "AWS_PROFILE", value: "ops" }]);
        const provider = h.one("pulumi:providers:kubernetes", "dp-k8s");
        assert.ok(provider.secretPaths.includes("kubeconfig"), "the provider's kubeconfig input must be secret");
        assert.equal(c.dataPlaneTarget.kubernetesProvider, c.kubernetesProvider);
        assert.equal(await valueOf(c.clusterName), "dp");
    });

    /** AWS's answer for the caller's subnets: in `vpcId`, in the zones given by `zones` (subnet id -> zone). */
    function subnetsIn(vpcId: string, zones: Record<string, string>) {
        h = installHarness({
            invokes: (args) =>
                args.token === "aws:ec2/getSubnet:getSubnet"
                    ? { id: args.inputs.id, vpcId, availabilityZone: zones[args.inputs.id] ?? "eu-west-1a" }
                    : undefined,
        });
    }

    it("uses the caller's VPC after checking its subnets' zones with AWS", async () => {
        subnetsIn("vpc-0123456789abcdef0", { "subnet-0aaaaaaaaaaaaaaaa": "eu-west-1a", "subnet-0bbbbbbbbbbbbbbbb": "eu-west-1b" });
        const c = new aws.EksCluster(
            "dp",
            baseArgs({ vpc: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] } }),
        );
        await h.settle();
        assert.equal(h.ofType("awsx:ec2:Vpc").length, 0);
        assert.deepEqual(h.invokes.filter((i) => i.token === "aws:ec2/getSubnet:getSubnet").map((i) => i.args.id), ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]);
        assert.deepEqual(await valueOf(c.privateSubnetIds), ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]);
        assert.equal(h.one("eks:index:Cluster").inputs.vpcId, "vpc-0123456789abcdef0");
    });

    /** The checked subnet ids of an existing network, or the error that fails the run. */
    async function checkedSubnets(vpcId: string, subnetIds: string[]): Promise<unknown> {
        const { createNetwork } = await import("../../components/aws/network");
        const parent = new pulumi.ComponentResource("test:index:Parent", "parent");
        const network = createNetwork("dp", { kind: "existing", vpcId, privateSubnetIds: subnetIds }, {}, parent);
        // The engine stops the run on a rejection here, before the cluster that consumes the ids is created.
        return (network.privateSubnetIds as any).promise().then((ids: string[]) => ids, (e: unknown) => e);
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
        assert.match((failure as Error).message, /subnet subnet-0aaaaaaaaaaaaaaaa belongs to vpc-0ffffffffffffffff, not vpc-0123456789abcdef0/);
    });
});
