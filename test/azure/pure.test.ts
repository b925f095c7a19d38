import { strict as assert } from "assert";
import * as fc from "fast-check";
import { defaultStorageAccountName, dnsPrefixFor, isStorageAccountName, vaultNameFromUrl } from "../../components/azure/names";
import { taintText, tolerationForTaint } from "../../components/azure/taints";
import { decodeKubeconfig, withKubeloginMode } from "../../components/azure/kubeconfig";
import { connectionString, endpointSuffixOf } from "../../components/azure/storage";
import { vaultMismatches } from "../../components/azure/keyvault";
import { roleDefinitionId, subscriptionOf } from "../../components/azure/roles";
import { KubeloginMode } from "../../components/azure/args";
import { cannedAksKubeconfig } from "../../tools/harness/canned/azure";

describe("Azure pure helpers", () => {
    describe("names", () => {
        it("derives a valid, stable, stack-specific storage account name from any component name", () => {
            fc.assert(fc.property(fc.string(), fc.string(), fc.string(), (project, stack, name) => {
                const a = defaultStorageAccountName(project, stack, name);
                return isStorageAccountName(a) && a.length === 24 && a === defaultStorageAccountName(project, stack, name);
            }));
            assert.notEqual(defaultStorageAccountName("p", "eu", "dp"), defaultStorageAccountName("p", "us", "dp"));
            assert.match(defaultStorageAccountName("p", "s", "Azure-West"), /^azurewest[0-9a-f]{15}$/);
        });

        it("derives a DNS prefix AKS accepts from any component name", () => {
            fc.assert(fc.property(fc.string(), (name) => /^[a-z0-9]([a-z0-9-]{0,52}[a-z0-9])?$/.test(dnsPrefixFor(name))));
            assert.equal(dnsPrefixFor("Azure_West.Europe"), "azure-west-europe");
        });

        it("reads the vault name from Key Vault URLs only", () => {
            assert.equal(vaultNameFromUrl("https://Acme-Secrets.vault.azure.net/"), "acme-secrets");
            assert.equal(vaultNameFromUrl("https://acme.vault.azure.cn"), "acme");
            assert.equal(vaultNameFromUrl("http://acme.vault.azure.net/"), undefined);
            assert.equal(vaultNameFromUrl("https://acme.blob.core.windows.net/"), undefined);
            assert.equal(vaultNameFromUrl("https://acme--x.vault.azure.net/"), undefined);
            assert.equal(vaultNameFromUrl("https://acme.vault.azure.net/secrets/x"), undefined);
        });
    });

    describe("taints", () => {
        const label = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
        const taint = fc.record({
            key: fc.tuple(fc.option(label, { nil: undefined }), label).map(([prefix, name]) => (prefix ? `${prefix}.io/${name}` : name)),
            value: fc.option(label, { nil: undefined }),
            effect: fc.constantFrom("NoSchedule", "PreferNoSchedule", "NoExecute"),
        }).map(({ key, value, effect }) => (value === undefined ? `${key}:${effect}` : `${key}=${value}:${effect}`));

        it("turns every AKS taint into a toleration and back", () => {
            fc.assert(fc.property(taint, (t) => {
                const toleration = tolerationForTaint(t);
                return toleration !== undefined && taintText(toleration) === t;
            }));
            assert.deepEqual(tolerationForTaint("dedicated:NoSchedule"), { key: "dedicated", operator: "Exists", effect: "NoSchedule" });
            assert.equal(tolerationForTaint("dedicated=jobs"), undefined);
            assert.equal(tolerationForTaint("dedicated=jobs:Sometimes"), undefined);
            assert.equal(tolerationForTaint("a=b=c:NoSchedule"), undefined);
        });
    });

    describe("kubeconfig", () => {
        const modes = fc.constantFrom(...Object.values(KubeloginMode));

        it("points kubelogin at the chosen login mode and drops AKS's public client id unless it is device code", () => {
            fc.assert(fc.property(modes, (mode) => {
                const converted = withKubeloginMode(cannedAksKubeconfig("c", true), mode);
                const hasClientId = converted.includes("--client-id");
                return converted.includes(`- --login\n      - ${mode}\n`) && hasClientId === (mode === KubeloginMode.DeviceCode) && converted.includes("--server-id");
            }));
        });

        it("is idempotent and leaves kubeconfigs without kubelogin alone", () => {
            fc.assert(fc.property(modes, (mode) => {
                const once = withKubeloginMode(cannedAksKubeconfig("c", true), mode);
                return withKubeloginMode(once, mode) === once;
            }));
            const local = cannedAksKubeconfig("c", false);
            assert.equal(withKubeloginMode(local, KubeloginMode.AzureCli), local);
            assert.equal(withKubeloginMode("args:\n- --login=devicecode\n", KubeloginMode.ManagedIdentity), "args:\n- --login=msi\n");
        });

        it("decodes the first kubeconfig AKS returns and names the fix when there is none", () => {
            fc.assert(fc.property(fc.string(), (text) => decodeKubeconfig({ kubeconfigs: [{ name: "clusterUser", value: Buffer.from(text || "x").toString("base64") }] }) === (text || "x")));
            assert.throws(() => decodeKubeconfig({ kubeconfigs: [] }), /AKS returned no user kubeconfig: check that the deployer may list cluster user credentials/);
        });
    });

    describe("storage and roles", () => {
        it("builds connection strings whose fields read back, with the cloud's endpoint suffix", () => {
            const name = fc.stringMatching(/^[a-z0-9]{3,24}$/);
            const key = fc.base64String({ minLength: 4 });
            fc.assert(fc.property(name, key, (account, accountKey) => {
                const fields = Object.fromEntries(connectionString(account, accountKey, "core.windows.net").split(";").map((kv) => {
                    const at = kv.indexOf("=");
                    return [kv.slice(0, at), kv.slice(at + 1)];
                }));
                return fields.AccountName === account && fields.AccountKey === accountKey && fields.DefaultEndpointsProtocol === "https";
            }));
            assert.equal(endpointSuffixOf("https://acct.blob.core.chinacloudapi.cn/"), "core.chinacloudapi.cn");
            assert.equal(endpointSuffixOf(undefined), "core.windows.net");
        });

        it("qualifies role definitions by subscription and reads the subscription from resource ids", () => {
            assert.equal(roleDefinitionId("sub-1", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"),
                "/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7");
            assert.equal(subscriptionOf("/subscriptions/abc/resourceGroups/rg/providers/x/y/z"), "abc");
            assert.equal(subscriptionOf("rg/providers/x"), undefined);
        });

        it("lists every way an observed vault differs from the declared store", () => {
            const declared = { vaultUrl: "https://acme.vault.azure.net/", tenantId: "00000000-0000-0000-0000-000000000000" };
            assert.deepEqual(vaultMismatches(declared, { vaultUri: "https://ACME.vault.azure.net", tenantId: declared.tenantId.toUpperCase(), enableRbacAuthorization: true }), []);
            const found = vaultMismatches(declared, { vaultUri: "https://other.vault.azure.net/", tenantId: "11111111-0000-0000-0000-000000000000", enableRbacAuthorization: false });
            assert.equal(found.length, 3);
            assert.match(found[0], /its URL is https:\/\/other\.vault\.azure\.net\/, but secretsManager\.azure\.vaultUrl declares/);
            assert.match(found[1], /belongs to tenant 11111111/);
            assert.match(found[2], /uses access policies/);
        });
    });
});
