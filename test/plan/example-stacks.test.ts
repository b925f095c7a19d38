import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { SUPPORTED_CHART_VERSIONS } from "../../components/dataplane/args";
import { checkJobPodContract, plannedSecrets } from "../../tools/job-pods";
import { listStacks, readStackText } from "../../tools/plan/stack-file";
import { parse } from "yaml";
import { PlanResult, runPlan } from "../../tools/plan/plan";

const stacksDir = path.resolve(__dirname, "..", "..", "stacks");

describe("example stacks", () => {
    const stacks = listStacks(stacksDir);
    const plans = new Map<string, PlanResult>();

    it("include the byo, org, HA pair, every cloud and a cross-cloud store", () => {
        for (const expected of [
            "byo",
            "org",
            "aws-us-east-1",
            "aws-us-east-1-b",
            "gcp-europe-west1",
            "gcp-us-central1",
            "azure-westeurope",
            "azure-northeurope",
        ]) {
            assert.ok(stacks.includes(expected), `missing stack ${expected}`);
        }
    });

    for (const stack of stacks) {
        it(`${stack} plans with no error and no mandatory policy violation`, async () => {
            const plan = await runPlan({ stack });
            plans.set(stack, plan);
            assert.deepEqual(plan.errors, []);
            assert.ok(plan.resources.length > 0);
            const fixture = path.join(stacksDir, "fixtures", `${stack}.json`);
            if (fs.existsSync(fixture) && plan.outputs.descriptor) {
                const committed = JSON.parse(fs.readFileSync(fixture, "utf8")).outputs.descriptor;
                assert.deepEqual(
                    committed,
                    plan.outputs.descriptor,
                    `stacks/fixtures/${stack}.json is stale: run npm run plan -- --stack ${stack} --write-fixture`,
                );
            }
        });

        if (parse(readStackText(stacksDir, stack)).config["flexplane:role"] !== "org") {
            it(`${stack}: connector pods get a service account and every credential, on every supported chart version`, async () => {
                const plan = plans.get(stack) ?? (await runPlan({ stack }));
                const release = plan.resources.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!;
                const secrets = plannedSecrets(plan.resources);
                for (const chartVersion of SUPPORTED_CHART_VERSIONS) {
                    const result = checkJobPodContract({
                        values: release.inputs.values,
                        chartVersion,
                        releaseName: release.inputs.name,
                        secrets,
                    });
                    assert.deepEqual(result.problems, [], `chart ${chartVersion}`);
                    // Airbyte Cloud's control plane: connectors run in cloud mode, as Airbyte's installer sets it.
                    assert.deepEqual(result.pod.containers.connector.env.DEPLOYMENT_MODE, { value: "CLOUD" });
                }
            });
        }
    }

    it("the HA pair and the cross-cloud stack share the org's store", async () => {
        const identities = new Set<string>();
        for (const stack of ["aws-us-east-1", "aws-us-east-1-b", "azure-northeurope"]) {
            const plan = plans.get(stack) ?? (await runPlan({ stack }));
            identities.add((plan.outputs.descriptor as any).secretsManagerIdentity);
        }
        assert.deepEqual([...identities], ["aws-secrets-manager:123456789012:us-east-1"]);
    });
});
