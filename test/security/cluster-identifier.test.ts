import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { MockHarness, RecordedResource } from "../../tools/harness/runtime";
import { cannedOutputs } from "../../tools/harness/canned";
import { providerReplaces, ProviderInputs, UNKNOWN } from "../support/kubernetes-provider-diff";
import { StackProblems } from "../../program/stack-problems";
import { deployCloud } from "../../program/types";
import { reasons, rejection } from "../support/outputs";

const PROVIDER = "pulumi:providers:kubernetes";

/** The plain inputs of the one Kubernetes provider a run registered. */
function providerInputs(h: MockHarness, name: string): ProviderInputs {
    const provider: RecordedResource = h.one(PROVIDER, name);
    return provider.plainInputs;
}

/** Runs EksCluster "dp" with the cluster endpoint `host` and kubeconfig profile `profile`. */
async function eksRun(host: string, profile: string): Promise<ProviderInputs> {
    const h = MockHarness.install({
        config: { "aws:region": "eu-west-1" },
        outputs: (args) => {
            if (args.type !== "eks:index:Cluster") {
                return undefined;
            }
            const canned = cannedOutputs(args)!;
            const kubeconfig = JSON.parse(canned.kubeconfigJson);
            kubeconfig.clusters[0].cluster.server = `https://${host}.gr7.eu-west-1.eks.amazonaws.com`;
            return { ...canned, kubeconfig, kubeconfigJson: JSON.stringify(kubeconfig) };
        },
    });
    const { EksCluster } = await import("../../components/aws");
    new EksCluster("dp", {
        secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
        apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
        kubeconfigAuth: { profileName: profile },
    });
    await h.settle();
    return providerInputs(h, "dp-k8s");
}

describe("Kubernetes providers keep their identity when the kubeconfig changes", () => {
    it("models the provider's rule: same identifier, no replacement; none, the kubeconfig decides", () => {
        const a = {
            kubeconfig:
                "apiVersion: v1\nclusters: [{name: c, cluster: {server: https://a}}]\ncontexts: [{name: x, context: {cluster: c}}]\ncurrent-context: x\n",
        };
        const b = { kubeconfig: a.kubeconfig.replace("https://a", "https://b") };
        assert.deepEqual(providerReplaces(a, b), ["kubeconfig"]);
        assert.deepEqual(providerReplaces({ ...a, clusterIdentifier: "id" }, { ...b, clusterIdentifier: "id" }), []);
        assert.deepEqual(providerReplaces({ ...a, clusterIdentifier: "id" }, { ...a, clusterIdentifier: "other" }), ["clusterIdentifier"]);
        assert.deepEqual(providerReplaces(a, { kubeconfig: UNKNOWN }), ["kubeconfig"]);
        assert.deepEqual(providerReplaces({ ...a, clusterIdentifier: "id" }, { kubeconfig: UNKNOWN, clusterIdentifier: "id" }), []);
    });

    it("EKS: a new endpoint, auth profile or a kubeconfig unknown during a cluster update replaces nothing", async () => {
        const before = await eksRun("AAAA", "ops");
        const after = await eksRun("BBBB", "deploy");
        assert.notEqual(before.kubeconfig, after.kubeconfig, "the kubeconfigs differ");
        assert.equal(before.clusterIdentifier, "arn:aws:eks:eu-west-1:123456789012:cluster/dp");
        assert.equal(after.clusterIdentifier, before.clusterIdentifier);
        assert.deepEqual(providerReplaces(before, after), []);
        assert.deepEqual(providerReplaces(before, { ...after, kubeconfig: UNKNOWN }), []);
        // Without the identifier the same change would replace the provider and everything under it.
        const { clusterIdentifier: _old, ...bare } = before;
        const { clusterIdentifier: _new, ...bareAfter } = after;
        assert.deepEqual(providerReplaces(bare, bareAfter), ["kubeconfig"]);
    });

    it("GKE and AKS: the identifier is the cluster's own id, which changes only when the cluster is replaced", async () => {
        const gke = MockHarness.install({ config: { "gcp:project": "flexplane-gke", "gcp:region": "europe-west1" } });
        const { GkeCluster } = await import("../../components/gcp");
        new GkeCluster("eu", {
            location: "europe-west1",
            secretsManager: { gcp: { projectId: "airbyte-secrets" } },
            apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
        });
        await gke.settle();
        assert.equal(providerInputs(gke, "eu-k8s").clusterIdentifier, gke.one("gcp:container/cluster:Cluster").id);

        const aks = MockHarness.install();
        const { AksCluster } = await import("../../components/azure");
        new AksCluster("eu", {
            location: "westeurope",
            secretsManager: {
                azure: {
                    vaultUrl: "https://acme.vault.azure.net/",
                    tenantId: "00000000-0000-0000-0000-000000000001",
                    clientId: "c",
                    clientSecret: pulumi.secret("s"),
                },
            },
            apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
        });
        await aks.settle();
        assert.equal(providerInputs(aks, "eu-kubernetes").clusterIdentifier, aks.one("azure-native:containerservice:ManagedCluster").id);
    });

    it("byo: the configured identifier, else region and context; a blank one is refused", async () => {
        const { byoClusterIdentifier } = await import("../../program/clouds/byo");
        assert.equal(byoClusterIdentifier({ region: "us-east-1" }), "us-east-1/current-context");
        assert.equal(byoClusterIdentifier({ region: "us-east-1", context: "prod" }), "us-east-1/prod");
        assert.equal(byoClusterIdentifier({ region: "us-east-1", context: "prod", clusterIdentifier: "prod-cluster" }), "prod-cluster");

        const byo = (extra: object) => ({ region: "us-east-1", storage: { gcs: { bucket: "logs" } }, ...extra });
        const run = async (extra: object) => {
            const h = MockHarness.install({
                config: { "flexplane:byo": JSON.stringify(byo(extra)), "flexplane:storageCredentialsJson": "{}" },
                secretConfigKeys: ["flexplane:storageCredentialsJson"],
            });
            const { prepare } = await import("../../program/clouds/byo");
            const ctx = {
                config: new pulumi.Config("flexplane"),
                stack: "byo",
                namespace: "airbyte",
                serviceAccountName: "airbyte-workload-launcher",
                secretsManager: { gcp: { projectId: "acme-secrets", credentialsJson: "{}" } },
                tags: {},
            };
            return { h, deploy: () => deployCloud(prepare, ctx, new StackProblems("byo")) };
        };
        const blank = await run({ clusterIdentifier: " " });
        assert.match(
            reasons(await rejection(blank.deploy))["flexplane:byo.clusterIdentifier"],
            /must be a non-empty string naming the cluster/,
        );
        const named = await run({ clusterIdentifier: "prod-cluster" });
        await named.deploy();
        await named.h.settle();
        assert.equal(providerInputs(named.h, "byo-cluster").clusterIdentifier, "prod-cluster");
    });
});
