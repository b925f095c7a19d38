import { ResourceCheck, resourcePolicy, StackResource, stackPolicy } from "./define";
import { INGRESS_TYPES, isDataPlaneChart, SECRETS_MANAGER_IDENTITY_ANNOTATION, T } from "./tokens";
import { at, flag, isUnknown, knownString, UNKNOWN } from "./values";

/**
 * The namespace a Kubernetes object or Helm release lands in: its own, else its provider's
 * default, else `default`. `UNKNOWN` when the preview cannot know it yet.
 */
export function namespaceOf(resource: Pick<StackResource, "type" | "props" | "providerProps">): string {
    const own = HELM_NAMESPACED.includes(resource.type) ? resource.props.namespace : at(resource.props, "metadata.namespace");
    if (isUnknown(own)) {
        return UNKNOWN;
    }
    return knownString(own) ?? knownString(resource.providerProps?.namespace) ?? "default";
}

const HELM_NAMESPACED: string[] = [T.helmRelease, T.helmChartV4];
const SERVICE_TYPES: string[] = [T.k8sService, T.k8sServicePatch];

/**
 * Data-plane namespaces in a stack: the configured ones, those of `airbyte-data-plane` releases,
 * and those of the Secret the DataPlane component annotates with its secrets-manager identity.
 */
export function dataPlaneNamespaces(resources: StackResource[], configured: string[]): Set<string> {
    const found = new Set(configured);
    for (const r of resources) {
        const isRelease = HELM_NAMESPACED.includes(r.type) && isDataPlaneChart(r.props.chart);
        const isMarker = r.type === T.k8sSecret && at(r.props, `metadata.annotations`)?.[SECRETS_MANAGER_IDENTITY_ANNOTATION] !== undefined;
        if (isRelease || isMarker) {
            found.add(namespaceOf(r));
        }
    }
    found.delete(UNKNOWN);
    return found;
}

const EGRESS_WHY = "A data plane only calls out (to the control plane, registry, storage and secret store) and needs no inbound traffic";

/** No way in: no LoadBalancer or NodePort Service and no Ingress in a data plane's namespace. */
export const dataPlaneEgressOnly = stackPolicy({
    name: "data-plane-egress-only",
    description: "A data plane's namespace exposes nothing: no LoadBalancer or NodePort Service, no Ingress.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Use ClusterIP Services (the default) and remove Ingresses in the data plane's namespace, or move the " +
        "workload that needs inbound traffic to another namespace.",
    configKeys: ["dataPlaneNamespaces"],
    appliesTo: [...SERVICE_TYPES, ...INGRESS_TYPES],
    validate: ({ resources, config, report }) => {
        const namespaces = dataPlaneNamespaces(resources, config.dataPlaneNamespaces);
        for (const r of resources) {
            const ns = namespaceOf(r);
            if (!namespaces.has(ns)) {
                continue;
            }
            const kind = r.type.split(":").pop();
            const serviceType = at(r.props, "spec.type");
            if (SERVICE_TYPES.includes(r.type) && (serviceType === "LoadBalancer" || serviceType === "NodePort")) {
                report(
                    `${kind} "${r.name}" in data-plane namespace "${ns}" has type ${serviceType}. ${EGRESS_WHY}: ` +
                        "use type ClusterIP or move the Service to another namespace.",
                    r.urn,
                );
            }
            if (INGRESS_TYPES.includes(r.type)) {
                report(
                    `${kind} "${r.name}" in data-plane namespace "${ns}" routes traffic in. ${EGRESS_WHY}: ` +
                        "remove the Ingress or move it to another namespace.",
                    r.urn,
                );
            }
        }
    },
});

const PUBLIC_IP_WHY = "Nodes with public addresses can be reached from the internet; a data plane only needs egress";

const eksNodeIps: ResourceCheck = ({ props, report }) => {
    if (flag(props.nodeAssociatePublicIpAddress) === true) {
        report(`\`nodeAssociatePublicIpAddress\` is true. ${PUBLIC_IP_WHY}: set it to false and use private subnets with a NAT gateway.`);
    }
};

const aksNodeIp = (label: string, value: unknown, report: (m: string) => void) => {
    if (flag(value) === true) {
        report(`\`${label}\` is true. ${PUBLIC_IP_WHY}: remove it; nodes reach out through the cluster's outbound type.`);
    }
};

const gkePoolPrivate = (label: string, value: unknown, report: (m: string) => void) => {
    if (flag(value) === false) {
        report(`\`${label}\` is false, which gives this pool's nodes public IPs. ${PUBLIC_IP_WHY}: remove it or set it to true.`);
    }
};

/**
 * No public IPs on nodes, as far as the program shows it. EKS node groups in public subnets are not
 * visible from their inputs; launch templates and the node-group flags are.
 */
export const nodesWithoutPublicIps = resourcePolicy({
    name: "nodes-without-public-ips",
    description: "Data-plane nodes have no public IP addresses.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "EKS: no associatePublicIpAddress in launch templates, nodes in private subnets. GKE: " +
        "privateClusterConfig.enablePrivateNodes = true. AKS: no enableNodePublicIP.",
    checks: {
        [T.awsLaunchTemplate]: ({ props, report }) => {
            const interfaces = Array.isArray(props.networkInterfaces) ? props.networkInterfaces : [];
            interfaces.forEach((nic: any, i: number) => {
                if (flag(at(nic, "associatePublicIpAddress")) === true) {
                    report(
                        `\`networkInterfaces[${i}].associatePublicIpAddress\` is true. ${PUBLIC_IP_WHY}: ` +
                            "set it to false and place the nodes in private subnets.",
                    );
                }
            });
        },
        [T.eksCluster]: eksNodeIps,
        [T.eksNodeGroup]: eksNodeIps,
        [T.eksNodeGroupV2]: eksNodeIps,
        [T.gkeCluster]: ({ props, report }) => {
            const privateNodes = flag(at(props, "privateClusterConfig.enablePrivateNodes"));
            if (privateNodes !== true && privateNodes !== UNKNOWN) {
                report(
                    `\`privateClusterConfig.enablePrivateNodes\` is not true, so nodes get public IPs. ${PUBLIC_IP_WHY}: ` +
                        "set it to true and give the cluster Cloud NAT for egress.",
                );
            }
            const pools = Array.isArray(props.nodePools) ? props.nodePools : [];
            pools.forEach((pool: any, i: number) =>
                gkePoolPrivate(`nodePools[${i}].networkConfig.enablePrivateNodes`, at(pool, "networkConfig.enablePrivateNodes"), report),
            );
        },
        [T.gkeNodePool]: ({ props, report }) =>
            gkePoolPrivate("networkConfig.enablePrivateNodes", at(props, "networkConfig.enablePrivateNodes"), report),
        [T.aksCluster]: ({ props, report }) => {
            const pools = Array.isArray(props.agentPoolProfiles) ? props.agentPoolProfiles : [];
            pools.forEach((pool: any, i: number) =>
                aksNodeIp(`agentPoolProfiles[${i}].enableNodePublicIP`, at(pool, "enableNodePublicIP"), report),
            );
        },
        [T.aksAgentPool]: ({ props, report }) => aksNodeIp("enableNodePublicIP", props.enableNodePublicIP, report),
    },
});
