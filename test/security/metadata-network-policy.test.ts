import { strict as assert } from "assert";
import { baseArgs, createDataPlane, dataPlaneTests } from "../dataplane/helpers";
import { reasons } from "../support/outputs";

describe("DataPlane: the connector pods' metadata NetworkPolicy", () => {
    const run = dataPlaneTests();

    it("by default denies connector pods the IPv4 metadata endpoints, in the data plane's namespace, and nothing else", async () => {
        await run.deploy();
        const policy = run.h.one("kubernetes:networking.k8s.io/v1:NetworkPolicy");
        assert.equal(policy.inputs.metadata.namespace, "airbyte");
        assert.equal(policy.inputs.metadata.labels["app.kubernetes.io/managed-by"], "flexplane");
        assert.equal(policy.parent, "eu");
        assert.deepEqual(policy.inputs.spec, {
            podSelector: { matchLabels: { airbyte: "job-pod" } },
            policyTypes: ["Egress"],
            egress: [
                {
                    to: [
                        { ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.254/32", "169.254.169.252/32"] } },
                        { namespaceSelector: {} },
                    ],
                },
            ],
        });
        const namespace = run.h.one("kubernetes:core/v1:Namespace");
        assert.ok(policy.options.dependencies.includes(namespace.urn), "created in the namespace after it exists");
        assert.ok(policy.options.provider.startsWith(run.h.one("pulumi:providers:kubernetes").urn), "on the data plane's cluster");
    });

    it("adds a separate IPv6 policy for dual-stack clusters, and none when asked", async () => {
        await run.deploy({ metadataNetworkPolicy: "dualStack" });
        const specs = run.h
            .ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy")
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((p) => p.inputs.spec.egress[0].to[0].ipBlock);
        assert.deepEqual(specs, [
            { cidr: "0.0.0.0/0", except: ["169.254.169.254/32", "169.254.169.252/32"] },
            { cidr: "::/0", except: ["fd00:ec2::254/128"] },
        ]);
        run.install();
        await run.deploy({ metadataNetworkPolicy: "none" });
        assert.equal(run.h.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy").length, 0);
    });

    it("refuses an unknown mode before creating anything, saying which modes exist", async () => {
        let found: Record<string, string> = {};
        const k8s = await import("@pulumi/kubernetes");
        const provider = new k8s.Provider("cluster", { kubeconfig: "fake" });
        await createDataPlane("eu", baseArgs({ kubernetesProvider: provider, metadataNetworkPolicy: "block" as any })).then(
            () => assert.fail("expected the mode to be refused"),
            (err) => {
                found = reasons(err);
            },
        );
        await run.h.settle();
        assert.match(found.metadataNetworkPolicy, /"block" is not a mode: use ipv4 \(the default\), dualStack .* or none/);
        assert.equal(run.h.resources.filter((r) => r.custom).length, 1, "only the test's own provider");
    });
});
