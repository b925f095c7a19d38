import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { DataPlaneArgs } from "../../components";
import { MockHarness } from "../../tools/harness/runtime";
import { reasons, thrown } from "../support/outputs";

/** A DataPlane constructor ready to call synchronously (modules loaded after the harness). */
async function dataPlaneFactory(extra: Partial<DataPlaneArgs> = {}) {
    const k8s = await import("@pulumi/kubernetes");
    const { DataPlane } = await import("../../components");
    return () => new DataPlane("eu", {
        kubernetesProvider: new k8s.Provider("cluster", { kubeconfig: "fake" }),
        clientId: pulumi.secret("client-id"),
        clientSecret: pulumi.secret("client-secret"),
        secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
        storage: { s3: { bucket: "eu-logs", region: "us-east-1", useServiceAccountIdentity: true } },
        ...extra,
    });
}

async function dataPlane(harness: MockHarness, extra: Partial<DataPlaneArgs> = {}) {
    (await dataPlaneFactory(extra))();
    await harness.settle();
}

describe("DataPlane: the connector pods' metadata NetworkPolicy", () => {
    let harness: MockHarness;
    beforeEach(() => {
        harness = MockHarness.install();
    });

    it("by default denies connector pods the IPv4 metadata endpoints, in the data plane's namespace, and nothing else", async () => {
        await dataPlane(harness);
        const policy = harness.one("kubernetes:networking.k8s.io/v1:NetworkPolicy");
        assert.equal(policy.inputs.metadata.namespace, "airbyte");
        assert.equal(policy.inputs.metadata.labels["app.kubernetes.io/managed-by"], "flexplane");
        assert.equal(policy.parent, "eu");
        assert.deepEqual(policy.inputs.spec, {
            podSelector: { matchLabels: { airbyte: "job-pod" } },
            policyTypes: ["Egress"],
            egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.254/32", "169.254.169.252/32"] } }, { namespaceSelector: {} }] }],
        });
        const namespace = harness.one("kubernetes:core/v1:Namespace");
        assert.ok(policy.options.dependencies.includes(namespace.urn), "created in the namespace after it exists");
        assert.ok(policy.options.provider.startsWith(harness.one("pulumi:providers:kubernetes").urn), "on the data plane's cluster");
    });

    it("adds a separate IPv6 policy for dual-stack clusters, and none when asked", async () => {
        await dataPlane(harness, { metadataNetworkPolicy: "dualStack" });
        const specs = harness.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy")
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((p) => p.inputs.spec.egress[0].to[0].ipBlock);
        assert.deepEqual(specs, [
            { cidr: "0.0.0.0/0", except: ["169.254.169.254/32", "169.254.169.252/32"] },
            { cidr: "::/0", except: ["fd00:ec2::254/128"] },
        ]);
        harness = MockHarness.install();
        await dataPlane(harness, { metadataNetworkPolicy: "none" });
        assert.equal(harness.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy").length, 0);
    });

    it("refuses an unknown mode before creating anything, saying which modes exist", async () => {
        const build = await dataPlaneFactory({ metadataNetworkPolicy: "block" as any });
        const found = reasons(thrown(build));
        await harness.settle();
        assert.match(found.metadataNetworkPolicy, /"block" is not a mode: use ipv4 \(the default\), dualStack .* or none/);
        assert.equal(harness.resources.filter((r) => r.custom).length, 1, "only the test's own provider");
    });
});
