/**
 * The GitHub workflows, parsed: least-privilege permissions (write only where a step needs it), every
 * example stack planned and previewed, every supported Node.js line tested, and pulumi/actions used as
 * its README says (pulumi/actions v7 `README.md`, `action.yml`: `command`, `stack-name`, `cloud-url`
 * for the backend, `comment-on-pr`, `policyPacks`/`policyPackConfigs`, a pinned `pulumi-version-file`).
 */
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { listStacks } from "../../tools/plan/stack-file";

const root = path.resolve(__dirname, "..", "..");
const workflowsDir = path.join(root, ".github", "workflows");
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));

/** The supported Node.js lines: README's "Supported versions" and `.ci/run` name the same. */
const NODE_LINES = [22, 24];

interface Step {
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
    id?: string;
}
interface Job {
    permissions?: Record<string, string>;
    needs?: string | string[];
    if?: string;
    env?: Record<string, string>;
    strategy?: { matrix?: Record<string, unknown> };
    steps: Step[];
}
interface Workflow {
    on: Record<string, unknown>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}

const readWorkflow = (file: string): Workflow => parse(fs.readFileSync(path.join(workflowsDir, file), "utf8"));
const pulumiSteps = (job: Job) => job.steps.filter((s) => s.uses?.startsWith("pulumi/actions@"));
const needsOf = (job: Job) => [job.needs ?? []].flat();

/**
 * The write permissions a job's steps need: `pull-requests` for pulumi/actions' PR comment
 * (pulumi/actions#1195), `id-token` for OIDC (aws-actions/configure-aws-credentials, `ARM_USE_OIDC`).
 */
function neededWrites(job: Job): Set<string> {
    const needed = new Set<string>();
    if (pulumiSteps(job).some((s) => s.with?.["comment-on-pr"] === true || s.with?.["comment-on-pr"] === "true")) {
        needed.add("pull-requests");
    }
    if (job.steps.some((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@")) || job.env?.ARM_USE_OIDC === "true") {
        needed.add("id-token");
    }
    return needed;
}

function grantedWrites(workflow: Workflow, name: string): Set<string> {
    const granted = workflow.jobs[name].permissions ?? workflow.permissions ?? {};
    return new Set(Object.keys(granted).filter((scope) => granted[scope] === "write"));
}

/** Write permissions a job holds that none of its steps needs; empty when least privilege holds. */
function unneededWrites(workflow: Workflow, name: string): string[] {
    const needed = neededWrites(workflow.jobs[name]);
    return [...grantedWrites(workflow, name)].filter((scope) => !needed.has(scope));
}

/** Write permissions a job's steps need but the job lacks. */
function missingWrites(workflow: Workflow, name: string): string[] {
    const granted = grantedWrites(workflow, name);
    return [...neededWrites(workflow.jobs[name])].filter((scope) => !granted.has(scope));
}

/** Runs the stacks job's listing step as the runner would and returns the names it outputs. */
function listedStacks(workflow: Workflow): string[] {
    const step = workflow.jobs.stacks?.steps.find((s) => s.id === "list");
    assert.ok(step?.run, "no stacks job with a `list` step");
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gh-output-")), "out");
    execFileSync("bash", ["-eo", "pipefail", "-c", step.run], { cwd: root, env: { ...process.env, GITHUB_OUTPUT: output } });
    const line = fs.readFileSync(output, "utf8").trim();
    fs.rmSync(path.dirname(output), { recursive: true, force: true });
    assert.match(line, /^names=/);
    return JSON.parse(line.slice("names=".length));
}

describe("the permission rule the workflow tests apply", () => {
    it("finds a write a step needs but the job lacks, and a write no step needs", () => {
        const comment = { uses: "pulumi/actions@v7", with: { "comment-on-pr": "true" } };
        const workflow = {
            permissions: { contents: "read" },
            jobs: {
                lacks: { steps: [comment] },
                spare: { permissions: { contents: "write", "pull-requests": "write" }, steps: [comment] },
            },
        } as unknown as Workflow;
        assert.deepEqual(missingWrites(workflow, "lacks"), ["pull-requests"]);
        assert.deepEqual(unneededWrites(workflow, "lacks"), []);
        assert.deepEqual(missingWrites(workflow, "spare"), []);
        assert.deepEqual(unneededWrites(workflow, "spare"), ["contents"]);
    });
});

describe("GitHub workflow: pull requests", () => {
    const workflow = readWorkflow("pull-request.yml");

    it("reads the repository by default and grants write access only where a step needs it", () => {
        assert.deepEqual(workflow.permissions, { contents: "read" });
        for (const name of Object.keys(workflow.jobs)) {
            assert.deepEqual(unneededWrites(workflow, name), [], `job ${name}`);
            assert.deepEqual(missingWrites(workflow, name), [], `job ${name}`);
        }
        assert.equal(workflow.jobs.preview.permissions?.["pull-requests"], "write", "the preview comments on the pull request");
    });

    it("derives the stack matrices from stacks/: the listing step outputs exactly the example stacks", () => {
        assert.deepEqual(listedStacks(workflow), listStacks(path.join(root, "stacks")));
        for (const name of ["plan", "preview"]) {
            const job = workflow.jobs[name];
            assert.ok(needsOf(job).includes("stacks"), `${name} needs the stacks job`);
            assert.equal(job.strategy?.matrix?.stack, "${{ fromJSON(needs.stacks.outputs.names) }}", `${name}'s matrix`);
        }
        assert.ok(workflow.jobs.plan.steps.some((s) => s.run?.includes('npm run --silent plan -- --stack "${{ matrix.stack }}"')));
    });

    it("tests every supported Node.js line, as .ci/run does", () => {
        assert.deepEqual(workflow.jobs.test.strategy?.matrix?.node, NODE_LINES);
        assert.ok(workflow.jobs.test.steps.some((s) => s.with?.["node-version"] === "${{ matrix.node }}"));
        assert.match(
            fs.readFileSync(path.join(root, ".ci", "run"), "utf8"),
            new RegExp(`FLEXPLANE_NODE_LINES:-${NODE_LINES.join(" ")}\\}`),
        );
        assert.match(fs.readFileSync(path.join(root, "README.md"), "utf8"), /Node\.js \*\*22 \(22\.13 or newer\) and 24\*\*/);
    });

    it("previews with pulumi/actions as documented: command, stack, cloud-url, policy pack and config, a PR comment, a pinned CLI", () => {
        const [install, preview] = pulumiSteps(workflow.jobs.preview);
        assert.deepEqual(install.with, { "pulumi-version-file": ".pulumi.version" });
        assert.deepEqual(Object.keys(preview.with ?? {}).sort(), [
            "cloud-url",
            "command",
            "comment-on-pr",
            "github-token",
            "policyPackConfigs",
            "policyPacks",
            "pulumi-version-file",
            "stack-name",
        ]);
        assert.equal(preview.with?.command, "preview");
        assert.equal(preview.with?.["stack-name"], "${{ vars.PULUMI_ORG }}/flexplane/${{ matrix.stack }}");
        assert.equal(preview.with?.policyPacks, "policy");
        assert.equal(preview.with?.policyPackConfigs, "policy-config.json");
        assert.equal(preview.with?.["comment-on-pr"], true);
        // The policy config the preview reads is written by an earlier step.
        assert.ok(workflow.jobs.preview.steps.some((s) => s.run?.includes("> policy-config.json")));
    });

    it("runs previews only where secrets exist: never for pull requests from forks", () => {
        assert.match(workflow.jobs.preview.if ?? "", /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/);
    });
});

describe("GitHub workflow: policy pack publishing", () => {
    const workflow = readWorkflow("policy-pack.yml");
    const job = workflow.jobs.publish;
    const runs = job.steps.map((s) => s.run ?? "").join("\n");

    it("runs on pushes to main and on version tags, with read access only", () => {
        assert.deepEqual(workflow.on, { push: { branches: ["main"], tags: ["v*"] } });
        assert.deepEqual(workflow.permissions, { contents: "read" });
        assert.equal(job.permissions, undefined);
        assert.deepEqual(unneededWrites(workflow, "publish"), []);
        assert.equal(job.env?.PULUMI_ACCESS_TOKEN, "${{ secrets.PULUMI_ACCESS_TOKEN }}");
    });

    it("tests and stages the pack, publishes each version once, and enables it for the configured policy group", () => {
        assert.match(runs, /test\/package\/policy-pack\.test\.ts/);
        assert.match(runs, /npm run policy:stage -- policy\/dist/);
        const publish = job.steps.find((s) => s.run?.includes("pulumi policy publish"))!;
        assert.equal(publish["working-directory" as keyof Step], "policy/dist");
        assert.match(publish.run!, /pulumi policy ls "\$PULUMI_ORG" --json/);
        const enable = job.steps.find((s) => s.run?.includes("pulumi policy enable"))!;
        assert.match(
            enable.run!,
            /pulumi policy enable "\$\{PULUMI_ORG\}\/flexplane" ".*" \\\n\s+--policy-group "\$PULUMI_POLICY_GROUP" --config "\$PULUMI_POLICY_CONFIG"/,
        );
        assert.equal(enable.if, "env.PULUMI_POLICY_GROUP != ''");
    });
});

describe("GitHub workflows: pinned versions", () => {
    const files = fs.readdirSync(workflowsDir).filter((f) => f.endsWith(".yml"));

    it("pins every action to a commit, with its release tag in a comment; pulumi/actions at v7 (Node 24)", () => {
        for (const file of files) {
            const uses = fs
                .readFileSync(path.join(workflowsDir, file), "utf8")
                .split("\n")
                .filter((l) => /^\s*(- )?uses:/.test(l));
            assert.ok(uses.length > 0, file);
            for (const line of uses) {
                assert.match(line, /uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/, `${file}: ${line.trim()}`);
            }
            assert.ok(
                uses.filter((l) => l.includes("pulumi/actions@")).every((l) => / # v7\./.test(l)),
                file,
            );
        }
    });

    it("pins the Pulumi CLI to the SDK version the lock file pins", () => {
        assert.equal(
            fs.readFileSync(path.join(root, ".pulumi.version"), "utf8").trim(),
            lock.packages["node_modules/@pulumi/pulumi"].version,
        );
    });
});
