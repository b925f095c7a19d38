/**
 * Kubernetes' own name rules, as the API server applies them: kubernetes/apimachinery
 * `pkg/util/validation/validation.go` (`IsDNS1123Label`, `IsDNS1123Subdomain`, `IsQualifiedName`,
 * `IsValidLabelValue`). Label keys and taint keys are qualified names; namespaces are labels;
 * service-account and Secret names are subdomains.
 */
import type { InputProblems } from "./errors";

const DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL}(\\.${DNS1123_LABEL})*$`);
/** `qualifiedNameFmt`: alphanumeric at both ends, '-', '_' and '.' inside. */
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** `IsDNS1123Label`: at most 63 lower-case letters, digits and '-', alphanumeric at both ends. */
export function isDns1123Label(value: unknown, maxLength = 63): boolean {
    return typeof value === "string" && value.length <= maxLength && new RegExp(`^${DNS1123_LABEL}$`).test(value);
}

/** `IsDNS1123Subdomain`: at most 253 characters of DNS-1123 labels joined by '.'. */
export function isDns1123Subdomain(value: unknown): boolean {
    return typeof value === "string" && value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

/** `IsQualifiedName`: `[prefix/]name`, the prefix a DNS-1123 subdomain, the name at most 63 characters. */
export function isQualifiedName(value: unknown): boolean {
    if (typeof value !== "string") {
        return false;
    }
    const parts = value.split("/");
    const name = parts[parts.length - 1];
    if (parts.length > 2 || (parts.length === 2 && !isDns1123Subdomain(parts[0]))) {
        return false;
    }
    return name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** `IsValidLabelValue`: empty, or at most 63 characters shaped like a qualified name without prefix. */
export function isLabelValue(value: unknown): boolean {
    return typeof value === "string" && (value === "" || (value.length <= 63 && QUALIFIED_NAME.test(value)));
}

/** Records a problem at `<path>.labels.<key>` for each node label the API server would refuse. */
export function checkNodeLabels(problems: InputProblems, path: string, labels: Record<string, unknown> | undefined): void {
    for (const [key, value] of Object.entries(labels ?? {})) {
        problems.check(
            isQualifiedName(key) && isLabelValue(value),
            `${path}.labels.${key}`,
            "use a Kubernetes label key ([prefix/]name: a DNS subdomain prefix, a name of at most 63 letters, digits, '-', '_' or '.' starting and ending with a letter or digit) and a value of at most 63 of those characters.",
        );
    }
}
