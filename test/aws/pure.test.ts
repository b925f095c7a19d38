import { strict as assert } from "assert";
import fc from "fast-check";
import { clusterConnectionFromKubeconfig, eksKubeconfig } from "../../components/aws/access";
import {
    eksClusterNameFrom,
    iamRoleNamePrefix,
    isAwsRegion,
    isEksClusterName,
    isIamPrincipalArn,
    isIpv4Cidr,
    isKmsKeyArn,
    isS3BucketName,
    partitionOfRegion,
    s3BucketPrefixFrom,
} from "../../components/aws/arns";
import { subnetMasks, subnetProblems } from "../../components/aws/network";
import { oidcIssuerHost } from "../../components/aws/policies";

describe("aws pure helpers", () => {
    it("maps regions to their partition and endpoint suffix", () => {
        assert.deepEqual(partitionOfRegion("eu-west-1"), { partition: "aws", dnsSuffix: "amazonaws.com" });
        assert.deepEqual(partitionOfRegion("cn-north-1"), { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" });
        assert.equal(partitionOfRegion("us-gov-west-1").partition, "aws-us-gov");
        assert.equal(partitionOfRegion("us-isob-east-1").partition, "aws-iso-b");
    });

    it("recognises region codes and refuses zone names and free text", () => {
        for (const r of ["us-east-1", "ap-southeast-2", "us-gov-west-1", "il-central-1", "eusc-de-east-1"]) {
            assert.ok(isAwsRegion(r), r);
        }
        for (const r of ["us-east-1a", "US-EAST-1", "east", "", "us-east"]) {
            assert.ok(!isAwsRegion(r), r);
        }
    });

    it("accepts role and user ARNs as principals, refuses sts sessions and other services", () => {
        assert.ok(isIamPrincipalArn("arn:aws:iam::123456789012:role/Admin"));
        assert.ok(isIamPrincipalArn("arn:aws:iam::123456789012:user/ops/alice"));
        assert.ok(!isIamPrincipalArn("arn:aws:sts::123456789012:assumed-role/Admin/session"));
        assert.ok(!isIamPrincipalArn("arn:aws:iam::12345:role/Admin"));
        assert.ok(!isIamPrincipalArn("arn:aws:s3:::bucket"));
    });

    it("accepts KMS key ARNs and refuses aliases", () => {
        assert.ok(isKmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        assert.ok(!isKmsKeyArn("arn:aws:kms:us-east-1:123456789012:alias/airbyte"));
    });

    it("derives a valid EKS cluster name from any resource name", () => {
        fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 200 }), (name) => isEksClusterName(eksClusterNameFrom(name))));
        assert.equal(eksClusterNameFrom("aws-us-east-1"), "aws-us-east-1");
        assert.equal(eksClusterNameFrom("my stack/eu"), "my-stack-eu");
    });

    it("derives a bucket prefix that S3 accepts (lowercase, <= 37 characters) from any resource name", () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 120 }), (name) => {
                const prefix = s3BucketPrefixFrom(name);
                return (
                    prefix.length <= 37 && /^[a-z0-9][a-z0-9-]*-$/.test(prefix) && isS3BucketName(`${prefix}${"0".repeat(26)}`.slice(0, 63))
                );
            }),
        );
    });

    it("derives an IAM role name prefix of at most 38 IAM characters that keeps the purpose", () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 120 }), fc.constantFrom("nodes", "data-plane", "airbyte-cp"), (name, purpose) => {
                const prefix = iamRoleNamePrefix(name, purpose);
                return prefix.length <= 38 && /^[\w+=,.@-]+$/.test(prefix) && prefix.endsWith(`-${purpose}-`);
            }),
        );
    });

    it("takes a CIDR block only in the form AWS accepts", () => {
        assert.ok(isIpv4Cidr("203.0.113.0/24"));
        for (const bad of ["10.0.0.0", "10.0.0.1/16", "10.0.0.256/16", "10.0.0.0/33", "::1/128", "10.0.0.0/16 ", 42]) {
            assert.ok(!isIpv4Cidr(bad), String(bad));
        }
    });

    it("sizes subnets so every zone's private subnet and all public subnets fit in the VPC", () => {
        fc.assert(
            fc.property(fc.integer({ min: 16, max: 20 }), fc.integer({ min: 2, max: 6 }), (prefix, zones) => {
                const masks = subnetMasks(`10.0.0.0/${prefix}`, zones);
                const used = zones * 2 ** (32 - masks.private) + zones * 2 ** (32 - masks.public);
                return used <= 2 ** (32 - prefix) && masks.public <= 28 && masks.private < masks.public;
            }),
        );
        assert.deepEqual(subnetMasks("10.0.0.0/16", 3), { private: 18, public: 24 });
    });

    it("reports subnets of another VPC and fewer than two zones, citing Airbyte", () => {
        const inVpc = (id: string, zone: string) => ({ id, vpcId: "vpc-1", availabilityZone: zone });
        assert.deepEqual(subnetProblems("vpc-1", [inVpc("subnet-a", "eu-west-1a"), inVpc("subnet-b", "eu-west-1b")]), []);
        const oneZone = subnetProblems("vpc-1", [inVpc("subnet-a", "eu-west-1a"), inVpc("subnet-b", "eu-west-1a")]);
        assert.equal(oneZone.length, 1);
        assert.match(oneZone[0], /span 1 availability zone.*Airbyte supports EKS on EC2 in 2 or more availability zones/);
        const foreign = subnetProblems("vpc-1", [
            inVpc("subnet-a", "eu-west-1a"),
            { id: "subnet-b", vpcId: "vpc-2", availabilityZone: "eu-west-1b" },
        ]);
        assert.deepEqual(foreign, ["subnet subnet-b belongs to vpc-2, not vpc-1; list subnets of network.vpcId only."]);
    });

    it("strips the scheme and trailing slashes from an OIDC issuer, idempotently", () => {
        assert.equal(oidcIssuerHost("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC/"), "oidc.eks.eu-west-1.amazonaws.com/id/ABC");
        fc.assert(fc.property(fc.webUrl(), (url) => oidcIssuerHost(oidcIssuerHost(url)) === oidcIssuerHost(url)));
    });

    it("builds a kubeconfig that reads back the same endpoint and certificate, with an aws eks get-token user", () => {
        fc.assert(
            fc.property(fc.webUrl(), fc.base64String({ minLength: 4 }), (endpoint, ca) => {
                const json = eksKubeconfig({ clusterName: "c", endpoint, certificateAuthorityData: ca, region: "eu-west-1" });
                const back = clusterConnectionFromKubeconfig(json);
                return back.endpoint === endpoint && back.certificateAuthorityData === ca;
            }),
        );
        const config = JSON.parse(
            eksKubeconfig({
                clusterName: "dp",
                endpoint: "https://x",
                certificateAuthorityData: "Q0E=",
                region: "eu-west-1",
                profileName: "ops",
                roleArn: "arn:aws:iam::123456789012:role/Deployer",
            }),
        );
        const exec = config.users[0].user.exec;
        assert.equal(exec.command, "aws");
        assert.deepEqual(exec.args, [
            "--region",
            "eu-west-1",
            "eks",
            "get-token",
            "--cluster-name",
            "dp",
            "--output",
            "json",
            "--role-arn",
            "arn:aws:iam::123456789012:role/Deployer",
        ]);
        assert.deepEqual(exec.env, [{ name: "AWS_PROFILE", value: "ops" }]);
        assert.equal(config["current-context"], "dp");
    });

    it("names the missing field when a kubeconfig has no endpoint or certificate", () => {
        assert.throws(
            () => clusterConnectionFromKubeconfig({ clusters: [{ cluster: { "certificate-authority-data": "x" } }] }),
            /clusters\[0\]\.cluster\.server/,
        );
        assert.throws(
            () => clusterConnectionFromKubeconfig(JSON.stringify({ clusters: [{ cluster: { server: "https://x" } }] })),
            /certificate-authority-data/,
        );
    });
});
