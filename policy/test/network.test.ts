import * as assert from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { dataPlaneEgressOnly, nodesWithoutPublicIps } from "../policies/network";
import { T } from "../policies/tokens";
import { checkResource, checkStack, messages, mutate, StackEntry, UNKNOWN, urnOf } from "./support/args";
import { ok } from "./support/fixtures";

const egress = dataPlaneEgressOnly as StackValidationPolicy;
const publicIps = nodesWithoutPublicIps as ResourceValidationPolicy;

const release: StackEntry = { type: T.helmRelease, name: "dp", props: { ...ok.release, namespace: "flex-eu" } };
const service = (name: string, props: object): StackEntry => ({ type: T.k8sService, name, props });

describe("policy data-plane-egress-only", () => {
    it("passes a data plane whose namespace has only ClusterIP Services", () => {
        const outcome = checkStack(egress, [release, service("metrics", mutate(ok.service, "metadata.namespace", "flex-eu"))]);
        assert.deepStrictEqual(outcome.violations, []);
    });

    it("reports a LoadBalancer Service in a release's namespace, with its URN", () => {
        const lb = service("ui", mutate(mutate(ok.service, "metadata.namespace", "flex-eu"), "spec.type", "LoadBalancer"));
        const { violations } = checkStack(egress, [release, lb]);
        assert.strictEqual(violations.length, 1);
        assert.match(violations[0].message, /Service "ui" in data-plane namespace "flex-eu" has type LoadBalancer/);
        assert.match(violations[0].message, /use type ClusterIP/);
        assert.strictEqual(violations[0].urn, urnOf(T.k8sService, "ui"));
    });

    it("reports a NodePort Service in a configured namespace without any release", () => {
        const np = service("np", mutate(mutate(ok.service, "metadata.namespace", "sync"), "spec.type", "NodePort"));
        const outcome = checkStack(egress, [np], { config: { dataPlaneNamespaces: ["sync"] } });
        assert.match(messages(outcome)[0], /namespace "sync" has type NodePort/);
    });

    it("uses the default namespaces (airbyte) when none are configured", () => {
        const lb = service("lb", mutate(ok.service, "spec.type", "LoadBalancer"));
        assert.strictEqual(checkStack(egress, [lb]).violations.length, 1);
    });

    it("reports an Ingress in the data plane's namespace", () => {
        const ingress: StackEntry = {
            type: "kubernetes:networking.k8s.io/v1:Ingress",
            name: "web",
            props: { metadata: { namespace: "flex-eu" }, spec: { rules: [] } },
        };
        const [m] = messages(checkStack(egress, [release, ingress]));
        assert.match(m, /Ingress "web" in data-plane namespace "flex-eu" routes traffic in/);
    });

    it("finds the namespace of the annotated data-plane Secret", () => {
        const marker: StackEntry = { type: T.k8sSecret, name: "creds", props: mutate(ok.dataPlaneSecret, "metadata.namespace", "dp2") };
        const lb = service("lb", mutate(mutate(ok.service, "metadata.namespace", "dp2"), "spec.type", "LoadBalancer"));
        assert.strictEqual(checkStack(egress, [marker, lb], { config: { dataPlaneNamespaces: [] } }).violations.length, 1);
    });

    it("falls back to the provider's namespace for objects without one", () => {
        const lb: StackEntry = {
            type: T.k8sService,
            name: "lb",
            props: { metadata: { name: "lb" }, spec: { type: "LoadBalancer" } },
            provider: { type: "pulumi:providers:kubernetes", name: "k8s", props: { namespace: "airbyte" } },
        };
        assert.strictEqual(checkStack(egress, [lb]).violations.length, 1);
    });

    it("ignores exposed Services in other namespaces and in unknown ones", () => {
        const elsewhere = service("lb", mutate(mutate(ok.service, "metadata.namespace", "ingress-nginx"), "spec.type", "LoadBalancer"));
        const unknown = service("lb2", mutate(mutate(ok.service, "metadata.namespace", UNKNOWN), "spec.type", "LoadBalancer"));
        assert.deepStrictEqual(checkStack(egress, [release, elsewhere, unknown]).violations, []);
    });

    it("is not applicable to a stack without Services or Ingresses", () => {
        assert.match(checkStack(egress, [release]).notApplicable ?? "", /No resource of type/);
    });
});

describe("policy nodes-without-public-ips", () => {
    const cases: [string, string, object][] = [
        ["launch template", T.awsLaunchTemplate, ok.launchTemplate],
        ["EKS node group", T.eksNodeGroupV2, ok.eksNodeGroupV2],
        ["private GKE cluster", T.gkeCluster, ok.gkeCluster],
        ["GKE node pool", T.gkeNodePool, ok.gkeNodePool],
        ["AKS cluster", T.aksCluster, ok.aksCluster],
        ["AKS agent pool", T.aksAgentPool, ok.aksAgentPool],
    ];
    for (const [what, type, props] of cases) {
        it(`passes a compliant ${what}`, () => {
            assert.deepStrictEqual(messages(checkResource(publicIps, type, props)), []);
        });
    }

    it("reports a launch template that associates public IPs (the provider's string boolean)", () => {
        const props = mutate(ok.launchTemplate, "networkInterfaces", [{ associatePublicIpAddress: "true" }]);
        const [m] = messages(checkResource(publicIps, T.awsLaunchTemplate, props));
        assert.match(m, /`networkInterfaces\[0\]\.associatePublicIpAddress` is true/);
        assert.match(m, /private subnets/);
    });

    it("reports nodeAssociatePublicIpAddress on EKS node groups", () => {
        const props = mutate(ok.eksNodeGroupV2, "nodeAssociatePublicIpAddress", true);
        assert.match(messages(checkResource(publicIps, T.eksNodeGroupV2, props))[0], /`nodeAssociatePublicIpAddress` is true/);
    });

    it("reports a GKE cluster without private nodes", () => {
        const props = mutate(ok.gkeCluster, "privateClusterConfig.enablePrivateNodes", false);
        const [m] = messages(checkResource(publicIps, T.gkeCluster, props));
        assert.match(m, /`privateClusterConfig.enablePrivateNodes` is not true/);
        assert.match(m, /Cloud NAT/);
    });

    it("reports a GKE cluster with no privateClusterConfig at all", () => {
        assert.strictEqual(
            messages(checkResource(publicIps, T.gkeCluster, mutate(ok.gkeCluster, "privateClusterConfig", undefined))).length,
            1,
        );
    });

    it("says nothing while enablePrivateNodes is unknown", () => {
        const props = mutate(ok.gkeCluster, "privateClusterConfig.enablePrivateNodes", UNKNOWN);
        assert.deepStrictEqual(messages(checkResource(publicIps, T.gkeCluster, props)), []);
    });

    it("reports a GKE node pool that opts out of private nodes", () => {
        const props = mutate(ok.gkeNodePool, "networkConfig", { enablePrivateNodes: false });
        assert.match(messages(checkResource(publicIps, T.gkeNodePool, props))[0], /`networkConfig.enablePrivateNodes` is false/);
    });

    it("reports AKS node public IPs on the cluster's pools and on agent pools", () => {
        const cluster = mutate(ok.aksCluster, "agentPoolProfiles", [{ ...ok.aksCluster.agentPoolProfiles[0], enableNodePublicIP: true }]);
        assert.match(messages(checkResource(publicIps, T.aksCluster, cluster))[0], /`agentPoolProfiles\[0\]\.enableNodePublicIP` is true/);
        const pool = mutate(ok.aksAgentPool, "enableNodePublicIP", true);
        assert.match(messages(checkResource(publicIps, T.aksAgentPool, pool))[0], /`enableNodePublicIP` is true/);
    });
});
