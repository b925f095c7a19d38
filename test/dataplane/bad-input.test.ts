import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { resolveDataPlaneSettings } from "../../components/dataplane/resolve";
import type { DataPlaneArgs, DataPlaneTypeScriptArgs } from "../../components/dataplane/args";
import { MockHarness } from "../../tools/harness/runtime";
import { thrown } from "../support/outputs";

const provider = {} as DataPlaneTypeScriptArgs["kubernetesProvider"];
const good: DataPlaneTypeScriptArgs = {
    kubernetesProvider: provider,
    clientId: "id",
    clientSecret: "secret",
    secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
    storage: { s3: { bucket: "logs", region: "us-east-1", useServiceAccountIdentity: true } },
};

function problemsOf(args: Partial<DataPlaneArgs>): { propertyPath: string; reason: string }[] {
    const err = thrown(() => resolveDataPlaneSettings("dp", { ...good, ...args } as DataPlaneArgs));
    assert.ok(pulumi.InputPropertiesError.isInstance(err), `expected InputPropertiesError, got ${err}`);
    return err.errors;
}

function expectProblem(args: Partial<DataPlaneArgs>, path: string, fix: RegExp): void {
    const problems = problemsOf(args);
    const found = problems.find((p) => p.propertyPath === path);
    assert.ok(found, `no problem at ${path}; got ${JSON.stringify(problems)}`);
    assert.match(found!.reason, fix);
}

describe("DataPlane bad input", () => {
    it("accepts the good arguments and applies defaults", () => {
        const s = resolveDataPlaneSettings("dp", good);
        assert.equal(s.namespace, "airbyte");
        assert.equal(s.airbyteUrl, "https://cloud.airbyte.com");
        assert.equal(s.chartVersion, "2.2.0");
        assert.equal(s.secretName, "airbyte-data-plane-credentials");
        assert.equal(s.gcsKeySecretName, "airbyte-data-plane-gcs-key");
        assert.equal(s.edition, "cloud");
    });

    it("derives the edition from airbyteUrl unless given, as Airbyte's installer does", () => {
        assert.equal(resolveDataPlaneSettings("dp", { ...good, airbyteUrl: "https://cloud.airbyte.com/" }).edition, "cloud");
        assert.equal(resolveDataPlaneSettings("dp", { ...good, airbyteUrl: "https://airbyte.example.com" }).edition, "enterprise");
        assert.equal(
            resolveDataPlaneSettings("dp", { ...good, airbyteUrl: "https://airbyte.example.com", edition: "community" }).edition,
            "community",
        );
        assert.equal(resolveDataPlaneSettings("dp", { ...good, edition: "enterprise" }).edition, "enterprise");
    });

    it("refuses an edition the chart does not know, including a wrong case", () => {
        expectProblem({ edition: "Cloud" as any }, "edition", /"Cloud" is not an edition: use cloud, enterprise, community/);
        expectProblem(
            { edition: "flex" as any },
            "edition",
            /default: cloud for Airbyte Cloud, enterprise for a self-managed control plane/,
        );
    });

    it("refuses image pull secrets on charts before 2.1.0, saying why and which version to use", () => {
        for (const version of ["2.0.0", "2.0.1"]) {
            expectProblem(
                { chart: { version }, imagePullSecrets: ["mirror-pull"] },
                "imagePullSecrets",
                new RegExp(
                    `chart ${version.replace(/\./g, "\\.")} hands connector pods the pull secret as "map\\[name:mirror-pull\\]," .*use chart\\.version 2\\.1\\.0 or later`,
                ),
            );
        }
        for (const version of ["2.1.0", "2.1.1", "2.2.0"]) {
            assert.equal(
                resolveDataPlaneSettings("dp", { ...good, chart: { version }, imagePullSecrets: ["mirror-pull"] }).chartVersion,
                version,
            );
        }
        assert.equal(resolveDataPlaneSettings("dp", { ...good, chart: { version: "2.0.1" } }).chartVersion, "2.0.1");
    });

    it("refuses a registry with a scheme or trailing slash, and a pull secret that is no Secret name", () => {
        expectProblem(
            { imageRegistry: "https://registry.example.com" },
            "imageRegistry",
            /not a registry prefix: give host\[:port\]\[\/path\] without scheme/,
        );
        expectProblem({ imageRegistry: "registry.example.com/mirror/" }, "imageRegistry", /without scheme, tag or trailing slash/);
        expectProblem({ imagePullSecrets: ["Mirror_Pull"] }, "imagePullSecrets[0]", /not a Secret name/);
        assert.doesNotThrow(() => resolveDataPlaneSettings("dp", { ...good, imageRegistry: "registry.example.com:5000/airbyte-mirror" }));
    });

    it("rejects a non-https airbyteUrl and says which scheme to use", () => {
        expectProblem({ airbyteUrl: "http://airbyte.internal" }, "airbyteUrl", /must use https.*https:\/\/airbyte\.internal/);
    });

    it("trims trailing slashes from airbyteUrl", () => {
        assert.equal(
            resolveDataPlaneSettings("dp", { ...good, airbyteUrl: "https://airbyte.example.com//" }).airbyteUrl,
            "https://airbyte.example.com",
        );
    });

    it("rejects zero secret stores", () => {
        expectProblem({ secretsManager: {} }, "secretsManager", /exactly one secret store.*none was given/);
    });

    it("rejects two secret stores", () => {
        expectProblem(
            { secretsManager: { ...good.secretsManager, gcp: { projectId: "secrets-project", credentialsJson: "{}" } } },
            "secretsManager",
            /exactly one.*got aws and gcp/,
        );
    });

    it("rejects zero and two storages", () => {
        expectProblem({ storage: {} }, "storage", /exactly one storage/);
        expectProblem({ storage: { ...good.storage, gcs: { bucket: "b", credentialsJson: "{}" } } }, "storage", /got s3 and gcs/);
    });

    it("rejects IRSA and access keys together", () => {
        expectProblem(
            {
                secretsManager: {
                    aws: {
                        region: "us-east-1",
                        accountId: "123456789012",
                        useServiceAccountIdentity: true,
                        accessKeys: { accessKeyId: "a", secretAccessKey: "b" },
                    },
                },
            },
            "secretsManager.aws",
            /either useServiceAccountIdentity \(IRSA\) or accessKeys, not both/,
        );
    });

    it("rejects AWS auth left unchosen", () => {
        expectProblem(
            { storage: { s3: { bucket: "logs", region: "us-east-1" } } },
            "storage.s3",
            /set useServiceAccountIdentity to true .* or give accessKeys/,
        );
    });

    it("rejects a missing bucket", () => {
        expectProblem(
            { storage: { s3: { bucket: "", region: "us-east-1", useServiceAccountIdentity: true } } },
            "storage.s3.bucket",
            /is required: give the S3 bucket/,
        );
        expectProblem({ storage: { azure: { container: " ", connectionString: "cs" } } }, "storage.azure.container", /is required/);
    });

    it("rejects a chart version outside 2.0.0-2.2.0 unless opted in", () => {
        expectProblem(
            { chart: { version: "2.3.0" } },
            "chart.version",
            /outside the tested versions 2\.0\.0, .*2\.2\.0.*allowUntestedVersion/,
        );
        assert.equal(
            resolveDataPlaneSettings("dp", { ...good, chart: { version: "2.3.0", allowUntestedVersion: true } }).chartVersion,
            "2.3.0",
        );
        expectProblem({ chart: { version: "^2.0.0", allowUntestedVersion: true } }, "chart.version", /not an exact version/);
    });

    const messages: { name: string; args: Partial<DataPlaneArgs>; path: string; fix: RegExp }[] = [
        {
            name: "an airbyteUrl that is not a URL",
            args: { airbyteUrl: "cloud.airbyte.com" },
            path: "airbyteUrl",
            fix: /not a URL: give the control plane's base URL, e\.g\. https:\/\/cloud\.airbyte\.com/,
        },
        {
            name: "an airbyteUrl with a query",
            args: { airbyteUrl: "https://airbyte.example.com/?x=1" },
            path: "airbyteUrl",
            fix: /must not have a query or fragment: give the base URL only/,
        },
        {
            name: "a timeout out of range",
            args: { timeoutSeconds: 5 },
            path: "timeoutSeconds",
            fix: /5 is out of range: give whole seconds from 60 to 3600 \(default 600\)/,
        },
        {
            name: "a release name too long for Helm",
            args: { releaseName: "a".repeat(54) },
            path: "releaseName",
            fix: /not a valid Helm release name: use at most 53/,
        },
        {
            name: "a service account name with capitals",
            args: { serviceAccountName: "Launcher" },
            path: "serviceAccountName",
            fix: /^"Launcher" is not a service account name: use at most 253 lower-case letters/,
        },
        {
            name: "an S3 region that is not one",
            args: { storage: { s3: { bucket: "logs", region: "US", useServiceAccountIdentity: true } } },
            path: "storage.s3.region",
            fix: /"US" is not an AWS region: give the bucket's region/,
        },
        {
            name: "a GCS bucket without its key",
            args: { storage: { gcs: { bucket: "logs" } } },
            path: "storage.gcs.credentialsJson",
            fix: /cannot use Workload Identity for GCS/,
        },
        {
            name: "an Azure container without its connection string",
            args: { storage: { azure: { container: "logs" } } },
            path: "storage.azure.connectionString",
            fix: /is required: give the storage account's connection string/,
        },
        {
            name: "a missing client secret",
            args: { clientSecret: "" },
            path: "clientSecret",
            fix: /is required: give the data plane's client secret from Airbyte \(POST \/dataplanes\)/,
        },
    ];
    for (const row of messages) {
        it(`rejects ${row.name}, saying how to fix it`, () => {
            expectProblem(row.args, row.path, row.fix);
        });
    }

    it("rejects an invalid namespace name", () => {
        expectProblem({ namespace: "Airbyte_Data" }, "namespace", /is not a namespace name: use at most 63 lower-case/);
    });

    it("rejects a malformed account, region, vault and tenant", () => {
        expectProblem(
            { secretsManager: { aws: { region: "useast1", accountId: "12345", useServiceAccountIdentity: true } } },
            "secretsManager.aws.region",
            /may differ from the cluster's/,
        );
        expectProblem(
            { secretsManager: { aws: { region: "us-east-1", accountId: "12345", useServiceAccountIdentity: true } } },
            "secretsManager.aws.accountId",
            /12-digit/,
        );
        expectProblem(
            { secretsManager: { azure: { vaultUrl: "kv.example.com", tenantId: "nope", clientId: "c", clientSecret: "s" } } },
            "secretsManager.azure.vaultUrl",
            /vault\.azure\.net/,
        );
        expectProblem(
            {
                secretsManager: {
                    azure: { vaultUrl: "https://kv-one.vault.azure.net", tenantId: "nope", clientId: "c", clientSecret: "s" },
                },
            },
            "secretsManager.azure.tenantId",
            /tenant GUID/,
        );
    });

    it("requires the GCP key and the Azure service principal", () => {
        expectProblem(
            { secretsManager: { gcp: { projectId: "secrets-project" } } },
            "secretsManager.gcp.credentialsJson",
            /service-account JSON key/,
        );
        expectProblem(
            { secretsManager: { azure: { vaultUrl: "https://kv-one.vault.azure.net", tenantId: "00000000-0000-0000-0000-000000000001" } } },
            "secretsManager.azure.clientSecret",
            /cannot use managed identity/,
        );
    });

    it("rejects extra values the chart ignores, that inline secrets, or that the component owns", () => {
        expectProblem({ extraValues: { dataPlane: { id: "x" } } }, "extraValues.dataPlane.id", /chart ignores dataPlane\.id/);
        expectProblem(
            { extraValues: { secretsManager: { awsSecretManager: { kms: "k" } } } },
            "extraValues.secretsManager.awsSecretManager.kms",
            /set secretsManager\.aws\.kmsKeyArn instead/,
        );
        expectProblem(
            { extraValues: { dataPlane: { clientSecret: "s" } } },
            "extraValues.dataPlane.clientSecret",
            /plain text into the Helm values/,
        );
        expectProblem({ extraValues: { storage: { type: "minio" } } }, "extraValues.storage.type", /set by the component/);
        expectProblem({ extraValues: { edition: "community" } }, "extraValues.edition", /use the edition argument/);
        expectProblem(
            { extraValues: { image: { registry: "r.example.com" } } },
            "extraValues.image.registry",
            /use the imageRegistry argument/,
        );
        expectProblem(
            { extraValues: { workloads: { containerOrchestrator: { secretName: "x" } } } },
            "extraValues.workloads.containerOrchestrator.secretName",
            /GCS key Secret/,
        );
    });

    it("refuses extra launcher variables that would replace the credential references, and keeps others", () => {
        const extraEnv = [
            { name: "HTTPS_PROXY", value: "http://proxy:3128" },
            { name: "SECRET_STORE_GCP_SECRET_NAME", value: "other" },
        ];
        expectProblem(
            { extraValues: { workloadLauncher: { extraEnv } } },
            "extraValues.workloadLauncher.extraEnv[1]",
            /SECRET_STORE_GCP_SECRET_NAME is set by the component/,
        );
        const problems = problemsOf({ extraValues: { workloadLauncher: { extraEnv } } });
        assert.deepEqual(
            problems.map((p) => p.propertyPath),
            ["extraValues.workloadLauncher.extraEnv[1]"],
        );
    });

    it("reports every problem at once", () => {
        const problems = problemsOf({ namespace: "BAD", airbyteUrl: "http://x", storage: {} });
        assert.deepEqual(problems.map((p) => p.propertyPath).sort(), ["airbyteUrl", "namespace", "storage"]);
    });

    it("rejects two DataPlanes in one namespace of one cluster before registering the second", async () => {
        const harness = MockHarness.install();
        const k8s = await import("@pulumi/kubernetes");
        const { DataPlane } = await import("../../components");
        const cluster = new k8s.Provider("cluster", { kubeconfig: "fake" });
        new DataPlane("first", { ...good, kubernetesProvider: cluster });
        const err = thrown(() => new DataPlane("second", { ...good, kubernetesProvider: cluster }));
        assert.ok(pulumi.InputPropertyError.isInstance(err));
        assert.match(
            err.reason,
            /"second" and DataPlane "first" both install into namespace "airbyte".*Give one of them another namespace/,
        );
        await harness.settle();
        assert.deepEqual(
            harness.ofType("flexplane:index:DataPlane").map((r) => r.name),
            ["first"],
        );
        new DataPlane("third", { ...good, kubernetesProvider: cluster, namespace: "airbyte-b", releaseName: "dp-b" });
        await harness.settle();
        assert.equal(harness.ofType("flexplane:index:DataPlane").length, 2);
    });
});
