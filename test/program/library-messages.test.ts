import { strict as assert } from "assert";
import { resolveEksCluster } from "../../components/aws/resolve";
import { resolveDataPlaneSettings } from "../../components/dataplane/resolve";
import type { DataPlaneArgs } from "../../components/dataplane/args";
import { reasons, thrown } from "../support/outputs";

// The same mistakes the stack tests make, made by a library user: the messages name the component's
// own argument paths (stack users see flexplane:* keys instead, test/program/stack-mistakes.test.ts).
describe("messages for library users", () => {
    const store = { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } };

    it("EksCluster tells a missing region from a malformed one and quotes it", () => {
        assert.match(
            reasons(thrown(() => resolveEksCluster("dp", { secretsManager: store }, undefined))).region,
            /^is required: pass region, or set the cluster's region with `pulumi config set aws:region <region>`\.$/,
        );
        assert.match(
            reasons(thrown(() => resolveEksCluster("dp", { secretsManager: store, region: "us-east1" }, undefined))).region,
            /^"us-east1" is not an AWS region: use a region code such as us-east-1\.$/,
        );
    });

    it("DataPlane names its own arguments: chart.allowUntestedVersion, airbyteUrl", () => {
        const args = {
            kubernetesProvider: {},
            clientId: "id",
            clientSecret: "secret",
            secretsManager: store,
            storage: { s3: { bucket: "b", region: "us-east-1", useServiceAccountIdentity: true } },
        };
        const found = reasons(
            thrown(() =>
                resolveDataPlaneSettings("dp", {
                    ...args,
                    chart: { version: "3.0.0" },
                    airbyteUrl: "http://airbyte.internal",
                } as unknown as DataPlaneArgs),
            ),
        );
        assert.match(found["chart.version"], /or set chart\.allowUntestedVersion to true/);
        assert.match(found.airbyteUrl, /^"http:\/\/airbyte\.internal" must use https/);
    });
});
