import { strict as assert } from "assert";
import { resolveEksCluster } from "../../components/aws/resolve";
import { resolveAksCluster } from "../../components/azure/resolve";
import type { DataPlaneArgs, DataPlaneTypeScriptArgs } from "../../components/dataplane/args";
import { resolveDataPlaneSettings } from "../../components/dataplane/resolve";
import { resolveGkeCluster } from "../../components/gcp/resolve";
import {
    azureContainerNameProblem,
    gcsBucketNameProblem,
    s3BucketNameProblem,
    storageAccountNameProblem,
    storageSpecNameProblems,
} from "../../components/shared/storage-names";
import { baseArgs as eksArgs } from "../aws/helpers";
import { baseArgs as aksArgs } from "../azure/helpers";
import { baseArgs as gkeArgs } from "../gcp/helpers";
import { reasons, thrown } from "../support/outputs";

describe("storage names, by each cloud's rules", () => {
    it("accepts valid names", () => {
        for (const name of ["airbyte-logs", "acme.airbyte.logs", "a1b"]) {
            assert.equal(s3BucketNameProblem(name), undefined, name);
        }
        for (const name of ["airbyte_logs", "acme-airbyte-logs", "logs.example.com"]) {
            assert.equal(gcsBucketNameProblem(name), undefined, name);
        }
        assert.equal(azureContainerNameProblem("airbyte-logs"), undefined);
        assert.equal(storageAccountNameProblem("acmeairbyte01"), undefined);
    });

    it("refuses S3 names by rule, quoting the name and the broken rule", () => {
        const cases: [string, RegExp][] = [
            ["ab", /"ab" is not an S3 bucket name: it has 2 characters, the limit is 3 to 63/],
            ["Airbyte_Logs", /only lowercase letters, digits, '\.' and '-'/],
            ["-logs", /start and end with a letter or digit/],
            ["a..b", /two periods may not be adjacent/],
            ["192.168.5.4", /formatted as an IP address/],
            ["xn--logs", /prefix "xn--" is reserved/],
            ["sthree-logs", /prefix "sthree-" is reserved/],
            ["logs-s3alias", /suffix "-s3alias" is reserved/],
            ["logs--x-s3", /suffix "--x-s3" is reserved/],
        ];
        for (const [name, rule] of cases) {
            assert.match(s3BucketNameProblem(name) ?? "", rule, name);
        }
        assert.match(s3BucketNameProblem("ab")!, /bucketnamingrules\.html/);
    });

    it("refuses GCS names by rule", () => {
        const cases: [string, RegExp][] = [
            ["goog-logs", /may not start with "goog"/],
            ["my-google-logs", /"google" or a close misspelling/],
            ["my-g00gle-logs", /"google" or a close misspelling/],
            ["Logs", /only lowercase letters, digits, '-', '_' and '\.'/],
            ["logs_", /start and end with a letter or digit/],
            [`${"a".repeat(64)}`, /64 characters, the limit is 3 to 63/],
            [`${"a".repeat(64)}.example.com`, /each dot-separated part takes at most 63/],
        ];
        for (const [name, rule] of cases) {
            assert.match(gcsBucketNameProblem(name) ?? "", rule, name);
        }
    });

    it("refuses Azure container and storage account names by rule", () => {
        assert.match(azureContainerNameProblem("air--byte")!, /no '--'/);
        assert.match(azureContainerNameProblem("Airbyte")!, /only lowercase letters, digits and '-'/);
        assert.match(azureContainerNameProblem("ab")!, /2 characters/);
        assert.match(storageAccountNameProblem("acme-airbyte")!, /only lowercase letters and digits/);
        assert.match(storageAccountNameProblem("a".repeat(25))!, /25 characters, the limit is 3 to 24/);
    });

    it("checks a StorageSpec's plain names and leaves outputs and missing names to other checks", () => {
        assert.deepEqual(
            storageSpecNameProblems({ s3: { bucket: "Bad_Bucket" } }).map((p) => p.path),
            ["storage.s3.bucket"],
        );
        assert.deepEqual(
            storageSpecNameProblems({ gcs: { bucket: "goog-x" } }).map((p) => p.path),
            ["storage.gcs.bucket"],
        );
        assert.deepEqual(
            storageSpecNameProblems({ azure: { container: "a--b" } }).map((p) => p.path),
            ["storage.azure.container"],
        );
        assert.deepEqual(storageSpecNameProblems({ s3: { bucket: { apply: () => undefined } } }), []);
        assert.deepEqual(storageSpecNameProblems({ s3: { bucket: "" } }), []);
    });
});

describe("each component refuses a bad storage name at its own argument", () => {
    const dataPlane = (storage: DataPlaneArgs["storage"]) =>
        reasons(
            thrown(() =>
                resolveDataPlaneSettings("dp", <DataPlaneTypeScriptArgs>{
                    kubernetesProvider: {} as DataPlaneTypeScriptArgs["kubernetesProvider"],
                    clientId: "id",
                    clientSecret: "secret",
                    secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
                    storage,
                }),
            ),
        );

    it("DataPlane: storage.s3.bucket, storage.gcs.bucket, storage.azure.container", () => {
        assert.match(
            dataPlane({ s3: { bucket: "Logs_2026", region: "us-east-1", useServiceAccountIdentity: true } })["storage.s3.bucket"],
            /"Logs_2026" is not an S3 bucket name/,
        );
        assert.match(
            dataPlane({ gcs: { bucket: "google-logs", credentialsJson: "{}" } })["storage.gcs.bucket"],
            /"google-logs" is not a Cloud Storage bucket name/,
        );
        assert.match(
            dataPlane({ azure: { container: "logs--1", connectionString: "x" } })["storage.azure.container"],
            /"logs--1" is not a blob container name/,
        );
    });

    it("DataPlane tells a missing bucket from a malformed one", () => {
        const missing = dataPlane({ s3: { bucket: "", region: "us-east-1", useServiceAccountIdentity: true } });
        assert.match(missing["storage.s3.bucket"], /is required/);
        assert.doesNotMatch(missing["storage.s3.bucket"], /not an S3 bucket name/);
    });

    it("EksCluster: logStorage.existingBucketName, empty or malformed", () => {
        const bad = reasons(
            thrown(() => resolveEksCluster("dp", eksArgs({ logStorage: { existingBucketName: "amzn-s3-demo-logs" } }), "eu-west-1")),
        );
        assert.match(bad["logStorage.existingBucketName"], /prefix "amzn-s3-demo-" is reserved by S3/);
        const empty = reasons(thrown(() => resolveEksCluster("dp", eksArgs({ logStorage: { existingBucketName: " " } }), "eu-west-1")));
        assert.match(empty["logStorage.existingBucketName"], /is empty: give the name of an existing S3 bucket/);
    });

    it("GkeCluster: logStorage.existingBucketName, URL or malformed", () => {
        const url = reasons(thrown(() => resolveGkeCluster("eu", gkeArgs({ logStorage: { existingBucketName: "gs://logs" } }))));
        assert.match(url["logStorage.existingBucketName"], /"gs:\/\/logs" is a URL: give the bucket's name alone/);
        const bad = reasons(thrown(() => resolveGkeCluster("eu", gkeArgs({ logStorage: { existingBucketName: "goog-airbyte" } }))));
        assert.match(bad["logStorage.existingBucketName"], /may not start with "goog"/);
    });

    it("AksCluster: logStorage.accountName and logStorage.containerName", () => {
        const r = reasons(
            thrown(() =>
                resolveAksCluster("eu", aksArgs({ logStorage: { accountName: "Acme-Logs", containerName: "-logs" } }), {
                    project: "p",
                    stack: "s",
                }),
            ),
        );
        assert.match(r["logStorage.accountName"], /"Acme-Logs" is not a storage account name/);
        assert.match(r["logStorage.containerName"], /"-logs" is not a blob container name: start and end with a letter or digit/);
    });
});
