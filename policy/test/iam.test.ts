import * as assert from "assert";
import { evaluateIamPolicy, operatorHolds, wildcard } from "../policies/iam";

/**
 * The evaluator's rules, each from the IAM User Guide: "Condition operators" (a missing key makes a
 * condition false, or true for negated operators; ...IfExists and Null aside) and "Multivalued
 * context keys" (ForAllValues is true when the key is missing; ForAnyValue is not).
 */
describe("IAM evaluator: condition operators", () => {
    const rows: [string, string, string | string[] | undefined, string[], boolean | "unknown"][] = [
        ["StringEquals, key missing", "StringEquals", undefined, ["true"], false],
        ["StringEquals, value matches", "StringEquals", "true", ["true"], true],
        ["StringEquals is case-sensitive", "StringEquals", "True", ["true"], false],
        ["StringEqualsIgnoreCase", "StringEqualsIgnoreCase", "True", ["true"], true],
        ["policy values are alternatives", "StringEquals", "b", ["a", "b"], true],
        ["StringNotEquals, key missing", "StringNotEquals", undefined, ["true"], true],
        ["StringNotEquals against any listed value", "StringNotEquals", "b", ["a", "b"], false],
        ["StringEqualsIfExists, key missing", "StringEqualsIfExists", undefined, ["true"], true],
        ["StringEqualsIfExists, key present", "StringEqualsIfExists", "false", ["true"], false],
        ["StringLike wildcard", "StringLike", "airbyte_x_v1", ["airbyte_*"], true],
        ["StringNotLike, key missing", "StringNotLike", undefined, ["a*"], true],
        ["Null true: key missing", "Null", undefined, ["true"], true],
        ["Null true: key present", "Null", "x", ["true"], false],
        ["Null false: key present", "Null", "x", ["false"], true],
        ["ForAllValues, key missing (the documented policy's trap)", "ForAllValues:StringEquals", undefined, ["true"], true],
        ["ForAllValues, every value listed", "ForAllValues:StringEquals", ["A", "B"], ["A", "B", "C"], true],
        ["ForAllValues, one value not listed", "ForAllValues:StringEquals", ["A", "D"], ["A", "B"], false],
        ["ForAnyValue, key missing", "ForAnyValue:StringEquals", undefined, ["A"], false],
        ["ForAnyValue, one value listed", "ForAnyValue:StringLike", ["x", "access-team"], ["access-*"], true],
        ["Bool", "Bool", "false", ["false"], true],
        ["ArnLike, per part", "ArnLike", "arn:aws:iam::123456789012:role/x", ["arn:aws:iam::*:role/*"], true],
        ["ArnLike does not cross parts", "ArnLike", "arn:aws:iam::123456789012:role/x", ["arn:aws:*:role/*"], false],
        ["an operator the evaluator does not model", "NumericLessThan", "3", ["5"], "unknown"],
        ["a policy variable", "StringEquals", "x", ["${aws:PrincipalTag/team}"], "unknown"],
    ];
    for (const [what, operator, request, wanted, expected] of rows) {
        it(what, () => assert.strictEqual(operatorHolds(operator, request, wanted), expected));
    }
});

describe("IAM evaluator: statements and documents", () => {
    const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
    const get = { action: "secretsmanager:GetSecretValue", resource: "arn:aws:secretsmanager:us-east-1:1:secret:a" };

    it("matches actions without case and with wildcards, resources with case", () => {
        assert.strictEqual(wildcard("secretsmanager:Get*", "SecretsManager:GetSecretValue", true), true);
        assert.strictEqual(wildcard("arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", false), false);
        assert.strictEqual(evaluateIamPolicy(doc({ Effect: "Allow", Action: "secretsmanager:*", Resource: "*" }), get), "allow");
    });

    it("denies what no statement allows, and an explicit Deny wins over any Allow", () => {
        assert.strictEqual(evaluateIamPolicy(doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }), get), "deny");
        const both = doc(
            { Effect: "Allow", Action: "*", Resource: "*" },
            { Effect: "Deny", Action: "secretsmanager:GetSecretValue", Resource: "*" },
        );
        assert.strictEqual(evaluateIamPolicy(both, get), "deny");
    });

    it("reads NotAction and NotResource as everything but the listed", () => {
        assert.strictEqual(evaluateIamPolicy(doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }), get), "allow");
        assert.strictEqual(
            evaluateIamPolicy(doc({ Effect: "Allow", Action: "*", NotResource: "arn:aws:secretsmanager:*:*:secret:a" }), get),
            "deny",
        );
    });

    it("needs every condition of a statement, and accepts JSON text", () => {
        const statement = {
            Effect: "Allow",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { "aws:ResourceTag/A": "1", "aws:ResourceTag/B": "2" } },
        };
        assert.strictEqual(evaluateIamPolicy(JSON.stringify(doc(statement)), { ...get, context: { "aws:resourcetag/a": "1" } }), "deny");
        assert.strictEqual(
            evaluateIamPolicy(doc(statement), { ...get, context: { "aws:ResourceTag/A": "1", "aws:ResourceTag/B": "2" } }),
            "allow",
        );
    });

    it("answers maybe when an unmodelled condition decides, never allow", () => {
        const statement = {
            Effect: "Allow",
            Action: "*",
            Resource: "*",
            Condition: { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } },
        };
        assert.strictEqual(evaluateIamPolicy(doc(statement), get), "maybe");
    });

    it("reads an unreadable document as granting nothing", () => {
        assert.strictEqual(evaluateIamPolicy("{not json", get), "deny");
    });
});
