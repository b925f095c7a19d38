/**
 * Every deliberate difference between the example stacks' plans as recorded in `test/plan/golden/`
 * and as the program plans them now. A difference the list does not explain fails the test, and so
 * does an entry that explains nothing: the list is exactly what changed, and why.
 */
export interface DeliberateDifference {
    /** Stack names, or "*" for every stack. */
    stacks: string[] | "*";
    /** Matches the resource's URN. */
    urn: RegExp;
    /** Matches the input path (`""` for a resource added or removed). */
    path: RegExp;
    kind: "added" | "removed" | "changed";
    /** Why it changed. */
    reason: string;
}

export const DELIBERATE_DIFFERENCES: DeliberateDifference[] = [
    // every cloud
    {
        stacks: "*",
        urn: /::flexplane:index:(EksCluster|ControlPlaneSecretsRole|GkeCluster|AksCluster)::[^:]+$/,
        path: /^type$/,
        kind: "changed",
        reason:
            "The cloud components register the tokens a component plugin's schema publishes (flexplane:index:EksCluster, " +
            "ControlPlaneSecretsRole, GkeCluster, AksCluster; a plugin serves the index module only), each with an alias to its " +
            "old token (flexplane:aws:*, flexplane:gcp:*, flexplane:azure:*). The recorded URNs carry the new tokens, as the alias " +
            "tells the engine they are the same resources; the recorded type is still the old one. Nothing is replaced.",
    },
    // gcp
    {
        stacks: ["gcp-europe-west1", "gcp-us-central1"],
        urn: /flexplane:index:GkeCluster\$gcp:container\/cluster:Cluster::/,
        path: /^inputs\.masterAuthorizedNetworksConfig\.cidrBlocks$/,
        kind: "changed",
        reason:
            "GkeCluster's masterAuthorizedNetworks ([{cidrBlock, displayName}]) became apiServer.authorizedCidrs (plain CIDRs, as on " +
            "every cloud): the networks are the same, their GKE display names are dropped (console labels only; an in-place update).",
    },
];
