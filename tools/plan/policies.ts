import * as fs from "fs";
import { evaluatePolicies, levelOf, PolicyViolation, readPolicyPackConfig } from "../../policy/evaluate";
import { allPolicies, PolicyConfig } from "../../policy/policies";
import type { RecordedResource } from "../harness/runtime";

/** The policy pack's verdict on one plan. */
export interface PolicyReport {
    /** Where `controlPlaneSecretsManager` came from, for the reader of the plan. */
    controlPlaneSource: string;
    /** The store the pack compared the data plane's with. */
    controlPlaneSecretsManager?: string;
    /** Every policy that ran, at the level it ran at, and how many violations it reported. */
    evaluated: { policy: string; enforcementLevel: "mandatory" | "advisory"; violations: number }[];
    violations: PolicyViolation[];
}

/**
 * Runs the CrossGuard pack over what the plan recorded. The control plane's store is, in order: the
 * one a policy-pack config file names (as CI's preview uses), the org stack's fixture, or the stack's
 * own declaration (then only the other policies can fail).
 */
export function evaluatePlanPolicies(
    resources: RecordedResource[],
    configFile: string | undefined,
    orgIdentity: string | undefined,
    ownIdentity: string | undefined,
): PolicyReport {
    const { config, enforcementLevels } = configFile
        ? readPolicyPackConfig(JSON.parse(fs.readFileSync(configFile, "utf8")))
        : { config: {}, enforcementLevels: {} };
    const [controlPlaneSecretsManager, controlPlaneSource] = config.controlPlaneSecretsManager
        ? [config.controlPlaneSecretsManager, `policy config ${configFile}`]
        : orgIdentity
          ? [orgIdentity, "the org stack's secretsManagerIdentity"]
          : [ownIdentity, "this stack's own flexplane:secretsManager (no org stack)"];
    const merged: Partial<PolicyConfig> = { ...config, controlPlaneSecretsManager };
    const planned = resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.inputs,
        id: r.id,
        propertyDependencies: r.propertyDependencies,
        protect: r.options.protect,
        ...(r.parent ? { parent: r.parent } : {}),
    }));
    const violations = evaluatePolicies(planned, merged, { enforcementLevels });
    const evaluated = allPolicies.flatMap((policy) => {
        const level = levelOf(policy.name, policy.enforcementLevel, enforcementLevels);
        return level === undefined
            ? []
            : [{ policy: policy.name, enforcementLevel: level, violations: violations.filter((v) => v.policy === policy.name).length }];
    });
    return { controlPlaneSource, controlPlaneSecretsManager, evaluated, violations };
}
