import { strict as assert } from "assert";
import { secretsManagerPolicyDocument, secretsManagerReadPolicyDocument, SecretsManagerGrant } from "../../components/aws/policies";
import { evaluateIamPolicy, IamRequest } from "../../policy/policies/iam";
import { untaggedSecretAccess } from "../../policy/policies/secrets-access";

/**
 * The Secrets Manager policies evaluated, not string-matched: each request context below is run
 * through an IAM evaluator that follows the IAM User Guide's rules (policy/policies/iam.ts), so the
 * assertions say what AWS would decide.
 */
const STORE = { region: "us-east-1", accountId: "210987654321" };
const ARN = (name: string) => `arn:aws:secretsmanager:us-east-1:210987654321:secret:${name}`;
const AIRBYTE = ARN("airbyte_workspace_5f3c_secret_9a0b_v1-Qw12Er");
const FOREIGN = ARN("prod/payments/db-password-Zx98Yt");
const TAGGED = { "secretsmanager:ResourceTag/AirbyteManaged": "true", "aws:ResourceTag/AirbyteManaged": "true" };
const TAGGED_FALSE = { "secretsmanager:ResourceTag/AirbyteManaged": "false", "aws:ResourceTag/AirbyteManaged": "false" };
const CREATE_TAGGED = { "aws:RequestTag/AirbyteManaged": "true", "aws:TagKeys": ["AirbyteManaged"] };

/** Airbyte's documented policy, as its docs print it. */
const DOCUMENTED = {
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Action: [
                "secretsmanager:GetSecretValue",
                "secretsmanager:CreateSecret",
                "secretsmanager:ListSecrets",
                "secretsmanager:DescribeSecret",
                "secretsmanager:TagResource",
                "secretsmanager:UpdateSecret",
            ],
            Resource: "*",
            Condition: { "ForAllValues:StringEquals": { "secretsmanager:ResourceTag/AirbyteManaged": "true" } },
        },
    ],
};

type Row = [string, IamRequest, "allow" | "deny"];
const req = (action: string, resource: string, context: Record<string, string | string[]> = {}): IamRequest => ({
    action: `secretsmanager:${action}`,
    resource,
    context,
});

/** What the data plane's role may do: read tagged secrets, nothing more. */
const READER: Row[] = [
    ["read a tagged Airbyte secret", req("GetSecretValue", AIRBYTE, TAGGED), "allow"],
    ["describe a tagged Airbyte secret", req("DescribeSecret", AIRBYTE, TAGGED), "allow"],
    ["read a tagged secret the user referenced by name", req("GetSecretValue", FOREIGN, TAGGED), "allow"],
    ["read an untagged Airbyte secret", req("GetSecretValue", AIRBYTE), "deny"],
    ["read an untagged foreign secret", req("GetSecretValue", FOREIGN), "deny"],
    ["read a secret tagged AirbyteManaged=false", req("GetSecretValue", AIRBYTE, TAGGED_FALSE), "deny"],
    ["read a tagged secret in another region", req("GetSecretValue", AIRBYTE.replace("us-east-1", "eu-west-1"), TAGGED), "deny"],
    ["update a tagged Airbyte secret", req("UpdateSecret", AIRBYTE, TAGGED), "deny"],
    ["create a tagged Airbyte secret", req("CreateSecret", AIRBYTE, CREATE_TAGGED), "deny"],
    ["list every secret's name and tags", req("ListSecrets", "*"), "deny"],
];

/** What the control plane's role may do on top. */
const WRITER: Row[] = [
    ...READER.filter(([what]) => what.startsWith("read") || what.startsWith("describe") || what.startsWith("list")),
    ["update a tagged Airbyte secret", req("UpdateSecret", AIRBYTE, TAGGED), "allow"],
    ["delete a tagged Airbyte secret", req("DeleteSecret", AIRBYTE, TAGGED), "allow"],
    ["create an Airbyte secret tagged AirbyteManaged=true (and its TagResource)", req("CreateSecret", AIRBYTE, CREATE_TAGGED), "allow"],
    ["tag a new Airbyte secret while creating it", req("TagResource", AIRBYTE, CREATE_TAGGED), "allow"],
    ["update an untagged Airbyte secret", req("UpdateSecret", AIRBYTE), "deny"],
    ["delete a tagged foreign secret", req("DeleteSecret", FOREIGN, TAGGED), "deny"],
    ["create an Airbyte secret without tags", req("CreateSecret", AIRBYTE), "deny"],
    [
        "create an Airbyte secret tagged AirbyteManaged=false",
        req("CreateSecret", AIRBYTE, { "aws:RequestTag/AirbyteManaged": "false", "aws:TagKeys": ["AirbyteManaged"] }),
        "deny",
    ],
    [
        "create an Airbyte secret with an extra tag key",
        req("CreateSecret", AIRBYTE, { ...CREATE_TAGGED, "aws:RequestTag/Owner": "x", "aws:TagKeys": ["AirbyteManaged", "Owner"] }),
        "deny",
    ],
    ["create a tagged secret outside airbyte_*", req("CreateSecret", FOREIGN, CREATE_TAGGED), "deny"],
    ["tag a foreign untagged secret AirbyteManaged=true (to read it next)", req("TagResource", FOREIGN, CREATE_TAGGED), "deny"],
    ["remove a tag", req("UntagResource", AIRBYTE, { ...TAGGED, "aws:TagKeys": ["AirbyteManaged"] }), "deny"],
];

function check(rows: Row[], grant: SecretsManagerGrant, build: (g: SecretsManagerGrant) => object) {
    const doc = build(grant);
    for (const [what, request, expected] of rows) {
        assert.equal(evaluateIamPolicy(doc, request), expected, `${what}: expected ${expected}`);
    }
}

describe("Secrets Manager policies, evaluated over request contexts", () => {
    it("shows the trap in Airbyte's documented policy: it reaches untagged secrets of any name", () => {
        assert.equal(evaluateIamPolicy(DOCUMENTED, req("GetSecretValue", FOREIGN)), "allow");
        assert.equal(evaluateIamPolicy(DOCUMENTED, req("GetSecretValue", FOREIGN, TAGGED_FALSE)), "deny");
        assert.ok(untaggedSecretAccess(DOCUMENTED, false).length > 0);
    });

    it("the data plane's role reads tagged secrets and does nothing else", () => {
        check(READER, STORE, secretsManagerReadPolicyDocument);
        check(READER, { ...STORE, kmsKeyArn: "arn:aws:kms:us-east-1:210987654321:key/k" }, secretsManagerReadPolicyDocument);
    });

    it("the control plane's role also changes and creates airbyte_* secrets, only tagged", () => {
        check(WRITER, STORE, secretsManagerPolicyDocument);
    });

    it("never matches an untagged secret, whatever the grant, unless the opt-in asks for airbyte_* ones", () => {
        for (const build of [secretsManagerReadPolicyDocument, secretsManagerPolicyDocument]) {
            for (const kmsKeyArn of [undefined, "arn:aws:kms:us-east-1:210987654321:key/k"]) {
                assert.deepEqual(untaggedSecretAccess(build({ ...STORE, kmsKeyArn }), false), [], build.name);
            }
            const optIn = build({ ...STORE, allowUntaggedSecrets: true });
            assert.ok(untaggedSecretAccess(optIn, false).length > 0, `${build.name}: the opt-in reaches untagged airbyte_* secrets`);
            assert.deepEqual(untaggedSecretAccess(optIn, true), [], `${build.name}: and nothing more`);
        }
    });

    it("the opt-in reaches untagged airbyte_* secrets, never untagged secrets of other names, and never creates untagged ones", () => {
        const reader = secretsManagerReadPolicyDocument({ ...STORE, allowUntaggedSecrets: true });
        const writer = secretsManagerPolicyDocument({ ...STORE, allowUntaggedSecrets: true });
        assert.equal(evaluateIamPolicy(reader, req("GetSecretValue", AIRBYTE)), "allow");
        assert.equal(evaluateIamPolicy(reader, req("UpdateSecret", AIRBYTE)), "deny");
        assert.equal(evaluateIamPolicy(writer, req("UpdateSecret", AIRBYTE)), "allow");
        for (const doc of [reader, writer]) {
            assert.equal(evaluateIamPolicy(doc, req("GetSecretValue", FOREIGN)), "deny");
            assert.equal(evaluateIamPolicy(doc, req("CreateSecret", AIRBYTE)), "deny");
        }
    });
});
