import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readCommonConfig, StackInputs } from "../../program/config";
import { checkRequiredKeys, isSecretConfigKey, readStackConfig } from "../../program/stack-config";
import { StackProblems } from "../../program/stack-problems";
import { MockHarness } from "../../tools/harness/runtime";
import { isSecret, reasons, thrown, valueOf } from "../support/outputs";

/** The stack's config read as the program reads it, with its problems (not yet thrown). */
function inputsWith(values: Record<string, unknown>, secretKeys: string[] = [], stack = "test"): StackInputs {
    const config: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
        config[k.includes(":") ? k : `flexplane:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    }
    MockHarness.install({ stack, config, secretConfigKeys: secretKeys.map((k) => `flexplane:${k}`) });
    const problems = new StackProblems(stack);
    const read = readStackConfig(problems, pulumi.runtime.allConfig(), isSecretConfigKey);
    checkRequiredKeys(problems, read);
    return { stack, config: read, problems, pulumiConfig: new pulumi.Config("flexplane") };
}

/** The problems of a region stack's common keys, thrown as the program throws them. */
function commonProblems(values: Record<string, unknown>, secretKeys: string[] = []): Record<string, string> {
    return reasons(
        thrown(() => {
            const inputs = inputsWith(values, secretKeys);
            readCommonConfig(inputs, "flexplane");
            inputs.problems.throwIfAny();
        }),
    );
}

const IRSA = { aws: { region: "us-east-1", accountId: "123456789012", auth: "serviceAccount" } };

describe("stack config", () => {
    it("reads an AWS store with access keys as secrets and a numeric account id as text", async () => {
        const inputs = inputsWith(
            {
                cloud: "aws",
                secretsManager: { aws: { region: "us-east-1", accountId: 123456789012, auth: "accessKeys" } },
                secretsManagerAccessKeyId: "AKIA1",
                secretsManagerSecretAccessKey: "s3cr3t",
            },
            ["secretsManagerAccessKeyId", "secretsManagerSecretAccessKey"],
        );
        const common = readCommonConfig(inputs, "flexplane");
        inputs.problems.throwIfAny();
        const aws = common.secretsManager.aws!;
        assert.equal(aws.accountId, "123456789012");
        assert.equal(aws.useServiceAccountIdentity, undefined);
        const key = aws.accessKeys!.secretAccessKey as pulumi.Output<string>;
        assert.equal(await valueOf(key), "s3cr3t");
        assert.equal(await isSecret(key), true);
        assert.equal(common.namespace, "airbyte");
        assert.deepEqual(common.haPeers, []);
    });

    it("reads IRSA mode without asking for keys", () => {
        const inputs = inputsWith({ cloud: "aws", secretsManager: IRSA });
        const common = readCommonConfig(inputs, "flexplane");
        inputs.problems.throwIfAny();
        assert.equal(common.secretsManager.aws!.useServiceAccountIdentity, true);
        assert.equal(common.secretsManager.aws!.accessKeys, undefined);
        assert.equal(common.edition, undefined, "unset, DataPlane derives it from airbyteUrl");
    });

    it("reads flexplane:edition and refuses one the chart does not know", () => {
        const inputs = inputsWith({ cloud: "aws", secretsManager: IRSA, edition: "community" });
        assert.equal(readCommonConfig(inputs, "flexplane").edition, "community");
        inputs.problems.throwIfAny();
        const problems = commonProblems({ cloud: "aws", secretsManager: IRSA, edition: "CLOUD" });
        assert.match(
            problems["flexplane:edition"],
            /"CLOUD" is not an edition: use cloud, enterprise, community \(default: cloud when flexplane:airbyteUrl is Airbyte Cloud/,
        );
    });

    it("names every bad key with its fix", () => {
        const found = commonProblems({
            cloud: "openstack",
            haPeers: [""],
            secretsManager: { aws: { region: "us-east-1", accountId: "1", auth: "password" } },
        });
        assert.match(found["flexplane:cloud"], /"openstack" is not a cloud .*byo, aws, gcp, azure/);
        assert.match(found["flexplane:haPeers"], /must be a YAML list of names, e\.g\. \[aws-us-east-1-b\]; got \[""\]/);
        assert.match(
            found["flexplane:secretsManager.aws.auth"],
            /"password" is not an auth mode: use serviceAccount \(IRSA\) or accessKeys/,
        );
        assert.match(found["flexplane:secretsManager.aws.accountId"], /^"1" is not a 12-digit AWS account id/);
    });

    it("requires the store declaration and the cloud, with the command that sets them", () => {
        const found = commonProblems({});
        assert.match(found["flexplane:secretsManager"], /^is required: add flexplane:secretsManager: \{aws: .*\} to the stack file/);
        assert.match(
            found["flexplane:cloud"],
            /^is required on a region stack: `pulumi config set flexplane:cloud <byo\|aws\|gcp\|azure>`/,
        );
    });

    it("refuses two stores instead of keeping the first", () => {
        const found = commonProblems({ cloud: "byo", secretsManager: { ...IRSA, gcp: { projectId: "acme-secrets" } } });
        assert.match(found["flexplane:secretsManager"], /set exactly one secret store .*; got aws and gcp\./);
    });

    it("refuses an unknown key with the nearest known one, and a misspelt namespace", () => {
        const found = commonProblems({ cloud: "byo", secretsManager: IRSA, namspace: "airbyte", "flexplan:chartVersion": "2.2.0" });
        assert.match(found["flexplane:namspace"], /^is not a Flexplane setting: did you mean flexplane:namespace\? Otherwise remove it/);
        assert.match(found["flexplan:chartVersion"], /^"flexplan" is not this project's namespace: did you mean flexplane:chartVersion\?/);
        const far = commonProblems({ cloud: "byo", secretsManager: IRSA, teamName: "blue" });
        assert.match(far["flexplane:teamName"], /^is not a Flexplane setting: remove it \(docs\/configuration\.md lists every key\)\.$/);
    });

    it("refuses a credential in plain text, naming the --secret command and never the value", () => {
        const found = commonProblems(
            {
                cloud: "byo",
                secretsManager: { aws: { ...IRSA.aws, auth: "accessKeys" } },
                secretsManagerAccessKeyId: "AKIAPLAINTEXT",
                secretsManagerSecretAccessKey: "s3cr3t",
            },
            ["secretsManagerAccessKeyId"],
        );
        assert.match(
            found["flexplane:secretsManagerSecretAccessKey"],
            /^holds a credential but is in plain text in the stack file: remove it there and run `pulumi config set --secret flexplane:secretsManagerSecretAccessKey <AWS secret access key>`\.$/,
        );
        assert.equal(found["flexplane:secretsManagerAccessKeyId"], undefined);
        assert.ok(!JSON.stringify(found).includes("s3cr3t"));
    });

    it("refuses a cloud block that does not match flexplane:cloud, and org keys on a region stack", () => {
        const found = commonProblems({ cloud: "byo", secretsManager: IRSA, aws: { kubernetesVersion: "1.35" }, organizationId: "x" });
        assert.match(
            found["flexplane:aws"],
            /^is only read by aws stacks, and this stack's flexplane:cloud is byo: remove it, or set flexplane:cloud: aws\./,
        );
        assert.match(found["flexplane:organizationId"], /^is only read by the org stack/);
    });

    it("does not mistake the project defaults the CLI sets on every stack for settings", () => {
        const inputs = inputsWith({
            role: "org",
            secretsManager: IRSA,
            organizationId: "5f3c1c1e-8b6a-4c1e-9a0b-0a1b2c3d4e5f",
            namespace: "airbyte",
            haPeers: [],
            tags: {},
            allowUntestedChartVersion: "false",
        });
        assert.equal(inputs.problems.count, 0);
        const set = inputsWith({
            role: "org",
            secretsManager: IRSA,
            organizationId: "5f3c1c1e-8b6a-4c1e-9a0b-0a1b2c3d4e5f",
            namespace: "data",
        });
        assert.match(
            reasons(thrown(() => set.problems.throwIfAny()))["flexplane:namespace"],
            /^is only read by region stacks, and this is an org stack/,
        );
    });

    it("refuses the stack itself as its own HA peer or org stack, and a peer listed twice", () => {
        const found = reasons(
            thrown(() => {
                const inputs = inputsWith({
                    cloud: "byo",
                    secretsManager: IRSA,
                    haPeers: ["peer", "acme/flexplane/test", "peer"],
                    orgStack: "test",
                });
                readCommonConfig(inputs, "flexplane");
                inputs.problems.throwIfAny();
            }),
        );
        assert.match(found["flexplane:haPeers"], /"acme\/flexplane\/test" is this stack itself.* \| lists "peer" twice/);
        assert.match(found["flexplane:orgStack"], /^"test" is this stack itself/);
    });

    it("tells the engine's secret keys apart through the SDK", () => {
        MockHarness.install({ config: { "flexplane:a": "1", "flexplane:b": "2" }, secretConfigKeys: ["flexplane:b"] });
        assert.equal(isSecretConfigKey("flexplane:a"), false);
        assert.equal(isSecretConfigKey("flexplane:b"), true);
    });
});

describe("stack role", () => {
    it("refuses an unknown flexplane:role before anything is created", async () => {
        const { runPlan } = await import("../../tools/plan/plan");
        const path = await import("path");
        const plan = await runPlan({ stack: "bad-role", stacksDir: path.join(__dirname, "..", "plan", "stacks") });
        assert.equal(plan.errors.length, 1);
        assert.match(plan.errors[0], /flexplane:role: "orgs" is not a stack role: use dataPlane .* or org/);
        assert.deepEqual(plan.resources, []);
    });
});
