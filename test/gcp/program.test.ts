import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { LONG_LIVED_KEY_WARNING } from "../../components/gcp/identity";
import { readGcpStackSettings } from "../../program/clouds/gcp";
import { StackProblems } from "../../program/stack-problems";
import { deployCloud, RegionContext } from "../../program/types";
import { runPlan } from "../../tools/plan/plan";
import { baseArgs, gkeTests, isSecret, reasons, thrown, valueOf } from "./helpers";

/** What the stack program hands the gcp part of `gcp-europe-west1`. */
function regionContext(): RegionContext {
    return {
        config: new pulumi.Config("flexplane"),
        stack: "gcp-europe-west1",
        namespace: "airbyte",
        serviceAccountName: "airbyte-workload-launcher",
        secretsManager: baseArgs().secretsManager,
        tags: { Owner: "Data" },
    };
}

describe("GCP stack program", () => {
    const run = gkeTests();

    /** The problems the gcp part records for a `flexplane:gcp` block, by stack key. */
    async function stackProblems(block: object): Promise<Record<string, string>> {
        run.install({ config: { "flexplane:gcp": JSON.stringify(block) } });
        const { prepare } = await import("../../program/clouds/gcp");
        const problems = new StackProblems("gcp-europe-west1");
        await prepare(regionContext(), problems);
        return reasons(thrown(() => problems.throwIfAny()));
    }

    it("requires gcp:project and gcp:region, and keeps the location in gcp:region", () => {
        const read = (project?: string, region?: string, raw?: unknown) =>
            reasons(
                thrown(() => {
                    const problems = new StackProblems("gcp");
                    readGcpStackSettings(problems, project, region, raw);
                    problems.throwIfAny();
                }),
            );
        const r = read(undefined, undefined, {});
        assert.match(r["gcp:project"], /pulumi config set gcp:project/);
        assert.match(r["gcp:region"], /pulumi config set gcp:region/);
        assert.match(
            read("p-123456", "europe-west1", { location: "us-central1-a" })["flexplane:gcp.location"],
            /not in gcp:region europe-west1/,
        );
        assert.match(
            read("p-123456", "europe-west1-b", {})["gcp:region"],
            /^"europe-west1-b" is not a GCP region: .*flexplane:gcp\.location/,
        );
        assert.match(read("p-123456", "europe-west1", ["mode"])["flexplane:gcp"], /must be a YAML map of GkeCluster settings/);
    });

    it("refuses, under flexplane:gcp, what other keys set, names the component does not know, and misshapen blocks", async () => {
        const r = await stackProblems({
            labels: { team: "data" },
            project: "acme-other",
            nodepools: [],
            network: ["10.0.0.0/20"],
            apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
        });
        assert.match(r["flexplane:gcp.labels"], /^is not read here: set flexplane:tags instead\.$/);
        assert.match(r["flexplane:gcp.project"], /^is not read here: set gcp:project instead\.$/);
        assert.match(r["flexplane:gcp.nodepools"], /^is not a setting: remove it or use one of .*nodePools.* Did you mean "nodePools"\?$/);
        assert.match(
            r["flexplane:gcp.network"],
            /^must be a YAML map of settings \(nodesCidr, podsCidr, servicesCidr\), got \["10\.0\.0\.0\/20"\]/,
        );
        assert.deepEqual(Object.keys(r).sort(), [
            "flexplane:gcp.labels",
            "flexplane:gcp.network",
            "flexplane:gcp.nodepools",
            "flexplane:gcp.project",
        ]);
    });

    it("quotes a malformed gcp:project with the rule, in the stack's words", async () => {
        run.install({
            config: {
                "gcp:project": "Acme Project",
                "flexplane:gcp": JSON.stringify({ apiServer: { authorizedCidrs: ["203.0.113.0/24"] } }),
            },
        });
        const { prepare } = await import("../../program/clouds/gcp");
        const problems = new StackProblems("gcp-europe-west1");
        await prepare(regionContext(), problems);
        const found = reasons(thrown(() => problems.throwIfAny()));
        assert.deepEqual(Object.keys(found), ["gcp:project"]);
        assert.match(
            found["gcp:project"],
            /^"Acme Project" is not a GCP project id \(6 to 30 lower-case letters, digits and hyphens; not the project's name or number\): set gcp:project to the id/,
        );
    });

    it("builds the cluster from gcp:project, gcp:region, flexplane:gcp and the bucket key secret", async () => {
        const h = run.install({
            config: {
                "flexplane:gcp": JSON.stringify({
                    mode: "standard",
                    logStorage: { logRetentionDays: 14 },
                    apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
                }),
                "flexplane:gcpStorageCredentialsJson": '{"type":"service_account","given":true}',
            },
            secretConfigKeys: ["flexplane:gcpStorageCredentialsJson"],
        });
        const { prepare } = await import("../../program/clouds/gcp");
        const deployment = await deployCloud(prepare, regionContext(), new StackProblems("gcp-europe-west1"));
        await h.settle();
        const cluster = h.one("gcp:container/cluster:Cluster", "gcp-europe-west1-cluster").inputs;
        assert.equal(cluster.project, "flexplane-gke");
        assert.equal(cluster.location, "europe-west1");
        assert.equal(cluster.removeDefaultNodePool, true);
        assert.deepEqual(cluster.resourceLabels, { owner: "data" });
        assert.equal(deployment.clusterRegion, "europe-west1");
        assert.deepEqual(h.one("gcp:storage/bucket:Bucket", "gcp-europe-west1-logs").inputs.lifecycleRules, [
            { action: { type: "Delete" }, condition: { age: 14, matchesPrefixes: ["job-logging/"] } },
        ]);
        assert.equal(await valueOf(deployment.target.storage.gcs!.credentialsJson!), '{"type":"service_account","given":true}');
        assert.deepEqual(Object.keys(deployment.outputs).sort(), [
            "bucketName",
            "clusterName",
            "endpoint",
            "kubeconfig",
            "networkId",
            "serviceAccountEmail",
            "subnetworkId",
        ]);
        assert.equal(await isSecret(deployment.outputs.kubeconfig), true);
        assert.equal(h.ofType("gcp:storage/bucketIAMMember:BucketIAMMember").length, 0, "the given bucket key needs no grant");
    });
});

// The plans capture warnings themselves: these tests run outside the component harness.
describe("GCP example stacks", () => {
    for (const [stack, mode] of [
        ["gcp-europe-west1", "autopilot"],
        ["gcp-us-central1", "standard"],
    ] as const) {
        it(`stack ${stack} plans cleanly as ${mode}, with no deprecation warning`, async () => {
            const plan = await runPlan({ stack });
            assert.deepEqual(plan.errors, []);
            const cluster = plan.resources.find((r) => r.type === "gcp:container/cluster:Cluster" && r.name === `${stack}-cluster`);
            assert.ok(cluster, "the plan has the GKE cluster");
            assert.equal(cluster.inputs.enableAutopilot === true, mode === "autopilot");
            assert.ok(
                plan.resources.some((r) => r.type === "kubernetes:helm.sh/v3:Release" && r.name === "data-plane"),
                "the plan installs the chart",
            );
            assert.equal(plan.outputs.kubeconfig, "[secret]");
            assert.equal(plan.warnings.filter((w) => w.includes(LONG_LIVED_KEY_WARNING)).length, 1);
            assert.deepEqual(
                plan.warnings.filter((w) => w.includes("deprecated")),
                [],
            );
        });
    }

    it("the europe-west1 stack grants the Secret Manager roles on the secret-store project to the created account", async () => {
        const plan = await runPlan({ stack: "gcp-europe-west1" });
        const grants = plan.resources.filter(
            (r) => r.type === "gcp:projects/iAMMember:IAMMember" && r.inputs.project === "acme-airbyte-secrets",
        );
        assert.deepEqual(
            grants.map((g) => g.name).sort(),
            ["secretaccessor", "secretversionadder", "secretversionmanager", "viewer"].map(
                (role) => `gcp-europe-west1-secrets-secretmanager-${role}`,
            ),
        );
        assert.ok(
            grants.every((g) => g.inputs.member === "serviceAccount:gcp-europe-west1-airbyte@acme-airbyte-eu.iam.gserviceaccount.com"),
        );
    });

    it("the us-central1 stack uses the given Secret Manager key and grants nothing on the secret-store project", async () => {
        const plan = await runPlan({ stack: "gcp-us-central1" });
        const projectGrants = plan.resources.filter(
            (r) => r.type === "gcp:projects/iAMMember:IAMMember" && r.inputs.project === "acme-airbyte-secrets",
        );
        assert.deepEqual(projectGrants, []);
        const jobsPool = plan.resources.find((r) => r.type === "gcp:container/nodePool:NodePool" && r.name === "gcp-us-central1-jobs");
        assert.equal(jobsPool?.inputs.autoscaling.minNodeCount, 0);
        assert.equal(jobsPool?.inputs.nodeConfig.diskSizeGb, 200);
    });
});
