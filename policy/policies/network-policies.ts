import { cidrContains, parseCidr } from "../../components/shared/cidr";
import { JOB_POD_LABEL, METADATA_IPV4_CIDRS } from "../../components/dataplane/metadata-policy";
import { resourcePolicy, StackResource, stackPolicy } from "./define";
import { dataPlaneNamespaces, namespaceOf } from "./network";
import { HELM_TYPES, isDataPlaneChart, T } from "./tokens";
import { at, flag, isUnknown, knownString, UNKNOWN } from "./values";

/**
 * Whether a label selector (`matchLabels`, `matchExpressions`) selects a pod with `labels`;
 * `UNKNOWN` when part of it is not known yet. An empty selector selects every pod.
 */
export function selects(selector: unknown, labels: Record<string, string>): boolean | typeof UNKNOWN {
    if (isUnknown(selector)) {
        return UNKNOWN;
    }
    const s = (selector ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: any[] };
    if (isUnknown(s.matchLabels) || isUnknown(s.matchExpressions)) {
        return UNKNOWN;
    }
    const byLabel = Object.entries(s.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    const byExpression = (Array.isArray(s.matchExpressions) ? s.matchExpressions : []).every((e) => {
        const has = e?.key in labels;
        const values: string[] = Array.isArray(e?.values) ? e.values : [];
        switch (e?.operator) {
            case "In":
                return has && values.includes(labels[e.key]);
            case "NotIn":
                return !has || !values.includes(labels[e.key]);
            case "Exists":
                return has;
            case "DoesNotExist":
                return !has;
            default:
                return false;
        }
    });
    return byLabel && byExpression;
}

/**
 * Whether the NetworkPolicies of one namespace let a pod with `labels` send TCP to `address`:`port`
 * outside the cluster, as the Kubernetes documentation defines it ("Network Policies"): a pod no
 * Egress policy selects may send anywhere; a selected pod only where some rule of a selecting policy
 * allows it. A rule without `to` allows every destination; an `ipBlock` allows its `cidr` minus
 * `except`; pod and namespace selectors never match an address outside the cluster. A rule with
 * `ports` allows only those. `UNKNOWN` when unknown values decide.
 */
export function egressAllowed(policies: any[], labels: Record<string, string>, address: string, port: number): boolean | typeof UNKNOWN {
    const target = parseCidr(`${address}/32`);
    let selected = false;
    let unknown = false;
    for (const spec of policies) {
        if (isUnknown(spec)) {
            unknown = true;
            continue;
        }
        const types = spec?.policyTypes;
        const egressType = Array.isArray(types) ? types.includes("Egress") : spec?.egress !== undefined;
        const picks = selects(spec?.podSelector, labels);
        if (!egressType || picks === false) {
            continue;
        }
        if (picks === UNKNOWN || isUnknown(spec.egress)) {
            unknown = true;
            continue;
        }
        selected = true;
        for (const rule of Array.isArray(spec.egress) ? spec.egress : []) {
            const ports = rule?.ports;
            const portOk =
                !Array.isArray(ports) ||
                ports.length === 0 ||
                ports.some(
                    (p: any) =>
                        (p?.protocol ?? "TCP") === "TCP" &&
                        (p?.port === undefined ||
                            Number(p.port) === port ||
                            (p?.endPort !== undefined && Number(p.port) <= port && port <= Number(p.endPort))),
                );
            if (!portOk) {
                continue;
            }
            const peers = rule?.to;
            if (!Array.isArray(peers) || peers.length === 0) {
                return true;
            }
            for (const peer of peers) {
                const block = peer?.ipBlock;
                if (!block) {
                    continue;
                }
                if (isUnknown(block) || isUnknown(block.cidr) || isUnknown(block.except)) {
                    unknown = true;
                    continue;
                }
                const range = parseCidr(String(block.cidr ?? ""));
                const excluded = (Array.isArray(block.except) ? block.except : []).some((e: string) => {
                    const r = parseCidr(String(e));
                    return r !== undefined && target !== undefined && cidrContains(r, target);
                });
                if (range && target && cidrContains(range, target) && !excluded) {
                    return true;
                }
            }
        }
    }
    if (unknown) {
        return UNKNOWN;
    }
    return !selected;
}

const JOB_POD = { [JOB_POD_LABEL.key]: JOB_POD_LABEL.value };
const NETWORK_POLICY: string = T.k8sNetworkPolicy;

/** Connector pods of every data-plane namespace cannot reach the metadata endpoints. */
export const connectorPodsOffMetadata = stackPolicy({
    name: "connector-pods-off-metadata",
    description: "Connector pods in a data plane's namespace cannot reach the cloud metadata endpoints (node credentials).",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Keep DataPlane's metadataNetworkPolicy (default ipv4), or add a NetworkPolicy selecting airbyte=job-pod pods whose egress " +
        "excepts 169.254.169.254/32 and 169.254.169.252/32, on a cluster that enforces NetworkPolicies.",
    appliesTo: HELM_TYPES,
    validate: ({ resources, report }) => {
        const releases = resources.filter((r) => HELM_TYPES.includes(r.type) && isDataPlaneChart(r.props.chart));
        const namespaces = dataPlaneNamespaces(releases, []);
        const policies = resources.filter((r) => r.type === NETWORK_POLICY);
        for (const namespace of namespaces) {
            const specs = policies.filter((p: StackResource) => namespaceOf(p) === namespace).map((p) => p.props.spec);
            for (const address of METADATA_IPV4_CIDRS.map((c) => c.split("/")[0])) {
                if (egressAllowed(specs, JOB_POD, address, 80) === true) {
                    const release = releases.find((r) => namespaceOf(r) === namespace);
                    report(
                        `Connector pods (label airbyte=job-pod) in data-plane namespace "${namespace}" may send to ${address}, the cloud ` +
                            "metadata endpoint that hands out the node's credentials; connector images are third-party code. " +
                            "Keep DataPlane's metadataNetworkPolicy (default ipv4) or add an egress NetworkPolicy that excepts it.",
                        release?.urn,
                    );
                    break;
                }
            }
        }
    },
});

/** Which network plugins of AKS enforce NetworkPolicy. */
const AKS_POLICY_ENGINES = ["azure", "calico", "cilium"];

/** Clusters enforce NetworkPolicies, so that the metadata block holds. */
export const clusterNetworkPolicyEnforced = resourcePolicy({
    name: "cluster-network-policy-enforced",
    description: "Clusters enforce Kubernetes NetworkPolicies.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "EKS: vpcCniOptions.enableNetworkPolicy: true. GKE: Autopilot, datapathProvider ADVANCED_DATAPATH (Dataplane V2) or " +
        "networkPolicy.enabled. AKS: networkProfile.networkPolicy cilium, azure or calico.",
    checks: {
        [T.eksCluster]: ({ props, report }) => {
            const enabled = flag(at(props, "vpcCniOptions.enableNetworkPolicy"));
            if (enabled !== true && enabled !== UNKNOWN && flag(props.useDefaultVpcCni) !== true) {
                report(
                    "`vpcCniOptions.enableNetworkPolicy` is not true, so the VPC CNI ignores NetworkPolicies and connector pods reach the node's IMDS credentials: set it to true.",
                );
            }
        },
        [T.gkeCluster]: ({ props, report }) => {
            const autopilot = flag(props.enableAutopilot);
            const datapath = props.datapathProvider;
            const calico = flag(at(props, "networkPolicy.enabled"));
            if (
                autopilot === true ||
                datapath === "ADVANCED_DATAPATH" ||
                calico === true ||
                [autopilot, datapath, calico].some(isUnknown)
            ) {
                return;
            }
            report(
                `\`datapathProvider\` is ${knownString(datapath) ? `"${datapath}"` : "not set"} and network policy is off, so NetworkPolicies are ignored: ` +
                    'set datapathProvider "ADVANCED_DATAPATH" (Dataplane V2) on new clusters, or networkPolicy.enabled with the network-policy add-on.',
            );
        },
        [T.aksCluster]: ({ props, report }) => {
            const engine = at(props, "networkProfile.networkPolicy");
            if (!isUnknown(engine) && !AKS_POLICY_ENGINES.includes(String(engine ?? "").toLowerCase())) {
                report(
                    `\`networkProfile.networkPolicy\` is ${engine ? `"${engine}"` : "not set"}, so NetworkPolicies are ignored: set it to cilium (with networkDataplane cilium), azure or calico.`,
                );
            }
        },
    },
});
