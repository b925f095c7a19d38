import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { StackProblems } from "../../program/stack-problems";
import { deployCloud, RegionContext } from "../../program/types";
import { runPlan } from "../../tools/plan/plan";
import { reasons, rejection, valueOf } from "../support/outputs";
import { DECLARED_STORE, eksClusterTests } from "./helpers";

describe("aws stack program", () => {
    const t = eksClusterTests();

    /** The aws part of a region stack with `flexplane:aws` = `aws`, extra config and the declared store read with IRSA. */
    async function deployAws(
        aws: unknown,
        config: Record<string, string> = {},
        secretConfigKeys: string[] = [],
        secretsManager?: RegionContext["secretsManager"],
    ) {
        t.install({ config: { "flexplane:aws": JSON.stringify(aws), ...config }, secretConfigKeys });
        const { prepare } = await import("../../program/clouds/aws");
        const ctx: RegionContext = {
            config: new pulumi.Config("flexplane"),
            stack: "aws-eu",
            namespace: "airbyte",
            serviceAccountName: "airbyte-workload-launcher",
            secretsManager: secretsManager ?? { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true } },
            tags: { owner: "data-platform" },
        };
        return { ctx, run: () => deployCloud(prepare, ctx, new StackProblems(ctx.stack)) };
    }

    it("creates an EksCluster from flexplane:aws and aws:region and returns its target and outputs", async () => {
        const { run } = await deployAws(
            { kubernetesVersion: "1.34", nodes: { desiredSize: 3 }, apiServer: { authorizedCidrs: ["203.0.113.0/24"] } },
            { "aws:profile": "ops" },
        );
        const deployment = await run();
        await t.h.settle();
        const cluster = t.h.one("eks:index:Cluster", "aws-eu-cluster").inputs;
        assert.equal(deployment.clusterRegion, "eu-west-1");
        assert.equal(cluster.version, "1.34");
        assert.equal(cluster.name, "aws-eu");
        assert.deepEqual(cluster.tags, { owner: "data-platform" });
        assert.equal(t.h.one("eks:index:ManagedNodeGroup", "aws-eu-general").inputs.scalingConfig.desiredSize, 3);
        assert.deepEqual(Object.keys(deployment.outputs).sort(), [
            "bucketName",
            "clusterName",
            "kubeconfig",
            "oidcProviderArn",
            "privateSubnetIds",
            "roleArn",
            "vpcId",
        ]);
        const kubeconfig = deployment.outputs.kubeconfig as pulumi.Output<string>;
        assert.equal(await pulumi.isSecret(kubeconfig), true);
        assert.deepEqual(JSON.parse(await valueOf(kubeconfig)).users[0].user.exec.env, [{ name: "AWS_PROFILE", value: "ops" }]);
        assert.deepEqual(deployment.target.secretsManager, { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true } });
        assert.equal(deployment.target.namespace, "airbyte");
        assert.deepEqual(t.warnings.messages, []);
    });

    it("takes the deprecated names a stack file still uses, warning once each under its stack key", async () => {
        const { run } = await deployAws({
            vpc: { cidrBlock: "10.1.0.0/16" },
            endpoint: { publicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] },
            logBucket: { logExpirationDays: 30, retainOnDestroy: false },
            nodes: { capacityType: "SPOT" },
        });
        await run();
        await t.h.settle();
        assert.deepEqual(
            t.warnings.messages.map((m) => m.split(" is deprecated")[0]),
            [
                "flexplane:aws.vpc",
                "flexplane:aws.endpoint",
                "flexplane:aws.apiServer.publicAccessCidrs",
                "flexplane:aws.apiServer.publicAccess",
                "flexplane:aws.logBucket",
                "flexplane:aws.logStorage.retainOnDestroy",
                "flexplane:aws.logStorage.logExpirationDays",
                "flexplane:aws.nodes.capacityType",
            ],
        );
        assert.match(t.warnings.messages[0], /^flexplane:aws\.vpc is deprecated: use flexplane:aws\.network instead/);
        assert.equal(t.h.one("awsx:ec2:Vpc", "aws-eu-vpc").inputs.cidrBlock, "10.1.0.0/16");
        assert.deepEqual(t.h.one("eks:index:Cluster", "aws-eu-cluster").inputs.publicAccessCidrs, ["203.0.113.0/24"]);
        assert.equal(t.h.one("eks:index:ManagedNodeGroup", "aws-eu-general").inputs.capacityType, "SPOT");
        assert.equal(t.h.one("aws:s3/bucket:Bucket", "aws-eu-logs").options.retainOnDelete, false);
        const lifecycle = t.h.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws-eu-logs-lifecycle").inputs.rules;
        assert.deepEqual(lifecycle.find((r: any) => r.id === "expire-job-logs").expiration, { days: 30 });
    });

    it("refuses an old and a new name together under the stack key", async () => {
        const { run } = await deployAws({
            logBucket: { versioning: true },
            logStorage: { versioning: false },
            apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
        });
        const byPath = reasons(await rejection(run));
        assert.match(
            byPath["flexplane:aws.logBucket"],
            /^is the old name of flexplane:aws\.logStorage, which is also set: keep flexplane:aws\.logStorage only\./,
        );
        assert.deepEqual(t.h.resources, []);
    });

    it("reads an existing bucket's keys from secret config when logStorage.auth is accessKeys", async () => {
        const { run } = await deployAws(
            { logStorage: { existingBucketName: "acme-airbyte-logs", auth: "accessKeys" }, apiServer: { privateOnly: true } },
            { "flexplane:awsLogBucketAccessKeyId": "AKIAEXAMPLE", "flexplane:awsLogBucketSecretAccessKey": "s3cr3t" },
            ["flexplane:awsLogBucketAccessKeyId", "flexplane:awsLogBucketSecretAccessKey"],
        );
        const deployment = await run();
        await t.h.settle();
        const keys = deployment.target.storage.s3!.accessKeys!;
        assert.equal(await pulumi.isSecret(pulumi.output(keys.secretAccessKey)), true);
        assert.equal(await valueOf(keys.accessKeyId), "AKIAEXAMPLE");
        assert.equal(
            t.h
                .ofType("aws:iam/rolePolicy:RolePolicy")
                .map((p) => p.name)
                .join(),
            "aws-eu-secrets-manager",
        );
    });

    it("refuses keys written into the stack file and settings that belong to other keys", async () => {
        const { run } = await deployAws({
            region: "eu-central-1",
            tags: { a: "b" },
            logStorage: { existingBucketName: "acme-airbyte-logs", accessKeys: { accessKeyId: "AKIA", secretAccessKey: "plain" } },
        });
        const byPath = reasons(await rejection(run));
        assert.match(byPath["flexplane:aws.region"], /set aws:region instead/);
        assert.match(byPath["flexplane:aws.tags"], /set flexplane:tags instead/);
        assert.match(byPath["flexplane:aws.logStorage.accessKeys"], /pulumi config set --secret/);
    });

    it("needs aws:region", async () => {
        t.install({ config: { "aws:region": "" } });
        const { prepare } = await import("../../program/clouds/aws");
        const ctx = {
            config: new pulumi.Config("flexplane"),
            stack: "s",
            namespace: "airbyte",
            serviceAccountName: "sa",
            secretsManager: {},
            tags: {},
        };
        const found = reasons(await rejection(() => deployCloud(prepare, ctx, new StackProblems("s"))));
        assert.match(found["aws:region"], /^is required: set the cluster's region with `pulumi config set aws:region/);
        assert.deepEqual(t.h.resources, []);
    });

    it("plans the aws-us-east-1 stack offline: cluster, node group, IAM, bucket and release", async () => {
        const plan = await runPlan({ stack: "aws-us-east-1" });
        assert.deepEqual(plan.errors, []);
        const types = new Set(plan.resources.map((r) => r.type));
        for (const type of [
            "flexplane:index:EksCluster",
            "eks:index:Cluster",
            "eks:index:ManagedNodeGroup",
            "aws:iam/role:Role",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:s3/bucket:Bucket",
            "kubernetes:helm.sh/v3:Release",
        ]) {
            assert.ok(types.has(type), `the plan lacks ${type}`);
        }
        const values = plan.helmValues["data-plane"] as any;
        assert.match(values.serviceAccount.annotations["eks.amazonaws.com/role-arn"], /^arn:aws:iam::123456789012:role\//);
        assert.equal(plan.outputs.kubeconfig, "[secret]");
        // The org stack's IAM_ROLE store role: connector pods assume it with the data plane's own role.
        const orgRole = require("../../stacks/fixtures/org.json").outputs.controlPlaneRoleArn;
        const assume = plan.resources.find((r) => r.name === "aws-us-east-1-assume-control-plane-role")!;
        assert.equal(JSON.parse(assume.inputs.policy).Statement[0].Resource, orgRole);
    });

    it("does not pass the org's control-plane role on when the store is read with access keys", async () => {
        const { ctx } = await deployAws({ apiServer: { authorizedCidrs: ["203.0.113.0/24"] } }, {}, [], {
            aws: { ...DECLARED_STORE, accessKeys: { accessKeyId: "a", secretAccessKey: "b" } },
        });
        const { prepare } = await import("../../program/clouds/aws");
        const problems = new StackProblems(ctx.stack);
        const prepared = await prepare(ctx, problems);
        problems.throwIfAny();
        await prepared.deploy({ controlPlaneRoleArn: "arn:aws:iam::210987654321:role/control-plane" });
        await t.h.settle();
        assert.equal(
            t.h.ofType("aws:iam/rolePolicy:RolePolicy").some((p) => p.name.endsWith("assume-control-plane-role")),
            false,
        );
        assert.equal(t.h.ofType("eks:index:Cluster").length, 1, "the stack still deploys");
    });
});
