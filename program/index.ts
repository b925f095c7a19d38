import * as pulumi from "@pulumi/pulumi";
import { DataPlane } from "../components";
import { resolveDataPlaneSettings } from "../components/dataplane/resolve";
import { secretsManagerIdentity } from "../components/shared/identity";
import type { DataPlaneDescriptor } from "../components/shared/rules";
import { checkRegistration } from "./airbyte-checks";
import { dataPlaneSources } from "./argument-sources";
import { CommonConfig, readCommonConfig, secretOf, StackInputs } from "./config";
import { enforceCrossStackRules } from "./cross-stack";
import { dataPlaneCredentials } from "./registration";
import { configKey, NAMESPACE } from "./config-keys";
import { checkRequiredKeys, isSecretConfigKey, readStackConfig } from "./stack-config";
import { asStackConfigError, StackProblems } from "./stack-problems";
import { Cloud, cloudEntry } from "./clouds/registry";
import type { CloudProgram, PreparedCloud, RegionContext } from "./types";

/** Loads only the selected cloud's part, so an AWS stack never loads the GCP or Azure SDK. */
export async function loadCloudProgram(cloud: Cloud): Promise<CloudProgram> {
    return (await cloudEntry(cloud).load()).prepare;
}

/**
 * Runs the stack described by the current config and returns its outputs. In order: every pure check
 * of every key (one error listing all problems, under the stack's own key names), then the reads of
 * other stacks, then the resources.
 */
export async function runStack(): Promise<Record<string, unknown>> {
    try {
        return await runCheckedStack();
    } catch (err) {
        throw asStackConfigError(err);
    }
}

async function runCheckedStack(): Promise<Record<string, unknown>> {
    const stack = pulumi.getStack();
    const problems = new StackProblems(stack, (path) => lookup(pulumi.runtime.allConfig(), path));
    const config = readStackConfig(problems, pulumi.runtime.allConfig(), isSecretConfigKey);
    checkRequiredKeys(problems, config);
    const inputs: StackInputs = { stack, config, problems, pulumiConfig: new pulumi.Config("flexplane") };
    if (config.role === "org") {
        return (await import("./org")).runOrgStack(inputs);
    }
    return runRegionStack(inputs);
}

async function runRegionStack(inputs: StackInputs): Promise<Record<string, unknown>> {
    const { stack, problems } = inputs;
    const common = readCommonConfig(inputs, pulumi.getProject());
    const ctx: RegionContext = {
        config: inputs.pulumiConfig,
        stack,
        namespace: common.namespace,
        serviceAccountName: common.serviceAccountName,
        secretsManager: common.secretsManager,
        tags: common.tags,
    };
    const prepared = inputs.config.cloud !== undefined ? await (await loadCloudProgram(common.cloud))(ctx, problems) : undefined;
    const registers = checkRegistration(inputs);
    checkDataPlane(inputs, common, prepared, registers);
    problems.throwIfAny();

    const identity = secretsManagerIdentity(common.secretsManager) ?? "";
    const org = await enforceCrossStackRules(stack, common, identity);
    const deployment = await prepared!.deploy(org);
    const credentials = dataPlaneCredentials(inputs.pulumiConfig, stack, org);
    const dataPlane = new DataPlane("data-plane", {
        ...deployment.target,
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        connection: credentials.connection,
        airbyteUrl: common.airbyteUrl,
        edition: common.edition,
        chart: { version: common.chartVersion, allowUntestedVersion: common.allowUntestedChartVersion },
    });
    const descriptor: DataPlaneDescriptor = {
        cloud: common.cloud,
        clusterRegion: deployment.clusterRegion,
        ...(common.airbyteRegion ? { airbyteRegion: common.airbyteRegion } : {}),
        secretsManagerIdentity: identity,
    };
    return {
        descriptor,
        ...(credentials.dataplaneId ? { airbyteDataplaneId: credentials.dataplaneId } : {}),
        dataPlane: {
            namespace: dataPlane.namespace,
            releaseName: dataPlane.releaseName,
            serviceAccountName: dataPlane.serviceAccountName,
            chartVersion: dataPlane.chartVersion,
            secretsManagerIdentity: dataPlane.secretsManagerIdentity,
            connectionStatus: dataPlane.connectionStatus,
        },
        ...deployment.outputs,
    };
}

/** DataPlane's own checks of what the stack gives it, before the cluster exists. */
function checkDataPlane(inputs: StackInputs, common: CommonConfig, prepared: PreparedCloud | undefined, registers: boolean): void {
    const byo = inputs.config.cloud === "byo";
    inputs.problems.adopt(dataPlaneSources(byo, registers), () =>
        resolveDataPlaneSettings(
            "data-plane",
            {
                // The cluster's provider and storage exist only once the cluster part runs; their checks are the component's.
                namespace: common.namespace,
                serviceAccountName: common.serviceAccountName,
                airbyteUrl: common.airbyteUrl,
                chart: { version: common.chartVersion, allowUntestedVersion: common.allowUntestedChartVersion },
                clientId: registers ? "registered" : secretOf(inputs, "dataPlaneClientId")!,
                clientSecret: registers ? "registered" : secretOf(inputs, "dataPlaneClientSecret")!,
                secretsManager: common.secretsManager,
                storage: prepared?.storage ?? {},
            },
            true,
        ),
    );
}

/**
 * The value at a stack path (`flexplane:aws.nodes.capacityType`, `aws:region`), for quoting it back;
 * never the value of a secret.
 */
function lookup(config: Record<string, string>, stackPath: string): unknown {
    const match = /^([^.[]+)(.*)$/.exec(stackPath);
    if (!match || config[match[1]] === undefined || isSecretConfigKey(match[1])) {
        return undefined;
    }
    const [namespace, name] = match[1].split(":");
    if (namespace === NAMESPACE && configKey(name)?.secret) {
        return undefined;
    }
    let value: unknown = config[match[1]];
    if (match[2] === "") {
        return value;
    }
    try {
        value = JSON.parse(value as string);
    } catch {
        return undefined;
    }
    for (const part of match[2].split(/[.[\]]/).filter(Boolean)) {
        value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
    }
    return value;
}
