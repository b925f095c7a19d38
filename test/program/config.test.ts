import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readCommonConfig } from "../../program/config";
import { MockHarness } from "../../tools/harness/runtime";
import { isSecret, thrown, valueOf } from "../support/outputs";

function configWith(values: Record<string, unknown>, secretKeys: string[] = []): pulumi.Config {
    const config: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
        config[`flexplane:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    }
    MockHarness.install({ config, secretConfigKeys: secretKeys.map((k) => `flexplane:${k}`) });
    return new pulumi.Config("flexplane");
}

describe("stack config", () => {
    it("reads an AWS store with access keys as secrets and a numeric account id as text", async () => {
        const common = readCommonConfig(configWith({
            cloud: "aws",
            secretsManager: { aws: { region: "us-east-1", accountId: 123456789012, auth: "accessKeys" } },
            secretsManagerAccessKeyId: "AKIA1", secretsManagerSecretAccessKey: "s3cr3t",
        }, ["secretsManagerAccessKeyId", "secretsManagerSecretAccessKey"]));
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
        const common = readCommonConfig(configWith({ cloud: "byo", secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", auth: "serviceAccount" } } }));
        assert.equal(common.secretsManager.aws!.useServiceAccountIdentity, true);
        assert.equal(common.secretsManager.aws!.accessKeys, undefined);
        assert.equal(common.edition, undefined, "unset, DataPlane derives it from airbyteUrl");
    });

    it("reads flexplane:edition and refuses one the chart does not know", () => {
        const store = { aws: { region: "us-east-1", accountId: "123456789012", auth: "serviceAccount" } };
        assert.equal(readCommonConfig(configWith({ cloud: "byo", secretsManager: store, edition: "community" })).edition, "community");
        const err = thrown(() => readCommonConfig(configWith({ cloud: "byo", secretsManager: store, edition: "CLOUD" })));
        assert.ok(pulumi.InputPropertiesError.isInstance(err));
        assert.match(err.errors[0].reason, /"CLOUD" is not an edition: use cloud, enterprise, community \(default: cloud when flexplane:airbyteUrl is Airbyte Cloud/);
        assert.equal(err.errors[0].propertyPath, "flexplane:edition");
    });

    it("names every bad key with its fix", () => {
        const err = thrown(() => readCommonConfig(configWith({ cloud: "openstack", haPeers: [""], secretsManager: { aws: { region: "us-east-1", accountId: "1", auth: "password" } } })));
        assert.ok(pulumi.InputPropertiesError.isInstance(err));
        const byPath = Object.fromEntries(err.errors.map((e: any) => [e.propertyPath, e.reason]));
        assert.match(byPath["flexplane:cloud"], /"openstack" is not a cloud .*byo, aws, gcp, azure/);
        assert.match(byPath["flexplane:haPeers"], /list of stack names/);
        assert.match(byPath["flexplane:secretsManager.aws.auth"], /use serviceAccount \(IRSA\) or accessKeys/);
    });

    it("requires the store declaration", () => {
        const err = thrown(() => readCommonConfig(configWith({ cloud: "byo" })));
        assert.match(err.message, /flexplane:secretsManager: is required: declare the control plane's secret store/);
    });
});

describe("stack role", () => {
    it("refuses an unknown flexplane:role before anything is created", async () => {
        const { runPlan } = await import("../../tools/plan/plan");
        const path = await import("path");
        const plan = await runPlan({ stack: "bad-role", stacksDir: path.join(__dirname, "..", "plan", "stacks") });
        assert.equal(plan.errors.length, 1);
        assert.match(plan.errors[0], /^flexplane:role: "orgs" is not a stack role: use dataPlane .* or org/);
        assert.deepEqual(plan.resources, []);
    });
});
