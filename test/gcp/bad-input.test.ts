import { strict as assert } from "assert";
import type { GkeClusterArgs } from "../../components/gcp/args";
import { resolveGkeCluster } from "../../components/gcp/resolve";
import { baseArgs, gkeTests, reasons, thrown } from "./helpers";

/** The reasons `resolveGkeCluster` gives for `args`, by argument path. */
const reject = (args: GkeClusterArgs) => reasons(thrown(() => resolveGkeCluster("eu", args)));

describe("GkeCluster: bad input", () => {
    const run = gkeTests();

    it("refuses a zonal location unless allowZonalCluster is set, names the region to use, and registers nothing", async () => {
        const { GkeCluster } = await import("../../components/gcp");
        const r = reasons(thrown(() => new GkeCluster("eu", baseArgs({ location: "europe-west1-b" }))));
        assert.match(r.location, /"europe-west1-b" is a zone/);
        assert.match(r.location, /Use the region "europe-west1"/);
        assert.match(r.location, /allowZonalCluster: true/);
        await run.h.settle();
        assert.equal(run.h.resources.length, 0, "nothing may be registered before validation passes");
    });

    it("accepts a zonal location with allowZonalCluster and still reports the region", async () => {
        const c = await run.deploy({ location: "europe-west1-b", allowZonalCluster: true });
        assert.equal(run.h.one("gcp:container/cluster:Cluster", "eu-cluster").inputs.location, "europe-west1-b");
        assert.equal(c.region, "europe-west1");
    });

    it("never opens the control plane to every address unless apiServer.openToInternet says so", async () => {
        const open = reject(baseArgs({ apiServer: { authorizedCidrs: ["0.0.0.0/0"] } }));
        assert.match(
            open["apiServer.authorizedCidrs[0]"],
            /is 0\.0\.0\.0\/0, which opens the control plane to the whole internet: .*apiServer\.openToInternet: true/,
        );
        const both = reject(baseArgs({ apiServer: { privateOnly: true, openToInternet: true } }));
        assert.match(both["apiServer.openToInternet"], /contradicts apiServer\.privateOnly: true/);
        assert.match(
            reject(baseArgs({ apiServer: { openToInternet: "yes" as never } }))["apiServer.openToInternet"],
            /^"yes" is not true or false/,
        );
        const none = reject(baseArgs({ apiServer: {} }));
        assert.match(
            none["apiServer.authorizedCidrs"],
            /is required for the public endpoint: list the networks that run Pulumi and kubectl .* or apiServer\.openToInternet: true/,
        );

        await run.deploy({ apiServer: { openToInternet: true } }, "open");
        await run.deploy({ apiServer: { privateOnly: true } }, "private");
        const cluster = (name: string) => run.h.one("gcp:container/cluster:Cluster", `${name}-cluster`).inputs;
        assert.deepEqual(
            [cluster("open").masterAuthorizedNetworksConfig, cluster("private").masterAuthorizedNetworksConfig],
            [undefined, undefined],
        );
        assert.deepEqual(
            [cluster("open").privateClusterConfig.enablePrivateEndpoint, cluster("private").privateClusterConfig.enablePrivateEndpoint],
            [false, true],
        );
    });

    it("takes a Secrets encryption key only in the cluster's region, in full resource-name form", () => {
        const r = reject(baseArgs({ secretsEncryption: { keyId: "projects/acme-kms/locations/us-central1/keyRings/r/cryptoKeys/k" } }));
        assert.match(
            r["secretsEncryption.keyId"],
            /is not a Cloud KMS key in the cluster's region europe-west1: give projects\/<project>\/locations\/europe-west1/,
        );
        assert.match(reject(baseArgs({ secretsEncryption: { keyId: "k" } }))["secretsEncryption.keyId"], /not a Cloud KMS key/);
        assert.match(
            reject(baseArgs({ secretsEncryption: { key: "k" } as never }))["secretsEncryption.key"],
            /is not a setting: remove it or use one of keyId\./,
        );
    });

    it("refuses node pools in Autopilot mode", () => {
        const r = reject(baseArgs({ mode: "autopilot", nodePools: [{ name: "general" }] }));
        assert.match(r.nodePools, /Autopilot provisions nodes itself/);
        assert.match(r.nodePools, /set mode: standard/);
    });

    it("refuses a bucket location that does not contain the cluster's region", () => {
        const r = reject(baseArgs({ location: "europe-west1", logStorage: { location: "US" } }));
        assert.match(r["logStorage.location"], /"US" does not contain the cluster's region europe-west1/);
        assert.match(r["logStorage.location"], /leave logStorage.location out/);
        const london = reject(baseArgs({ location: "europe-west2", logStorage: { location: "EU" } }));
        assert.match(london["logStorage.location"], /does not contain the cluster's region europe-west2/);
    });

    it("accepts the multi-region and dual-region containing the cluster's region", () => {
        assert.equal(
            resolveGkeCluster("a", baseArgs({ location: "europe-west1", logStorage: { location: "EU" } })).logStorage.location,
            "EU",
        );
        assert.equal(
            resolveGkeCluster("b", baseArgs({ location: "us-central1", logStorage: { location: "nam4" } })).logStorage.location,
            "NAM4",
        );
    });

    it("reports every problem at once, each with its fix", () => {
        const r = reject({
            project: "X",
            location: "mars",
            mode: "serverless" as never,
            releaseChannel: "UNSPECIFIED" as never,
            network: { podsCidr: "10.0.0.0/14" },
            secretsManager: {},
        });
        assert.deepEqual(
            Object.keys(r).sort(),
            ["apiServer.authorizedCidrs", "location", "mode", "network.podsCidr", "project", "releaseChannel", "secretsManager"].sort(),
        );
        assert.match(r.project, /^"X" is not a GCP project id \(6 to 30 lower-case letters.*\): set project \(or the gcp:project config\)/);
        assert.match(r.location, /give a region such as europe-west1/);
        assert.match(r.mode, /use autopilot or standard/);
        assert.match(r.releaseChannel, /^"UNSPECIFIED" is not a release channel: use one of RAPID, REGULAR, STABLE, EXTENDED/);
        assert.match(r["network.podsCidr"], /overlaps network.nodesCidr/);
        assert.match(r.secretsManager, /set exactly one secret store/);
    });

    it("checks Standard node pools: names, sizes, counts and the jobs pool", () => {
        const r = reject(
            baseArgs({
                mode: "standard",
                nodePools: [
                    { name: "General", diskSizeGiB: 20 },
                    { name: "jobs", minNodesPerZone: 3, maxNodesPerZone: 2, dedicatedToJobs: true },
                ],
            }),
        );
        assert.match(r["nodePools[0].name"], /"General" is not a pool name/);
        assert.match(r["nodePools[0].diskSizeGiB"], /^20 GiB is too small: give at least 50 GiB/);
        assert.match(r["nodePools[1].maxNodesPerZone"], /at least minNodesPerZone \(3\)/);
        const onlyJobs = reject(baseArgs({ mode: "standard", nodePools: [{ name: "jobs", dedicatedToJobs: true }] }));
        assert.match(onlyJobs.nodePools, /leaving no node for the launcher/);
    });

    it("refuses network settings that conflict or overlap", () => {
        const both = reject(
            baseArgs({
                network: { nodesCidr: "10.0.0.0/20" },
                existingNetwork: { network: "n", subnetwork: "", podsRangeName: "p", servicesRangeName: "s" },
            }),
        );
        assert.match(both.network, /not both/);
        assert.match(both["existingNetwork.subnetwork"], /is required with existingNetwork/);
        assert.match(
            reject(baseArgs({ masterIpv4CidrBlock: "172.16.0.0/33" })).masterIpv4CidrBlock,
            /is not an IPv4 CIDR block: give a \/28/,
        );
        assert.match(
            reject(baseArgs({ masterIpv4CidrBlock: "10.0.0.16/28" })).masterIpv4CidrBlock,
            /^10\.0\.0\.16\/28 overlaps network\.nodesCidr \(10\.0\.0\.0\/20\)/,
        );
        const authorized = reject(baseArgs({ apiServer: { authorizedCidrs: ["office"] } }));
        assert.match(authorized["apiServer.authorizedCidrs[0]"], /^"office" is not an IPv4 CIDR block/);
    });

    it("refuses settings for a created bucket next to an existing one, and a bad secret-store project", () => {
        const r = reject(
            baseArgs({
                logStorage: { existingBucketName: "gs://logs", location: "EU" },
                secretsManager: { gcp: { projectId: "Secrets Project" } },
                bucketRoles: [],
            }),
        );
        assert.match(r["logStorage.existingBucketName"], /without gs:\/\//);
        assert.match(r.logStorage, /location only apply to a bucket this component creates/);
        assert.match(r["secretsManager.gcp.projectId"], /not a GCP project id/);
        assert.match(r.bucketRoles, /give at least one role/);
    });

    it("refuses unknown names and misshapen blocks anywhere, suggesting the name meant", () => {
        const r = reject({
            ...baseArgs({ mode: "standard" }),
            nodepools: [],
            logStorage: { retention: 7 },
            network: ["10.0.0.0/20"],
            nodePools: [{ name: "general", diskSizeGB: 100 }, null],
            apiServer: { authorizedCidrs: "203.0.113.0/24" },
            tags: "team",
        } as never);
        assert.match(r.nodepools, /^is not a setting: remove it or use one of project, location, .*Did you mean "nodePools"\?$/);
        assert.match(
            r["logStorage.retention"],
            /^is not a setting: remove it or use one of existingBucketName, location, versioning, logRetentionDays/,
        );
        assert.match(r.network, /^must be a map of settings \(nodesCidr, podsCidr, servicesCidr\), got \["10\.0\.0\.0\/20"\]/);
        assert.match(r["nodePools[0].diskSizeGB"], /Did you mean "diskSizeGiB"\?$/);
        assert.match(r["nodePools[1]"], /^must be a map of settings \(name, machineType, diskSizeGiB, .*\), got null\./);
        assert.match(r["apiServer.authorizedCidrs"], /^must be a list, got "203\.0\.113\.0\/24"\.$/, "and nothing more there");
        assert.match(r.tags, /^must be a map of names to values, got "team"/);
        assert.equal(
            Object.values(r).some((reason) => /\bbucket\b|masterAuthorizedNetworks|diskSizeGb\b/.test(reason)),
            false,
            "old names are not offered as settings",
        );
    });

    it("takes the project from gcp:project when the argument is absent", async () => {
        await run.deploy({ project: undefined });
        assert.equal(run.h.one("gcp:container/cluster:Cluster", "eu-cluster").inputs.project, "flexplane-gke");
    });
});
