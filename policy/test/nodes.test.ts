import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { nodeLaunchTemplateInputs } from "../../components/aws/nodes";
import { eksNodesHardened } from "../policies/nodes";
import { T } from "../policies/tokens";
import { checkResource, messages, mutate, UNKNOWN } from "./support/args";
import { ok } from "./support/fixtures";

const policy = eksNodesHardened as ResourceValidationPolicy;
const GROUP = { instanceTypes: ["m6i.xlarge"], minSize: 2, desiredSize: 2, maxSize: 6, diskSizeGiB: 100, spot: false, labels: {} };
/** The launch template EksCluster writes for its node groups. */
const template = JSON.parse(JSON.stringify(nodeLaunchTemplateInputs(GROUP, "general nodes", { team: "data" })));

describe("policy eks-nodes-hardened", () => {
    it("passes the launch template EksCluster writes, and a managed group that uses one", () => {
        assert.deepStrictEqual(messages(checkResource(policy, T.awsLaunchTemplate, template)), []);
        assert.deepStrictEqual(
            messages(
                checkResource(policy, T.eksManagedNodeGroup, { ...ok.eksManagedNodeGroup, launchTemplate: { id: "lt-1", version: "1" } }),
            ),
            [],
        );
    });

    it("reports a hop limit of 2, IMDSv1 and an unencrypted root volume, each with its fix", () => {
        const [hops] = messages(checkResource(policy, T.awsLaunchTemplate, mutate(template, "metadataOptions.httpPutResponseHopLimit", 2)));
        assert.match(hops, /httpPutResponseHopLimit` is 2: .*connector pod could read the node role's credentials; set it to 1/);
        const [v1] = messages(checkResource(policy, T.awsLaunchTemplate, mutate(template, "metadataOptions.httpTokens", "optional")));
        assert.match(v1, /httpTokens` is not "required"/);
        const [disk] = messages(
            checkResource(policy, T.awsLaunchTemplate, mutate(template, "blockDeviceMappings.0.ebs.encrypted", undefined)),
        );
        assert.match(disk, /blockDeviceMappings\[0\]\.ebs\.encrypted` is not "true"/);
        const [none] = messages(checkResource(policy, T.awsLaunchTemplate, { metadataOptions: template.metadataOptions }));
        assert.match(none, /blockDeviceMappings` is empty/);
    });

    it("accepts a template that turns the metadata endpoint off", () => {
        assert.deepStrictEqual(
            messages(checkResource(policy, T.awsLaunchTemplate, { ...template, metadataOptions: { httpEndpoint: "disabled" } })),
            [],
        );
    });

    it("reports managed groups without a launch template, naming @pulumi/eks's enableIMDSv2", () => {
        const withoutTemplate = mutate(ok.eksManagedNodeGroup, "launchTemplate", undefined);
        assert.match(
            messages(checkResource(policy, T.eksManagedNodeGroup, { ...withoutTemplate, enableIMDSv2: true }))[0],
            /enableIMDSv2` makes @pulumi\/eks write a launch template with a hop limit of 2/,
        );
        assert.match(messages(checkResource(policy, T.awsEksNodeGroup, ok.awsNodeGroup))[0], /EKS's default template/);
        assert.deepStrictEqual(messages(checkResource(policy, T.awsEksNodeGroup, { ...ok.awsNodeGroup, launchTemplate: UNKNOWN })), []);
    });

    it("reports self-managed groups and a cluster's default node group", () => {
        assert.strictEqual(messages(checkResource(policy, T.eksNodeGroupV2, ok.eksNodeGroupV2)).length, 1);
        assert.strictEqual(messages(checkResource(policy, T.eksCluster, mutate(ok.eksCluster, "skipDefaultNodeGroup", false))).length, 1);
        assert.deepStrictEqual(messages(checkResource(policy, T.eksCluster, ok.eksCluster)), []);
    });
});
