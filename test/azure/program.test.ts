import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { aksArgsFromConfig } from "../../program/clouds/azure";
import { StackProblems } from "../../program/stack-problems";
import { runPlan } from "../../tools/plan/plan";
import { reasons, T, TENANT, thrown, VAULT_URL } from "./helpers";

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
    it("maps flexplane:azure, the provider location and the common settings onto AksCluster arguments", () => {
        const args = argsOf({ zones: ["1", "2"], keyVault: { resourceGroupName: "control" }, storage: { sku: "Standard_LRS" } }, ctx, "westeurope", noSecret);
        assert.equal(args.location, "westeurope");
        assert.deepEqual(args.zones, ["1", "2"]);
        assert.equal(args.secretsManager, ctx.secretsManager);
        assert.deepEqual(args.tags, { team: "data" });
        assert.deepEqual(args.storage, { sku: "Standard_LRS" });
        assert.equal(args.namespace, "airbyte");
    });

    it("names unknown keys and a missing location, with the fix", () => {
        const err = thrown(() => argsOf({ zone: ["1"], storage: { bucket: "x" } }, ctx, undefined, noSecret));
        assert.ok(pulumi.InputPropertiesError.isInstance(err));
        const found = reasons(err);
        assert.match(found["azure-native:location"], /pulumi config set azure-native:location westeurope/);
        assert.match(found["flexplane:azure.zone"], /is not a setting: remove it or use one of tenantId, .*zones/);
        assert.match(found["flexplane:azure.storage.bucket"], /is not a setting: remove it or use one of accountName/);
    });

    it("takes an existing container's connection string from its own secret key, and insists on it", () => {
        const secret = pulumi.secret("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k");
        const args = argsOf({ storage: { existingContainer: "logs" } }, ctx, "westeurope", () => secret);
        assert.deepEqual(args.storage, { existing: { azure: { container: "logs", connectionString: secret } } });
        const err = thrown(() => argsOf({ storage: { existingContainer: "logs" } }, ctx, "westeurope", noSecret));
        assert.match(reasons(err)["flexplane:azureStorageConnectionString"], /pulumi config set --secret flexplane:azureStorageConnectionString/);
    });

    it("plans stacks/Pulumi.azure-westeurope.yaml cleanly, with AKS, Key Vault wiring, storage and the data plane", async () => {
        const plan = await runPlan({ stack: "azure-westeurope" });
        assert.deepEqual(plan.errors, []);
        assert.deepEqual(plan.policyViolations, [], "the example stack passes the policy pack, advisory policies included");
        const byType = (type: string) => plan.resources.filter((r) => r.type === type);
        assert.equal(byType(T.cluster).length, 1);
        assert.equal(byType(T.cluster)[0].inputs.agentPoolProfiles.length, 1);
        assert.deepEqual(byType(T.cluster)[0].inputs.apiServerAccessProfile, { authorizedIPRanges: ["203.0.113.0/24"] });
        assert.deepEqual(byType(T.pool).map((p) => p.inputs.agentPoolName), ["workload"]);
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
            cloud: "azure", clusterRegion: "westeurope", secretsManagerIdentity: "azure-key-vault:acme-airbyte-secrets.vault.azure.net",
        });
        assert.deepEqual(plan.secretConfigKeys.sort(), ["flexplane:dataPlaneClientId", "flexplane:dataPlaneClientSecret"]);
    });
});
