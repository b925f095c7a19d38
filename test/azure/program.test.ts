import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { aksArgsFromConfig } from "../../program/clouds/azure";
import { StackProblems } from "../../program/stack-problems";
import { runPlan } from "../../tools/plan/plan";
import { CapturedWarnings, captureWarnings } from "../support/harness";
import { reasons, thrown } from "../support/outputs";
import { T, TENANT, VAULT_URL } from "./helpers";

const ctx = {
    namespace: "airbyte",
    serviceAccountName: "airbyte-workload-launcher",
    secretsManager: { azure: { vaultUrl: VAULT_URL, tenantId: TENANT } },
    tags: { team: "data" },
};
const noSecret = () => undefined;

/** `aksArgsFromConfig` with its problems thrown as one error, as the stack program throws them. */
function argsOf(...rest: Parameters<typeof aksArgsFromConfig> extends [unknown, ...infer R] ? R : never) {
    const problems = new StackProblems("azure");
    const args = aksArgsFromConfig(problems, ...rest);
    problems.throwIfAny();
    return args;
}

describe("azure stack program", () => {
    let warnings: CapturedWarnings;
    beforeEach(() => {
        warnings = captureWarnings();
    });
    afterEach(() => warnings.restore());

    it("maps flexplane:azure, the provider location and the common settings onto AksCluster arguments", () => {
        const args = argsOf(
            { zones: ["1", "2"], keyVault: { resourceGroupName: "control" }, logStorage: { sku: "Standard_LRS" } },
            ctx,
            "westeurope",
            noSecret,
        );
        assert.equal(args.location, "westeurope");
        assert.deepEqual(args.zones, ["1", "2"]);
        assert.equal(args.secretsManager, ctx.secretsManager);
        assert.deepEqual(args.tags, { team: "data" });
        assert.deepEqual(args.logStorage, { sku: "Standard_LRS" });
        assert.equal(args.namespace, "airbyte");
        assert.deepEqual(warnings.messages, []);
    });

    it("takes the old option names with one warning each, in the stack's words", () => {
        const args = argsOf(
            {
                apiServerAuthorizedIpRanges: ["203.0.113.0/24"],
                storage: { existingContainer: "logs" },
                workloadPools: [{ name: "workload", runsJobs: true }],
            },
            ctx,
            "westeurope",
            () => pulumi.secret("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k"),
        );
        assert.deepEqual(args.apiServer, { authorizedCidrs: ["203.0.113.0/24"] });
        assert.equal(args.logStorage?.existing?.azure?.container, "logs");
        assert.deepEqual(args.workloadPools, [{ name: "workload", dedicatedToJobs: true }]);
        assert.deepEqual(warnings.messages, [
            "flexplane:azure.storage is deprecated: use flexplane:azure.logStorage instead (same meaning; the old name will be removed in a future release).",
            "flexplane:azure.apiServerAuthorizedIpRanges is deprecated: use flexplane:azure.apiServer.authorizedCidrs instead (same meaning; the old name will be removed in a future release).",
            "flexplane:azure.workloadPools[0].runsJobs is deprecated: use flexplane:azure.workloadPools[0].dedicatedToJobs instead (same meaning; the old name will be removed in a future release).",
        ]);
        const both = reasons(
            thrown(() => argsOf({ network: { podCidr: "10.1.0.0/16", podsCidr: "10.2.0.0/16" } }, ctx, "westeurope", noSecret)),
        );
        assert.match(
            both["flexplane:azure.network.podCidr"],
            /^is the old name of flexplane:azure\.network\.podsCidr, which is also set: keep flexplane:azure\.network\.podsCidr only\./,
        );
    });

    it("refuses keys that other stack keys set, and leaves every other key to the component", () => {
        const found = reasons(
            thrown(() =>
                argsOf(
                    { location: "westeurope", tags: { a: "b" }, zone: ["1"], logStorage: { existing: {} } },
                    ctx,
                    "westeurope",
                    noSecret,
                ),
            ),
        );
        assert.match(found["flexplane:azure.location"], /^is set by azure-native:location: remove it here\./);
        assert.match(found["flexplane:azure.tags"], /^is set by flexplane:tags: remove it here\./);
        assert.match(
            found["flexplane:azure.logStorage.existing"],
            /is set by flexplane:azure\.logStorage\.existingContainer and the secret flexplane:azureStorageConnectionString/,
        );
        assert.equal(found["flexplane:azure.zone"], undefined, "a typo is the component's to report (through the stack's sources)");
        assert.match(
            reasons(thrown(() => argsOf(["x"] as any, ctx, "westeurope", noSecret)))["flexplane:azure"],
            /must be a map of AksCluster settings/,
        );
    });

    it("takes an existing container's connection string from its own secret key, and insists on it", () => {
        const secret = pulumi.secret("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k");
        const args = argsOf({ logStorage: { existingContainer: "logs" } }, ctx, "westeurope", () => secret);
        assert.deepEqual(args.logStorage, { existing: { azure: { container: "logs", connectionString: secret } } });
        const missing = reasons(thrown(() => argsOf({ logStorage: { existingContainer: "logs" } }, ctx, "westeurope", noSecret)));
        assert.match(
            missing["flexplane:azureStorageConnectionString"],
            /pulumi config set --secret flexplane:azureStorageConnectionString/,
        );
        const unused = reasons(thrown(() => argsOf({}, ctx, "westeurope", () => secret)));
        assert.match(
            unused["flexplane:azureStorageConnectionString"],
            /is set but not used: only flexplane:azure\.logStorage\.existingContainer reads it/,
        );
    });

    it("plans stacks/Pulumi.azure-westeurope.yaml cleanly, with AKS, Key Vault wiring, storage and the data plane", async () => {
        const plan = await runPlan({ stack: "azure-westeurope" });
        assert.deepEqual(plan.errors, []);
        assert.deepEqual(plan.policyViolations, [], "the example stack passes the policy pack, advisory policies included");
        const byType = (type: string) => plan.resources.filter((r) => r.type === type);
        const cluster = plan.resources.find((r) => r.type === T.cluster && r.name === "azure-westeurope-aks")!;
        assert.equal(byType(T.cluster).length, 1);
        assert.equal(cluster.inputs.agentPoolProfiles.length, 1);
        assert.deepEqual(cluster.inputs.apiServerAccessProfile, { authorizedIPRanges: ["203.0.113.0/24"] });
        assert.deepEqual(
            byType(T.pool).map((p) => p.inputs.agentPoolName),
            ["workload"],
        );
        assert.equal(byType(T.sp).length, 1);
        assert.equal(byType(T.vault).length, 0, "the example references the control plane's vault");
        assert.equal(byType("kubernetes:helm.sh/v3:Release").length, 1);
        const values = plan.helmValues["data-plane"] as any;
        assert.equal(values.secretsManager.type, "AZURE_KEY_VAULT");
        assert.equal(values.secretsManager.azureKeyVault.vaultUrl, "https://acme-airbyte-secrets.vault.azure.net/");
        assert.equal(values.storage.type, "azure");
        const outputs = plan.outputs as any;
        assert.equal(outputs.kubeconfig, "[secret]");
        assert.equal(outputs.clusterName, "azure-westeurope-aks");
        assert.equal(outputs.vaultUrl, "https://acme-airbyte-secrets.vault.azure.net/");
        assert.match(outputs.storageAccountName, /^[a-z0-9]{24}$/);
        assert.equal(outputs.containerName, "airbyte");
        assert.deepEqual(outputs.descriptor, {
            cloud: "azure",
            clusterRegion: "westeurope",
            secretsManagerIdentity: "azure-key-vault:acme-airbyte-secrets.vault.azure.net",
        });
        assert.deepEqual(plan.secretConfigKeys.sort(), ["flexplane:dataPlaneClientId", "flexplane:dataPlaneClientSecret"]);
        assert.deepEqual(warnings.messages, [], "the example stacks use the current option names");
    });
});
