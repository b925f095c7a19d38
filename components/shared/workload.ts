/**
 * Where the data plane's pods run and who they run as: the namespace and the chart's service account.
 * DataPlane and every cluster component resolve them here, with one rule per value, so a name that
 * works on one cloud works on all of them.
 */
import type { InputProblems } from "./errors";
import { namespaceProblem } from "./namespaces";
import { isDns1123Label, isDns1123Subdomain } from "./kubernetes-names";
import { DEFAULT_NAMESPACE, DEFAULT_SERVICE_ACCOUNT_NAME } from "./types";

/** The two arguments every component that binds to the data plane's pods takes. */
export interface WorkloadArgs {
    namespace?: string;
    serviceAccountName?: string;
}

/** The namespace and service account, defaults applied. */
export interface Workload {
    namespace: string;
    serviceAccountName: string;
}

/**
 * Applies the defaults and records every problem under `namespace` / `serviceAccountName`.
 * `createsNamespace`: the caller creates the namespace (DataPlane), which refuses the built-in ones.
 */
export function resolveWorkload(problems: InputProblems, args: WorkloadArgs, options: { createsNamespace: boolean }): Workload {
    const namespace = args.namespace ?? DEFAULT_NAMESPACE;
    const serviceAccountName = args.serviceAccountName ?? DEFAULT_SERVICE_ACCOUNT_NAME;
    if (!isDns1123Label(namespace)) {
        problems.add(
            "namespace",
            `"${String(namespace)}" is not a namespace name: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (default ${DEFAULT_NAMESPACE}).`,
        );
    } else {
        problems.addIfAny("namespace", namespaceProblem(namespace, { creates: options.createsNamespace }));
    }
    if (!isDns1123Subdomain(serviceAccountName)) {
        problems.add(
            "serviceAccountName",
            `"${String(serviceAccountName)}" is not a service account name: use at most 253 lower-case letters, digits, '-' and '.', each '.'-separated part starting and ending with a letter or digit (default ${DEFAULT_SERVICE_ACCOUNT_NAME}).`,
        );
    }
    return { namespace, serviceAccountName };
}
