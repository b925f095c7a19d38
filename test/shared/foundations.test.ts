import { strict as assert } from "assert";
import { InputProblems } from "../../components/shared/errors";
import { applyRenamedOptions } from "../../components/shared/renamed-options";
import { resolveWorkload } from "../../components/shared/workload";
import { reasons, thrown } from "../support/outputs";

function problemsOf(check: (problems: InputProblems) => void): Record<string, string> {
    return reasons(
        thrown(() => {
            const problems = new InputProblems('Component "x"');
            check(problems);
            problems.throwIfAny();
        }),
    );
}

describe("resolveWorkload: one rule per value on every cloud", () => {
    it("applies the defaults and accepts a dotted service account name, as Kubernetes does", () => {
        const problems = new InputProblems("x");
        assert.deepEqual(resolveWorkload(problems, {}, { createsNamespace: true }), {
            namespace: "airbyte",
            serviceAccountName: "airbyte-workload-launcher",
        });
        assert.deepEqual(resolveWorkload(problems, { namespace: "data", serviceAccountName: "launcher.v2" }, { createsNamespace: false }), {
            namespace: "data",
            serviceAccountName: "launcher.v2",
        });
        assert.equal(problems.count, 0);
    });

    it("quotes a malformed name with the rule and the default", () => {
        const found = problemsOf((p) =>
            resolveWorkload(p, { namespace: "Airbyte", serviceAccountName: "launcher..v2" }, { createsNamespace: false }),
        );
        assert.match(found.namespace, /^"Airbyte" is not a namespace name: use at most 63 lower-case letters.*\(default airbyte\)/);
        assert.match(found.serviceAccountName, /^"launcher\.\.v2" is not a service account name: .*\(default airbyte-workload-launcher\)/);
    });

    it("refuses reserved namespaces, and creating a built-in one", () => {
        assert.match(
            problemsOf((p) => resolveWorkload(p, { namespace: "kube-system" }, { createsNamespace: false })).namespace,
            /"kube-system" is reserved/,
        );
        assert.match(
            problemsOf((p) => resolveWorkload(p, { namespace: "default" }, { createsNamespace: true })).namespace,
            /exists in every cluster/,
        );
    });
});

describe("applyRenamedOptions", () => {
    const renames = [
        { from: "logBucket.retainOnDestroy", to: "logStorage.retainOnDelete" },
        {
            from: "masterAuthorizedNetworks",
            to: "apiServer.authorizedCidrs",
            convert: (v: unknown) => (v as { cidrBlock: string }[]).map((n) => n.cidrBlock),
        },
    ];

    it("moves an old path to its new one, converted, warns once with the caller's prefix, and leaves the arguments alone", () => {
        const warnings: string[] = [];
        const args = { logBucket: { retainOnDestroy: false }, masterAuthorizedNetworks: [{ cidrBlock: "203.0.113.0/24" }], other: 1 };
        const problems = new InputProblems("x");
        const moved = applyRenamedOptions(args, renames, problems, { prefix: "flexplane:aws.", warn: (m) => warnings.push(m) });
        assert.deepEqual(moved, { other: 1, logStorage: { retainOnDelete: false }, apiServer: { authorizedCidrs: ["203.0.113.0/24"] } });
        assert.deepEqual(args.logBucket, { retainOnDestroy: false });
        assert.deepEqual(warnings, [
            "flexplane:aws.logBucket.retainOnDestroy is deprecated: use flexplane:aws.logStorage.retainOnDelete instead (same meaning; the old name will be removed in a future release).",
            "flexplane:aws.masterAuthorizedNetworks is deprecated: use flexplane:aws.apiServer.authorizedCidrs instead (same meaning; the old name will be removed in a future release).",
        ]);
        assert.equal(problems.count, 0);
    });

    it("refuses the old and the new name together, and warns about neither", () => {
        const warnings: string[] = [];
        const found = problemsOf((p) =>
            applyRenamedOptions({ logBucket: { retainOnDestroy: true }, logStorage: { retainOnDelete: false } }, renames, p, {
                warn: (m) => warnings.push(m),
            }),
        );
        assert.match(
            found["logBucket.retainOnDestroy"],
            /^is the old name of logStorage\.retainOnDelete, which is also set: keep logStorage\.retainOnDelete only\./,
        );
        assert.deepEqual(warnings, []);
    });

    it("renames inside every element of an array, and reports under the caller's own path with the note", () => {
        const warnings: string[] = [];
        const pools = [{ name: "a", minCount: 1 }, { name: "b" }, { name: "c", minCount: 2, minSize: 3 }];
        const problems = new InputProblems("x");
        const out = applyRenamedOptions(
            { workloadPools: pools },
            [{ from: "workloadPools[].minCount", to: "workloadPools[].minSize", note: "a total over the zones" }],
            problems,
            { prefix: "flexplane:azure.", warn: (m) => warnings.push(m) },
        );
        assert.deepEqual(out.workloadPools, [{ name: "a", minSize: 1 }, { name: "b" }, { name: "c", minCount: 2, minSize: 3 }]);
        assert.deepEqual(warnings, [
            "flexplane:azure.workloadPools[0].minCount is deprecated: use flexplane:azure.workloadPools[0].minSize instead (a total over the zones; the old name will be removed in a future release).",
        ]);
        assert.match(
            reasons(thrown(() => problems.throwIfAny()))["flexplane:azure.workloadPools[2].minCount"],
            /is the old name of flexplane:azure\.workloadPools\[2\]\.minSize/,
        );
        assert.equal(pools[0].minCount, 1, "the caller's arguments are left alone");
    });
});
