import { strict as assert } from "assert";
import fc from "fast-check";
import {
    controlPlaneTrustPolicy,
    irsaTrustPolicy,
    s3PolicyDocument,
    secretsManagerPolicyDocument,
    secretsManagerReadPolicyDocument,
    tlsOnlyBucketPolicy,
} from "../../components/aws/policies";

const KEY = "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("aws policy documents", () => {
    it("reads the declared store's tagged secrets, and nothing else, for the data plane", () => {
        assert.deepEqual(secretsManagerReadPolicyDocument({ region: "us-east-1", accountId: "210987654321" }), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "ReadAirbyteSecrets",
                    Effect: "Allow",
                    Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                    Resource: "arn:aws:secretsmanager:us-east-1:210987654321:secret:*",
                    Condition: { StringEquals: { "secretsmanager:ResourceTag/AirbyteManaged": "true" } },
                },
            ],
        });
    });

    it("lets the control plane change tagged airbyte_* secrets and create them only tagged AirbyteManaged=true", () => {
        const doc = secretsManagerPolicyDocument({ region: "us-east-1", accountId: "210987654321" });
        assert.deepEqual(doc.Statement.slice(1), [
            {
                Sid: "ChangeAirbyteSecrets",
                Effect: "Allow",
                Action: ["secretsmanager:UpdateSecret", "secretsmanager:DeleteSecret"],
                Resource: "arn:aws:secretsmanager:us-east-1:210987654321:secret:airbyte_*",
                Condition: { StringEquals: { "secretsmanager:ResourceTag/AirbyteManaged": "true" } },
            },
            {
                Sid: "CreateTaggedAirbyteSecrets",
                Effect: "Allow",
                Action: ["secretsmanager:CreateSecret", "secretsmanager:TagResource"],
                Resource: "arn:aws:secretsmanager:us-east-1:210987654321:secret:airbyte_*",
                Condition: {
                    StringEquals: { "aws:RequestTag/AirbyteManaged": "true" },
                    "ForAllValues:StringEquals": { "aws:TagKeys": ["AirbyteManaged"] },
                },
            },
        ]);
        assert.deepEqual(
            doc.Statement[0],
            secretsManagerReadPolicyDocument({ region: "us-east-1", accountId: "210987654321" }).Statement[0],
        );
    });

    it("adds the KMS actions on the secrets' key, only through Secrets Manager in that region: decrypt to read, encrypt too to write", () => {
        const grant = { region: "us-east-1", accountId: "210987654321", kmsKeyArn: KEY };
        const via = { StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } };
        assert.deepEqual(secretsManagerReadPolicyDocument(grant).Statement.at(-1), {
            Sid: "UseSecretsKey",
            Effect: "Allow",
            Action: ["kms:Decrypt"],
            Resource: KEY,
            Condition: via,
        });
        assert.deepEqual(secretsManagerPolicyDocument(grant).Statement.at(-1), {
            Sid: "UseSecretsKey",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
            Resource: KEY,
            Condition: via,
        });
    });

    it("scopes the secret actions to whatever region and account are declared, in their partition", () => {
        const regions = fc.constantFrom("us-east-1", "eu-central-1", "ap-south-1", "cn-north-1", "us-gov-west-1");
        const accounts = fc.stringMatching(/^\d{12}$/);
        fc.assert(
            fc.property(regions, accounts, (region, accountId) => {
                const partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
                const scope = `arn:${partition}:secretsmanager:${region}:${accountId}:secret:`;
                return secretsManagerPolicyDocument({ region, accountId, allowUntaggedSecrets: true })
                    .Statement.filter((s) => String(s.Sid).includes("Secrets"))
                    .every((s) => [s.Resource].flat().every((r) => String(r).startsWith(scope)));
            }),
        );
    });
    it("grants the documented S3 actions on one bucket and its objects", () => {
        assert.deepEqual(s3PolicyDocument({ bucket: "dp-logs", region: "eu-west-1" }).Statement, [
            { Sid: "ListBuckets", Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" },
            { Sid: "ReadLogBucket", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: "arn:aws:s3:::dp-logs" },
            {
                Sid: "ReadWriteLogObjects",
                Effect: "Allow",
                Action: ["s3:PutObject", "s3:PutObjectAcl", "s3:GetObject", "s3:GetObjectAcl", "s3:DeleteObject"],
                Resource: "arn:aws:s3:::dp-logs/*",
            },
        ]);
        const withKey = s3PolicyDocument({ bucket: "dp-logs", region: "eu-west-1", kmsKeyArn: KEY }).Statement[3];
        assert.deepEqual(withKey.Action, ["kms:Decrypt", "kms:GenerateDataKey"]);
        assert.deepEqual(withKey.Condition, { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } });
    });

    it("trusts exactly one service account through the OIDC provider, with the STS audience", () => {
        const doc = irsaTrustPolicy({
            oidcProviderArn: "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC",
            oidcIssuer: "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC",
            namespace: "airbyte",
            serviceAccountName: "airbyte-workload-launcher",
        });
        assert.deepEqual(doc.Statement, [
            {
                Sid: "DataPlaneServiceAccount",
                Effect: "Allow",
                Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC" },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                    StringEquals: {
                        "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:airbyte:airbyte-workload-launcher",
                        "oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com",
                    },
                },
            },
        ]);
    });

    it("trusts Airbyte's principal only with the exact external id", () => {
        assert.deepEqual(controlPlaneTrustPolicy("arn:aws:iam::094410056844:role/airbyte-control-plane", "ext-123").Statement, [
            {
                Sid: "AirbyteControlPlane",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::094410056844:role/airbyte-control-plane" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": "ext-123" } },
            },
        ]);
    });

    it("denies every request to the bucket that is not over TLS", () => {
        assert.deepEqual(tlsOnlyBucketPolicy("dp-logs", "eu-west-1").Statement, [
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: ["arn:aws:s3:::dp-logs", "arn:aws:s3:::dp-logs/*"],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ]);
    });
});
