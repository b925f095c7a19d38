import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { gcpNoLongLivedServiceAccountKeys } from "../policies/advisory";
import { clusterEndpointRestricted } from "../policies/endpoints";
import { T } from "../policies/tokens";
import { checkResource, messages, mutate, UNKNOWN } from "./support/args";
import { ok } from "./support/fixtures";

const keys = gcpNoLongLivedServiceAccountKeys as ResourceValidationPolicy;
const endpoint = clusterEndpointRestricted as ResourceValidationPolicy;

describe("policy gcp-no-long-lived-sa-keys (advisory)", () => {
    it("is advisory and silent for resources that are not keys", () => {
        assert.strictEqual(keys.enforcementLevel, "advisory");
        assert.ok(checkResource(keys, T.gcsBucket, ok.gcsBucket).notApplicable);
    });

    it("notes every service-account key and why it is kept", () => {
        const [m] = messages(checkResource(keys, T.gcpServiceAccountKey, ok.gcpServiceAccountKey, { name: "gsm-key" }));
        assert.match(m, /Service-account key "gsm-key" never expires/);
        assert.match(m, /rotate the key/);
    });
});

describe("policy cluster-endpoint-restricted (mandatory)", () => {
    it("is mandatory: an endpoint open to every address fails the plan unless the pack's config lowers it", () => {
        assert.strictEqual(endpoint.enforcementLevel, "mandatory");
        const [m] = messages(checkResource(endpoint, T.aksCluster, mutate(ok.aksCluster, "apiServerAccessProfile", undefined)));
        assert.match(m, /only on an explicitly named option: apiServer\.openToInternet/);
    });

    const cases: [string, string, object][] = [
        ["EKS component with allowed CIDRs", T.eksCluster, ok.eksCluster],
        ["EKS cluster with a private endpoint", T.awsEksCluster, ok.awsEksCluster],
        ["GKE cluster with authorized networks", T.gkeCluster, ok.gkeCluster],
        ["AKS cluster with authorized ranges", T.aksCluster, ok.aksCluster],
    ];
    for (const [what, type, props] of cases) {
        it(`passes an ${what}`, () => {
            assert.deepStrictEqual(messages(checkResource(endpoint, type, props)), []);
        });
    }

    it("notes an EKS component whose public endpoint has no CIDRs (public by default)", () => {
        const props = mutate(mutate(ok.eksCluster, "publicAccessCidrs", undefined), "endpointPublicAccess", undefined);
        const [m] = messages(checkResource(endpoint, T.eksCluster, props));
        assert.match(m, /`endpointPublicAccess`, true by default\) is reachable from the whole internet/);
        assert.match(m, /list them in `publicAccessCidrs`/);
    });

    it("notes 0.0.0.0/0 among the EKS cluster's CIDRs", () => {
        const props = mutate(mutate(ok.awsEksCluster, "vpcConfig.endpointPublicAccess", true), "vpcConfig.publicAccessCidrs", [
            "0.0.0.0/0",
        ]);
        assert.match(messages(checkResource(endpoint, T.awsEksCluster, props))[0], /`vpcConfig.publicAccessCidrs`/);
    });

    it("notes a GKE cluster without authorized networks", () => {
        const props = mutate(ok.gkeCluster, "masterAuthorizedNetworksConfig", undefined);
        assert.match(messages(checkResource(endpoint, T.gkeCluster, props))[0], /set `masterAuthorizedNetworksConfig.cidrBlocks`/);
    });

    it("accepts a GKE private endpoint without authorized networks", () => {
        const props = mutate(
            mutate(ok.gkeCluster, "masterAuthorizedNetworksConfig", undefined),
            "privateClusterConfig.enablePrivateEndpoint",
            true,
        );
        assert.deepStrictEqual(messages(checkResource(endpoint, T.gkeCluster, props)), []);
    });

    it("notes an AKS API server open to everyone, but not a private one", () => {
        const open = mutate(ok.aksCluster, "apiServerAccessProfile", undefined);
        assert.match(messages(checkResource(endpoint, T.aksCluster, open))[0], /set `apiServerAccessProfile.authorizedIPRanges`/);
        const privateCluster = mutate(ok.aksCluster, "apiServerAccessProfile", { enablePrivateCluster: true });
        assert.deepStrictEqual(messages(checkResource(endpoint, T.aksCluster, privateCluster)), []);
    });

    it("says nothing while the endpoint settings are unknown", () => {
        const props = mutate(ok.eksCluster, "publicAccessCidrs", UNKNOWN);
        assert.deepStrictEqual(messages(checkResource(endpoint, T.eksCluster, props)), []);
    });
});
