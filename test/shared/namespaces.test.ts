import { strict as assert } from "assert";
import { resolveEksCluster } from "../../components/aws/resolve";
import { resolveAksCluster } from "../../components/azure/resolve";
import type { DataPlaneArgs, DataPlaneTypeScriptArgs } from "../../components/dataplane/args";
import { resolveDataPlaneSettings } from "../../components/dataplane/resolve";
import { resolveGkeCluster } from "../../components/gcp/resolve";
import { namespaceProblem } from "../../components/shared/namespaces";
import { baseArgs as eksArgs } from "../aws/helpers";
import { baseArgs as aksArgs } from "../azure/helpers";
import { baseArgs as gkeArgs } from "../gcp/helpers";
import { reasons, thrown } from "../support/outputs";

describe("reserved namespaces", () => {
    it("refuses Kubernetes' and GKE's prefixes and the clouds' add-on namespaces, naming the owner", () => {
        assert.match(
            namespaceProblem("kube-system", { creates: false })!,
            /"kube-system" is reserved: Kubernetes keeps namespaces starting with "kube-"/,
        );
        assert.match(namespaceProblem("kube-airbyte", { creates: false })!, /Kubernetes keeps namespaces starting with "kube-"/);
        assert.match(namespaceProblem("gke-managed-system", { creates: false })!, /GKE keeps namespaces starting with "gke-"/);
        assert.match(namespaceProblem("gmp-system", { creates: false })!, /belongs to GKE Managed Service for Prometheus/);
        assert.match(namespaceProblem("gatekeeper-system", { creates: false })!, /belongs to the AKS Azure Policy add-on/);
        assert.match(namespaceProblem("amazon-cloudwatch", { creates: false })!, /belongs to the EKS CloudWatch Observability add-on/);
        assert.match(namespaceProblem("kube-system", { creates: false })!, /a namespace of its own, e.g\. airbyte/);
    });

    it("accepts ordinary namespaces, and default unless it would be created", () => {
        for (const ns of ["airbyte", "data-plane", "kubeflow", "gke"]) {
            assert.equal(namespaceProblem(ns, { creates: true }), undefined, ns);
        }
        assert.equal(namespaceProblem("default", { creates: false }), undefined);
        assert.match(namespaceProblem("default", { creates: true })!, /exists in every cluster.*set createNamespace to false/);
    });

    const provider = {} as DataPlaneTypeScriptArgs["kubernetesProvider"];
    const dataPlane = (extra: Partial<DataPlaneArgs>) =>
        reasons(
            thrown(() =>
                resolveDataPlaneSettings("dp", <DataPlaneTypeScriptArgs>{
                    kubernetesProvider: provider,
                    clientId: "id",
                    clientSecret: "secret",
                    secretsManager: { aws: { region: "us-east-1", accountId: "123456789012", useServiceAccountIdentity: true } },
                    storage: { s3: { bucket: "logs", region: "us-east-1", useServiceAccountIdentity: true } },
                    ...extra,
                }),
            ),
        );

    it("DataPlane refuses kube-system, and creating default", () => {
        assert.match(dataPlane({ namespace: "kube-system" }).namespace, /"kube-system" is reserved/);
        assert.match(dataPlane({ namespace: "default" }).namespace, /"default" exists in every cluster/);
        assert.match(dataPlane({ namespace: "kube-system", createNamespace: false }).namespace, /is reserved/);
    });

    it("every cluster component refuses a reserved namespace at its namespace argument", () => {
        assert.match(
            reasons(thrown(() => resolveEksCluster("dp", eksArgs({ namespace: "kube-system" }), "eu-west-1"))).namespace,
            /is reserved/,
        );
        assert.match(reasons(thrown(() => resolveGkeCluster("eu", gkeArgs({ namespace: "gke-gmp-system" })))).namespace, /GKE keeps/);
        assert.match(
            reasons(thrown(() => resolveAksCluster("eu", aksArgs({ namespace: "calico-system" }), { project: "p", stack: "s" }))).namespace,
            /AKS-managed Calico/,
        );
    });
});
