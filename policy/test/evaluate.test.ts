import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { evaluatePolicies, PlannedResource, policyPackConfigFor, readPolicyPackConfig } from "../evaluate";
import { T } from "../policies/tokens";
import { mutate, UNKNOWN } from "./support/args";
import { azureSecretsManagerValues, CONTROL_PLANE, gcpSecretsManagerValues, ok, planned } from "./support/fixtures";

const urn = (type: string, name: string) => planned(type, name, {}).urn;

/** An EKS data plane as the offline plan records it: component inputs, mock ids, secrets redacted. */
function awsStack(): PlannedResource[] {
    const autoNamed = { forceDestroy: false }; // no `bucket` input: linked through the mock id only
    return [
        planned(T.eksCluster, "dp", ok.eksCluster),
        planned(T.eksManagedNodeGroup, "dp-jobs", ok.eksManagedNodeGroup, { parent: "dp" }),
        planned(T.awsLaunchTemplate, "dp-jobs-lt", ok.launchTemplate),
        planned(T.s3Bucket, "dp-logs", autoNamed, { id: "dp-logs-id" }),
        planned(T.s3PublicAccessBlock, "dp-logs-pab", { ...ok.s3PublicAccessBlock, bucket: "dp-logs-id" }),
        planned(T.s3Encryption, "dp-logs-sse", { ...ok.s3Encryption, bucket: "dp-logs-id" }),
        planned(T.s3BucketPolicy, "dp-logs-tls", { ...ok.s3BucketPolicy, bucket: "dp-logs-id" }),
        planned(T.s3Logging, "dp-logs-access-logs", { ...ok.s3Logging, bucket: "dp-logs-id" }),
        planned(T.k8sProvider, "dp-k8s", ok.kubernetesProvider),
        planned(T.k8sSecret, "dp-credentials", ok.dataPlaneSecret),
        planned(T.k8sService, "dp-metrics", ok.service),
        planned(T.k8sNetworkPolicy, "dp-connector-metadata-ipv4", ok.metadataNetworkPolicy),
        planned(T.helmRelease, "dp-release", ok.release),
    ];
}

function gcpStack(): PlannedResource[] {
    const release = mutate(ok.release, "values.secretsManager", gcpSecretsManagerValues);
    return [
        planned(T.gkeCluster, "dp", ok.gkeCluster),
        planned(T.gkeNodePool, "dp-jobs", ok.gkeNodePool),
        planned(T.gcsBucket, "dp-logs", ok.gcsBucket),
        planned(
            T.k8sSecret,
            "dp-credentials",
            mutate(ok.dataPlaneSecret, "metadata.annotations", { "flexplane.dev/secrets-manager-identity": CONTROL_PLANE.gcp }),
        ),
        planned(T.k8sNetworkPolicy, "dp-connector-metadata-ipv4", ok.metadataNetworkPolicy),
        planned(T.helmRelease, "dp-release", release),
    ];
}

function azureStack(): PlannedResource[] {
    return [
        planned(T.aksCluster, "dp", ok.aksCluster),
        planned(T.azureLockByScope, "dp-no-delete", ok.aksLock, { propertyDependencies: { scope: [urn(T.aksCluster, "dp")] } }),
        planned(T.azureDiagnosticSetting, "dp-audit", ok.aksAuditSetting, {
            propertyDependencies: { resourceUri: [urn(T.aksCluster, "dp")] },
        }),
        planned(T.aksAgentPool, "dp-jobs", ok.aksAgentPool),
        planned(T.azureStorageAccount, "dp-logs", ok.storageAccount),
        planned(T.azureBlobContainer, "dp-logs-container", ok.blobContainer),
        planned(T.k8sNetworkPolicy, "dp-connector-metadata-ipv4", ok.metadataNetworkPolicy),
        planned(T.helmRelease, "dp-release", mutate(ok.release, "values.secretsManager", azureSecretsManagerValues)),
    ];
}

/** [policy, level, resource] of each violation, for exact comparison. */
const summary = (violations: ReturnType<typeof evaluatePolicies>) => violations.map((v) => [v.policy, v.enforcementLevel, v.resource]);

describe("evaluatePolicies", () => {
    it("finds nothing in compliant EKS, GKE and AKS data planes", () => {
        assert.deepStrictEqual(evaluatePolicies(awsStack(), { controlPlaneSecretsManager: CONTROL_PLANE.aws }), []);
        assert.deepStrictEqual(evaluatePolicies(gcpStack(), { controlPlaneSecretsManager: CONTROL_PLANE.gcp }), []);
        assert.deepStrictEqual(evaluatePolicies(azureStack(), { controlPlaneSecretsManager: CONTROL_PLANE.azure }), []);
    });

    it("lists every violation of a broken EKS data plane with policy, level and resource", () => {
        const stack = awsStack()
            .filter((r) => r.type !== T.s3PublicAccessBlock)
            .map((r) => {
                switch (r.type) {
                    case T.eksManagedNodeGroup:
                        return { ...r, props: mutate(r.props, "subnetIds", ["subnet-a"]) };
                    case T.k8sService:
                        return { ...r, props: mutate(r.props, "spec.type", "LoadBalancer") };
                    case T.helmRelease:
                        return { ...r, props: mutate(mutate(r.props, "values.dataPlane.clientSecret", "[secret]"), "version", "^2.2.0") };
                    default:
                        return r;
                }
            });
        stack.push(planned(T.awsFargateProfile, "dp-fargate", { clusterName: "dp" }));
        stack.push(planned(T.gcpServiceAccountKey, "gsm-key", ok.gcpServiceAccountKey));
        const violations = evaluatePolicies(stack, { controlPlaneSecretsManager: "aws-secrets-manager:123456789012:eu-west-1" });
        assert.deepStrictEqual(summary(violations), [
            ["eks-no-fargate", "mandatory", urn(T.awsFargateProfile, "dp-fargate")],
            ["nodes-span-two-zones", "mandatory", urn(T.eksManagedNodeGroup, "dp-jobs")],
            ["data-plane-egress-only", "mandatory", urn(T.k8sService, "dp-metrics")],
            ["secrets-manager-matches-control-plane", "mandatory", urn(T.k8sSecret, "dp-credentials")],
            ["secrets-manager-matches-control-plane", "mandatory", urn(T.helmRelease, "dp-release")],
            ["helm-values-no-plaintext-secrets", "mandatory", urn(T.helmRelease, "dp-release")],
            ["s3-log-buckets-protected", "mandatory", urn(T.s3Bucket, "dp-logs")],
            ["data-plane-chart-pinned", "mandatory", urn(T.helmRelease, "dp-release")],
            ["gcp-no-long-lived-sa-keys", "advisory", urn(T.gcpServiceAccountKey, "gsm-key")],
        ]);
        assert.match(violations[4].message, /awsSecretManager.region` is "us-east-1".*set it to "eu-west-1"/);
        assert.match(violations[6].message, /"dp-logs" has no public access block/);
    });

    it("links bucket settings through the ids the runner supplies; unlinked settings blame no bucket", () => {
        const withoutIds = awsStack().map(({ id: _id, ...r }) => r);
        assert.deepStrictEqual(evaluatePolicies(withoutIds, { controlPlaneSecretsManager: CONTROL_PLANE.aws }), []);
        const lonely = awsStack().filter((r) => r.type !== T.s3Encryption);
        assert.match(evaluatePolicies(lonely, { controlPlaneSecretsManager: CONTROL_PLANE.aws })[0].message, /no default encryption/);
    });

    it("reports the missing control-plane identity once, on the release", () => {
        assert.deepStrictEqual(summary(evaluatePolicies(awsStack())), [
            ["secrets-manager-matches-control-plane", "mandatory", urn(T.helmRelease, "dp-release")],
        ]);
    });

    it("never reports on unknown values", () => {
        const broken = (unknown: boolean) =>
            awsStack().map((r) => {
                if (r.type === T.k8sService) {
                    const props = mutate(r.props, "spec.type", "LoadBalancer");
                    return { ...r, props: unknown ? mutate(props, "metadata.namespace", UNKNOWN) : props };
                }
                if (r.type === T.helmRelease) {
                    const props = mutate(mutate(r.props, "version", "^2"), "values.secretsManager.awsSecretManager.region", "eu-west-1");
                    return { ...r, props: unknown ? { ...props, version: UNKNOWN, values: UNKNOWN } : props };
                }
                return r;
            });
        const config = { controlPlaneSecretsManager: CONTROL_PLANE.aws };
        assert.strictEqual(evaluatePolicies(broken(false), config).length, 3);
        assert.deepStrictEqual(evaluatePolicies(broken(true), config), []);
    });

    it("skips a policy that reads an unknown value directly, as the engine does during preview", () => {
        const naive: ResourceValidationPolicy = {
            name: "naive",
            description: "reads props without care",
            enforcementLevel: "mandatory",
            validateResource: (args, report) => {
                if (args.props.spec.type !== "ClusterIP") {
                    report("not ClusterIP");
                }
            },
        };
        const service = planned(T.k8sService, "s", { spec: { type: UNKNOWN } });
        assert.deepStrictEqual(evaluatePolicies([service], {}, { policies: [naive] }), []);
        const known = planned(T.k8sService, "s", { spec: { type: "NodePort" } });
        assert.deepStrictEqual(summary(evaluatePolicies([known], {}, { policies: [naive] })), [["naive", "mandatory", known.urn]]);
    });

    it("names the policy and resource when a policy throws", () => {
        const broken: ResourceValidationPolicy = {
            name: "broken",
            description: "throws",
            validateResource: () => {
                throw new Error("boom");
            },
        };
        assert.throws(
            () => evaluatePolicies([planned(T.k8sService, "s", {})], {}, { policies: [broken] }),
            /Policy "broken" failed on urn:.*::s: boom/,
        );
    });

    it("applies enforcement-level overrides, including disabled and all", () => {
        const stack = [...awsStack(), planned(T.awsFargateProfile, "f", {})];
        const config = { controlPlaneSecretsManager: CONTROL_PLANE.aws };
        assert.deepStrictEqual(summary(evaluatePolicies(stack, config, { enforcementLevels: { "eks-no-fargate": "advisory" } })), [
            ["eks-no-fargate", "advisory", urn(T.awsFargateProfile, "f")],
        ]);
        assert.deepStrictEqual(evaluatePolicies(stack, config, { enforcementLevels: { "eks-no-fargate": "disabled" } }), []);
        assert.deepStrictEqual(evaluatePolicies(stack, config, { enforcementLevels: { all: "disabled" } }), []);
    });
});

describe("policy-pack config files", () => {
    const example = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "config.example.json"), "utf8"));

    it("reads the committed example into flat config and levels", () => {
        const { config, enforcementLevels } = readPolicyPackConfig(example);
        assert.strictEqual(config.controlPlaneSecretsManager, "aws-secrets-manager:123456789012:us-east-1");
        assert.deepStrictEqual(config.dataPlaneNamespaces, ["airbyte"]);
        assert.deepStrictEqual(config.allowedChartVersions, ["2.0.0", "2.0.1", "2.1.0", "2.1.1", "2.2.0"]);
        assert.deepStrictEqual(enforcementLevels, { "gcp-no-long-lived-sa-keys": "advisory" });
        assert.deepStrictEqual(evaluatePolicies(awsStack(), config, { enforcementLevels }), []);
    });

    it("writes flat config back under the owning policies", () => {
        const { config } = readPolicyPackConfig(example);
        const { "gcp-no-long-lived-sa-keys": _level, ...withoutLevels } = example;
        assert.deepStrictEqual(policyPackConfigFor(config), withoutLevels);
    });

    it("rejects unknown policies and keys under the wrong policy, saying where they belong", () => {
        assert.throws(() => readPolicyPackConfig({ "no-such-policy": "mandatory" }), /unknown policy "no-such-policy"/);
        assert.throws(
            () => readPolicyPackConfig({ "eks-no-fargate": { controlPlaneSecretsManager: "x" } }),
            /"controlPlaneSecretsManager" is not declared by policy "eks-no-fargate"; it belongs under "secrets-manager-matches-control-plane"/,
        );
    });
});
