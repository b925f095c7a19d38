import { strict as assert } from "assert";
import { EKS_CLUSTER_LEGACY_TYPE, EKS_CLUSTER_TYPE } from "../../components/aws/component";
import type { EksCluster } from "../../components/aws/component";
import {
    CONTROL_PLANE_SECRETS_ROLE_LEGACY_TYPE,
    CONTROL_PLANE_SECRETS_ROLE_TYPE,
    ControlPlaneSecretsRole,
} from "../../components/aws/control-plane-role";
import { isSecret, valueOf } from "../support/outputs";
import { assertTokenWithLegacyAlias, ownFields } from "../support/type-tokens";
import { baseArgs, DECLARED_STORE, eksClusterTests } from "./helpers";

/** What a program in another language reads: the schema's type token and plain-data outputs. */
describe("EksCluster and ControlPlaneSecretsRole for other languages (mocks)", () => {
    const t = eksClusterTests();

    it("registers flexplane:index:EksCluster with an alias to flexplane:aws:EksCluster after the caller's aliases", async () => {
        const { EksCluster } = await import("../../components/aws/component");
        await assertTokenWithLegacyAlias(
            t,
            { type: EKS_CLUSTER_TYPE, legacyType: EKS_CLUSTER_LEGACY_TYPE },
            async (name, opts) => new EksCluster(name, baseArgs(), opts),
        );
    });

    it("registers flexplane:index:ControlPlaneSecretsRole with an alias to flexplane:aws:ControlPlaneSecretsRole", async () => {
        const args = {
            airbytePrincipalArn: "arn:aws:iam::094410056844:role/airbyte-control-plane",
            externalId: "acme-airbyte-7f3c",
            secretsManager: { region: "us-east-1", accountId: "123456789012" },
        };
        await assertTokenWithLegacyAlias(
            t,
            { type: CONTROL_PLANE_SECRETS_ROLE_TYPE, legacyType: CONTROL_PLANE_SECRETS_ROLE_LEGACY_TYPE },
            async (name, opts) => new ControlPlaneSecretsRole(name, args, opts),
        );
    });

    it("keeps resources and the provider out of its fields, and still hands them to TypeScript", async () => {
        const c = await t.deploy({ jobNodes: {} });
        assert.deepEqual(ownFields(c).sort(), [...EKS_OUTPUTS].sort());
        assert.equal(c.cluster.constructor.name, "Cluster");
        assert.equal(c.nodeGroups.length, 2);
        assert.equal(c.dataPlaneTarget.kubernetesProvider, c.kubernetesProvider);
    });

    it("outputs every value of dataPlaneTarget that DataPlane needs, as plain data", async () => {
        const c = await t.deploy({ namespace: "sync", serviceAccountName: "runner", jobNodes: {} });
        const target = c.dataPlaneTarget;
        assert.equal(c.namespace, "sync");
        assert.equal(c.serviceAccountName, "runner");
        assert.deepEqual(await valueOf(c.serviceAccountAnnotations), await valueOf(target.serviceAccountAnnotations!));
        assert.match((await valueOf(c.serviceAccountAnnotations))["eks.amazonaws.com/role-arn"], /^arn:aws:iam::\d{12}:role\//);
        assert.equal(await valueOf(c.bucketName), await valueOf(target.storage.s3!.bucket));
        assert.equal(c.bucketRegion, target.storage.s3!.region);
        assert.deepEqual(await valueOf(c.jobNodeSelector), target.jobs!.nodeSelector);
        assert.deepEqual(await valueOf(c.jobTolerations), target.jobs!.tolerations);
        assert.equal(await isSecret(c.kubeconfig), true);
    });

    it("outputs an existing bucket's own region, no job placement without job nodes, and no annotations without a role", async () => {
        const c = await t.deploy({
            secretsManager: { aws: { ...DECLARED_STORE, accessKeys: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "s3cr3t" } } },
            logStorage: {
                existingBucketName: "company-logs",
                region: "us-west-2",
                accessKeys: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "s3cr3t" },
            },
        });
        assert.equal(c.bucketRegion, "us-west-2");
        assert.equal(await valueOf(c.bucketName), "company-logs");
        assert.deepEqual(await valueOf(c.serviceAccountAnnotations), {});
        assert.equal(c.dataPlaneTarget.serviceAccountAnnotations, undefined);
        assert.equal(await valueOf(c.jobNodeSelector), undefined);
        assert.equal(await valueOf(c.jobTolerations), undefined);
    });
});

/** EksCluster's schema outputs: every field of the class. */
const EKS_OUTPUTS: (keyof EksCluster)[] = [
    "clusterName",
    "region",
    "kubeconfig",
    "oidcProviderArn",
    "roleArn",
    "bucketName",
    "bucketRegion",
    "vpcId",
    "privateSubnetIds",
    "namespace",
    "serviceAccountName",
    "serviceAccountAnnotations",
    "jobNodeSelector",
    "jobTolerations",
];
