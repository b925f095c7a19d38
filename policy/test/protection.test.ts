import * as assert from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { aksClusterHardened, clustersDeletionProtected, gkeSecretsEncrypted, kubernetesProvidersIdentified } from "../policies/protection";
import { T } from "../policies/tokens";
import { checkResource, checkStack, messages, mutate, UNKNOWN } from "./support/args";
import { ok } from "./support/fixtures";

const deletion = clustersDeletionProtected as StackValidationPolicy;
const aks = aksClusterHardened as StackValidationPolicy;
const identifier = kubernetesProvidersIdentified as ResourceValidationPolicy;
const gkeKey = gkeSecretsEncrypted as ResourceValidationPolicy;

const aksCluster = { type: T.aksCluster, name: "dp", props: ok.aksCluster };
const lock = { type: T.azureLockByScope, name: "dp-no-delete", props: ok.aksLock, propertyDependencies: { scope: ["dp"] } };
const audit = {
    type: T.azureDiagnosticSetting,
    name: "dp-audit",
    props: ok.aksAuditSetting,
    propertyDependencies: { resourceUri: ["dp"] },
};

describe("policy clusters-deletion-protected", () => {
    it("passes protected EKS, GKE (on by default) and locked or protected AKS clusters", () => {
        assert.deepStrictEqual(messages(checkStack(deletion, [{ type: T.eksCluster, name: "eks", props: ok.eksCluster }])), []);
        assert.deepStrictEqual(messages(checkStack(deletion, [{ type: T.gkeCluster, name: "gke", props: ok.gkeCluster }])), []);
        assert.deepStrictEqual(messages(checkStack(deletion, [aksCluster, lock])), []);
        assert.deepStrictEqual(messages(checkStack(deletion, [{ ...aksCluster, protect: true }])), []);
    });

    it("reports each cluster that can be deleted, naming the setting", () => {
        const eks = checkStack(deletion, [
            { type: T.eksCluster, name: "eks", props: mutate(ok.eksCluster, "deletionProtection", undefined) },
        ]);
        assert.match(eks.violations[0].message, /EKS cluster "eks" has no `deletionProtection` \(EKS's default is off\)/);
        const gke = checkStack(deletion, [{ type: T.gkeCluster, name: "gke", props: { ...ok.gkeCluster, deletionProtection: false } }]);
        assert.match(gke.violations[0].message, /sets `deletionProtection: false`/);
        const bare = checkStack(deletion, [aksCluster, { ...lock, props: { ...ok.aksLock, level: "NotSpecified" } }]);
        assert.match(bare.violations[0].message, /AKS cluster "dp" has no CanNotDelete lock and is not protected/);
        assert.match(bare.violations[0].urn ?? "", /ManagedCluster::dp$/);
    });

    it("finds a lock by the cluster's name in its scope when no dependency says so", () => {
        const named = { ...aksCluster, props: { ...ok.aksCluster, resourceName: "dp-aks" } };
        const byScope = {
            ...lock,
            propertyDependencies: {},
            props: {
                scope: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/dp-aks",
                level: "CanNotDelete",
            },
        };
        assert.deepStrictEqual(messages(checkStack(deletion, [named, byScope])), []);
    });
});

describe("policy aks-cluster-hardened", () => {
    it("passes Entra ID without local accounts and an audit setting on the cluster", () => {
        assert.deepStrictEqual(messages(checkStack(aks, [aksCluster, audit])), []);
    });

    it("reports local accounts, missing Azure RBAC and missing audit logs separately", () => {
        const local = checkStack(aks, [
            { ...aksCluster, props: { ...ok.aksCluster, disableLocalAccounts: false, aadProfile: undefined } },
            audit,
        ]);
        assert.strictEqual(local.violations.length, 2);
        assert.match(local.violations[0].message, /keeps local accounts/);
        assert.match(local.violations[1].message, /no managed Entra ID integration with Azure RBAC/);
        const unaudited = checkStack(aks, [
            aksCluster,
            { ...audit, props: { ...ok.aksAuditSetting, logs: [{ category: "kube-apiserver", enabled: true }] } },
        ]);
        assert.match(unaudited.violations[0].message, /sends no audit logs/);
        assert.match(messages(checkStack(aks, [aksCluster]))[0], /sends no audit logs/);
    });
});

describe("policy kubernetes-provider-cluster-identifier", () => {
    it("passes a provider with an identifier, known or not yet, and ignores the engine's default provider", () => {
        assert.deepStrictEqual(messages(checkResource(identifier, T.k8sProvider, ok.kubernetesProvider)), []);
        assert.deepStrictEqual(
            messages(checkResource(identifier, T.k8sProvider, { ...ok.kubernetesProvider, clusterIdentifier: UNKNOWN })),
            [],
        );
        assert.deepStrictEqual(messages(checkResource(identifier, T.k8sProvider, { kubeconfig: "x" }, { name: "default_4_34_2" })), []);
    });

    it("reports a provider without one, citing what gets replaced", () => {
        const [m] = messages(checkResource(identifier, T.k8sProvider, { kubeconfig: "[secret]" }));
        assert.match(
            m,
            /`clusterIdentifier` is not set, so Pulumi replaces this provider, and every namespace, Secret and Helm release under it/,
        );
    });
});

describe("policy gke-secrets-encrypted", () => {
    it("passes a cluster encrypting Secrets with a KMS key, and says nothing while it is unknown", () => {
        assert.deepStrictEqual(messages(checkResource(gkeKey, T.gkeCluster, ok.gkeCluster)), []);
        assert.deepStrictEqual(messages(checkResource(gkeKey, T.gkeCluster, { ...ok.gkeCluster, databaseEncryption: UNKNOWN })), []);
    });

    it("reports a cluster without application-layer encryption, or decrypted", () => {
        assert.match(
            messages(checkResource(gkeKey, T.gkeCluster, mutate(ok.gkeCluster, "databaseEncryption", undefined)))[0],
            /does not encrypt Secrets with a Cloud KMS key/,
        );
        assert.strictEqual(
            messages(checkResource(gkeKey, T.gkeCluster, mutate(ok.gkeCluster, "databaseEncryption.state", "DECRYPTED"))).length,
            1,
        );
    });
});
