import { strict as assert } from "assert";
import { resolveEksCluster } from "../../components/aws/resolve";
import { EKS_DEFAULTS } from "../../components/aws/args";
import { AKS_DEFAULTS } from "../../components/azure/args";
import { resolveAksCluster } from "../../components/azure/resolve";
import { resolveGkeCluster } from "../../components/gcp/resolve";
import {
    AKS_VERSIONS,
    EKS_VERSIONS,
    GKE_VERSIONS,
    KUBERNETES_TABLE_DATE,
    kubernetesVersionProblem,
    minorOf,
    supportedMinors,
} from "../../components/shared/kubernetes-versions";
import { baseArgs as eksArgs } from "../aws/helpers";
import { baseArgs as aksArgs } from "../azure/helpers";
import { baseArgs as gkeArgs } from "../gcp/helpers";
import { reasons, thrown } from "../support/outputs";

describe("supported Kubernetes versions", () => {
    it("reads minors from every version form the clouds accept", () => {
        assert.equal(minorOf("1.35"), "1.35");
        assert.equal(minorOf("1.35.2"), "1.35");
        assert.equal(minorOf("1.35.7-gke.1222000"), "1.35");
        assert.equal(minorOf("latest"), undefined);
    });

    it("keeps each table in release order with consistent dates", () => {
        for (const table of [EKS_VERSIONS, GKE_VERSIONS, AKS_VERSIONS]) {
            const minors = table.map((r) => Number(r.minor.split(".")[1]));
            assert.deepEqual(
                minors,
                [...minors].sort((a, b) => a - b),
            );
            for (const r of table) {
                assert.ok(r.released < r.standardEnds && r.standardEnds <= r.extendedEnds, JSON.stringify(r));
            }
        }
        // EKS: 14 months standard, then 12 months extended (the EKS version lifecycle page).
        for (const r of EKS_VERSIONS.filter((v) => v.minor >= "1.28")) {
            assert.equal(Number(r.extendedEnds.slice(0, 4)) - Number(r.standardEnds.slice(0, 4)), 1, r.minor);
        }
    });

    it(`accepts, on ${KUBERNETES_TABLE_DATE}, what each cloud still supports`, () => {
        assert.deepEqual(supportedMinors("EKS", { extended: true }), ["1.32", "1.33", "1.34", "1.35", "1.36"]);
        assert.deepEqual(supportedMinors("EKS", { extended: false }), ["1.34", "1.35", "1.36"]);
        assert.deepEqual(supportedMinors("GKE", { extended: false }), ["1.35", "1.36"]);
        assert.deepEqual(supportedMinors("GKE", { extended: true }), ["1.32", "1.33", "1.34", "1.35", "1.36"]);
        assert.deepEqual(supportedMinors("AKS", { extended: false }), ["1.34", "1.35", "1.36"]);
    });

    it("the components' default versions are supported", () => {
        assert.equal(kubernetesVersionProblem("EKS", EKS_DEFAULTS.kubernetesVersion, { extended: true }), undefined);
        assert.equal(kubernetesVersionProblem("AKS", AKS_DEFAULTS.kubernetesVersion, { extended: false }), undefined);
    });

    it("tells an ended version from an unknown newer one, with the fix", () => {
        assert.match(
            kubernetesVersionProblem("EKS", "1.24", { extended: true })!,
            /"1\.24" is no longer supported by EKS: its extended support ended on 2025-01-31; use one of 1\.32, 1\.33, 1\.34, 1\.35, 1\.36/,
        );
        assert.match(
            kubernetesVersionProblem("EKS", "1.40", { extended: true })!,
            /newer than EKS's versions known on 2026-11-30 \(newest 1\.36\).*list it in supportedKubernetesVersions/,
        );
        assert.match(kubernetesVersionProblem("GKE", "1.33", { extended: false })!, /its support ended on 2026-08-03/);
        assert.equal(kubernetesVersionProblem("GKE", "1.33", { extended: true }), undefined);
    });

    it("a caller's list replaces the table", () => {
        assert.equal(kubernetesVersionProblem("EKS", "1.37", { extended: true, supported: ["1.36", "1.37"] }), undefined);
        assert.match(
            kubernetesVersionProblem("EKS", "1.35", { extended: true, supported: ["1.36", "1.37"] })!,
            /"1\.35" is not in supportedKubernetesVersions \(1\.36, 1\.37\): add 1\.35 there/,
        );
    });

    describe("each component refuses before any resource, at kubernetesVersion", () => {
        it("EksCluster refuses 1.24 and a malformed version, and takes a newer one from supportedKubernetesVersions", () => {
            const r = reasons(thrown(() => resolveEksCluster("dp", eksArgs({ kubernetesVersion: "1.24" }), "eu-west-1")));
            assert.match(r.kubernetesVersion, /"1\.24" is no longer supported by EKS/);
            const malformed = reasons(thrown(() => resolveEksCluster("dp", eksArgs({ kubernetesVersion: "v1.35" }), "eu-west-1")));
            assert.match(malformed.kubernetesVersion, /"v1\.35" is not a Kubernetes minor version/);
            const resolved = resolveEksCluster(
                "dp",
                eksArgs({ kubernetesVersion: "1.37", supportedKubernetesVersions: ["1.37"] }),
                "eu-west-1",
            );
            assert.equal(resolved.cluster.kubernetesVersion, "1.37");
            const badList = reasons(
                thrown(() => resolveEksCluster("dp", eksArgs({ supportedKubernetesVersions: ["latest"] }), "eu-west-1")),
            );
            assert.match(badList.supportedKubernetesVersions, /is not a list of minor versions/);
        });

        it("a supportedKubernetesVersions that is not a list is reported at that key on every cloud, not thrown as a TypeError", () => {
            const notAList = { supportedKubernetesVersions: 1.35 as unknown as string[] };
            const problemsOf = [
                () => resolveEksCluster("dp", eksArgs(notAList), "eu-west-1"),
                () => resolveGkeCluster("eu", gkeArgs({ ...notAList, kubernetesVersion: "1.35" })),
                () => resolveAksCluster("eu", aksArgs({ ...notAList, kubernetesVersion: "1.35" }), { project: "p", stack: "s" }),
            ].map((resolve) => reasons(thrown(resolve)));
            for (const r of problemsOf) {
                assert.match(
                    r.supportedKubernetesVersions,
                    /^1\.35 is not a list of minor versions: give at least one, e\.g\. \["1\.35", "1\.36"\]/,
                );
            }
        });

        it("GkeCluster refuses 1.33 on REGULAR but accepts it on EXTENDED, and leaves latest to the channel", () => {
            const r = reasons(thrown(() => resolveGkeCluster("eu", gkeArgs({ kubernetesVersion: "1.33.5-gke.100" }))));
            assert.match(r.kubernetesVersion, /"1\.33\.5-gke\.100" is no longer supported by GKE/);
            assert.equal(
                resolveGkeCluster("eu", gkeArgs({ kubernetesVersion: "1.33", releaseChannel: "EXTENDED" })).controlPlane.kubernetesVersion,
                "1.33",
            );
            assert.equal(resolveGkeCluster("eu", gkeArgs({ kubernetesVersion: "latest" })).controlPlane.kubernetesVersion, "latest");
        });

        it("AksCluster refuses 1.31 (LTS needs a plan AksCluster does not set)", () => {
            const r = reasons(
                thrown(() => resolveAksCluster("eu", aksArgs({ kubernetesVersion: "1.31.5" }), { project: "p", stack: "s" })),
            );
            assert.match(r.kubernetesVersion, /"1\.31\.5" is no longer supported by AKS: its support ended on 2025-11-01/);
        });
    });
});
