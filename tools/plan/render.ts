import { stringify } from "yaml";
import type { PlanResult, PlannedResource } from "./plan";
import type { PlanReview } from "./review";

/**
 * The plan as text, in the order a reviewer reads it: key facts, the resources with where each goes,
 * what remote components create beyond them, the cross-stack rules and policies checked, the Helm
 * values and outputs, then warnings and errors.
 */
export function renderText(plan: PlanResult): string {
    const lines: string[] = [`Offline plan for stack "${plan.stack}" (mock runtime: no cloud, no credentials)`];
    if (plan.review) {
        lines.push(...facts(plan.review));
    }
    lines.push("", `Resources (${plan.resources.length}), each with where it is created:`);
    lines.push(...tree(plan.resources));
    if (plan.review) {
        lines.push(...remote(plan.review), ...crossStack(plan.review));
    }
    lines.push(...policies(plan));
    for (const [release, values] of Object.entries(plan.helmValues)) {
        lines.push("", `Helm values of release "${release}" (secrets redacted):`);
        lines.push(...indent(stringify(values).trimEnd().split("\n")));
    }
    if (Object.keys(plan.outputs).length > 0) {
        lines.push("", "Stack outputs:");
        lines.push(...indent(stringify(plan.outputs).trimEnd().split("\n")));
    }
    if (plan.environment) {
        const { imports, dir, keys } = plan.environment;
        lines.push("", `Config from the ESC environment (${imports}; definitions in ${dir}): ${keys.join(", ") || "no keys"}`);
    }
    if (plan.secretConfigKeys.length > 0) {
        lines.push("", `Secret config replaced by placeholders: ${plan.secretConfigKeys.join(", ")}`);
    }
    for (const warning of plan.warnings) {
        lines.push(`warning: ${warning}`);
    }
    lines.push("");
    if (plan.errors.length === 0) {
        lines.push("No errors.");
    } else {
        lines.push(`Errors (${plan.errors.length}):`);
        for (const error of plan.errors) {
            lines.push(...indent(`- ${error}`.split("\n")));
        }
    }
    return lines.join("\n");
}

function facts(review: PlanReview): string[] {
    const f = review.facts;
    const rows: [string, string | undefined][] = [
        ["Kubernetes", f.kubernetes],
        ...f.nodes.map((n): [string, string] => ["Nodes", n]),
        ["Chart", f.chart],
        ["Secret store", f.secretStore],
        ["Log storage", f.logStorage],
        ["Control plane", f.controlPlane],
        ...f.airbyte.map((a): [string, string] => ["Airbyte", a]),
    ];
    const present = rows.filter(([, value]) => value !== undefined);
    return present.length === 0 ? [] : ["", "Key facts:", ...present.map(([label, value]) => `  ${label}: ${value}`)];
}

function remote(review: PlanReview): string[] {
    if (review.remoteComponents.length === 0) {
        return [];
    }
    return [
        "",
        "Not listed above: what these create when they run (the plan sees them as one resource each):",
        ...review.remoteComponents.map((n) => `  ${n.type}  ${n.name}: ${n.creates}`),
    ];
}

function crossStack(review: PlanReview): string[] {
    const lines = ["", "Cross-stack rules, checked before any resource is created:"];
    for (const read of review.crossStack) {
        lines.push(`  ${read.key} ${read.stack} (${read.source}): ${read.checks}.`);
        lines.push(`    it exports ${JSON.stringify(read.exports)}`);
    }
    lines.push(...review.crossStackNotes.map((note) => `  ${note}`));
    return lines;
}

function policies(plan: PlanResult): string[] {
    if (!plan.policyControlPlaneSource) {
        return [];
    }
    const mandatory = plan.policyViolations.filter((v) => v.enforcementLevel === "mandatory").length;
    const advisory = plan.policyViolations.length - mandatory;
    const lines = [
        "",
        `Policy pack: ${plan.policies.length} policies ran, ${mandatory} mandatory and ${advisory} advisory violation(s); ` +
            `the control plane's store came from ${plan.policyControlPlaneSource}.`,
    ];
    for (const p of plan.policies) {
        lines.push(`  ${p.policy} (${p.enforcementLevel}): ${p.violations === 0 ? "no violation" : `${p.violations} violation(s)`}`);
    }
    for (const v of plan.policyViolations.filter((x) => x.enforcementLevel !== "mandatory")) {
        lines.push(`  advisory ${v.policy}${v.resource ? ` on ${v.resource}` : ""}: ${v.message}`);
    }
    return lines;
}

function tree(resources: PlannedResource[]): string[] {
    const keyOf = (type: string | undefined, name: string | undefined) => (type && name ? `${type}::${name}` : "");
    const known = new Set(resources.map((r) => keyOf(r.type, r.name)));
    const children = new Map<string, PlannedResource[]>();
    for (const r of resources) {
        const parent = known.has(keyOf(r.parentType, r.parent)) ? keyOf(r.parentType, r.parent) : "";
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const lines: string[] = [];
    const walk = (parent: string, depth: number) => {
        for (const r of children.get(parent) ?? []) {
            lines.push(`${"  ".repeat(depth + 1)}${r.type}  ${r.name}${r.where ? `  [${r.where}]` : ""}`);
            walk(keyOf(r.type, r.name), depth + 1);
        }
    };
    walk("", 0);
    return lines;
}

function indent(lines: string[]): string[] {
    return lines.map((l) => `  ${l}`);
}
