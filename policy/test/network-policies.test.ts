import * as assert from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { metadataPolicySpec } from "../../components/dataplane/metadata-policy";
import { clusterNetworkPolicyEnforced, connectorPodsOffMetadata, egressAllowed, selects } from "../policies/network-policies";
import { T } from "../policies/tokens";
import { checkResource, checkStack, messages, mutate, UNKNOWN } from "./support/args";
import { ok } from "./support/fixtures";

const JOB = { airbyte: "job-pod", workload_id: "w" };
const LAUNCHER = { "app.kubernetes.io/name": "workload-launcher" };

describe("NetworkPolicy egress, as Kubernetes defines it", () => {
    const spec = metadataPolicySpec("ipv4");

    it("lets a pod no Egress policy selects send anywhere", () => {
        assert.strictEqual(egressAllowed([spec], LAUNCHER, "169.254.169.254", 80), true);
        assert.strictEqual(egressAllowed([], JOB, "169.254.169.254", 80), true);
    });

    it("keeps connector pods off the metadata endpoints and lets them reach everything else", () => {
        assert.strictEqual(egressAllowed([spec], JOB, "169.254.169.254", 80), false);
        assert.strictEqual(egressAllowed([spec], JOB, "169.254.169.252", 988), false);
        assert.strictEqual(egressAllowed([spec], JOB, "52.94.133.131", 443), true);
        assert.strictEqual(egressAllowed([spec], JOB, "10.0.12.7", 5432), true);
        assert.strictEqual(egressAllowed([spec], JOB, "169.254.170.23", 80), true, "EKS Pod Identity's agent stays reachable");
    });

    it("adds allows across policies: another policy opening 0.0.0.0/0 reopens the endpoint", () => {
        const open = { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] };
        assert.strictEqual(egressAllowed([spec, open], JOB, "169.254.169.254", 80), true);
        const allAllowed = { podSelector: { matchLabels: { airbyte: "job-pod" } }, policyTypes: ["Egress"], egress: [{}] };
        assert.strictEqual(egressAllowed([spec, allAllowed], JOB, "169.254.169.254", 80), true);
    });

    it("honours ports and label expressions", () => {
        const https = {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{ ports: [{ port: 443 }], to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }],
        };
        assert.strictEqual(egressAllowed([https], JOB, "169.254.169.254", 80), false);
        assert.strictEqual(selects({ matchExpressions: [{ key: "airbyte", operator: "In", values: ["job-pod"] }] }, JOB), true);
        assert.strictEqual(selects({ matchExpressions: [{ key: "airbyte", operator: "DoesNotExist" }] }, JOB), false);
        assert.strictEqual(egressAllowed([UNKNOWN], JOB, "169.254.169.254", 80), UNKNOWN);
    });
});

describe("policy connector-pods-off-metadata", () => {
    const policy = connectorPodsOffMetadata as StackValidationPolicy;
    const networkPolicy = (spec: unknown) => ({
        type: T.k8sNetworkPolicy,
        name: "np",
        props: { metadata: { name: "np", namespace: "airbyte" }, spec },
    });
    const release = { type: T.helmRelease, name: "dp", props: ok.release };

    it("passes a data plane with DataPlane's metadata policy", () => {
        assert.deepStrictEqual(messages(checkStack(policy, [release, networkPolicy(metadataPolicySpec("ipv4"))])), []);
    });

    it("reports a data plane whose connector pods can reach the metadata endpoint, on the release", () => {
        const outcome = checkStack(policy, [release]);
        assert.match(
            outcome.violations[0].message,
            /Connector pods \(label airbyte=job-pod\) in data-plane namespace "airbyte" may send to 169\.254\.169\.254/,
        );
        assert.match(outcome.violations[0].urn ?? "", /Release::dp$/);
    });

    it("counts only policies in the release's namespace, and says nothing while a policy is unknown", () => {
        const elsewhere = {
            ...networkPolicy(metadataPolicySpec("ipv4")),
            props: { metadata: { name: "np", namespace: "other" }, spec: metadataPolicySpec("ipv4") },
        };
        assert.strictEqual(messages(checkStack(policy, [release, elsewhere])).length, 1);
        assert.deepStrictEqual(messages(checkStack(policy, [release, networkPolicy(UNKNOWN)])), []);
    });
});

describe("policy cluster-network-policy-enforced", () => {
    const policy = clusterNetworkPolicyEnforced as ResourceValidationPolicy;

    it("passes EKS with the VPC CNI's network policy, Autopilot, Dataplane V2 and AKS with Cilium", () => {
        assert.deepStrictEqual(
            messages(checkResource(policy, T.eksCluster, { ...ok.eksCluster, vpcCniOptions: { enableNetworkPolicy: true } })),
            [],
        );
        assert.deepStrictEqual(messages(checkResource(policy, T.gkeCluster, { ...ok.gkeCluster, enableAutopilot: true })), []);
        assert.deepStrictEqual(
            messages(checkResource(policy, T.gkeCluster, { ...ok.gkeCluster, datapathProvider: "ADVANCED_DATAPATH" })),
            [],
        );
        assert.deepStrictEqual(
            messages(checkResource(policy, T.aksCluster, { ...ok.aksCluster, networkProfile: { networkPolicy: "cilium" } })),
            [],
        );
    });

    it("reports each cluster that ignores NetworkPolicies, with the setting to change", () => {
        assert.match(
            messages(checkResource(policy, T.eksCluster, mutate(ok.eksCluster, "vpcCniOptions", undefined)))[0],
            /vpcCniOptions.enableNetworkPolicy/,
        );
        assert.match(
            messages(checkResource(policy, T.gkeCluster, mutate(ok.gkeCluster, "datapathProvider", "LEGACY_DATAPATH")))[0],
            /"LEGACY_DATAPATH" and network policy is off/,
        );
        assert.match(
            messages(checkResource(policy, T.aksCluster, { ...ok.aksCluster, networkProfile: { networkPolicy: "none" } }))[0],
            /"none"/,
        );
    });
});
