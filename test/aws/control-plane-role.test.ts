import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import {
    controlPlaneAccessKeySecretStorageJson,
    controlPlaneSecretStorageJson,
    isValidExternalId,
    roleAccountProblem,
} from "../../components/aws/control-plane-role";
import type { ControlPlaneSecretsRole, ControlPlaneSecretsRoleArgs } from "../../components/aws/control-plane-role";
import { secretsManagerPolicyDocument } from "../../components/aws/policies";
import { componentTests, expectProblem } from "../support/harness";
import { valueOf } from "../support/outputs";

const AIRBYTE_PRINCIPAL = "arn:aws:iam::094410056844:role/airbyte-control-plane";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ARGS: ControlPlaneSecretsRoleArgs = {
    airbytePrincipalArn: AIRBYTE_PRINCIPAL,
    externalId: "acme-airbyte-7f3c",
    // The canned caller identity is account 123456789012: the role is created where the secrets are.
    secretsManager: { region: "us-east-1", accountId: "123456789012" },
};

describe("ControlPlaneSecretsRole", () => {
    const t = componentTests<ControlPlaneSecretsRoleArgs, ControlPlaneSecretsRole>({
        baseArgs: (overrides = {}) => ({ ...ARGS, ...overrides }),
        create: async (name, args) => new (await import("../../components/aws/control-plane-role")).ControlPlaneSecretsRole(name, args),
        defaultName: "org",
    });
    describe("secret-storage JSON", () => {
        it("describes IAM_ROLE mode with the external id and the AirbyteManaged tag key", () => {
            assert.deepEqual(
                controlPlaneSecretStorageJson({ awsRegion: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/r", externalId: "x1" }),
                {
                    auth_type: "IAM_ROLE",
                    awsRegion: "us-east-1",
                    roleArn: "arn:aws:iam::123456789012:role/r",
                    externalId: "x1",
                    tagKey: "AirbyteManaged",
                },
            );
            const withKey = controlPlaneSecretStorageJson({ awsRegion: "us-east-1", roleArn: "r", externalId: "x1", kmsKeyArn: KEY });
            assert.equal(withKey.kmsKeyArn, KEY);
            assert.deepEqual(
                Object.keys(withKey),
                ["auth_type", "awsRegion", "roleArn", "externalId", "kmsKeyArn", "tagKey"],
                "the order docs/aws.md shows",
            );
        });

        it("describes ACCESS_KEY mode", () => {
            assert.deepEqual(
                controlPlaneAccessKeySecretStorageJson({ awsRegion: "eu-west-1", awsAccessKey: "AKIA", awsSecretAccessKey: "s" }),
                {
                    auth_type: "ACCESS_KEY",
                    awsRegion: "eu-west-1",
                    awsAccessKey: "AKIA",
                    awsSecretAccessKey: "s",
                    tagKey: "AirbyteManaged",
                },
            );
        });

        it("accepts exactly the external ids STS accepts", () => {
            fc.assert(fc.property(fc.stringMatching(/^[\w+=,.@:/-]{2,64}$/), (id) => isValidExternalId(id)));
            for (const bad of ["x", "has space", "a".repeat(1225), "semi;colon"]) {
                assert.ok(!isValidExternalId(bad), bad);
            }
        });
    });

    describe("bad input", () => {
        const build = (overrides: Partial<ControlPlaneSecretsRoleArgs>) => async () => {
            const { ControlPlaneSecretsRole } = await import("../../components/aws/control-plane-role");
            return () => new ControlPlaneSecretsRole("org", { ...ARGS, ...overrides } as ControlPlaneSecretsRoleArgs);
        };
        it("requires Airbyte's principal ARN, with no default", async () => {
            expectProblem(
                await build({ airbytePrincipalArn: undefined as any })(),
                "airbytePrincipalArn",
                /principal ARN Airbyte gave you.*no default/,
            );
        });
        it("requires an external id STS accepts", async () => {
            expectProblem(await build({ externalId: undefined as any })(), "externalId", /external id agreed with Airbyte/);
            expectProblem(await build({ externalId: "x" })(), "externalId", /2-1224/);
        });
        it("refuses a data-plane principal that is no IAM role or user ARN pattern", async () => {
            expectProblem(
                await build({ dataPlanePrincipalArns: ["arn:aws:iam::*:role/x"] })(),
                "dataPlanePrincipalArns[0]",
                /not an IAM role or user ARN pattern: use e\.g\. arn:aws:iam::123456789012:role\/flexplane\/data-plane\/\*/,
            );
            expectProblem(
                await build({ dataPlanePrincipalArns: ["arn:aws:sts::123456789012:assumed-role/x/y"] })(),
                "dataPlanePrincipalArns[0]",
                /not an IAM role or user ARN pattern/,
            );
        });
        it("requires the declared region and account, and a key in that region", async () => {
            expectProblem(
                await build({ secretsManager: { region: "", accountId: "123456789012" } })(),
                "secretsManager.region",
                /region of the organization's Secrets Manager/,
            );
            expectProblem(
                await build({ secretsManager: { region: "us-east-1", accountId: "42" } })(),
                "secretsManager.accountId",
                /12-digit/,
            );
            expectProblem(
                await build({ secretsManager: { region: "eu-west-1", accountId: "123456789012", kmsKeyArn: KEY } })(),
                "secretsManager.kmsKeyArn",
                /in eu-west-1/,
            );
            expectProblem(
                await build({ secretsManager: { region: "us-east-1", accountId: "123456789012", allowUntaggedSecrets: "true" as any } })(),
                "secretsManager.allowUntaggedSecrets",
                /true or false \(default false: only secrets tagged AirbyteManaged=true are reachable\)/,
            );
        });
    });

    describe("resources (mocks)", () => {
        it("trusts Airbyte's principal with the external id, keeps the trust policy secret, and grants the shared policy", async () => {
            const role = await t.deploy({ secretsManager: { ...ARGS.secretsManager, kmsKeyArn: KEY } });
            const recorded = t.h.one("aws:iam/role:Role", "org-role");
            assert.ok(recorded.secretPaths.includes("assumeRolePolicy"), "the trust policy holds the external id: it must be secret");
            assert.deepEqual(recorded.options.additionalSecretOutputs, ["assumeRolePolicy"]);
            const trust = JSON.parse(recorded.plainInputs.assumeRolePolicy);
            assert.deepEqual(trust.Statement[0].Principal, { AWS: AIRBYTE_PRINCIPAL });
            assert.deepEqual(trust.Statement[0].Condition, { StringEquals: { "sts:ExternalId": "acme-airbyte-7f3c" } });
            const policy = JSON.parse(t.h.one("aws:iam/rolePolicy:RolePolicy", "org-secrets-manager").inputs.policy);
            assert.deepEqual(policy, secretsManagerPolicyDocument({ region: "us-east-1", accountId: "123456789012", kmsKeyArn: KEY }));
            const bySid = (sid: string): any => policy.Statement.find((s: any) => s.Sid === sid);
            assert.ok(bySid("ChangeAirbyteSecrets").Action.includes("secretsmanager:DeleteSecret"));
            assert.deepEqual(bySid("UseSecretsKey").Action, ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]);

            assert.equal(await pulumi.isSecret(role.secretStorageJson), true);
            assert.deepEqual(JSON.parse(await valueOf(role.secretStorageJson)), {
                auth_type: "IAM_ROLE",
                awsRegion: "us-east-1",
                roleArn: await valueOf(role.roleArn),
                externalId: "acme-airbyte-7f3c",
                kmsKeyArn: KEY,
                tagKey: "AirbyteManaged",
            });
        });

        it("trusts the account's Flexplane data-plane roles too, with the same external id, by default", async () => {
            await t.deploy();
            const trust = JSON.parse(t.h.one("aws:iam/role:Role", "org-role").plainInputs.assumeRolePolicy);
            // Connector pods assume the role with their own identity (AwsSecretManagerPersistence.kt 380-396), always passing the external id.
            assert.deepEqual(trust.Statement[1], {
                Sid: "FlexplaneDataPlanes",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::123456789012:root" },
                Action: "sts:AssumeRole",
                Condition: {
                    ArnLike: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/flexplane/data-plane/*" },
                    StringEquals: { "sts:ExternalId": "acme-airbyte-7f3c" },
                },
            });
        });

        it("trusts the data-plane identities it is given, across accounts, or none", async () => {
            const user = "arn:aws:iam::123456789012:user/airbyte-data-plane";
            const otherAccount = "arn:aws:iam::210987654321:role/flexplane/data-plane/*";
            await t.deploy({ dataPlanePrincipalArns: [user, otherAccount] });
            const statement = JSON.parse(t.h.one("aws:iam/role:Role", "org-role").plainInputs.assumeRolePolicy).Statement.find(
                (s: any) => s.Sid === "FlexplaneDataPlanes",
            );
            assert.deepEqual(statement.Principal, { AWS: ["arn:aws:iam::123456789012:root", "arn:aws:iam::210987654321:root"] });
            assert.deepEqual(statement.Condition.ArnLike, { "aws:PrincipalArn": [user, otherAccount] });
            t.install();
            await t.deploy({ dataPlanePrincipalArns: [] });
            assert.equal(JSON.parse(t.h.one("aws:iam/role:Role", "org-role").plainInputs.assumeRolePolicy).Statement.length, 1);
        });

        it("checks the provider's account against the secrets' account", async () => {
            await t.deploy();
            assert.deepEqual(
                t.h.invokes.map((i) => i.token),
                ["aws:index/getCallerIdentity:getCallerIdentity"],
            );
            assert.equal(roleAccountProblem("123456789012", "123456789012"), undefined);
            assert.equal(
                roleAccountProblem("123456789012", "210987654321"),
                "the AWS provider is in account 123456789012, but the secrets are in 210987654321; run this stack with credentials for 210987654321.",
            );
        });
    });
});
