import { stringify } from "yaml";
import type { PlanResult, PlannedResource } from "./plan";

/** The plan as text: the resource tree, the Helm values, the outputs, then warnings and errors. */
export function renderText(plan: PlanResult): string {
    const lines: string[] = [`Offline plan for stack "${plan.stack}" (mock runtime: no cloud, no credentials)`, ""];
    lines.push(`Resources (${plan.resources.length}):`);
    lines.push(...tree(plan.resources));
    for (const [release, values] of Object.entries(plan.helmValues)) {
        lines.push("", `Helm values of release "${release}" (secrets redacted):`);
        lines.push(...indent(stringify(values).trimEnd().split("\n")));
    }
    if (Object.keys(plan.outputs).length > 0) {
        lines.push("", "Stack outputs:");
        lines.push(...indent(stringify(plan.outputs).trimEnd().split("\n")));
    }
    if (plan.secretConfigKeys.length > 0) {
        lines.push("", `Secret config replaced by placeholders: ${plan.secretConfigKeys.join(", ")}`);
    }
    if (plan.policyControlPlaneSource) {
        const advisory = plan.policyViolations.filter((v) => v.enforcementLevel !== "mandatory");
        const mandatory = plan.policyViolations.length - advisory.length;
        lines.push("", `Policy pack: ${mandatory} mandatory and ${advisory.length} advisory violation(s); control plane's store from ${plan.policyControlPlaneSource}.`);
        for (const v of advisory) {
            lines.push(`  advisory ${v.policy}${v.resource ? ` on ${v.resource}` : ""}: ${v.message}`);
        }
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
            lines.push(`${"  ".repeat(depth + 1)}${r.type}  ${r.name}`);
            walk(keyOf(r.type, r.name), depth + 1);
        }
    };
    walk("", 0);
    return lines;
}

function indent(lines: string[]): string[] {
    return lines.map((l) => `  ${l}`);
}
