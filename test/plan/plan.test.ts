import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import { runPlan } from "../../tools/plan/plan";
import { renderText } from "../../tools/plan/render";

const testStacks = path.join(__dirname, "stacks");
const root = path.resolve(__dirname, "..", "..");

describe("offline plan", () => {
    it("plans the byo stack: tree, redacted values, no errors", async () => {
        const plan = await runPlan({ stack: "byo" });
        assert.deepEqual(plan.errors, []);
        const types = plan.resources.map((r) => `${r.type} ${r.name} <- ${r.parent ?? ""}`);
        assert.ok(types.includes("kubernetes:helm.sh/v3:Release data-plane <- data-plane"), types.join("\n"));
        assert.ok(types.includes("kubernetes:core/v1:Secret data-plane-credentials <- data-plane"));
        const secret = plan.resources.find((r) => r.type === "kubernetes:core/v1:Secret")!;
        assert.equal(secret.inputs.stringData, "[secret]");
        const values = plan.helmValues["data-plane"] as any;
        assert.equal(values.secretsManager.type, "AWS_SECRET_MANAGER");
        assert.equal(values.storage.bucket.log, "acme-airbyte-dp-logs");
        const text = renderText(plan);
        assert.match(text, /Resources \(6\):/);
        assert.match(text, /\n {2}flexplane:index:DataPlane {2}data-plane\n {4}kubernetes:core\/v1:Namespace {2}data-plane-namespace/);
        assert.match(text, /type: AWS_SECRET_MANAGER/);
        assert.match(text, /Secret config replaced by placeholders: flexplane:dataPlaneClientId/);
        assert.match(text, /No errors\.$/);
    });

    it("reports a bad airbyteUrl as an error with the fix", async () => {
        const plan = await runPlan({ stack: "bad-url", stacksDir: testStacks });
        assert.equal(plan.errors.length, 1, plan.errors.join("\n"));
        assert.match(plan.errors[0], /airbyteUrl: "http:\/\/airbyte.internal" must use https.*Use https:\/\/airbyte.internal/);
        assert.equal(plan.resources.filter((r) => r.type === "kubernetes:helm.sh/v3:Release").length, 0);
        assert.deepEqual(plan.secretConfigKeys.sort(), [
            "flexplane:dataPlaneClientId", "flexplane:dataPlaneClientSecret", "flexplane:secretsManagerCredentialsJson", "flexplane:storageCredentialsJson",
        ]);
    });

    it("fails a stack whose store differs from the org's, naming both stores, before registering resources", async () => {
        const plan = await runPlan({ stack: "eu-wrong-store", stacksDir: testStacks });
        assert.equal(plan.errors.length, 1, plan.errors.join("\n"));
        assert.match(plan.errors[0], /would use secrets manager aws-secrets-manager:123456789012:eu-west-1, but the control plane \(org stack "acme\/flexplane\/org"\) uses aws-secrets-manager:123456789012:us-east-1/);
        assert.match(plan.errors[0], /HA peer "eu-peer" uses aws-secrets-manager:123456789012:us-east-1/);
        // Stack references are reads, not registrations: nothing at all was registered.
        assert.deepEqual(plan.resources, []);
    });

    it("passes the same stack once it points at the org's store", async () => {
        const plan = await runPlan({ stack: "eu-right-store", stacksDir: testStacks });
        assert.deepEqual(plan.errors, []);
        assert.deepEqual((plan.outputs.descriptor as any), {
            cloud: "byo", clusterRegion: "us-east-1", airbyteRegion: "eu", secretsManagerIdentity: "aws-secrets-manager:123456789012:us-east-1",
        });
    });

    it("takes the control plane's store for the policy pack from a config file, else the org stack, else the stack itself", async () => {
        const fromOrg = await runPlan({ stack: "eu-right-store", stacksDir: testStacks });
        assert.equal(fromOrg.policyControlPlaneSource, "the org stack's secretsManagerIdentity");
        const own = await runPlan({ stack: "byo" });
        assert.equal(own.policyControlPlaneSource, "this stack's own flexplane:secretsManager (no org stack)");
        const file = path.join(testStacks, "policy-config.json");
        const fromFile = await runPlan({ stack: "eu-right-store", stacksDir: testStacks, policyConfig: file });
        assert.equal(fromFile.policyControlPlaneSource, `policy config ${file}`);
    });

    it("fails a stack that breaks mandatory policies, listing each with resource and policy", async () => {
        const plan = await runPlan({ stack: "broken-policy", stacksDir: testStacks, policyConfig: path.join(testStacks, "policy-config.json") });
        const mandatory = plan.policyViolations.filter((v) => v.enforcementLevel === "mandatory");
        assert.deepEqual([...new Set(mandatory.map((v) => v.policy))].sort(), ["data-plane-chart-pinned", "secrets-manager-matches-control-plane"]);
        assert.equal(plan.errors.length, mandatory.length);
        assert.ok(plan.errors.some((e) => /^policy data-plane-chart-pinned on urn:pulumi:broken-policy::flexplane::.*Release::data-plane: .*2\.3\.0/.test(e)), plan.errors.join("\n"));
        assert.ok(plan.errors.some((e) => /^policy secrets-manager-matches-control-plane on .*eu-west-1.*us-east-1/.test(e)), plan.errors.join("\n"));
    });

    it("prints one JSON document and exits non-zero on errors from the command line", () => {
        const run = (args: string[]) => {
            try {
                return { code: 0, out: execFileSync("npx", ["ts-node", "--transpile-only", "tools/plan/cli.ts", ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
            } catch (err: any) {
                return { code: err.status as number, out: `${err.stdout}${err.stderr}` };
            }
        };
        const ok = run(["--stack", "byo", "--json"]);
        assert.equal(ok.code, 0);
        const doc = JSON.parse(ok.out);
        assert.equal(doc.stack, "byo");
        assert.deepEqual(doc.errors, []);
        assert.ok(doc.resources.every((r: any) => typeof r.type === "string" && typeof r.name === "string" && "inputs" in r));
        const unknown = run(["--stacks", "byo"]);
        assert.equal(unknown.code, 2);
        const noFile = run(["--policy-config"]);
        assert.equal(noFile.code, 2);
        const missing = run(["--stack", "no-such-stack"]);
        assert.equal(missing.code, 1);
        assert.match(missing.out, /No stack file .*Pulumi\.no-such-stack\.yaml: pick one of .*byo/);
        assert.match(unknown.out, /Unknown argument "--stacks"\. Usage: npm run plan -- \[--stack <name>\]/);
        assert.match(noFile.out, /--policy-config needs a file, e\.g\. --policy-config policy\/config\.example\.json/);
    });
});
