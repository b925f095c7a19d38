import * as fs from "fs";
import { evaluatePolicies, PolicyViolation, readPolicyPackConfig } from "../../policy/evaluate";
import type { PolicyConfig } from "../../policy/policies";
import type { RecordedResource } from "../harness/runtime";

/** The policy pack's verdict on one plan. */
export interface PolicyReport {
    /** Where `controlPlaneSecretsManager` came from, for the reader of the plan. */
    controlPlaneSource: string;
    violations: PolicyViolation[];
}

/**
 * Runs the CrossGuard pack over what the plan recorded. The control plane's store comes from the
 * config file when it names one, else from the org stack's fixture, else from the stack's own
 * declaration (then only the other policies can fail).
 */
export function evaluatePlanPolicies(
    resources: RecordedResource[],
    configFile: string,
    orgIdentity: string | undefined,
    ownIdentity: string | undefined,
): PolicyReport {
    const { config, enforcementLevels } = readPolicyPackConfig(JSON.parse(fs.readFileSync(configFile, "utf8")));
    const merged: Partial<PolicyConfig> = { ...config };
    let controlPlaneSource = `policy config ${configFile}`;
    if (orgIdentity) {
        merged.controlPlaneSecretsManager = orgIdentity;
        controlPlaneSource = "the org stack's secretsManagerIdentity";
    } else if (!config.controlPlaneSecretsManager || configFile.endsWith("config.example.json")) {
        merged.controlPlaneSecretsManager = ownIdentity;
        controlPlaneSource = "this stack's own flexplane:secretsManager (no org stack)";
    }
    const planned = resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.inputs,
        id: r.id,
        propertyDependencies: r.propertyDependencies,
        ...(r.parent ? { parent: r.parent } : {}),
    }));
    return { controlPlaneSource, violations: evaluatePolicies(planned, merged, { enforcementLevels }) };
}
