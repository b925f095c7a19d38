import { strict as assert } from "assert";
import { checkControlPlaneStore, checkHaPeer, DataPlaneDescriptor } from "../../components/shared/rules";

const US = "aws-secrets-manager:123456789012:us-east-1";
const EU = "aws-secrets-manager:123456789012:eu-west-1";
const own: DataPlaneDescriptor = { cloud: "aws", clusterRegion: "us-east-1", airbyteRegion: "us", secretsManagerIdentity: US };

describe("cross-stack rules", () => {
    describe("same secrets manager as the control plane", () => {
        it("passes when the identities match", () => {
            assert.deepEqual(checkControlPlaneStore("aws-us-east-1", US, "org", US), []);
        });
        it("fails with both identities and the fix", () => {
            const [v] = checkControlPlaneStore("aws-eu-west-1", EU, "org", US);
            assert.equal(v.rule, "same-secrets-manager-as-control-plane");
            assert.match(v.message, new RegExp(`would use secrets manager ${EU}, but the control plane \\(org stack "org"\\) uses ${US}`));
            assert.match(v.message, new RegExp(`Set flexplane:secretsManager in stack "aws-eu-west-1" to the store ${US}`));
        });
        it("reports an org stack that exports no identity", () => {
            for (const missing of [undefined, "", 42]) {
                const [v] = checkControlPlaneStore("s", US, "org", missing);
                assert.equal(v.rule, "missing-output");
                assert.match(v.message, /exports no secretsManagerIdentity.*Run `pulumi up` on "org" first/);
            }
        });
    });

    describe("HA peers share region and store", () => {
        const table: { name: string; peer: unknown; rules: string[]; message?: RegExp }[] = [
            { name: "matching peer", peer: { ...own, clusterRegion: "us-east-2" }, rules: [] },
            {
                name: "other Airbyte region",
                peer: { ...own, airbyteRegion: "eu" },
                rules: ["ha-peers-share-region-and-store"],
                message: /in Airbyte region "us" but its HA peer "p" is in "eu"/,
            },
            {
                name: "other store",
                peer: { ...own, secretsManagerIdentity: EU },
                rules: ["ha-peers-share-region-and-store"],
                message: new RegExp(`uses secrets manager ${US} but its HA peer "p" uses ${EU}`),
            },
            {
                name: "both differ",
                peer: { ...own, airbyteRegion: "eu", secretsManagerIdentity: EU },
                rules: ["ha-peers-share-region-and-store", "ha-peers-share-region-and-store"],
            },
            {
                name: "peer without region while we have one",
                peer: { ...own, airbyteRegion: undefined },
                rules: ["ha-peers-share-region-and-store"],
                message: /is in "\(none\)"/,
            },
            {
                name: "no descriptor",
                peer: undefined,
                rules: ["missing-output"],
                message: /exports no descriptor.*remove it from flexplane:haPeers/,
            },
            { name: "descriptor without identity", peer: { cloud: "aws" }, rules: ["missing-output"] },
        ];
        for (const row of table) {
            it(row.name, () => {
                const violations = checkHaPeer("s", own, "p", row.peer);
                assert.deepEqual(
                    violations.map((v) => v.rule),
                    row.rules,
                );
                if (row.message) {
                    assert.match(violations[0].message, row.message);
                }
            });
        }
    });
});
