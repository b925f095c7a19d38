import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { secretsManagerPolicyDocument, secretsManagerReadPolicyDocument } from "../../components/aws/policies";
import { secretArnsToProbe, secretsManagerAccessTagScoped } from "../policies/secrets-access";
import { T } from "../policies/tokens";
import { checkResource, messages, UNKNOWN } from "./support/args";

const policy = secretsManagerAccessTagScoped as ResourceValidationPolicy;
const STORE = { region: "us-east-1", accountId: "123456789012" };
const documented = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue", "secretsmanager:CreateSecret", "secretsmanager:DescribeSecret"],
            Resource: "*",
            Condition: { "ForAllValues:StringEquals": { "secretsmanager:ResourceTag/AirbyteManaged": "true" } },
        },
    ],
});

describe("policy secrets-manager-access-tag-scoped", () => {
    it("passes the policies EksCluster and ControlPlaneSecretsRole write", () => {
        for (const doc of [
            secretsManagerReadPolicyDocument(STORE),
            secretsManagerPolicyDocument({ ...STORE, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" }),
        ]) {
            assert.deepStrictEqual(messages(checkResource(policy, T.iamRolePolicy, { role: "r", policy: JSON.stringify(doc) })), []);
        }
    });

    it("reports Airbyte's documented policy, naming what it reaches and the fix", () => {
        const [m] = messages(checkResource(policy, T.iamRolePolicy, { role: "r", policy: documented }));
        assert.match(m, /allows secretsmanager:GetSecretValue on the untagged secret "prod\/database-password/);
        assert.match(m, /never `ForAllValues:`/);
    });

    it("checks standalone, user and group policies and a role's inline policies too", () => {
        for (const type of [T.iamPolicy, T.iamUserPolicy, T.iamGroupPolicy]) {
            assert.strictEqual(messages(checkResource(policy, type, { policy: documented })).length, 1, type);
        }
        const [m] = messages(
            checkResource(policy, T.iamRole, { assumeRolePolicy: "{}", inlinePolicies: [{ name: "a", policy: documented }] }),
        );
        assert.match(m, /^`inlinePolicies\[0\]\.policy`/);
    });

    it("finds a grant scoped to some other name pattern, from the document's own ARNs", () => {
        const scoped = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Action: "secretsmanager:GetSecretValue",
                    Resource: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:team-x/*",
                },
            ],
        });
        assert.ok(secretArnsToProbe(scoped).includes("arn:aws:secretsmanager:eu-west-1:123456789012:secret:team-x/x"));
        assert.match(messages(checkResource(policy, T.iamRolePolicy, { policy: scoped }))[0], /untagged secret "team-x\/x"/);
    });

    it("accepts the untagged airbyte_* opt-in only when the pack's config allows it", () => {
        const optIn = JSON.stringify(secretsManagerReadPolicyDocument({ ...STORE, allowUntaggedSecrets: true }));
        assert.match(messages(checkResource(policy, T.iamRolePolicy, { policy: optIn }))[0], /untagged secret "airbyte_/);
        assert.deepStrictEqual(
            messages(checkResource(policy, T.iamRolePolicy, { policy: optIn }, { config: { allowUntaggedAirbyteSecrets: true } })),
            [],
        );
    });

    it("says nothing while the document is unknown, and ignores documents without Secrets Manager grants", () => {
        assert.deepStrictEqual(messages(checkResource(policy, T.iamRolePolicy, { policy: UNKNOWN })), []);
        const s3 = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
        assert.deepStrictEqual(messages(checkResource(policy, T.iamRolePolicy, { policy: s3 })), []);
    });
});
