/**
 * DataPlane finds the cluster through resource options, as every Pulumi language passes it (a plugin's
 * `construct` hands the program's providers over as a map: pulumi/pulumi `sdk/nodejs/provider/server.ts`),
 * and TypeScript's deprecated argument keeps working.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { baseArgs } from "./helpers";
import { mockRuntimeEachTest } from "../support/harness";
import { thrown } from "../support/outputs";

const CHILDREN = [
    "kubernetes:core/v1:Namespace",
    "kubernetes:core/v1:Secret",
    "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    "kubernetes:helm.sh/v3:Release",
];

describe("DataPlane takes its cluster and prerequisites as resource options", () => {
    const run = mockRuntimeEachTest();

    async function modules() {
        const k8s = await import("@pulumi/kubernetes");
        const { DataPlane } = await import("../../components");
        return { k8s, DataPlane };
    }

    /** The provider reference each child was registered with (`<urn>::<id>`). */
    function childProviders(): string[] {
        return CHILDREN.flatMap((type) => run.h.ofType(type)).map((child) => child.options.provider);
    }

    for (const [how, options] of [
        ["the provider option", (p: pulumi.ProviderResource) => ({ provider: p })],
        ["a providers map", (p: pulumi.ProviderResource) => ({ providers: { kubernetes: p } })],
        ["a providers list", (p: pulumi.ProviderResource) => ({ providers: [p] })],
    ] as const) {
        it(`installs every child on the cluster given as ${how}`, async () => {
            const { k8s, DataPlane } = await modules();
            const cluster = new k8s.Provider("eu-cluster", { kubeconfig: "fake" });
            new DataPlane("eu", baseArgs(), options(cluster));
            await run.h.settle();
            const providers = childProviders();
            assert.ok(providers.length >= CHILDREN.length, `only ${providers.length} children`);
            for (const provider of providers) {
                assert.match(provider, /::pulumi:providers:kubernetes::eu-cluster::/);
            }
        });
    }

    it("still takes the deprecated kubernetesProvider argument, which a spread dataPlaneTarget carries", async () => {
        const { k8s, DataPlane } = await modules();
        const cluster = new k8s.Provider("legacy-cluster", { kubeconfig: "fake" });
        new DataPlane("eu", { ...baseArgs(), kubernetesProvider: cluster });
        await run.h.settle();
        assert.ok(childProviders().length >= CHILDREN.length, `only ${childProviders().length} children`);
        for (const provider of childProviders()) {
            assert.match(provider, /::legacy-cluster::/);
        }
    });

    it("refuses to install without a Kubernetes provider, naming both ways to give one, before any resource", async () => {
        const { DataPlane } = await modules();
        const aws = await import("@pulumi/aws");
        const notKubernetes = new aws.Provider("aws", { region: "us-east-1" });
        const err = thrown(() => new DataPlane("eu", baseArgs(), { provider: notKubernetes }));
        assert.ok(pulumi.InputPropertiesError.isInstance(err), `expected InputPropertiesError, got ${err}`);
        const problem = err.errors.find((e) => e.propertyPath === "kubernetesProvider");
        assert.match(problem!.reason, /as the `provider` resource option.*`providers` with a `kubernetes` entry.*dataPlaneTarget/);
        await run.h.settle();
        assert.equal(run.h.ofType("flexplane:index:DataPlane").length, 0);
        assert.deepEqual(childProviders(), []);
    });

    it("makes the release wait for the dependsOn option and the deprecated dependsOn argument", async () => {
        const { k8s, DataPlane } = await modules();
        const cluster = new k8s.Provider("eu-cluster", { kubeconfig: "fake" });
        const nodes = new k8s.core.v1.ConfigMap("nodes-ready", {}, { provider: cluster });
        const policy = new k8s.core.v1.ConfigMap("policy-ready", {}, { provider: cluster });
        new DataPlane("eu", { ...baseArgs(), dependsOn: [policy] }, { provider: cluster, dependsOn: [nodes] });
        await run.h.settle();
        const release = run.h.one("kubernetes:helm.sh/v3:Release");
        for (const name of ["nodes-ready", "policy-ready"]) {
            assert.ok(
                release.options.dependencies.some((urn) => urn.endsWith(`::${name}`)),
                `${name} missing from ${release.options.dependencies}`,
            );
        }
    });
});
