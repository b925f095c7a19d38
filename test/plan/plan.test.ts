import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
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
        assert.ok(
            types.includes("pulumi-nodejs:dynamic/flexplane:AirbyteDataplaneCredentialCheck data-plane-credential-check <- data-plane"),
        );
        const secret = plan.resources.find((r) => r.type === "kubernetes:core/v1:Secret")!;
        // Key names stay visible for a reviewer; every value is redacted.
        assert.deepEqual(secret.inputs.stringData, {
            DATAPLANE_CLIENT_ID: "[secret]",
            DATAPLANE_CLIENT_SECRET: "[secret]",
            AWS_SECRET_MANAGER_ACCESS_KEY_ID: "[secret]",
            AWS_SECRET_MANAGER_SECRET_ACCESS_KEY: "[secret]",
            AWS_ACCESS_KEY_ID: "[secret]",
            AWS_SECRET_ACCESS_KEY: "[secret]",
            S3_ACCESS_KEY_ID: "[secret]",
            S3_SECRET_ACCESS_KEY: "[secret]",
        });
        const values = plan.helmValues["data-plane"] as any;
        assert.equal(values.secretsManager.type, "AWS_SECRET_MANAGER");
        assert.equal(values.storage.bucket.log, "acme-airbyte-dp-logs");
        const text = renderText(plan);
        assert.match(text, /Resources \(7\), each with where it is created:/);
        assert.match(
            text,
            /\n {2}flexplane:index:DataPlane {2}data-plane\n( {4}\S+ {2}\S+.*\n)* {4}kubernetes:core\/v1:Namespace {2}data-plane-namespace {2}\[Kubernetes cluster of provider byo-cluster, cluster-wide\]/,
        );
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
            "flexplane:dataPlaneClientId",
            "flexplane:dataPlaneClientSecret",
            "flexplane:secretsManagerCredentialsJson",
            "flexplane:storageCredentialsJson",
        ]);
    });

    it("fails a stack whose store differs from the org's, naming both stores, before registering resources", async () => {
        const plan = await runPlan({ stack: "eu-wrong-store", stacksDir: testStacks });
        assert.equal(plan.errors.length, 1, plan.errors.join("\n"));
        assert.match(
            plan.errors[0],
            /would use secrets manager aws-secrets-manager:123456789012:eu-west-1, but the control plane \(org stack "acme\/flexplane\/org"\) uses aws-secrets-manager:123456789012:us-east-1/,
        );
        assert.match(plan.errors[0], /HA peer "eu-peer" uses aws-secrets-manager:123456789012:us-east-1/);
        // Stack references are reads, not registrations: nothing at all was registered.
        assert.deepEqual(plan.resources, []);
    });

    it("passes the same stack once it points at the org's store", async () => {
        const plan = await runPlan({ stack: "eu-right-store", stacksDir: testStacks });
        assert.deepEqual(plan.errors, []);
        assert.deepEqual(plan.outputs.descriptor as any, {
            cloud: "byo",
            clusterRegion: "us-east-1",
            airbyteRegion: "eu",
            secretsManagerIdentity: "aws-secrets-manager:123456789012:us-east-1",
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
        const plan = await runPlan({
            stack: "broken-policy",
            stacksDir: testStacks,
            policyConfig: path.join(testStacks, "policy-config.json"),
        });
        const mandatory = plan.policyViolations.filter((v) => v.enforcementLevel === "mandatory");
        assert.deepEqual([...new Set(mandatory.map((v) => v.policy))].sort(), [
            "data-plane-chart-pinned",
            "secrets-manager-matches-control-plane",
        ]);
        assert.equal(plan.errors.length, mandatory.length);
        assert.ok(
            plan.errors.some((e) =>
                /^policy data-plane-chart-pinned on urn:pulumi:broken-policy::flexplane::.*Release::data-plane: .*2\.3\.0/.test(e),
            ),
            plan.errors.join("\n"),
        );
        assert.ok(
            plan.errors.some((e) => /^policy secrets-manager-matches-control-plane on .*eu-west-1.*us-east-1/.test(e)),
            plan.errors.join("\n"),
        );
    });

    it("prints one JSON document and exits non-zero on errors from the command line", () => {
        const run = (args: string[]) => {
            try {
                return {
                    code: 0,
                    out: execFileSync("npx", ["ts-node", "--transpile-only", "tools/plan/cli.ts", ...args], {
                        cwd: root,
                        encoding: "utf8",
                        stdio: ["ignore", "pipe", "pipe"],
                    }),
                };
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
        // Complete: what the text shows is in the JSON too.
        for (const key of [
            "helmValues",
            "outputs",
            "secretConfigKeys",
            "stackReads",
            "policyViolations",
            "policies",
            "policyControlPlaneSource",
            "review",
            "warnings",
        ]) {
            assert.ok(key in doc, `--json lacks ${key}`);
        }
        assert.equal(
            doc.resources.find((r: any) => r.type === "kubernetes:helm.sh/v3:Release").where,
            "Kubernetes cluster of provider byo-cluster, namespace airbyte",
        );
        assert.equal(
            doc.review.facts.chart,
            "airbyte-data-plane 2.2.0 from https://airbytehq.github.io/charts, release airbyte-data-plane in namespace airbyte",
        );
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

    it("stops where the Pulumi CLI stops: a declared key missing, a secret key in plain text, each with its command", async () => {
        const projectFile = path.join(os.tmpdir(), `flexplane-project-${process.pid}.yaml`);
        fs.writeFileSync(
            projectFile,
            "name: flexplane\nruntime: nodejs\nconfig:\n  size:\n    type: string\n  token:\n    type: string\n    secret: true\n",
        );
        try {
            const missing = await runPlan({ stack: "cli", projectFile, stackText: "config:\n  flexplane:cloud: byo\n" });
            assert.deepEqual(missing.errors, [
                "Stack 'cli' is missing configuration values 'size' and 'token'. Run:\n" +
                    "    pulumi config set flexplane:size <value>\n    pulumi config set --secret flexplane:token <value>",
            ]);
            assert.deepEqual(missing.resources, []);
            const plain = await runPlan({
                stack: "cli",
                projectFile,
                stackText: "config:\n  flexplane:size: s\n  flexplane:token: t0ken\n",
            });
            assert.deepEqual(plain.errors, [
                "Stack 'cli' with configuration key 'token' must be encrypted as it's secret. " +
                    "Remove the plain value from the stack file and run `pulumi config set --secret flexplane:token <value>`.",
            ]);
            const announced = await runPlan({
                stack: "cli",
                projectFile,
                stackText: "# secret: flexplane:token\nconfig:\n  flexplane:size: s\n",
            });
            assert.ok(!announced.errors.some((e) => e.startsWith("Stack 'cli'")), announced.errors.join("\n"));
        } finally {
            fs.rmSync(projectFile, { force: true });
        }
    });
});
