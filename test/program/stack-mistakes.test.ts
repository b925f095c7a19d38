import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { stringify } from "yaml";
import { reasons, rejection } from "../support/outputs";
import type { StackConfigError } from "../../program/stack-problems";
import { PlanResult, runPlan } from "../../tools/plan/plan";

/**
 * Stack files with one mistake each, as a new user makes them. Every one must be refused with a
 * message naming the stack key (never a library argument), telling a malformed value from a missing
 * one, and saying the fix, before the stack registers a single resource. Mistakes found by reading
 * another stack (a missing org stack, a peer) read those StackReferences, which register nothing.
 */

const fixturesDir = path.resolve(__dirname, "..", "..", "stacks", "fixtures");
const SECRET = { secure: "v1:AAAAciphertext" };
const STORE = { aws: { region: "us-east-1", accountId: "123456789012", auth: "serviceAccount" } };
const CREDENTIALS = { "flexplane:dataPlaneClientId": SECRET, "flexplane:dataPlaneClientSecret": SECRET };

type Config = Record<string, unknown>;

const BASES: Record<string, Config> = {
    byo: {
        "flexplane:cloud": "byo",
        "flexplane:secretsManager": STORE,
        "flexplane:byo": {
            region: "us-east-1",
            storage: { s3: { bucket: "acme-airbyte-logs", region: "us-east-1", auth: "serviceAccount" } },
        },
        ...CREDENTIALS,
    },
    aws: {
        "flexplane:cloud": "aws",
        "aws:region": "us-east-1",
        "flexplane:secretsManager": STORE,
        "flexplane:aws": {
            kubernetesVersion: "1.35",
            nodes: { instanceTypes: ["m6i.xlarge"] },
            apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
        },
        ...CREDENTIALS,
    },
    gcp: {
        "flexplane:cloud": "gcp",
        "gcp:project": "acme-airbyte-eu",
        "gcp:region": "europe-west1",
        "flexplane:secretsManager": { gcp: { projectId: "acme-airbyte-secrets" } },
        "flexplane:gcp": { mode: "autopilot", apiServer: { authorizedCidrs: ["203.0.113.0/24"] } },
        ...CREDENTIALS,
    },
    azure: {
        "flexplane:cloud": "azure",
        "azure-native:location": "westeurope",
        "flexplane:secretsManager": {
            azure: { vaultUrl: "https://acme-secrets.vault.azure.net/", tenantId: "00000000-0000-0000-0000-000000000000" },
        },
        "flexplane:azure": {
            zones: ["1", "2", "3"],
            apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
            keyVault: { resourceGroupName: "acme-control-plane" },
        },
        ...CREDENTIALS,
    },
    registers: {
        "flexplane:cloud": "byo",
        "flexplane:secretsManager": STORE,
        "flexplane:byo": {
            region: "us-east-1",
            storage: { s3: { bucket: "acme-airbyte-logs", region: "us-east-1", auth: "serviceAccount" } },
        },
        "flexplane:orgStack": "acme/flexplane/org",
        "flexplane:airbyteRegion": "us-east",
        "flexplane:airbyteApplicationClientId": SECRET,
        "flexplane:airbyteApplicationClientSecret": SECRET,
    },
    org: {
        "flexplane:role": "org",
        "aws:region": "us-east-1",
        "flexplane:organizationId": "5f3c1c1e-8b6a-4c1e-9a0b-0a1b2c3d4e5f",
        "flexplane:airbyteRegions": ["us-east", "eu-west"],
        "flexplane:secretsManager": STORE,
        "flexplane:airbyteApplicationClientId": SECRET,
        "flexplane:airbyteApplicationClientSecret": SECRET,
        "flexplane:controlPlaneRole": { airbytePrincipalArn: "arn:aws:iam::000000000000:role/airbyte-control-plane" },
        "flexplane:controlPlaneExternalId": SECRET,
    },
};

interface Mistake {
    /** What the user got wrong. */
    what: string;
    base: keyof typeof BASES;
    /** Keys to set; `undefined` removes a key. */
    set: Config;
    /** Each stack key the error must name, and what it must say there. */
    expect: [string, RegExp][];
    /** Refused by the Pulumi CLI itself (a declared key's type): its message instead of the program's. */
    cli?: RegExp;
    /** Stacks the program may read before refusing (cross-stack mistakes). */
    reads?: string[];
}

/** Library argument paths a stack user never wrote. */
const LIBRARY_WORDS =
    /chart\.(version|allowUntestedVersion)|\bapiUrl\b|secretsManager\.\w+\.(clientId|clientSecret|accessKeys|credentialsJson|useServiceAccountIdentity)|\bthe \w+ argument\b/;

const kubeconfig = path.join(os.tmpdir(), `flexplane-kubeconfig-${process.pid}.yaml`);

const MISTAKES: Mistake[] = [
    // Common keys.
    {
        what: "no flexplane:cloud",
        base: "byo",
        set: { "flexplane:cloud": undefined },
        expect: [["flexplane:cloud", /^is required on a region stack: `pulumi config set flexplane:cloud <byo\|aws\|gcp\|azure>`/]],
    },
    {
        what: "an unknown cloud",
        base: "byo",
        set: { "flexplane:cloud": "eks" },
        expect: [["flexplane:cloud", /^"eks" is not a cloud this program deploys to: set it to one of byo, aws, gcp, azure\./]],
    },
    {
        what: "a typo in a key",
        base: "byo",
        set: { "flexplane:namspace": "data" },
        expect: [["flexplane:namspace", /^is not a Flexplane setting: did you mean flexplane:namespace\?/]],
    },
    {
        what: "a typo in the namespace",
        base: "byo",
        set: { "flexplan:namespace": "data" },
        expect: [["flexplan:namespace", /did you mean flexplane:namespace\?/]],
    },
    {
        what: "a flexplane:aws block on a byo stack",
        base: "byo",
        set: { "flexplane:aws": { kubernetesVersion: "1.35" } },
        expect: [["flexplane:aws", /^is only read by aws stacks, and this stack's flexplane:cloud is byo/]],
    },
    {
        what: "a flexplane:byo block on an aws stack",
        base: "aws",
        set: { "flexplane:byo": { region: "us-east-1" } },
        expect: [["flexplane:byo", /^is only read by byo stacks/]],
    },
    {
        what: "an org-only key on a region stack",
        base: "byo",
        set: { "flexplane:airbyteRegions": ["us"] },
        expect: [["flexplane:airbyteRegions", /^is only read by the org stack/]],
    },
    {
        what: "two secret stores",
        base: "byo",
        set: { "flexplane:secretsManager": { ...STORE, gcp: { projectId: "acme-secrets" } } },
        expect: [["flexplane:secretsManager", /set exactly one secret store .*got aws and gcp/]],
    },
    {
        what: "no secret store",
        base: "byo",
        set: { "flexplane:secretsManager": undefined },
        expect: [["flexplane:secretsManager", /^is required: add flexplane:secretsManager: \{aws: /]],
    },
    {
        what: "a malformed store region",
        base: "byo",
        set: { "flexplane:secretsManager": { aws: { ...STORE.aws, region: "us-east1" } } },
        expect: [["flexplane:secretsManager.aws.region", /^"us-east1" is not an AWS region/]],
    },
    {
        what: "an account id YAML read as a number",
        base: "byo",
        set: { "flexplane:secretsManager": { aws: { ...STORE.aws, accountId: 12345 } } },
        expect: [["flexplane:secretsManager.aws.accountId", /^"12345" is not a 12-digit AWS account id/]],
    },
    {
        what: "a typo inside the store",
        base: "byo",
        set: { "flexplane:secretsManager": { aws: { ...STORE.aws, acountId: "1" } } },
        expect: [["flexplane:secretsManager.aws.acountId", /is not a setting: .*Did you mean "accountId"\?/]],
    },
    {
        what: "an unknown auth mode",
        base: "byo",
        set: { "flexplane:secretsManager": { aws: { ...STORE.aws, auth: "iam" } } },
        expect: [["flexplane:secretsManager.aws.auth", /^"iam" is not an auth mode/]],
    },
    {
        what: "access keys forgotten",
        base: "byo",
        set: { "flexplane:secretsManager": { aws: { ...STORE.aws, auth: "accessKeys" } } },
        expect: [
            [
                "flexplane:secretsManagerAccessKeyId",
                /^is required with flexplane:secretsManager\.aws\.auth: accessKeys: run `pulumi config set --secret flexplane:secretsManagerAccessKeyId /,
            ],
            ["flexplane:secretsManagerSecretAccessKey", /pulumi config set --secret flexplane:secretsManagerSecretAccessKey/],
        ],
    },
    {
        what: "an access key in plain text",
        base: "byo",
        set: {
            "flexplane:secretsManager": { aws: { ...STORE.aws, auth: "accessKeys" } },
            "flexplane:secretsManagerAccessKeyId": "AKIAEXAMPLE",
            "flexplane:secretsManagerSecretAccessKey": SECRET,
        },
        expect: [
            [
                "flexplane:secretsManagerAccessKeyId",
                /^holds a credential but is in plain text in the stack file: remove it there and run `pulumi config set --secret flexplane:secretsManagerAccessKeyId/,
            ],
        ],
    },
    {
        what: "access keys with IRSA",
        base: "byo",
        set: { "flexplane:secretsManagerAccessKeyId": SECRET },
        expect: [["flexplane:secretsManagerAccessKeyId", /^is set but not used: flexplane:secretsManager\.aws\.auth is serviceAccount/]],
    },
    {
        what: "a Google Secret Manager store without its key on a cluster that cannot create one",
        base: "aws",
        set: { "flexplane:secretsManager": { gcp: { projectId: "acme-secrets" } } },
        expect: [
            [
                "flexplane:secretsManagerCredentialsJson",
                /^is required: give a service-account JSON key .* Run `pulumi config set --secret flexplane:secretsManagerCredentialsJson /,
            ],
        ],
    },
    {
        what: "an Azure key for an AWS store",
        base: "byo",
        set: { "flexplane:secretsManagerClientSecret": SECRET },
        expect: [["flexplane:secretsManagerClientSecret", /^is set but not used: flexplane:secretsManager declares no azure store/]],
    },
    {
        what: "the data plane's client secret forgotten",
        base: "byo",
        set: { "flexplane:dataPlaneClientSecret": undefined },
        expect: [
            [
                "flexplane:dataPlaneClientSecret",
                /^is required unless the stack registers the data plane .*run `pulumi config set --secret flexplane:dataPlaneClientSecret/,
            ],
        ],
    },
    {
        what: "the data plane's client secret in plain text",
        base: "byo",
        set: { "flexplane:dataPlaneClientSecret": "plain" },
        expect: [["flexplane:dataPlaneClientSecret", /^holds a credential but is in plain text/]],
    },
    {
        what: "an http airbyteUrl",
        base: "byo",
        set: { "flexplane:airbyteUrl": "http://airbyte.internal" },
        expect: [["flexplane:airbyteUrl", /^"http:\/\/airbyte\.internal" must use https: .*Use https:\/\/airbyte\.internal\./]],
    },
    {
        what: "an airbyteUrl that is not a URL",
        base: "byo",
        set: { "flexplane:airbyteUrl": "airbyte.internal" },
        expect: [["flexplane:airbyteUrl", /^"airbyte\.internal" is not a URL/]],
    },
    {
        what: "chart 3.0.0",
        base: "byo",
        set: { "flexplane:chartVersion": "3.0.0" },
        expect: [
            ["flexplane:chartVersion", /^3\.0\.0 is outside the tested versions .*or set flexplane:allowUntestedChartVersion to true/],
        ],
    },
    {
        what: "a chart version range",
        base: "byo",
        set: { "flexplane:chartVersion": "2.x" },
        expect: [["flexplane:chartVersion", /^"2\.x" is not an exact version/]],
    },
    {
        what: "an edition in the wrong case",
        base: "byo",
        set: { "flexplane:edition": "Cloud" },
        expect: [["flexplane:edition", /^"Cloud" is not an edition: use cloud, enterprise, community/]],
    },
    {
        what: "an invalid namespace",
        base: "byo",
        set: { "flexplane:namespace": "Airbyte_NS" },
        expect: [["flexplane:namespace", /^"Airbyte_NS" is not a namespace name/]],
    },
    {
        what: "an invalid service account name",
        base: "byo",
        set: { "flexplane:serviceAccountName": "Launcher SA" },
        expect: [["flexplane:serviceAccountName", /^"Launcher SA" is not a service account name/]],
    },
    {
        what: "tags as a list",
        base: "aws",
        set: { "flexplane:tags": ["team"] },
        expect: [],
        cli: /^Stack 'mistake' with configuration key 'tags' must be of type 'object'\. Give flexplane:tags a value of type 'object', e\.g\. \{team: data\}\.$/,
    },
    {
        what: "a peer given as text, not a list",
        base: "byo",
        set: { "flexplane:haPeers": "aws-us-east-1-b" },
        expect: [],
        cli: /^Stack 'mistake' with configuration key 'haPeers' must be of type 'array<string>'\. Give flexplane:haPeers a value of type 'array<string>', e\.g\. \[aws-us-east-1-b\]\.$/,
    },
    {
        what: "maybe as a boolean",
        base: "byo",
        set: { "flexplane:allowUntestedChartVersion": "maybe" },
        expect: [],
        cli: /^Stack 'mistake' with configuration key 'allowUntestedChartVersion' must be of type 'boolean'\./,
    },
    {
        what: "a tag value YAML reads as a number",
        base: "byo",
        set: { "flexplane:tags": { costCenter: 4711 } },
        expect: [["flexplane:tags.costCenter", /^4711 is not text: quote it/]],
    },
    {
        what: "a stack as its own HA peer",
        base: "byo",
        set: { "flexplane:haPeers": ["mistake"] },
        expect: [["flexplane:haPeers", /^"mistake" is this stack itself/]],
    },
    {
        what: "a peer listed twice",
        base: "byo",
        set: { "flexplane:haPeers": ["peer-a", "peer-a"] },
        expect: [["flexplane:haPeers", /^lists "peer-a" twice/]],
    },
    {
        what: "a malformed org stack name",
        base: "byo",
        set: { "flexplane:orgStack": "acme flexplane org" },
        expect: [["flexplane:orgStack", /^"acme flexplane org" is not a stack name/]],
    },
    {
        what: "an unknown stack role",
        base: "org",
        set: { "flexplane:role": "organization" },
        expect: [["flexplane:role", /^"organization" is not a stack role: use dataPlane .* or org/]],
    },

    // Cross-stack lookups.
    {
        what: "an org stack that does not exist",
        base: "byo",
        set: { "flexplane:orgStack": "acme/flexplane/orgs" },
        reads: ["acme/flexplane/orgs"],
        expect: [
            [
                "flexplane:orgStack",
                /^stack "acme\/flexplane\/orgs" cannot be read \(unknown stack "acme\/flexplane\/orgs"\)\. Check the name .*or remove flexplane:orgStack\.$/,
            ],
        ],
    },
    {
        what: "an HA peer that does not exist yet",
        base: "byo",
        set: { "flexplane:haPeers": ["aws-us-east-1-c"] },
        reads: ["aws-us-east-1-c"],
        expect: [
            [
                "flexplane:haPeers",
                /^stack "aws-us-east-1-c" cannot be read \(unknown stack "aws-us-east-1-c"\)\. .*the first stack of an HA pair goes up without flexplane:haPeers/,
            ],
        ],
    },

    // Registration.
    {
        what: "half an Airbyte application",
        base: "registers",
        set: { "flexplane:airbyteApplicationClientSecret": undefined },
        expect: [
            [
                "flexplane:airbyteApplicationClientSecret",
                /is missing: set both flexplane:airbyteApplicationClientId and flexplane:airbyteApplicationClientSecret/,
            ],
        ],
    },
    {
        what: "registering without an org stack",
        base: "registers",
        set: { "flexplane:orgStack": undefined },
        expect: [["flexplane:orgStack", /^is required to register the data plane/]],
    },
    {
        what: "registering and giving the data plane's credentials too",
        base: "registers",
        set: CREDENTIALS,
        expect: [["flexplane:dataPlaneClientId", /^is set but not used: the stack registers the data plane/]],
    },
    {
        what: "an http API URL",
        base: "registers",
        set: { "flexplane:airbyteApiUrl": "http://airbyte.internal/api/public/v1" },
        expect: [["flexplane:airbyteApiUrl", /^"http:\/\/airbyte\.internal\/api\/public\/v1" must use https/]],
    },
    {
        what: "an http airbyteUrl on a registering stack, not reported as apiUrl",
        base: "registers",
        set: { "flexplane:airbyteUrl": "http://airbyte.internal" },
        expect: [["flexplane:airbyteUrl", /^"http:\/\/airbyte\.internal" must use https/]],
    },
    {
        what: "a data plane name without registration",
        base: "byo",
        set: { "flexplane:dataPlaneName": "dp" },
        expect: [["flexplane:dataPlaneName", /^is set but not used: only registration reads it/]],
    },

    // byo.
    {
        what: "no flexplane:byo block",
        base: "byo",
        set: { "flexplane:byo": undefined },
        expect: [["flexplane:byo", /^is required: add flexplane:byo: /]],
    },
    {
        what: "no byo region",
        base: "byo",
        set: { "flexplane:byo": { storage: { s3: { bucket: "logs", region: "us-east-1", auth: "serviceAccount" } } } },
        expect: [["flexplane:byo.region", /^is required: give the region the cluster runs in/]],
    },
    {
        what: "no byo storage",
        base: "byo",
        set: { "flexplane:byo": { region: "us-east-1" } },
        expect: [["flexplane:byo.storage", /^is required: give exactly one of s3, gcs, azure/]],
    },
    {
        what: "two byo storages",
        base: "byo",
        set: {
            "flexplane:byo": {
                region: "us-east-1",
                storage: { s3: { bucket: "a", region: "us-east-1", auth: "serviceAccount" }, gcs: { bucket: "b" } },
            },
        },
        expect: [["flexplane:byo.storage", /set exactly one log storage .*got s3 and gcs/]],
    },
    {
        what: "a typo in the byo block",
        base: "byo",
        set: {
            "flexplane:byo": {
                region: "us-east-1",
                contxt: "prod",
                storage: { s3: { bucket: "a", region: "us-east-1", auth: "serviceAccount" } },
            },
        },
        expect: [["flexplane:byo.contxt", /Did you mean "context"\?/]],
    },
    {
        what: "GCS storage without its key",
        base: "byo",
        set: { "flexplane:byo": { region: "europe-west1", storage: { gcs: { bucket: "acme-logs" } } } },
        expect: [
            [
                "flexplane:storageCredentialsJson",
                /^is required for GCS storage .*pulumi config set --secret flexplane:storageCredentialsJson/,
            ],
        ],
    },
    {
        what: "a malformed bucket region",
        base: "byo",
        set: { "flexplane:byo": { region: "us-east-1", storage: { s3: { bucket: "a-logs", region: "useast1", auth: "serviceAccount" } } } },
        expect: [["flexplane:byo.storage.s3.region", /^"useast1" is not an AWS region/]],
    },
    {
        what: "a kubeconfig context that does not exist",
        base: "byo",
        set: {
            "flexplane:byo": {
                region: "us-east-1",
                context: "prod-eu",
                storage: { s3: { bucket: "a-logs", region: "us-east-1", auth: "serviceAccount" } },
            },
        },
        expect: [
            [
                "flexplane:byo.context",
                /^"prod-eu" is not a context in .*flexplane-kubeconfig.* \(it has: prod-us, staging\)\. .*Did you mean "prod-us"\?/,
            ],
        ],
    },

    // aws.
    {
        what: "no aws:region",
        base: "aws",
        set: { "aws:region": undefined },
        expect: [["aws:region", /^is required: set the cluster's region with `pulumi config set aws:region us-east-1`/]],
    },
    {
        what: "aws:region us-east1",
        base: "aws",
        set: { "aws:region": "us-east1" },
        expect: [["aws:region", /^"us-east1" is not an AWS region: use a region code such as us-east-1/]],
    },
    {
        what: "the region inside flexplane:aws",
        base: "aws",
        set: { "flexplane:aws": { region: "us-east-1" } },
        expect: [["flexplane:aws.region", /^is not read here: set aws:region instead/]],
    },
    {
        what: "a typo in a node group setting",
        base: "aws",
        set: { "flexplane:aws": { nodes: { instanceType: "m6i.xlarge" } } },
        expect: [["flexplane:aws.nodes.instanceType", /is not a setting: .*Did you mean "instanceTypes"\?/]],
    },
    {
        what: "spot capacity given as a word",
        base: "aws",
        set: { "flexplane:aws": { nodes: { spot: "yes" } } },
        expect: [["flexplane:aws.nodes.spot", /^"yes" is not valid: set true for spot capacity or false for on-demand/]],
    },
    {
        what: "an old option name next to its new one",
        base: "aws",
        set: { "flexplane:aws": { logBucket: { versioning: true }, logStorage: { versioning: false } } },
        expect: [
            [
                "flexplane:aws.logBucket",
                /^is the old name of flexplane:aws\.logStorage, which is also set: keep flexplane:aws\.logStorage only/,
            ],
        ],
    },
    {
        what: "a Kubernetes version that is no version",
        base: "aws",
        set: { "flexplane:aws": { kubernetesVersion: "latest", apiServer: { authorizedCidrs: ["203.0.113.0/24"] } } },
        expect: [
            ["flexplane:aws.kubernetesVersion", /^"latest" is not a Kubernetes minor version: set one that EKS offers, e\.g\. "1\.35"/],
        ],
    },
    {
        what: "Fargate",
        base: "aws",
        set: { "flexplane:aws": { fargate: true } },
        expect: [["flexplane:aws.fargate", /^remove it: .*Fargate/]],
    },
    {
        what: "log bucket keys in the stack file",
        base: "aws",
        set: { "flexplane:aws": { logStorage: { existingBucketName: "acme-logs", accessKeys: { accessKeyId: "AKIA" } } } },
        expect: [["flexplane:aws.logStorage.accessKeys", /^keys do not belong in the stack file/]],
    },
    {
        what: "log bucket access keys forgotten",
        base: "aws",
        set: { "flexplane:aws": { logStorage: { existingBucketName: "acme-logs", auth: "accessKeys" } } },
        expect: [["flexplane:awsLogBucketAccessKeyId", /^is required with flexplane:aws\.logStorage\.auth: accessKeys/]],
    },
    {
        what: "a VPC CIDR that is no CIDR",
        base: "aws",
        set: { "flexplane:aws": { network: { cidrBlock: "10.0.0.0" } } },
        expect: [["flexplane:aws.network.cidrBlock", /^"10\.0\.0\.0" does not fit: set an IPv4 CIDR block between \/16 and \/20/]],
    },

    // gcp.
    {
        what: "no gcp:project",
        base: "gcp",
        set: { "gcp:project": undefined },
        expect: [["gcp:project", /^is not set: run `pulumi config set gcp:project <project-id>`/]],
    },
    {
        what: "a zone as gcp:region",
        base: "gcp",
        set: { "gcp:region": "europe-west1-b" },
        expect: [["gcp:region", /^"europe-west1-b" is not a GCP region/]],
    },
    {
        what: "a location outside gcp:region",
        base: "gcp",
        set: { "flexplane:gcp": { location: "us-central1" } },
        expect: [["flexplane:gcp.location", /^"us-central1" is not in gcp:region europe-west1/]],
    },
    {
        what: "node pools on Autopilot",
        base: "gcp",
        set: { "flexplane:gcp": { mode: "autopilot", nodePools: [{ name: "jobs", machineType: "e2-standard-4" }] } },
        expect: [["flexplane:gcp.nodePools", /Autopilot provisions nodes itself/]],
    },
    {
        what: "a typo in flexplane:gcp",
        base: "gcp",
        set: { "flexplane:gcp": { releasechannel: "REGULAR" } },
        expect: [["flexplane:gcp.releasechannel", /Did you mean "releaseChannel"\?/]],
    },
    {
        what: "an old GKE option name next to its new one",
        base: "gcp",
        set: {
            "flexplane:gcp": {
                apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
                bucket: { logRetentionDays: 7 },
                logStorage: { logRetentionDays: 14 },
            },
        },
        expect: [
            [
                "flexplane:gcp.bucket",
                /^is the old name of flexplane:gcp\.logStorage, which is also set: keep flexplane:gcp\.logStorage only\./,
            ],
        ],
    },
    {
        what: "GKE labels in flexplane:gcp",
        base: "gcp",
        set: { "flexplane:gcp": { apiServer: { authorizedCidrs: ["203.0.113.0/24"] }, labels: { team: "data" } } },
        expect: [["flexplane:gcp.labels", /^is not read here: set flexplane:tags instead\./]],
    },
    {
        what: "a GKE authorized network that is not a CIDR",
        base: "gcp",
        set: { "flexplane:gcp": { apiServer: { authorizedCidrs: ["office"] } } },
        expect: [["flexplane:gcp.apiServer.authorizedCidrs[0]", /^"office" is not an IPv4 CIDR block/]],
    },

    // azure.
    {
        what: "no azure-native:location",
        base: "azure",
        set: { "azure-native:location": undefined },
        expect: [["azure-native:location", /^is required: set the cluster's region/]],
    },
    {
        what: "a display name as location",
        base: "azure",
        set: { "azure-native:location": "West Europe" },
        expect: [["azure-native:location", /^"West Europe" is not an Azure region name/]],
    },
    {
        what: "a typo in flexplane:azure",
        base: "azure",
        set: { "flexplane:azure": { zone: ["1", "2"] } },
        expect: [["flexplane:azure.zone", /Did you mean "zones"\?/]],
    },
    {
        what: "an existing container without its connection string",
        base: "azure",
        set: { "flexplane:azure": { zones: ["1", "2", "3"], logStorage: { existingContainer: "logs" } } },
        expect: [["flexplane:azureStorageConnectionString", /^is required with flexplane:azure\.logStorage\.existingContainer/]],
    },
    {
        what: "a typo in an AKS pool",
        base: "azure",
        set: {
            "flexplane:azure": {
                apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
                keyVault: { resourceGroupName: "acme-control-plane" },
                workloadPools: [{ name: "workload", maxsize: 4 }],
            },
        },
        expect: [["flexplane:azure.workloadPools[0].maxsize", /^is not a setting: .*Did you mean "maxSize"\?/]],
    },
    {
        what: "an old AKS option name next to its new one",
        base: "azure",
        set: {
            "flexplane:azure": {
                apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
                apiServerAuthorizedIpRanges: ["198.51.100.0/24"],
                keyVault: { resourceGroupName: "acme-control-plane" },
            },
        },
        expect: [
            [
                "flexplane:azure.apiServerAuthorizedIpRanges",
                /^is the old name of flexplane:azure\.apiServer\.authorizedCidrs, which is also set: keep flexplane:azure\.apiServer\.authorizedCidrs only\./,
            ],
        ],
    },
    {
        what: "the location in flexplane:azure",
        base: "azure",
        set: {
            "flexplane:azure": {
                location: "westeurope",
                apiServer: { authorizedCidrs: ["203.0.113.0/24"] },
                keyVault: { resourceGroupName: "acme-control-plane" },
            },
        },
        expect: [["flexplane:azure.location", /^is set by azure-native:location: remove it here\./]],
    },
    {
        what: "an AKS API server open to nobody",
        base: "azure",
        set: { "flexplane:azure": { keyVault: { resourceGroupName: "acme-control-plane" } } },
        expect: [["flexplane:azure.apiServer.authorizedCidrs", /^is required: list the addresses or CIDRs that run Pulumi and kubectl/]],
    },
    {
        what: "a service principal half given",
        base: "azure",
        set: { "flexplane:secretsManagerClientId": SECRET },
        expect: [
            ["flexplane:secretsManagerClientSecret", /give both flexplane:secretsManagerClientId and flexplane:secretsManagerClientSecret/],
        ],
    },

    // org.
    {
        what: "no organization id",
        base: "org",
        set: { "flexplane:organizationId": undefined },
        expect: [["flexplane:organizationId", /^is required: `pulumi config set flexplane:organizationId 5f3c1c1e-/]],
    },
    {
        what: "a malformed organization id",
        base: "org",
        set: { "flexplane:organizationId": "acme" },
        expect: [["flexplane:organizationId", /^"acme" is not an organization id/]],
    },
    {
        what: "a region listed twice",
        base: "org",
        set: { "flexplane:airbyteRegions": ["us", "us"] },
        expect: [["flexplane:airbyteRegions", /^lists a region twice/]],
    },
    {
        what: "regions without an application",
        base: "org",
        set: { "flexplane:airbyteApplicationClientId": undefined, "flexplane:airbyteApplicationClientSecret": undefined },
        expect: [["flexplane:airbyteApplicationClientId", /^is required to create Airbyte regions/]],
    },
    {
        what: "a control-plane role without its external id",
        base: "org",
        set: { "flexplane:controlPlaneExternalId": undefined },
        expect: [
            [
                "flexplane:controlPlaneExternalId",
                /^is required with flexplane:controlPlaneRole: run `pulumi config set --secret flexplane:controlPlaneExternalId/,
            ],
        ],
    },
    {
        what: "a control-plane role for a GCP store",
        base: "org",
        set: { "flexplane:secretsManager": { gcp: { projectId: "acme-secrets" } } },
        expect: [["flexplane:controlPlaneRole", /^is only for an AWS Secrets Manager store/]],
    },
    {
        what: "a malformed principal ARN",
        base: "org",
        set: { "flexplane:controlPlaneRole": { airbytePrincipalArn: "airbyte" } },
        expect: [["flexplane:controlPlaneRole.airbytePrincipalArn", /^"airbyte" is not an IAM role or user ARN/]],
    },
    {
        what: "a malformed data-plane principal pattern",
        base: "org",
        set: {
            "flexplane:controlPlaneRole": {
                airbytePrincipalArn: "arn:aws:iam::000000000000:role/airbyte-control-plane",
                dataPlanePrincipalArns: ["role/*"],
            },
        },
        expect: [["flexplane:controlPlaneRole.dataPlanePrincipalArns[0]", /^"role\/\*" is not an IAM role or user ARN pattern/]],
    },
    {
        what: "a workspace mapped to a region the org stack does not create",
        base: "org",
        set: { "flexplane:workspaceRegions": { mars: ["3c1d9a7e-5b2f-4c6d-8e9f-0a1b2c3d4e5f"] } },
        expect: [["flexplane:workspaceRegions.mars", /^is not one of flexplane:airbyteRegions/]],
    },
    {
        what: "a health wait beyond an hour",
        base: "registers",
        set: { "flexplane:dataPlaneHealthTimeoutSeconds": 7200 },
        expect: [["flexplane:dataPlaneHealthTimeoutSeconds", /^7200 is not a whole number of seconds from 0 \(do not wait\) to 3600/]],
    },
    {
        what: "a region-stack key on the org stack",
        base: "org",
        set: { "flexplane:cloud": "aws" },
        expect: [["flexplane:cloud", /^is only read by region stacks, and this is an org stack/]],
    },
];

/** The lines `  - <key>: <reason>` of the plan's one error, by key. */
function problemsOf(plan: PlanResult): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const line of plan.errors.join("\n").split("\n")) {
        const match = /^ {2}- ([^\s:]+(?::[^\s:]+)?): (.*)$/.exec(line);
        if (match) {
            found.set(match[1], [...(found.get(match[1]) ?? []), match[2]]);
        }
    }
    return found;
}

async function planOf(base: Config, set: Config): Promise<PlanResult> {
    const config: Config = { ...base };
    for (const [key, value] of Object.entries(set)) {
        if (value === undefined) {
            delete config[key];
        } else {
            config[key] = value;
        }
    }
    return runPlan({ stack: "mistake", stackText: stringify({ config }), fixturesDir });
}

describe("every stack-level mistake is refused before the first resource", () => {
    const saved = process.env.KUBECONFIG;
    before(() => {
        fs.writeFileSync(kubeconfig, stringify({ apiVersion: "v1", kind: "Config", contexts: [{ name: "prod-us" }, { name: "staging" }] }));
        process.env.KUBECONFIG = kubeconfig;
    });
    after(() => {
        fs.rmSync(kubeconfig, { force: true });
        if (saved === undefined) {
            delete process.env.KUBECONFIG;
        } else {
            process.env.KUBECONFIG = saved;
        }
    });

    for (const [name, base] of Object.entries(BASES)) {
        it(`the ${name} base stack itself plans cleanly`, async () => {
            const plan = await planOf(base, {});
            assert.deepEqual(plan.errors, []);
            assert.ok(plan.resources.length > 0);
        });
    }

    it(`counts ${MISTAKES.length} mistakes`, () => {
        assert.ok(MISTAKES.length >= 62, `${MISTAKES.length} mistakes`);
    });

    for (const mistake of MISTAKES) {
        it(`${mistake.what}: ${mistake.expect.map(([key]) => key).join(", ")}`, async () => {
            const plan = await planOf(BASES[mistake.base], mistake.set);
            assert.equal(plan.errors.length, 1, plan.errors.join("\n"));
            assert.deepEqual(plan.resources, [], "registered resources");
            assert.deepEqual(plan.stackReads, mistake.reads ?? [], "read other stacks");
            assert.doesNotMatch(plan.errors[0], /\n\s+at /, "a stack trace");
            if (mistake.cli) {
                // `pulumi preview` stops here, before the program runs.
                assert.match(plan.errors[0], mistake.cli);
                return;
            }
            const found = problemsOf(plan);
            for (const [key, reason] of mistake.expect) {
                assert.ok(
                    (found.get(key) ?? []).some((r) => reason.test(r)),
                    `${key}: ${reason}\n${plan.errors[0]}`,
                );
            }
            // Stack users see stack keys, never a library argument path.
            for (const key of found.keys()) {
                assert.match(key, /^(flexplane|flexplan|aws|gcp|azure-native):/, plan.errors[0]);
            }
            assert.doesNotMatch(plan.errors[0], LIBRARY_WORDS, "a library argument in a stack user's message");
        });
    }
});

describe("how a stack mistake reaches the user", () => {
    // The Node SDK prints a RunError's message alone and any other uncaught error with its stack trace
    // (@pulumi/pulumi cmd/run/run.js): stack mistakes must be RunErrors.
    async function runWith(config: Record<string, string>, stackOutputs: Record<string, Record<string, unknown>> = {}) {
        const { MockHarness } = await import("../../tools/harness/runtime");
        MockHarness.install({
            stack: "mistake",
            config,
            secretConfigKeys: ["flexplane:dataPlaneClientId", "flexplane:dataPlaneClientSecret"],
            stackOutputs,
        });
        const { runStack } = await import("../../program");
        return (await rejection(runStack)) as StackConfigError;
    }
    const base = {
        "flexplane:cloud": "byo",
        "flexplane:secretsManager": JSON.stringify(STORE),
        "flexplane:byo": JSON.stringify(BASES.byo["flexplane:byo"]),
        "flexplane:dataPlaneClientId": "id",
        "flexplane:dataPlaneClientSecret": "secret",
    };

    it("a config mistake is a RunError listing each key, with each key and reason kept", async () => {
        const err = await runWith({ ...base, "flexplane:namspace": "x" });
        assert.ok(pulumi.RunError.isInstance(err));
        assert.match(err.message, /^Stack "mistake" config has invalid arguments:\n {2}- flexplane:namspace: is not a Flexplane setting/);
        assert.deepEqual(reasons(err), { "flexplane:namspace": err.errors[0].reason });
    });

    it("an org stack that cannot be read is a RunError naming flexplane:orgStack", async () => {
        const err = await runWith({ ...base, "flexplane:orgStack": "acme/flexplane/org" });
        assert.ok(pulumi.RunError.isInstance(err));
        assert.match(
            err.message,
            /flexplane:orgStack: stack "acme\/flexplane\/org" cannot be read \(unknown stack "acme\/flexplane\/org"\)/,
        );
    });
});
