/** Kubernetes' name rules (kubernetes/apimachinery pkg/util/validation/validation.go), at their edges. */
import { strict as assert } from "assert";
import { isDns1123Label, isDns1123Subdomain, isLabelValue, isQualifiedName } from "../../components/shared/kubernetes-names";
import { resolveEksCluster } from "../../components/aws/resolve";
import { resolveGkeCluster } from "../../components/gcp/resolve";
import { resolveAksCluster } from "../../components/azure/resolve";
import { baseArgs as eksArgs } from "../aws/helpers";
import { baseArgs as gkeArgs } from "../gcp/helpers";
import { baseArgs as aksArgs } from "../azure/helpers";
import { reasons, thrown } from "../support/outputs";

describe("Kubernetes names", () => {
    it("a DNS-1123 label: lower-case alphanumerics and '-', alphanumeric at both ends, at most 63", () => {
        for (const good of ["airbyte", "a", "a-1", "x".repeat(63)]) assert.ok(isDns1123Label(good), good);
        for (const bad of ["", "Airbyte", "-a", "a-", "a.b", "x".repeat(64), 5]) assert.ok(!isDns1123Label(bad), String(bad));
        assert.ok(!isDns1123Label("x".repeat(54), 53), "a caller's shorter limit holds");
    });

    it("a DNS-1123 subdomain: labels joined by '.', at most 253", () => {
        for (const good of ["airbyte-workload-launcher", "launcher.v2", "a.b.c"]) assert.ok(isDns1123Subdomain(good), good);
        const tooLong = Array.from({ length: 4 }, () => "x".repeat(63)).join(".");
        for (const bad of ["a..b", ".a", "a.", "A.b", tooLong]) assert.ok(!isDns1123Subdomain(bad), bad);
    });

    it("a qualified name (label and taint keys): an optional subdomain prefix, a name of at most 63", () => {
        for (const good of ["team", "flexplane.io/pool", "kubernetes.azure.com/agentpool", "A_b.c-D", "x".repeat(63)]) {
            assert.ok(isQualifiedName(good), good);
        }
        for (const bad of ["", "/pool", "Flexplane.io/pool", "a/b/c", "_a", "a_", "x".repeat(64), "flexplane.io/"]) {
            assert.ok(!isQualifiedName(bad), bad);
        }
    });

    it("a label value: empty, or at most 63 characters shaped like a name", () => {
        for (const good of ["", "jobs", "v1.2_beta-3"]) assert.ok(isLabelValue(good), good);
        for (const bad of ["-jobs", "jobs.", "a b", "x".repeat(64), undefined]) assert.ok(!isLabelValue(bad), String(bad));
    });

    it("every cloud refuses a node label the API server would refuse, at the pool's own path", () => {
        const labels = { "Team/x": "data" };
        const r = [
            reasons(thrown(() => resolveEksCluster("dp", eksArgs({ nodes: { labels } }), "eu-west-1")))["nodes.labels.Team/x"],
            reasons(thrown(() => resolveGkeCluster("eu", gkeArgs({ mode: "standard", nodePools: [{ name: "main", labels }] }))))[
                "nodePools[0].labels.Team/x"
            ],
            reasons(thrown(() => resolveAksCluster("eu", aksArgs({ systemPool: { labels } }), { project: "p", stack: "s" })))[
                "systemPool.labels.Team/x"
            ],
        ];
        for (const reason of r) {
            assert.match(reason, /^use a Kubernetes label key \(\[prefix\/\]name: a DNS subdomain prefix/);
        }
    });
});
