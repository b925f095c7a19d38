/**
 * What a reviewer needs besides the resource list: where each resource goes, what remote components
 * create that the plan cannot list, the key facts, and which cross-stack rules were checked against
 * which stacks (and which were not).
 */
import * as path from "path";
import { crossStackChecks } from "../../program/cross-stack";
import { keyFacts, KeyFacts } from "./facts";
import { placeOf } from "./places";
import type { PlanResult } from "./plan";
import { RemoteComponentNote, remoteComponentNotes } from "./remote-components";
import type { Fixtures } from "./stack-file";

/** One read of another stack and what was compared with it. */
export interface CrossStackReview {
    stack: string;
    key: string;
    checks: string;
    /** Where the offline plan read it from. */
    source: string;
    /** What that stack exports that the checks compared. */
    exports: Record<string, unknown>;
}

export interface PlanReview {
    remoteComponents: RemoteComponentNote[];
    facts: KeyFacts;
    crossStack: CrossStackReview[];
    /** Checks that did not run, and why. */
    crossStackNotes: string[];
}

function listOf(text: string | undefined): string[] {
    try {
        return text ? (JSON.parse(text) as string[]) : [];
    } catch {
        return [];
    }
}

/** Fills in each resource's place and returns the rest of the review. */
export function reviewPlan(plan: PlanResult, config: Record<string, string>, fixtures: Fixtures): PlanReview {
    for (const resource of plan.resources) {
        const where = placeOf(resource, config);
        if (where) {
            resource.where = where;
        }
    }
    const values = Object.values(plan.helmValues)[0] as Record<string, any> | undefined;
    const review: PlanReview = {
        remoteComponents: remoteComponentNotes(plan.resources),
        facts: keyFacts(plan.resources, values, plan.outputs),
        crossStack: [],
        crossStackNotes: [],
    };
    if ((config["flexplane:role"] ?? "dataPlane") !== "dataPlane") {
        review.crossStackNotes.push("An org stack reads no other stack; its store is what region stacks are checked against.");
        return review;
    }
    const checks = crossStackChecks({
        orgStack: config["flexplane:orgStack"],
        haPeers: listOf(config["flexplane:haPeers"]),
        airbyteRegion: config["flexplane:airbyteRegion"],
    });
    for (const check of checks) {
        const outputs = fixtures.outputs[check.stack] ?? {};
        const exports =
            check.key === "flexplane:orgStack"
                ? {
                      secretsManagerIdentity: outputs.secretsManagerIdentity,
                      airbyteRegions: Object.keys((outputs.regionIds as object | undefined) ?? {}),
                  }
                : { descriptor: outputs.descriptor };
        const file = fixtures.files[check.stack];
        review.crossStack.push({ ...check, source: file ? `fixture ${path.relative(process.cwd(), file)}` : "no fixture", exports });
    }
    if (!config["flexplane:orgStack"]) {
        review.crossStackNotes.push(
            "Rule 1 (the control plane's secrets manager) was not checked against the control plane: flexplane:orgStack is not set, " +
                `so only the policy pack compared this stack's store, with ${plan.policyControlPlaneSource ?? "the store the pack was given"}.`,
        );
    }
    if (listOf(config["flexplane:haPeers"]).length === 0) {
        review.crossStackNotes.push("Rule 2 (HA peers share Airbyte region and store): no flexplane:haPeers, nothing to compare.");
    }
    return review;
}
