import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { LONG_LIVED_KEY_WARNING } from "../../components/gcp/identity";
import { readGcpStackSettings } from "../../program/clouds/gcp";
import { StackProblems } from "../../program/stack-problems";
import { deployCloud } from "../../program/types";
import { runPlan } from "../../tools/plan/plan";
import { baseArgs, captureWarnings, installHarness, isSecret, reasons, thrown, valueOf } from "./helpers";

describe("GCP stack program", () => {
    it("requires gcp:project and gcp:region and refuses unknown or misplaced flexplane:gcp settings", () => {
        const read = (project?: string, region?: string, raw?: unknown) => thrown(() => {
            const problems = new StackProblems("gcp");
            readGcpStackSettings(problems, project, region, raw);
            problems.throwIfAny();
        });
        const r = reasons(read(undefined, undefined, { nodepools: [], network: [] }));
        assert.match(r["gcp:project"], /pulumi config set gcp:project/);
        assert.match(r["gcp:region"], /pulumi config set gcp:region/);
        assert.match(r["flexplane:gcp.nodepools"], /is not a setting: remove it or use one of .*nodePools.* Did you mean "nodePools"\?$/);
        assert.match(r["flexplane:gcp.network"], /must be a YAML map/);
        const elsewhere = reasons(read("p-123456", "europe-west1", { location: "us-central1-a" }));
        assert.match(elsewhere["flexplane:gcp.location"], /not in gcp:region europe-west1/);
        const malformed = reasons(read("Acme Project", "europe-west1-b", {}));
        assert.match(malformed["gcp:project"], /^"Acme Project" is not a GCP project id/);
        assert.match(malformed["gcp:region"], /^"europe-west1-b" is not a GCP region: .*flexplane:gcp\.location/);
    });

    it("builds the cluster from gcp:project, gcp:region, flexplane:gcp and the bucket key secret", async () => {
        const h = installHarness({
            config: {
                "flexplane:gcp": JSON.stringify({ mode: "standard", bucket: { logRetentionDays: 14 }, masterAuthorizedNetworks: [{ cidrBlock: "203.0.113.0/24" }] }),
                "flexplane:gcpStorageCredentialsJson": '{"type":"service_account","given":true}',
            },
            secretConfigKeys: ["flexplane:gcpStorageCredentialsJson"],
        });
        const warnings = captureWarnings();
        const { prepare } = await import("../../program/clouds/gcp");
        const deployment = await Promise.resolve(deployCloud(prepare, {
            config: new pulumi.Config("flexplane"),
            stack: "gcp-europe-west1",
            namespace: "airbyte",
            serviceAccountName: "airbyte-workload-launcher",
            secretsManager: baseArgs().secretsManager,
            tags: { Owner: "Data" },
        }, new StackProblems("gcp-europe-west1"))).finally(() => warnings.restore());
        await h.settle();
        const cluster = h.one("gcp:container/cluster:Cluster").inputs;
        assert.equal(cluster.project, "flexplane-gke");
        assert.equal(cluster.location, "europe-west1");
        assert.equal(cluster.removeDefaultNodePool, true);
        assert.deepEqual(cluster.resourceLabels, { owner: "data" });
        assert.equal(deployment.clusterRegion, "europe-west1");
        assert.deepEqual(h.one("gcp:storage/bucket:Bucket").inputs.lifecycleRules, [{ action: { type: "Delete" }, condition: { age: 14, matchesPrefixes: ["job-logging/"] } }]);
        assert.equal(await valueOf(deployment.target.storage.gcs!.credentialsJson!), '{"type":"service_account","given":true}');
        assert.deepEqual(Object.keys(deployment.outputs).sort(),
            ["bucketName", "clusterName", "endpoint", "kubeconfig", "networkId", "serviceAccountEmail", "subnetworkId"]);
        assert.equal(await isSecret(deployment.outputs.kubeconfig), true);
        assert.equal(h.ofType("gcp:storage/bucketIAMMember:BucketIAMMember").length, 0, "the given bucket key needs no grant");
    });

    for (const [stack, mode] of [["gcp-europe-west1", "autopilot"], ["gcp-us-central1", "standard"]] as const) {
        it(`stack ${stack} plans cleanly as ${mode}`, async () => {
            const plan = await runPlan({ stack });
            assert.deepEqual(plan.errors, []);
            const cluster = plan.resources.find((r) => r.type === "gcp:container/cluster:Cluster");
            assert.ok(cluster, "the plan has a GKE cluster");
            assert.equal(cluster.inputs.enableAutopilot === true, mode === "autopilot");
            assert.ok(plan.resources.some((r) => r.type === "kubernetes:helm.sh/v3:Release"), "the plan installs the chart");
            assert.equal(plan.outputs.kubeconfig, "[secret]");
            assert.equal(plan.warnings.filter((w) => w.includes(LONG_LIVED_KEY_WARNING)).length, 1);
        });
    }

    it("the europe-west1 stack grants the Secret Manager roles on the secret-store project to the created account", async () => {
        const plan = await runPlan({ stack: "gcp-europe-west1" });
        const grants = plan.resources.filter((r) => r.type === "gcp:projects/iAMMember:IAMMember" && r.inputs.project === "acme-airbyte-secrets");
        assert.equal(grants.length, 4);
        assert.ok(grants.every((g) => g.inputs.member === "serviceAccount:gcp-europe-west1-airbyte@acme-airbyte-eu.iam.gserviceaccount.com"));
    });

    it("the us-central1 stack uses the given Secret Manager key and grants nothing on the secret-store project", async () => {
        const plan = await runPlan({ stack: "gcp-us-central1" });
        const projectGrants = plan.resources.filter((r) => r.type === "gcp:projects/iAMMember:IAMMember" && r.inputs.project === "acme-airbyte-secrets");
        assert.deepEqual(projectGrants, []);
        const jobsPool = plan.resources.find((r) => r.type === "gcp:container/nodePool:NodePool" && r.name.endsWith("-jobs"));
        assert.equal(jobsPool?.inputs.autoscaling.minNodeCount, 0);
    });
});
