import { strict as assert } from "assert";
import * as fc from "fast-check";
import { defaultStorageAccountName, dnsPrefixFor, isStorageAccountName, vaultNameFromUrl } from "../../components/azure/names";
import { taintText, tolerationForTaint } from "../../components/azure/nodes";
import { decodeKubeconfig, kubeloginArgs, withKubeloginMode } from "../../components/azure/access";
import { connectionString, endpointSuffixOf } from "../../components/azure/log-storage";
import { vaultMismatches } from "../../components/azure/identity";
import { roleDefinitionId, subscriptionOf } from "../../components/azure/roles";
import { AksKubeloginMode } from "../../components/azure/args";
import { cannedAksKubeconfig } from "../../tools/harness/canned/azure";

describe("Azure pure helpers", () => {
    describe("names", () => {
        it("derives a valid, stable, stack-specific storage account name from any component name", () => {
            fc.assert(
                fc.property(fc.string(), fc.string(), fc.string(), (project, stack, name) => {
                    const a = defaultStorageAccountName(project, stack, name);
                    return isStorageAccountName(a) && a.length === 24 && a === defaultStorageAccountName(project, stack, name);
                }),
            );
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
        const taint = fc
            .record({
                key: fc
                    .tuple(fc.option(label, { nil: undefined }), label)
                    .map(([prefix, name]) => (prefix ? `${prefix}.io/${name}` : name)),
                value: fc.option(label, { nil: undefined }),
                effect: fc.constantFrom("NoSchedule", "PreferNoSchedule", "NoExecute"),
            })
            .map(({ key, value, effect }) => (value === undefined ? `${key}:${effect}` : `${key}=${value}:${effect}`));

        it("turns every AKS taint into a toleration and back", () => {
            fc.assert(
                fc.property(taint, (t) => {
                    const toleration = tolerationForTaint(t);
                    return toleration !== undefined && taintText(toleration) === t;
                }),
            );
            assert.deepEqual(tolerationForTaint("dedicated:NoSchedule"), { key: "dedicated", operator: "Exists", effect: "NoSchedule" });
            assert.equal(tolerationForTaint("dedicated=jobs"), undefined);
            assert.equal(tolerationForTaint("dedicated=jobs:Sometimes"), undefined);
            assert.equal(tolerationForTaint("a=b=c:NoSchedule"), undefined);
        });
    });

    describe("kubeconfig", () => {
        const modes = fc.constantFrom(...Object.values(AksKubeloginMode));
        const execOf = (kubeconfig: string) => JSON.parse(kubeconfig).users[0].user.exec;

        it("points kubelogin at the chosen login mode and drops AKS's public client id unless it is device code", () => {
            fc.assert(
                fc.property(modes, (mode) => {
                    const exec = execOf(withKubeloginMode(cannedAksKubeconfig("c", true), mode));
                    const login = exec.args.indexOf("--login");
                    return (
                        exec.args[login + 1] === mode &&
                        exec.args.filter((a: string) => a === "--login").length === 1 &&
                        exec.args.includes("--client-id") === (mode === AksKubeloginMode.DeviceCode) &&
                        exec.args.includes("--server-id") &&
                        exec.command === "kubelogin" &&
                        exec.interactiveMode === "IfAvailable"
                    );
                }),
            );
        });

        it("reads every spelling of the flags, adds --login when kubelogin would default to device code, and is idempotent", () => {
            assert.deepEqual(kubeloginArgs(["get-token", "-l", "devicecode", "--client-id=abc"], AksKubeloginMode.ManagedIdentity), [
                "get-token",
                "-l",
                "msi",
            ]);
            assert.deepEqual(kubeloginArgs(["get-token", "--login=devicecode"], AksKubeloginMode.AzureCli), [
                "get-token",
                "--login=azurecli",
            ]);
            assert.deepEqual(kubeloginArgs(["get-token", "--server-id", "x"], AksKubeloginMode.AzureCli), [
                "get-token",
                "--server-id",
                "x",
                "--login",
                "azurecli",
            ]);
            fc.assert(
                fc.property(
                    modes,
                    fc.array(fc.constantFrom("get-token", "--login", "-l", "devicecode", "--client-id", "id", "--server-id", "x")),
                    (mode, args) => {
                        const once = kubeloginArgs(args, mode);
                        return JSON.stringify(kubeloginArgs(once, mode)) === JSON.stringify(once);
                    },
                ),
            );
        });

        it("leaves kubeconfigs without kubelogin as they were, as JSON", () => {
            const local = cannedAksKubeconfig("c", false);
            const converted = JSON.parse(withKubeloginMode(local, AksKubeloginMode.AzureCli));
            assert.equal(converted.users[0].user.token, "canned-cluster-user-token");
            assert.equal(converted.users[0].user.exec, undefined);
            assert.deepEqual(JSON.parse(withKubeloginMode(local, undefined)), converted);
        });

        it("decodes the first kubeconfig AKS returns and names the fix when there is none", () => {
            fc.assert(
                fc.property(
                    fc.string(),
                    (text) =>
                        decodeKubeconfig({ kubeconfigs: [{ name: "clusterUser", value: Buffer.from(text || "x").toString("base64") }] }) ===
                        (text || "x"),
                ),
            );
            assert.throws(
                () => decodeKubeconfig({ kubeconfigs: [] }),
                /AKS returned no user kubeconfig: check that the deployer may list cluster user credentials/,
            );
        });
    });

    describe("storage and roles", () => {
        it("builds connection strings whose fields read back, with the cloud's endpoint suffix", () => {
            const name = fc.stringMatching(/^[a-z0-9]{3,24}$/);
            const key = fc.base64String({ minLength: 4 });
            fc.assert(
                fc.property(name, key, (account, accountKey) => {
                    const fields = Object.fromEntries(
                        connectionString(account, accountKey, "core.windows.net")
                            .split(";")
                            .map((kv) => {
                                const at = kv.indexOf("=");
                                return [kv.slice(0, at), kv.slice(at + 1)];
                            }),
                    );
                    return (
                        fields.AccountName === account && fields.AccountKey === accountKey && fields.DefaultEndpointsProtocol === "https"
                    );
                }),
            );
            assert.equal(endpointSuffixOf("https://acct.blob.core.chinacloudapi.cn/"), "core.chinacloudapi.cn");
            assert.equal(endpointSuffixOf(undefined), "core.windows.net");
        });

        it("qualifies role definitions by subscription and reads the subscription from resource ids", () => {
            assert.equal(
                roleDefinitionId("sub-1", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"),
                "/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
            );
            assert.equal(subscriptionOf("/subscriptions/abc/resourceGroups/rg/providers/x/y/z"), "abc");
            assert.equal(subscriptionOf("rg/providers/x"), undefined);
        });

        it("lists every way an observed vault differs from the declared store", () => {
            const declared = { vaultUrl: "https://acme.vault.azure.net/", tenantId: "00000000-0000-0000-0000-000000000000" };
            assert.deepEqual(
                vaultMismatches(declared, {
                    vaultUri: "https://ACME.vault.azure.net",
                    tenantId: declared.tenantId.toUpperCase(),
                    enableRbacAuthorization: true,
                }),
                [],
            );
            const found = vaultMismatches(declared, {
                vaultUri: "https://other.vault.azure.net/",
                tenantId: "11111111-0000-0000-0000-000000000000",
                enableRbacAuthorization: false,
            });
            assert.equal(found.length, 3);
            assert.match(found[0], /its URL is https:\/\/other\.vault\.azure\.net\/, but secretsManager\.azure\.vaultUrl declares/);
            assert.match(found[1], /belongs to tenant 11111111/);
            assert.match(found[2], /uses access policies/);
        });
    });
});
