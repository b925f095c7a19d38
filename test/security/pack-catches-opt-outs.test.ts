import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { MockHarness } from "../../tools/harness/runtime";
import { evaluatePlanPolicies } from "../../tools/plan/policies";

/**
 * Each cloud component with every hardening opt-out it offers taken, and then with its defaults:
 * the policy pack, run as the offline plan runs it, must fail the first on each dropped item and
 * pass the second.
 */
async function mandatoryPolicies(build: () => Promise<void>, config: Record<string, string>): Promise<string[]> {
    const h = MockHarness.install({ config });
    await build();
    await h.settle();
    const report = evaluatePlanPolicies(h.resources, undefined, undefined, undefined);
    return [...new Set(report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policy))].sort();
}

const CLIENT = { clientId: pulumi.secret("id"), clientSecret: pulumi.secret("secret") };
/** Policies that need the control plane's store, which these runs do not configure. */
const UNRELATED = ["secrets-manager-matches-control-plane"];
const relevant = (names: string[]) => names.filter((n) => !UNRELATED.includes(n));

describe("the policy pack fails a plan that drops any hardening", () => {
    it("EKS: deletion protection, a closed endpoint, the metadata NetworkPolicy", async () => {
        const run = (hardened: boolean) =>
            mandatoryPolicies(
                async () => {
                    const { EksCluster } = await import("../../components/aws");
                    const { DataPlane } = await import("../../components");
                    const c = new EksCluster("dp", {
                        secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
                        ...(hardened
                            ? { apiServer: { authorizedCidrs: ["203.0.113.0/24"] } }
                            : { apiServer: { openToInternet: true }, deletionProtection: false }),
                    });
                    new DataPlane("dp", {
                        ...c.dataPlaneTarget,
                        ...CLIENT,
                        ...(hardened ? {} : { metadataNetworkPolicy: "none" as const }),
                    });
                },
                { "aws:region": "eu-west-1" },
            );
        assert.deepEqual(relevant(await run(true)), []);
        assert.deepEqual(relevant(await run(false)), [
            "cluster-endpoint-restricted",
            "clusters-deletion-protected",
            "connector-pods-off-metadata",
        ]);
    });

    it("GKE: deletion protection and a closed endpoint", async () => {
        const run = (hardened: boolean) =>
            mandatoryPolicies(
                async () => {
                    const { GkeCluster } = await import("../../components/gcp");
                    new GkeCluster("eu", {
                        location: "europe-west1",
                        secretsManager: { gcp: { projectId: "airbyte-secrets" } },
                        ...(hardened
                            ? { apiServer: { authorizedCidrs: ["203.0.113.0/24"] } }
                            : { apiServer: { openToInternet: true }, deletionProtection: false }),
                    });
                },
                { "gcp:project": "flexplane-gke", "gcp:region": "europe-west1" },
            );
        assert.deepEqual(relevant(await run(true)), []);
        assert.deepEqual(relevant(await run(false)), ["cluster-endpoint-restricted", "clusters-deletion-protected"]);
    });

    it("AKS: Entra ID without local accounts, audit logs, deletion protection and a closed endpoint", async () => {
        const run = (hardened: boolean) =>
            mandatoryPolicies(async () => {
                const { AksCluster } = await import("../../components/azure");
                new AksCluster("eu", {
                    location: "westeurope",
                    secretsManager: {
                        azure: {
                            vaultUrl: "https://acme.vault.azure.net/",
                            tenantId: "00000000-0000-0000-0000-000000000001",
                            clientId: "c",
                            clientSecret: pulumi.secret("s"),
                        },
                    },
                    ...(hardened
                        ? { apiServer: { authorizedCidrs: ["203.0.113.0/24"] } }
                        : {
                              apiServer: { openToInternet: true },
                              localAccounts: true,
                              auditLogs: { enabled: false },
                              deletionProtection: false,
                          }),
                });
            }, {});
        assert.deepEqual(relevant(await run(true)), []);
        assert.deepEqual(relevant(await run(false)), [
            "aks-cluster-hardened",
            "cluster-endpoint-restricted",
            "clusters-deletion-protected",
        ]);
    });
});
