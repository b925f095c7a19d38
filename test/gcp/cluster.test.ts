import { strict as assert } from "assert";
import { AUTOPILOT_FORBIDDEN_INPUTS } from "../../components/gcp/cluster";
import { GKE_CLUSTER_TYPE } from "../../components/gcp/component";
import { CANNED_GKE_CA, CANNED_GKE_ENDPOINT } from "../../tools/harness/canned/gcp";
import { gkeTests, isSecret, valueOf } from "./helpers";

const CLUSTER = "gcp:container/cluster:Cluster";
const NODE_POOL = "gcp:container/nodePool:NodePool";

describe("GkeCluster: cluster and nodes", () => {
    const run = gkeTests();

    it("Autopilot sets enableAutopilot and none of the fields that make Autopilot clusters replace themselves", async () => {
        const c = await run.deploy({ mode: "autopilot" });
        const inputs = run.h.one(CLUSTER, "eu-cluster").inputs;
        assert.equal(inputs.enableAutopilot, true);
        assert.equal(inputs.datapathProvider, undefined, "Autopilot always runs Dataplane V2");
        for (const field of AUTOPILOT_FORBIDDEN_INPUTS) {
            assert.equal(inputs[field], undefined, `${field} must not be set on an Autopilot cluster`);
        }
        assert.equal(run.h.ofType(NODE_POOL).length, 0);
        assert.equal(inputs.clusterAutoscaling.autoProvisioningDefaults.serviceAccount, "eu-nodes@flexplane-gke.iam.gserviceaccount.com");
        assert.equal(c.mode, "autopilot");
    });

    it("Standard removes the default pool, enables Workload Identity and shielded nodes, and adds an autoscaling pool", async () => {
        await run.deploy({ mode: "standard", location: "us-central1" }, "us");
        const inputs = run.h.one(CLUSTER, "us-cluster").inputs;
        assert.equal(inputs.enableAutopilot, undefined);
        assert.equal(inputs.removeDefaultNodePool, true);
        assert.equal(inputs.initialNodeCount, 1);
        assert.equal(inputs.nodeConfig, undefined);
        assert.equal(inputs.enableShieldedNodes, true);
        assert.deepEqual(inputs.workloadIdentityConfig, { workloadPool: "flexplane-gke.svc.id.goog" });
        assert.equal(inputs.datapathProvider, "ADVANCED_DATAPATH", "Dataplane V2 enforces the data plane's NetworkPolicies");

        const pool = run.h.one(NODE_POOL, "us-general");
        assert.equal(pool.parent, "us");
        assert.equal(pool.inputs.cluster, "us-cluster-0a1b2c3");
        assert.equal(pool.inputs.location, "us-central1");
        assert.deepEqual(pool.inputs.autoscaling, { minNodeCount: 1, maxNodeCount: 3, locationPolicy: "BALANCED" });
        assert.equal(pool.inputs.nodeConfig.machineType, "e2-standard-4");
        assert.equal(pool.inputs.nodeConfig.diskSizeGb, 100);
        assert.equal(pool.inputs.nodeConfig.serviceAccount, "us-nodes@flexplane-gke.iam.gserviceaccount.com");
        assert.deepEqual(pool.inputs.nodeConfig.workloadMetadataConfig, { mode: "GKE_METADATA" });
        assert.equal(pool.inputs.nodeConfig.taints, undefined);
    });

    it("a pool dedicated to jobs is tainted and the connector pods get the matching selector and toleration", async () => {
        const c = await run.deploy(
            {
                mode: "standard",
                nodePools: [{ name: "general" }, { name: "jobs", machineType: "n2-standard-8", dedicatedToJobs: true, spot: true }],
            },
            "us",
        );
        const jobsPool = run.h.one(NODE_POOL, "us-jobs").inputs.nodeConfig;
        assert.deepEqual(jobsPool.taints, [{ key: "flexplane.dev/dedicated", value: "jobs", effect: "NO_SCHEDULE" }]);
        assert.equal(jobsPool.spot, true);
        assert.equal(jobsPool.labels["flexplane.dev/node-pool"], "jobs");
        assert.deepEqual(c.dataPlaneTarget.jobs, {
            nodeSelector: { "flexplane.dev/node-pool": "jobs" },
            tolerations: [{ key: "flexplane.dev/dedicated", operator: "Equal", value: "jobs", effect: "NoSchedule" }],
        });
        assert.equal(run.h.one(NODE_POOL, "us-general").inputs.nodeConfig.taints, undefined);
    });

    it("is regional, private and deletion-protected by default, on the created VPC-native subnet", async () => {
        await run.deploy();
        const inputs = run.h.one(CLUSTER, "eu-cluster").inputs;
        assert.equal(inputs.location, "europe-west1");
        assert.equal(inputs.deletionProtection, true);
        assert.deepEqual(inputs.privateClusterConfig, { enablePrivateNodes: true, enablePrivateEndpoint: false });
        assert.deepEqual(inputs.releaseChannel, { channel: "REGULAR" });
        assert.equal(
            inputs.subnetwork,
            "https://www.googleapis.com/compute/v1/projects/flexplane-gke/regions/europe-west1/subnetworks/eu-subnet-0a1b2c3",
        );
        assert.equal(inputs.network, "https://www.googleapis.com/compute/v1/projects/flexplane-gke/global/networks/eu-network-0a1b2c3");
        assert.deepEqual(inputs.ipAllocationPolicy, { clusterSecondaryRangeName: "pods", servicesSecondaryRangeName: "services" });
        assert.deepEqual(inputs.masterAuthorizedNetworksConfig, { cidrBlocks: [{ cidrBlock: "203.0.113.0/24" }] });
    });

    it("encrypts Secrets with a new KMS key in the region, which the GKE service agent may use before the cluster exists", async () => {
        await run.deploy();
        const ring = run.h.one("gcp:kms/keyRing:KeyRing", "eu-secrets");
        const key = run.h.one("gcp:kms/cryptoKey:CryptoKey", "eu-secrets");
        const grant = run.h.one("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "eu-secrets-gke-agent");
        const cluster = run.h.one(CLUSTER, "eu-cluster");
        assert.deepEqual([ring.inputs.project, ring.inputs.location, ring.inputs.name], ["flexplane-gke", "europe-west1", undefined]);
        assert.equal(key.inputs.keyRing, ring.id);
        assert.equal(key.inputs.rotationPeriod, "7776000s");
        assert.equal(key.inputs.purpose, "ENCRYPT_DECRYPT");
        assert.equal(grant.inputs.cryptoKeyId, key.id);
        assert.equal(grant.inputs.role, "roles/cloudkms.cryptoKeyEncrypterDecrypter");
        assert.equal(grant.inputs.member, "serviceAccount:service-100000000001@container-engine-robot.iam.gserviceaccount.com");
        assert.deepEqual(cluster.inputs.databaseEncryption, { state: "ENCRYPTED", keyName: key.id });
        assert.ok(cluster.options.dependencies.includes(grant.urn), "GKE refuses the key until its agent may use it");
        assert.deepEqual(
            run.h.invokes.filter((i) => i.token.endsWith("getProject")).map((i) => i.args.projectId),
            ["flexplane-gke"],
        );
    });

    it("uses the caller's Secrets key, creates none, and still grants the GKE service agent on it", async () => {
        const keyId = "projects/acme-kms/locations/europe-west1/keyRings/gke/cryptoKeys/secrets";
        await run.deploy({ secretsEncryption: { keyId } });
        assert.equal(run.h.ofType("gcp:kms/cryptoKey:CryptoKey").length + run.h.ofType("gcp:kms/keyRing:KeyRing").length, 0);
        assert.equal(run.h.one("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "eu-secrets-gke-agent").inputs.cryptoKeyId, keyId);
        assert.deepEqual(run.h.one(CLUSTER, "eu-cluster").inputs.databaseEncryption, { state: "ENCRYPTED", keyName: keyId });
    });

    it("creates a Cloud NAT for the private nodes and no firewall rule that admits traffic", async () => {
        await run.deploy({ network: { nodesCidr: "10.20.0.0/20" } });
        const subnet = run.h.one("gcp:compute/subnetwork:Subnetwork", "eu-subnet").inputs;
        assert.equal(subnet.ipCidrRange, "10.20.0.0/20");
        assert.equal(subnet.privateIpGoogleAccess, true);
        assert.deepEqual(
            subnet.secondaryIpRanges.map((r: any) => r.rangeName),
            ["pods", "services"],
        );
        assert.equal(run.h.one("gcp:compute/network:Network", "eu-network").inputs.autoCreateSubnetworks, false);
        const nat = run.h.one("gcp:compute/routerNat:RouterNat", "eu-nat").inputs;
        assert.equal(nat.router, "eu-router-0a1b2c3");
        assert.equal(nat.sourceSubnetworkIpRangesToNat, "LIST_OF_SUBNETWORKS");
        assert.deepEqual(nat.subnetworks, [
            {
                name: "https://www.googleapis.com/compute/v1/projects/flexplane-gke/regions/europe-west1/subnetworks/eu-subnet-0a1b2c3",
                sourceIpRangesToNats: ["ALL_IP_RANGES"],
            },
        ]);
        assert.equal(run.h.ofType("gcp:compute/firewall:Firewall").length, 0);
    });

    it("uses an existing network as given and creates no VPC, router or NAT", async () => {
        const c = await run.deploy({
            existingNetwork: {
                network: "projects/p/global/networks/shared",
                subnetwork: "projects/p/regions/europe-west1/subnetworks/gke",
                podsRangeName: "gke-pods",
                servicesRangeName: "gke-svc",
            },
        });
        assert.equal(run.h.ofType("gcp:compute/network:Network").length + run.h.ofType("gcp:compute/routerNat:RouterNat").length, 0);
        const inputs = run.h.one(CLUSTER, "eu-cluster").inputs;
        assert.equal(inputs.subnetwork, "projects/p/regions/europe-west1/subnetworks/gke");
        assert.deepEqual(inputs.ipAllocationPolicy, { clusterSecondaryRangeName: "gke-pods", servicesSecondaryRangeName: "gke-svc" });
        assert.equal(await valueOf(c.networkId), "projects/p/global/networks/shared");
    });

    it("restricts the control plane to authorized networks and pins a version when asked", async () => {
        await run.deploy({
            apiServer: { authorizedCidrs: ["198.51.100.0/24", "203.0.113.0/24"] },
            kubernetesVersion: "1.35",
            releaseChannel: "STABLE",
            deletionProtection: false,
        });
        const inputs = run.h.one(CLUSTER, "eu-cluster").inputs;
        assert.deepEqual(inputs.masterAuthorizedNetworksConfig, {
            cidrBlocks: [{ cidrBlock: "198.51.100.0/24" }, { cidrBlock: "203.0.113.0/24" }],
        });
        assert.equal(inputs.minMasterVersion, "1.35");
        assert.deepEqual(inputs.releaseChannel, { channel: "STABLE" });
        assert.equal(inputs.deletionProtection, false);
    });

    it("uses a given node service account and creates none", async () => {
        await run.deploy({ nodeServiceAccountEmail: "nodes@other.iam.gserviceaccount.com" });
        assert.equal(run.h.ofType("gcp:serviceaccount/account:Account").filter((a) => a.name === "eu-nodes").length, 0);
        assert.equal(
            run.h.one(CLUSTER, "eu-cluster").inputs.clusterAutoscaling.autoProvisioningDefaults.serviceAccount,
            "nodes@other.iam.gserviceaccount.com",
        );
    });

    it("gives the nodes their own account with only the default node role", async () => {
        await run.deploy();
        const roles = run.h
            .ofType("gcp:projects/iAMMember:IAMMember")
            .filter((m) => m.inputs.member === "serviceAccount:eu-nodes@flexplane-gke.iam.gserviceaccount.com");
        assert.deepEqual(
            roles.map((r) => [r.inputs.project, r.inputs.role]),
            [["flexplane-gke", "roles/container.defaultNodeServiceAccount"]],
        );
    });

    it("builds a secret kubeconfig from the endpoint and CA that authenticates with gke-gcloud-auth-plugin", async () => {
        const c = await run.deploy();
        assert.equal(await isSecret(c.kubeconfig), true);
        const config = JSON.parse(await valueOf(c.kubeconfig));
        assert.equal(config.clusters[0].cluster.server, `https://${CANNED_GKE_ENDPOINT}`);
        assert.equal(config.clusters[0].cluster["certificate-authority-data"], CANNED_GKE_CA);
        assert.equal(config.users[0].user.exec.command, "gke-gcloud-auth-plugin");
        assert.equal(config["current-context"], "gke_flexplane-gke_europe-west1_eu-cluster-0a1b2c3");
        const provider = run.h.one("pulumi:providers:kubernetes", "eu-k8s");
        assert.deepEqual(provider.secretPaths, ["kubeconfig"]);
        assert.equal(c.dataPlaneTarget.kubernetesProvider, c.kubernetesProvider);
    });

    it("parents every child to the component", async () => {
        await run.deploy({ mode: "standard" });
        assert.equal(run.h.one(GKE_CLUSTER_TYPE, "eu").parent, undefined);
        const orphans = run.h.resources.filter((r) => r.type !== GKE_CLUSTER_TYPE && r.parent !== "eu");
        assert.deepEqual(
            orphans.map((r) => r.name),
            [],
        );
    });
});
