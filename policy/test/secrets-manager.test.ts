import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { helmValuesMismatches, secretsManagerMatchesControlPlane } from "../policies/secrets-manager";
import { T } from "../policies/tokens";
import { checkResource, messages, mutate, UNKNOWN } from "./support/args";
import { azureSecretsManagerValues, CONTROL_PLANE, gcpSecretsManagerValues, ok } from "./support/fixtures";

const policy = secretsManagerMatchesControlPlane as ResourceValidationPolicy;
const withConfig = (controlPlaneSecretsManager?: string) => ({ config: controlPlaneSecretsManager ? { controlPlaneSecretsManager } : {} });

/** The data-plane Secret with another identity in its annotation. */
function secretWith(identity: string) {
    const s = JSON.parse(JSON.stringify(ok.dataPlaneSecret));
    s.metadata.annotations["flexplane.dev/secrets-manager-identity"] = identity;
    return s;
}

describe("policy secrets-manager-matches-control-plane", () => {
    it("passes a data plane whose Secret and release values name the control plane's store", () => {
        assert.deepStrictEqual(messages(checkResource(policy, T.k8sSecret, ok.dataPlaneSecret, withConfig(CONTROL_PLANE.aws))), []);
        assert.deepStrictEqual(messages(checkResource(policy, T.helmRelease, ok.release, withConfig(CONTROL_PLANE.aws))), []);
    });

    it("accepts the configured identity in any spelling", () => {
        const outcome = checkResource(policy, T.k8sSecret, ok.dataPlaneSecret, withConfig("AWS-SECRETS-MANAGER:123456789012:us-east-1"));
        assert.deepStrictEqual(messages(outcome), []);
    });

    it("reports a data-plane Secret annotated with another store", () => {
        const secret = secretWith("aws-secrets-manager:123456789012:eu-west-1");
        const [m] = messages(checkResource(policy, T.k8sSecret, secret, withConfig(CONTROL_PLANE.aws)));
        assert.match(
            m,
            /secret store is "aws-secrets-manager:123456789012:eu-west-1".*control plane's is "aws-secrets-manager:123456789012:us-east-1"/,
        );
        assert.match(m, /set the DataPlane's secretsManager/);
    });

    it("reports another account even in the same region", () => {
        const secret = secretWith("aws-secrets-manager:999999999999:us-east-1");
        assert.strictEqual(messages(checkResource(policy, T.k8sSecret, secret, withConfig(CONTROL_PLANE.aws))).length, 1);
    });

    it("ignores Secrets without the annotation and annotations not known yet", () => {
        const plainSecret = { metadata: { name: "other", namespace: "airbyte" }, stringData: "[secret]" };
        assert.deepStrictEqual(messages(checkResource(policy, T.k8sSecret, plainSecret, withConfig(CONTROL_PLANE.aws))), []);
        assert.deepStrictEqual(messages(checkResource(policy, T.k8sSecret, secretWith(UNKNOWN), withConfig(CONTROL_PLANE.aws))), []);
    });

    it("reports the release's AWS region when it differs from the control plane's", () => {
        const release = mutate(ok.release, "values.secretsManager.awsSecretManager.region", "eu-west-1");
        const [m] = messages(checkResource(policy, T.helmRelease, release, withConfig(CONTROL_PLANE.aws)));
        assert.match(m, /`values.secretsManager.awsSecretManager.region` is "eu-west-1"/);
        assert.match(m, /set it to "us-east-1"/);
    });

    it("reports a release without secretsManager.type (the chart then renders Vault)", () => {
        const release = mutate(ok.release, "values.secretsManager.type", undefined);
        assert.match(
            messages(checkResource(policy, T.helmRelease, release, withConfig(CONTROL_PLANE.aws)))[0],
            /is not set \(the chart then renders Vault\).*"AWS_SECRET_MANAGER"/,
        );
    });

    it("reports a release using another kind of store", () => {
        const release = mutate(ok.release, "values.secretsManager", gcpSecretsManagerValues);
        assert.match(
            messages(checkResource(policy, T.helmRelease, release, withConfig(CONTROL_PLANE.aws)))[0],
            /type` is "GOOGLE_SECRET_MANAGER"/,
        );
    });

    it("compares GCP projects and Key Vault hosts", () => {
        const gcp = mutate(ok.release, "values.secretsManager", gcpSecretsManagerValues);
        assert.deepStrictEqual(messages(checkResource(policy, T.helmRelease, gcp, withConfig(CONTROL_PLANE.gcp))), []);
        const otherProject = mutate(gcp, "values.secretsManager.googleSecretManager.projectId", "acme-dev");
        assert.match(
            messages(checkResource(policy, T.helmRelease, otherProject, withConfig(CONTROL_PLANE.gcp)))[0],
            /projectId` is "acme-dev"/,
        );
        const azure = mutate(ok.release, "values.secretsManager", azureSecretsManagerValues);
        assert.deepStrictEqual(messages(checkResource(policy, T.helmRelease, azure, withConfig(CONTROL_PLANE.azure))), []);
        const otherVault = mutate(azure, "values.secretsManager.azureKeyVault.vaultUrl", "https://other.vault.azure.net");
        assert.match(
            messages(checkResource(policy, T.helmRelease, otherVault, withConfig(CONTROL_PLANE.azure)))[0],
            /vaultUrl` is "other.vault.azure.net"/,
        );
    });

    it("reports a regional GCP endpoint when the control plane uses the global one", () => {
        const regional = mutate(
            mutate(ok.release, "values.secretsManager", gcpSecretsManagerValues),
            "values.secretsManager.googleSecretManager.region",
            "europe-west1",
        );
        assert.match(
            messages(checkResource(policy, T.helmRelease, regional, withConfig(CONTROL_PLANE.gcp)))[0],
            /set it to nothing \(the global endpoint\)/,
        );
    });

    it("reports once, on the release, when the pack has no controlPlaneSecretsManager", () => {
        const [m] = messages(checkResource(policy, T.helmRelease, ok.release, withConfig()));
        assert.match(m, /has no `controlPlaneSecretsManager`/);
        assert.match(m, /under "secrets-manager-matches-control-plane"/);
        assert.deepStrictEqual(messages(checkResource(policy, T.k8sSecret, ok.dataPlaneSecret, withConfig())), []);
    });

    it("reports a configured value that is not an identity", () => {
        const [m] = messages(checkResource(policy, T.k8sSecret, ok.dataPlaneSecret, withConfig("us-east-1")));
        assert.match(m, /"us-east-1" is not a secret-store identity: write it as aws-secrets-manager:<account>:<region>/);
    });

    it("leaves releases of other charts and unknown values alone", () => {
        const other = { chart: "ingress-nginx", version: "4.11.0", values: {} };
        assert.deepStrictEqual(messages(checkResource(policy, T.helmRelease, other, withConfig())), []);
        assert.deepStrictEqual(helmValuesMismatches({ secretsManager: UNKNOWN }, { kind: "aws", account: "1", region: "us-east-1" }), []);
    });
});
