/**
 * A small evaluator of IAM identity policies, enough to ask "does this document let its holder do
 * `action` on `resource` in this request context?". It follows the IAM User Guide:
 *
 * - Evaluation: an explicit Deny wins, then any Allow, else the request is implicitly denied
 *   (Policy evaluation logic).
 * - Action and Resource (and their Not forms) match with `*` and `?` wildcards; actions ignore
 *   case, resources do not.
 * - Conditions: every operator of a statement and every key under an operator must hold (AND); the
 *   values listed for one key are alternatives (OR). "If the key that you specify in a policy
 *   condition is not present in the request context, the values do not match and the condition is
 *   false. If the policy condition requires that the key is not matched, such as StringNotLike or
 *   ArnNotLike, and the right key is not present, the condition is true. This logic applies to all
 *   condition operators except ...IfExists and Null check" (Condition operators).
 * - `ForAllValues:` holds when every request value matches, and "also returns true if there are no
 *   context keys in the request"; `ForAnyValue:` needs at least one matching value (Multivalued
 *   context keys).
 *
 * Operators it does not model (numeric, date, IP, binary) and policy variables make a condition
 * `"unknown"`: a caller asking whether access is possible must treat that as "maybe".
 */

/** One request: who asks is the policy's holder; `context` holds the condition keys and their values. */
export interface IamRequest {
    action: string;
    resource: string;
    /** Condition keys (names are case-insensitive) to one value or, for multivalued keys, a list. */
    context?: Record<string, string | string[]>;
}

/** The answer for one request: `maybe` when an unmodelled condition decides. */
export type IamDecision = "allow" | "deny" | "maybe";

type Tri = true | false | "unknown";

interface Statement {
    Effect?: unknown;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    NotResource?: unknown;
    Condition?: unknown;
}

/** The statements of a policy document given as an object or JSON text; none when it cannot be read. */
export function policyStatements(document: unknown): Statement[] {
    let doc: any = document;
    if (typeof doc === "string") {
        try {
            doc = JSON.parse(doc);
        } catch {
            return [];
        }
    }
    const statements = doc?.Statement;
    if (statements === undefined || statements === null) {
        return [];
    }
    return (Array.isArray(statements) ? statements : [statements]).filter((s) => s && typeof s === "object");
}

/** How the document answers `request`: explicit deny, allow, or "maybe" where an unmodelled condition decides. */
export function evaluateIamPolicy(document: unknown, request: IamRequest): IamDecision {
    const statements = policyStatements(document);
    const matches = (effect: string) => statements.filter((s) => s.Effect === effect).map((s) => statementApplies(s, request));
    const denies = matches("Deny");
    if (denies.includes(true)) {
        return "deny";
    }
    const allows = matches("Allow");
    if (allows.includes(true)) {
        return denies.includes("unknown") ? "maybe" : "allow";
    }
    return allows.includes("unknown") ? "maybe" : "deny";
}

/** Whether one statement covers the request: action, resource and every condition. */
export function statementApplies(statement: Statement, request: IamRequest): Tri {
    const actionOk =
        statement.NotAction !== undefined
            ? !listOf(statement.NotAction).some((p) => wildcard(p, request.action, true))
            : listOf(statement.Action).some((p) => wildcard(p, request.action, true));
    const resourceOk =
        statement.NotResource !== undefined
            ? !listOf(statement.NotResource).some((p) => wildcard(p, request.resource, false))
            : listOf(statement.Resource).some((p) => wildcard(p, request.resource, false));
    if (!actionOk || !resourceOk) {
        return false;
    }
    return conditionsHold(statement.Condition, request.context ?? {});
}

function conditionsHold(condition: unknown, context: Record<string, string | string[]>): Tri {
    if (condition === undefined || condition === null) {
        return true;
    }
    if (typeof condition !== "object") {
        return "unknown";
    }
    const lookup = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
    let result: Tri = true;
    for (const [operator, keys] of Object.entries(condition as Record<string, unknown>)) {
        if (!keys || typeof keys !== "object") {
            return "unknown";
        }
        for (const [key, wanted] of Object.entries(keys as Record<string, unknown>)) {
            const outcome = operatorHolds(operator, lookup.get(key.toLowerCase()), listOf(wanted));
            if (outcome === false) {
                return false;
            }
            if (outcome === "unknown") {
                result = "unknown";
            }
        }
    }
    return result;
}

interface BaseOperator {
    negated: boolean;
    match(policyValue: string, requestValue: string): boolean;
}

const BASE_OPERATORS: Record<string, BaseOperator> = {
    stringequals: { negated: false, match: (p, r) => p === r },
    stringnotequals: { negated: true, match: (p, r) => p === r },
    stringequalsignorecase: { negated: false, match: (p, r) => p.toLowerCase() === r.toLowerCase() },
    stringnotequalsignorecase: { negated: true, match: (p, r) => p.toLowerCase() === r.toLowerCase() },
    stringlike: { negated: false, match: (p, r) => wildcard(p, r, false) },
    stringnotlike: { negated: true, match: (p, r) => wildcard(p, r, false) },
    arnequals: { negated: false, match: (p, r) => arnLike(p, r) },
    arnlike: { negated: false, match: (p, r) => arnLike(p, r) },
    arnnotequals: { negated: true, match: (p, r) => arnLike(p, r) },
    arnnotlike: { negated: true, match: (p, r) => arnLike(p, r) },
    bool: { negated: false, match: (p, r) => p.toLowerCase() === r.toLowerCase() },
};

/** One operator on one key: `request` is the key's value(s) in the context, `wanted` the policy's values. */
export function operatorHolds(operator: string, request: string | string[] | undefined, wanted: string[]): Tri {
    const match = /^(ForAllValues:|ForAnyValue:)?(.+?)(IfExists)?$/i.exec(operator);
    if (!match) {
        return "unknown";
    }
    const set = match[1]?.toLowerCase();
    const name = match[2].toLowerCase();
    const ifExists = match[3] !== undefined;
    const values = request === undefined ? [] : Array.isArray(request) ? request : [request];
    if (name === "null") {
        const wantsAbsent = wanted.map((w) => w.toLowerCase() === "true");
        return wantsAbsent.some((absent) => absent === (values.length === 0));
    }
    const base = BASE_OPERATORS[name];
    if (!base || wanted.some((w) => w.includes("${"))) {
        return "unknown";
    }
    const one = (value: string) => {
        const any = wanted.some((w) => base.match(w, value));
        return base.negated ? !any : any;
    };
    if (set === "forallvalues:") {
        return values.every(one);
    }
    if (set === "foranyvalue:") {
        return values.some(one);
    }
    if (values.length === 0) {
        return ifExists || base.negated;
    }
    // A single-valued operator on a multivalued key: AWS advises against it; any value may match.
    return values.some(one);
}

function listOf(value: unknown): string[] {
    if (value === undefined || value === null) {
        return [];
    }
    return (Array.isArray(value) ? value : [value]).map(String);
}

/** `*` matches any run of characters, `?` exactly one. */
export function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
    const body = pattern
        .split("")
        .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&")))
        .join("");
    return new RegExp(`^${body}$`, ignoreCase ? "is" : "s").test(value);
}

/** ARN matching: each of the six colon-separated parts on its own, the last one taking the rest. */
function arnLike(pattern: string, value: string): boolean {
    const split = (arn: string) => {
        const parts = arn.split(":");
        return [...parts.slice(0, 5), parts.slice(5).join(":")];
    };
    const p = split(pattern);
    const v = split(value);
    return p.length === v.length && p.every((part, i) => wildcard(part, v[i], false));
}
