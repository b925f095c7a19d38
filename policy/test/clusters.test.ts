import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { eksNoFargate, gkeZoneCount, nodesSpanTwoZones } from "../policies/clusters";
import { T } from "../policies/tokens";
import { checkResource, messages, mutate, UNKNOWN } from "./support/args";
import { ok } from "./support/fixtures";

const fargate = eksNoFargate as ResourceValidationPolicy;
const zones = nodesSpanTwoZones as ResourceValidationPolicy;

describe("policy eks-no-fargate", () => {
    it("passes an EKS cluster on EC2 node groups", () => {
        assert.deepStrictEqual(messages(checkResource(fargate, T.eksCluster, ok.eksCluster)), []);
    });

    it("reports `fargate: true` on the EKS component", () => {
        const [m] = messages(checkResource(fargate, T.eksCluster, mutate(ok.eksCluster, "fargate", true)));
        assert.match(m, /`fargate` is set/);
        assert.match(m, /Remove `fargate`/);
    });

    it("reports a Fargate profile object too", () => {
        const props = mutate(ok.eksCluster, "fargate", { selectors: [{ namespace: "airbyte" }] });
        assert.strictEqual(messages(checkResource(fargate, T.eksCluster, props)).length, 1);
    });

    it("says nothing while `fargate` is unknown", () => {
        assert.deepStrictEqual(messages(checkResource(fargate, T.eksCluster, mutate(ok.eksCluster, "fargate", UNKNOWN))), []);
    });

    it("reports every FargateProfile resource", () => {
        const [m] = messages(checkResource(fargate, T.awsFargateProfile, { clusterName: "dp", selectors: [{ namespace: "airbyte" }] }));
        assert.match(m, /FargateProfile schedules matching pods on Fargate/);
    });

    it("marks other resource types not applicable", () => {
        const outcome = checkResource(fargate, T.s3Bucket, ok.s3Bucket);
        assert.match(outcome.notApplicable ?? "", /only applies to resources of type eks:index:Cluster/);
    });
});

describe("policy nodes-span-two-zones", () => {
    const cases: [string, string, object][] = [
        ["EKS managed node group", T.eksManagedNodeGroup, ok.eksManagedNodeGroup],
        ["EKS self-managed node group", T.eksNodeGroupV2, ok.eksNodeGroupV2],
        ["aws.eks.NodeGroup", T.awsEksNodeGroup, ok.awsNodeGroup],
        ["regional GKE cluster", T.gkeCluster, ok.gkeCluster],
        ["GKE node pool", T.gkeNodePool, ok.gkeNodePool],
        ["AKS cluster", T.aksCluster, ok.aksCluster],
        ["AKS agent pool", T.aksAgentPool, ok.aksAgentPool],
        ["EKS cluster without a default node group", T.eksCluster, ok.eksCluster],
    ];
    for (const [what, type, props] of cases) {
        it(`passes a compliant ${what}`, () => {
            assert.deepStrictEqual(messages(checkResource(zones, type, props)), []);
        });
    }

    it("reports a managed node group in one subnet, and says subnets are counted", () => {
        const [m] = messages(checkResource(zones, T.eksManagedNodeGroup, mutate(ok.eksManagedNodeGroup, "subnetIds", ["subnet-a"])));
        assert.match(m, /`subnetIds` lists 1 distinct subnet/);
        assert.match(m, /counts distinct subnets/);
    });

    it("counts a repeated subnet once", () => {
        const props = mutate(ok.awsNodeGroup, "subnetIds", ["subnet-a", "subnet-a"]);
        assert.match(messages(checkResource(zones, T.awsEksNodeGroup, props))[0], /lists 1 distinct/);
    });

    it("gives unknown subnets the benefit of the doubt, but not a list of one", () => {
        const two = mutate(ok.eksManagedNodeGroup, "subnetIds", ["subnet-a", UNKNOWN]);
        assert.deepStrictEqual(messages(checkResource(zones, T.eksManagedNodeGroup, two)), []);
        const one = mutate(ok.eksManagedNodeGroup, "subnetIds", [UNKNOWN]);
        assert.strictEqual(messages(checkResource(zones, T.eksManagedNodeGroup, one)).length, 1);
    });

    it("leaves a managed node group without subnetIds alone (it uses the cluster's)", () => {
        assert.deepStrictEqual(
            messages(checkResource(zones, T.eksManagedNodeGroup, mutate(ok.eksManagedNodeGroup, "subnetIds", undefined))),
            [],
        );
    });

    it("reports the EKS default node group in one subnet", () => {
        const props = { ...mutate(ok.eksCluster, "skipDefaultNodeGroup", undefined), nodeSubnetIds: ["subnet-a"] };
        assert.match(messages(checkResource(zones, T.eksCluster, props))[0], /`nodeSubnetIds` lists 1/);
    });

    it("reports a zonal GKE cluster without extra node locations", () => {
        const [m] = messages(checkResource(zones, T.gkeCluster, mutate(ok.gkeCluster, "location", "europe-west1-b")));
        assert.match(m, /"europe-west1-b".*places nodes in one zone/);
        assert.match(m, /Use a region as `location`/);
    });

    it("passes a zonal GKE cluster whose nodeLocations add a second zone", () => {
        const props = { ...mutate(ok.gkeCluster, "location", "europe-west1-b"), nodeLocations: ["europe-west1-c"] };
        assert.deepStrictEqual(messages(checkResource(zones, T.gkeCluster, props)), []);
    });

    it("reports a regional GKE cluster narrowed to one zone", () => {
        const props = { ...ok.gkeCluster, nodeLocations: ["europe-west1-b"] };
        assert.strictEqual(messages(checkResource(zones, T.gkeCluster, props)).length, 1);
    });

    it("reports a GKE node pool with one node location", () => {
        const [m] = messages(checkResource(zones, T.gkeNodePool, mutate(ok.gkeNodePool, "nodeLocations", ["europe-west1-b"])));
        assert.match(m, /`nodeLocations` lists 1 zone/);
    });

    it("reports an AKS system pool without zones, naming the pool", () => {
        const props = mutate(ok.aksCluster, "agentPoolProfiles", [{ name: "system", mode: "System", count: 2 }]);
        const [m] = messages(checkResource(zones, T.aksCluster, props));
        assert.match(m, /agentPoolProfiles\[0\] \(system\)\.availabilityZones` lists 0 zone/);
        assert.match(m, /at least two zones/);
    });

    it("reports an AKS agent pool in one zone", () => {
        const [m] = messages(checkResource(zones, T.aksAgentPool, mutate(ok.aksAgentPool, "availabilityZones", ["1"])));
        assert.match(m, /`availabilityZones` lists 1 zone/);
    });
});

describe("gkeZoneCount", () => {
    it("counts a region as many zones, a zone plus extras as their union", () => {
        assert.strictEqual(gkeZoneCount("us-central1", undefined), Number.POSITIVE_INFINITY);
        assert.strictEqual(gkeZoneCount("us-central1-a", ["us-central1-b", "us-central1-a"]), 2);
        assert.strictEqual(gkeZoneCount(undefined, undefined), undefined);
        assert.strictEqual(gkeZoneCount(UNKNOWN, undefined), UNKNOWN);
    });
});
