import { strict as assert } from "assert";
import { allPolicies } from "../../policy/policies";
import { PlanResult, runPlan } from "../../tools/plan/plan";
import { renderText } from "../../tools/plan/render";

/** What a reviewer approves a plan on: where each resource goes, what the plan cannot list, key facts, what was checked. */
describe("a plan a reviewer can approve", () => {
    const plans = new Map<string, Promise<PlanResult>>();
    const planOf = (stack: string) => {
        if (!plans.has(stack)) {
            plans.set(stack, runPlan({ stack }));
        }
        return plans.get(stack)!;
    };

    it("places every AWS resource in its region and account, IAM as global, Kubernetes objects on their cluster and namespace", async () => {
        const plan = await planOf("aws-us-east-1");
        assert.deepEqual(plan.errors, []);
        const where = (type: string, name?: string) =>
            plan.resources.find((r) => r.type === type && (name === undefined || r.name === name))?.where;
        assert.equal(where("aws:s3/bucket:Bucket"), "AWS us-east-1, the deploying credentials' account (aws:allowedAccountIds unset)");
        assert.equal(
            where("aws:iam/role:Role", "aws-us-east-1-data-plane"),
            "AWS IAM (global), the deploying credentials' account (aws:allowedAccountIds unset)",
        );
        assert.equal(where("kubernetes:helm.sh/v3:Release"), "Kubernetes cluster of provider aws-us-east-1-k8s, namespace airbyte");
        assert.equal(where("pulumi-nodejs:dynamic/flexplane:AirbyteDataplane"), "Airbyte API https://api.airbyte.com/v1");
        const unplaced = plan.resources.filter((r) => !r.where && !r.type.startsWith("flexplane:"));
        assert.deepEqual(
            unplaced.map((r) => r.type),
            [],
        );
    });

    it("places GCP resources in their project, the secret-store grants in the store's project", async () => {
        const plan = await planOf("gcp-europe-west1");
        const grants = plan.resources.filter((r) => r.type === "gcp:projects/iAMMember:IAMMember" && r.name.includes("-secrets-"));
        assert.ok(
            grants.length > 0 && grants.every((g) => g.where === "GCP project acme-airbyte-secrets, global"),
            JSON.stringify(grants.map((g) => g.where)),
        );
        assert.equal(
            plan.resources.find((r) => r.type === "gcp:container/cluster:Cluster")?.where,
            "GCP project acme-airbyte-eu, europe-west1",
        );
    });

    it("says what remote components and the Helm release create that the plan cannot list", async () => {
        const notes = new Map((await planOf("aws-us-east-1")).review!.remoteComponents.map((n) => [n.type, n.creates]));
        assert.match(
            notes.get("awsx:ec2:Vpc")!,
            /3 private and 3 public subnets over 3 zones.*1 internet gateway, 3 NAT gateway\(s\) with as many Elastic IPs \(OnePerAz\): 32 AWS resources/,
        );
        assert.match(
            notes.get("eks:index:Cluster")!,
            /EKS control plane aws-us-east-1 \(Kubernetes 1\.35\), its IAM service role.*vpc-cni and kube-proxy add-ons, 1 access entry.*OIDC provider/,
        );
        assert.doesNotMatch(notes.get("eks:index:Cluster")!, /coredns|default node group|security group/);
        assert.match(
            notes.get("eks:index:ManagedNodeGroup")!,
            /^an EKS managed node group: m6i\.xlarge, 2 to 6 nodes \(2 at first\), 100 GiB disks/,
        );
        assert.match(
            notes.get("kubernetes:helm.sh/v3:Release")!,
            /airbyte-data-plane 2\.2\.0 .*namespace airbyte: a Deployment \(the workload launcher\), ConfigMap, Secret, ServiceAccount, Role and RoleBinding/,
        );
    });

    it("states the key facts in the text: Kubernetes version, nodes, chart, namespace, secret store", async () => {
        const text = renderText(await planOf("aws-us-east-1"));
        assert.match(
            text,
            /Key facts:\n {2}Kubernetes: 1\.35 \(EKS aws-us-east-1\)\n {2}Nodes: aws-us-east-1-general: m6i\.xlarge \(ON_DEMAND\), 2 to 6 nodes, 2 at first, 100 GiB disks\n/,
        );
        assert.match(
            text,
            /Chart: airbyte-data-plane 2\.2\.0 from https:\/\/airbytehq\.github\.io\/charts, release airbyte-data-plane in namespace airbyte/,
        );
        assert.match(text, /Secret store: AWS_SECRET_MANAGER, aws-secrets-manager:123456789012:us-east-1/);
        const gke = renderText(await planOf("gcp-us-central1"));
        assert.match(gke, /Kubernetes: 1\.35 or newer on the REGULAR channel \(GKE Standard\)/);
        assert.match(gke, /Nodes: gcp-us-central1-jobs: e2-standard-8, 0 to 4 nodes per zone, 200 GB disks, tainted for connector pods/);
    });

    it("lists the cross-stack rules checked and against which stacks, and says which were not", async () => {
        const plan = await planOf("aws-us-east-1");
        assert.deepEqual(
            plan.review!.crossStack.map((c) => [c.key, c.stack, c.source]),
            [
                ["flexplane:orgStack", "acme/flexplane/org", "fixture stacks/fixtures/org.json"],
                ["flexplane:haPeers", "aws-us-east-1-b", "fixture stacks/fixtures/aws-us-east-1-b.json"],
            ],
        );
        assert.deepEqual(plan.stackReads, ["acme/flexplane/org", "aws-us-east-1-b"]);
        assert.deepEqual(plan.review!.crossStackNotes, []);
        const text = renderText(await planOf("byo"));
        assert.match(
            text,
            /Rule 1 \(the control plane's secrets manager\) was not checked against the control plane: flexplane:orgStack is not set/,
        );
        assert.match(text, /Rule 2 \(HA peers share Airbyte region and store\): no flexplane:haPeers/);
    });

    it("lists every policy that ran with its level and result", async () => {
        const plan = await planOf("gcp-europe-west1");
        assert.deepEqual(plan.policies.map((p) => p.policy).sort(), allPolicies.map((p) => p.name).sort(), "every policy of the pack ran");
        assert.deepEqual(
            plan.policies.find((p) => p.policy === "gcp-no-long-lived-sa-keys"),
            { policy: "gcp-no-long-lived-sa-keys", enforcementLevel: "advisory", violations: 1 },
        );
        const text = renderText(plan);
        assert.match(text, new RegExp(`Policy pack: ${allPolicies.length} policies ran, 0 mandatory and 1 advisory violation\\(s\\)`));
        assert.match(text, /\n {2}data-plane-chart-pinned \(mandatory\): no violation\n/);
    });
});
