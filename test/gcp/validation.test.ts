import { strict as assert } from "assert";
import type { GkeClusterArgs } from "../../components/gcp/args";
import { baseArgs, harnessEachTest, reasons, thrown } from "./helpers";

describe("GkeCluster: bad input", () => {
    const run = harnessEachTest();
    let GkeCluster: typeof import("../../components/gcp").GkeCluster;
    beforeEach(async () => {
        GkeCluster = (await import("../../components/gcp")).GkeCluster;
    });

    const reject = (args: GkeClusterArgs) => reasons(thrown(() => new GkeCluster("eu", args)));

    it("refuses a zonal location unless allowZonalCluster is set, and names the region to use", async () => {
        const r = reject(baseArgs({ location: "europe-west1-b" }));
        assert.match(r.location, /"europe-west1-b" is a zone/);
        assert.match(r.location, /Use the region "europe-west1"/);
        assert.match(r.location, /allowZonalCluster: true/);
        await run.h.settle();
        assert.equal(run.h.resources.length, 0, "nothing may be registered before validation passes");
    });

    it("accepts a zonal location with allowZonalCluster and still reports the region", async () => {
        const c = new GkeCluster("eu", baseArgs({ location: "europe-west1-b", allowZonalCluster: true }));
        await run.h.settle();
        assert.equal(run.h.one("gcp:container/cluster:Cluster").inputs.location, "europe-west1-b");
        assert.equal(c.region, "europe-west1");
    });

    it("never opens the control plane to every address unless apiServerOpenToInternet says so", async () => {
        const open = reject(baseArgs({ masterAuthorizedNetworks: [{ cidrBlock: "0.0.0.0/0" }] }));
        assert.match(open["masterAuthorizedNetworks[0].cidrBlock"], /is 0\.0\.0\.0\/0, which opens the control plane to the whole internet: .*apiServerOpenToInternet: true/);
        const both = reject(baseArgs({ masterAuthorizedNetworks: undefined, privateEndpoint: true, apiServerOpenToInternet: true }));
        assert.match(both.apiServerOpenToInternet, /contradicts privateEndpoint: true/);
        assert.match(reject(baseArgs({ apiServerOpenToInternet: "yes" as any })).apiServerOpenToInternet, /true or false/);
        new GkeCluster("open", baseArgs({ masterAuthorizedNetworks: undefined, apiServerOpenToInternet: true }));
        new GkeCluster("private", baseArgs({ masterAuthorizedNetworks: undefined, privateEndpoint: true }));
        await run.h.settle();
        const clusters = run.h.ofType("gcp:container/cluster:Cluster");
        assert.deepEqual(clusters.map((c) => c.inputs.masterAuthorizedNetworksConfig), [undefined, undefined]);
        assert.deepEqual(clusters.map((c) => c.inputs.privateClusterConfig.enablePrivateEndpoint), [false, true]);
    });

    it("takes a Secrets encryption key only in the cluster's region, in full resource-name form", () => {
        const r = reject(baseArgs({ secretsEncryption: { keyName: "projects/acme-kms/locations/us-central1/keyRings/r/cryptoKeys/k" } }));
        assert.match(r["secretsEncryption.keyName"], /is not a Cloud KMS key in the cluster's region europe-west1: give projects\/<project>\/locations\/europe-west1/);
        assert.match(reject(baseArgs({ secretsEncryption: { keyName: "k" } }))["secretsEncryption.keyName"], /not a Cloud KMS key/);
        assert.match(reject(baseArgs({ secretsEncryption: { key: "k" } as any }))["secretsEncryption.key"], /is not a setting/);
    });

    it("refuses node-pool settings in Autopilot mode", () => {
        const r = reject(baseArgs({ mode: "autopilot", nodePools: [{ name: "general" }] }));
        assert.match(r.nodePools, /Autopilot provisions nodes itself/);
        assert.match(r.nodePools, /set mode: standard/);
    });

    it("refuses a bucket location that does not contain the cluster's region", () => {
        const r = reject(baseArgs({ location: "europe-west1", bucket: { location: "US" } }));
        assert.match(r["bucket.location"], /"US" does not contain the cluster's region europe-west1/);
        assert.match(r["bucket.location"], /leave bucket.location out/);
        const london = reject(baseArgs({ location: "europe-west2", bucket: { location: "EU" } }));
        assert.match(london["bucket.location"], /does not contain the cluster's region europe-west2/);
    });

    it("accepts the multi-region and dual-region containing the cluster's region", async () => {
        new GkeCluster("a", baseArgs({ location: "europe-west1", bucket: { location: "EU" } }));
        new GkeCluster("b", baseArgs({ location: "us-central1", bucket: { location: "nam4" } }));
        await run.h.settle();
        assert.deepEqual(run.h.ofType("gcp:storage/bucket:Bucket").map((b) => b.inputs.location), ["EU", "NAM4"]);
    });

    it("reports every problem at once, each with its fix", () => {
        const r = reject({
            project: "X",
            location: "mars",
            mode: "serverless" as any,
            releaseChannel: "NIGHTLY" as any,
            network: { podsCidr: "10.0.0.0/14" },
            secretsManager: {},
        });
        assert.deepEqual(Object.keys(r).sort(), ["location", "masterAuthorizedNetworks", "mode", "network.podsCidr", "project", "releaseChannel", "secretsManager"].sort());
        assert.match(r.masterAuthorizedNetworks, /is required for the public endpoint: list the networks that run Pulumi and kubectl .* or apiServerOpenToInternet: true/);
        assert.match(r.project, /set project \(or the gcp:project config\)/);
        assert.match(r.location, /give a region such as europe-west1/);
        assert.match(r.mode, /use autopilot or standard/);
        assert.match(r["network.podsCidr"], /overlaps network.nodesCidr/);
        assert.match(r.secretsManager, /set exactly one secret store/);
    });

    it("checks Standard node pools: names, sizes, counts and the jobs pool", () => {
        const r = reject(baseArgs({
            mode: "standard",
            nodePools: [
                { name: "General", diskSizeGb: 20 },
                { name: "jobs", minNodesPerZone: 3, maxNodesPerZone: 2, dedicatedToJobs: true },
            ],
        }));
        assert.match(r["nodePools[0].name"], /"General" is not a pool name/);
        assert.match(r["nodePools[0].diskSizeGb"], /give at least 50 GB/);
        assert.match(r["nodePools[1].maxNodesPerZone"], /at least minNodesPerZone \(3\)/);
        const onlyJobs = reject(baseArgs({ mode: "standard", nodePools: [{ name: "jobs", dedicatedToJobs: true }] }));
        assert.match(onlyJobs.nodePools, /leaving no node for the launcher/);
    });

    it("refuses network settings that conflict", () => {
        const both = reject(baseArgs({
            network: { nodesCidr: "10.0.0.0/20" },
            existingNetwork: { network: "n", subnetwork: "", podsRangeName: "p", servicesRangeName: "s" },
        }));
        assert.match(both.network, /not both/);
        assert.match(both["existingNetwork.subnetwork"], /is required with existingNetwork/);
        const master = reject(baseArgs({ masterIpv4CidrBlock: "172.16.0.0/24" }));
        assert.match(master.masterIpv4CidrBlock, /must be a \/28/);
        const authorized = reject(baseArgs({ masterAuthorizedNetworks: [{ cidrBlock: "office" }] }));
        assert.match(authorized["masterAuthorizedNetworks[0].cidrBlock"], /not an IPv4 CIDR block/);
    });

    it("refuses settings for a created bucket next to an existing one, and a bad secret-store project", () => {
        const r = reject(baseArgs({
            bucket: { existingBucketName: "gs://logs", location: "EU" },
            secretsManager: { gcp: { projectId: "Secrets Project" } },
            bucketRoles: [],
        }));
        assert.match(r["bucket.existingBucketName"], /without gs:\/\//);
        assert.match(r.bucket, /location only apply to a bucket this component creates/);
        assert.match(r["secretsManager.gcp.projectId"], /not a GCP project id/);
        assert.match(r.bucketRoles, /give at least one role/);
    });

    it("takes the project from gcp:project when the argument is absent", async () => {
        const args = baseArgs();
        delete args.project;
        new GkeCluster("eu", args);
        await run.h.settle();
        assert.equal(run.h.one("gcp:container/cluster:Cluster").inputs.project, "flexplane-gke");
    });
});
