import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import { flexplaneMocks, remoteComponentOutputs } from "../../components/testing";

const root = path.resolve(__dirname, "..", "..");
const resource = (type: string, name = "x", inputs: Record<string, any> = {}) => ({ type, name, inputs, custom: false });

describe("flexplane/testing", () => {
    it("answers the remote components and nothing else on its own", () => {
        const cluster = remoteComponentOutputs(resource("eks:index:Cluster", "c", { name: "airbyte" }))!;
        assert.deepEqual(JSON.parse(cluster.kubeconfigJson).users[0].user.exec.args.slice(2, 5), ["eks", "get-token", "--cluster-name"]);
        assert.match(cluster.oidcProviderArn, /^arn:aws:iam::123456789012:oidc-provider\/oidc\.eks\./);
        assert.equal(remoteComponentOutputs(resource("awsx:ec2:Vpc", "v", { numberOfAvailabilityZones: 2 }))!.privateSubnetIds.length, 2);
        assert.equal(remoteComponentOutputs(resource("aws:iam/role:Role")), undefined);
    });

    it("flexplaneMocks: ids, inputs back, your outputs first, and loud unanswered invokes", async () => {
        const mocks = flexplaneMocks({ outputs: (a) => (a.type === "aws:iam/role:Role" ? { arn: "mine" } : undefined) });
        const role = await mocks.newResource(resource("aws:iam/role:Role", "r", { description: "d" }));
        assert.deepEqual([role.id, role.state.description, role.state.arn], ["r-id", "d", "mine"]);
        const bucket = await mocks.newResource(resource("aws:s3/bucket:Bucket", "b", { bucketPrefix: "logs-" }));
        assert.match(bucket.state.bucket, /^logs-[0-9a-f]{26}$/);
        assert.throws(
            () => mocks.call({ token: "aws:ec2/getSubnet:getSubnet", inputs: { id: "subnet-1" } }),
            /no answer for invoke aws:ec2\/getSubnet:getSubnet; give one with flexplaneMocks\(\{ call \}\)/,
        );
        const answered = flexplaneMocks({ call: (a) => (a.token === "aws:ec2/getSubnet:getSubnet" ? { vpcId: "vpc-1" } : undefined) });
        assert.deepEqual(await answered.call({ token: "aws:ec2/getSubnet:getSubnet", inputs: {} }), { vpcId: "vpc-1" });
        assert.equal(
            (await answered.call({ token: "aws:index/getCallerIdentity:getCallerIdentity", inputs: {} })).accountId,
            "123456789012",
        );
    });

    it("loads no cloud SDK", () => {
        const script = `
            require(${JSON.stringify(path.join(root, "components", "testing", "index.ts"))});
            const loaded = Object.keys(require.cache);
            process.stdout.write(JSON.stringify(["@pulumi/aws", "@pulumi/awsx", "@pulumi/eks", "@pulumi/gcp", "@pulumi/azure-native", "@pulumi/azuread", "@pulumi/kubernetes"]
                .filter((sdk) => loaded.some((f) => f.includes("/node_modules/" + sdk + "/")))));`;
        const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
            cwd: root,
            encoding: "utf8",
        });
        assert.deepEqual(JSON.parse(out), []);
    });
});
