/**
 * The mock harness against the installed `@pulumi/pulumi`: every field it reads through
 * `tools/harness/engine-internals.ts` (the SDK internals it cannot avoid) and through the public mocks.
 * When an SDK upgrade changes one of them, these fail naming the SDK version and the adapter to fix.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readRegistration, sdkVersion, tapRegistrations } from "../../tools/harness/engine-internals";
import { MockHarness, REDACTED } from "../../tools/harness/runtime";

const ADAPTER = `@pulumi/pulumi ${sdkVersion()} changed what the mock harness reads: adapt tools/harness/engine-internals.ts`;

class Thing extends pulumi.CustomResource {
    declare readonly out: pulumi.Output<string>;
    constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, { out: undefined, ...props }, opts);
    }
}

class TestProvider extends pulumi.ProviderResource {
    constructor(name: string) {
        super("test", name, {});
    }
}

describe(`mock harness on @pulumi/pulumi ${sdkVersion()}`, () => {
    it("records parent, URN, id, every option, aliases, dependencies and secrets below the top level of a registration", async () => {
        const h = MockHarness.install({ project: "proj", stack: "dev" });
        const parent = new pulumi.ComponentResource("test:index:Parent", "parent", {}, {});
        const provider = new TestProvider("explicit");
        const first = new Thing("first", { size: 1 });
        new Thing(
            "second",
            {
                ref: first.id,
                nested: { secret: pulumi.secret("s3cr3t"), plain: "visible" },
                list: [pulumi.secret("hidden"), "shown"],
            },
            {
                parent,
                provider,
                protect: true,
                retainOnDelete: true,
                ignoreChanges: ["size"],
                additionalSecretOutputs: ["out"],
                dependsOn: [first],
                aliases: [{ name: "old-second" }, { type: "test:old:Thing", parent: undefined }, "urn:old"],
                version: "1.2.3",
            },
        );
        await h.settle();
        const firstUrn = "urn:pulumi:dev::proj::test:index:Thing::first";
        const second = h.one("test:index:Thing", "second");
        assert.equal(h.one("test:index:Thing", "first").urn, firstUrn, ADAPTER);
        assert.equal(second.urn, "urn:pulumi:dev::proj::test:index:Parent$test:index:Thing::second", ADAPTER);
        assert.equal(second.id, "second-id", ADAPTER);
        assert.equal(second.parent, "parent", ADAPTER);
        assert.equal(second.parentType, "test:index:Parent", ADAPTER);
        assert.equal(second.custom, true, ADAPTER);
        assert.equal(h.one("test:index:Parent").custom, false, ADAPTER);
        assert.deepEqual(second.secretPaths.sort(), ["list[0]", "nested.secret"], ADAPTER);
        assert.deepEqual(second.inputs.nested, { secret: REDACTED, plain: "visible" }, ADAPTER);
        assert.deepEqual(second.inputs.list, [REDACTED, "shown"], ADAPTER);
        assert.deepEqual(second.plainInputs.nested, { secret: "s3cr3t", plain: "visible" }, ADAPTER);
        assert.equal(second.inputs.ref, "first-id", ADAPTER);
        const { dependencies, provider: providerRef, aliases, ...flags } = second.options;
        assert.deepEqual(
            flags,
            { protect: true, retainOnDelete: true, ignoreChanges: ["size"], additionalSecretOutputs: ["out"], version: "1.2.3" },
            ADAPTER,
        );
        assert.deepEqual(dependencies, [firstUrn], ADAPTER);
        // An alias without its own parent carries the resource's (the SDK fills it in).
        assert.deepEqual(
            aliases,
            [
                { name: "old-second", parentUrn: "urn:pulumi:dev::proj::test:index:Parent::parent" },
                { type: "test:old:Thing", noParent: true },
                { urn: "urn:old" },
            ],
            ADAPTER,
        );
        assert.deepEqual(second.propertyDependencies.ref, [firstUrn], ADAPTER);
        assert.equal(providerRef, "urn:pulumi:dev::proj::pulumi:providers:test::explicit::explicit-id", ADAPTER);
        const plain = h.one("test:index:Thing", "first").options;
        assert.deepEqual(
            plain,
            {
                protect: false,
                retainOnDelete: false,
                ignoreChanges: [],
                additionalSecretOutputs: [],
                dependencies: [],
                provider: "",
                aliases: [],
                version: "",
            },
            ADAPTER,
        );
    });

    it("waits for registrations that apply callbacks start late", async () => {
        const h = MockHarness.install();
        const early = new Thing("early", {});
        early.id.apply((id) => pulumi.output(id).apply(() => new Thing("late", {})));
        await h.settle();
        assert.deepEqual(
            h.ofType("test:index:Thing").map((r) => r.name),
            ["early", "late"],
            ADAPTER,
        );
    });

    it("records stack reads, not registrations, through the public mocks", async () => {
        const h = MockHarness.install({ stackOutputs: { "acme/proj/org": { region: "us" } } });
        const ref = new pulumi.StackReference("acme/proj/org");
        assert.equal(await new Promise((resolve) => ref.getOutput("region").apply(resolve)), "us");
        await h.settle();
        assert.deepEqual(h.reads, [{ type: "pulumi:pulumi:StackReference", name: "acme/proj/org", id: "acme/proj/org" }]);
        assert.deepEqual(h.resources, []);
    });

    it("fails naming the SDK version and the adapter when a request getter is gone", () => {
        const request = { getPropertydependenciesMap: () => new Map(), getObject: () => undefined, getType: () => "t", getName: () => "n" };
        assert.throws(
            () => readRegistration(request as never),
            new RegExp(
                `@pulumi/pulumi ${sdkVersion().replace(/\./g, "\\.")}: RegisterResourceRequest has no getParent\\(\\).*tools/harness/engine-internals\\.ts`,
            ),
        );
    });

    it("refuses to tap a runtime without a mock monitor, naming the adapter", () => {
        MockHarness.install();
        const monitor = pulumi.runtime.getMonitor() as unknown as Record<string, unknown>;
        const register = monitor.registerResource;
        monitor.registerResource = undefined;
        try {
            assert.throws(() => tapRegistrations(() => () => undefined), /getMonitor\(\) has no registerResource.*engine-internals\.ts/);
        } finally {
            monitor.registerResource = register;
        }
    });
});
