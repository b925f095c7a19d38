import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { KubeloginMode } from "./args";

/** What `listManagedClusterUserCredentials` returns: base64 kubeconfigs. */
export interface CredentialResults {
    kubeconfigs?: { name?: string; value?: string }[];
}

/** The first kubeconfig of a credential listing, decoded; throws when there is none. */
export function decodeKubeconfig(results: CredentialResults): string {
    const encoded = results.kubeconfigs?.find((k) => k.value)?.value;
    if (!encoded) {
        throw new Error("AKS returned no user kubeconfig: check that the deployer may list cluster user credentials.");
    }
    return Buffer.from(encoded, "base64").toString("utf8");
}

const ITEM = /^(\s*-\s+)(["']?)([^"'\s]*)\2\s*$/;

/**
 * Points the kubelogin exec plugin of an Entra ID kubeconfig at `mode`. AKS hands out kubeconfigs
 * that sign in with a device code, which no unattended `pulumi up` can answer. Any mode but device
 * code also drops `--client-id`, which there names AKS's own public client and would otherwise be
 * read as the service principal's or managed identity's id. Kubeconfigs without kubelogin (local
 * accounts) come back unchanged.
 */
export function withKubeloginMode(kubeconfig: string, mode: KubeloginMode): string {
    const lines = kubeconfig.split("\n");
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
        const item = ITEM.exec(lines[i]);
        const flag = item?.[3] ?? "";
        const next = i + 1 < lines.length ? ITEM.exec(lines[i + 1]) : null;
        if ((flag === "--login" || flag === "-l") && next) {
            out.push(lines[i], `${next[1]}${mode}`);
            i++;
        } else if (flag.startsWith("--login=")) {
            out.push(`${item![1]}--login=${mode}`);
        } else if (flag === "--client-id" && next && mode !== KubeloginMode.DeviceCode) {
            i++;
        } else if (flag.startsWith("--client-id=") && mode !== KubeloginMode.DeviceCode) {
            continue;
        } else {
            out.push(lines[i]);
        }
    }
    return out.join("\n");
}

/**
 * The cluster user's kubeconfig, as a secret. With Entra ID the kubeconfig runs kubelogin, which
 * must be installed where Pulumi runs; `kubeloginMode` picks how it signs in.
 */
export function clusterKubeconfig(
    args: { resourceGroupName: pulumi.Input<string>; clusterName: pulumi.Input<string>; kubeloginMode?: KubeloginMode },
    opts: pulumi.InvokeOutputOptions,
): pulumi.Output<string> {
    const credentials = containerservice.listManagedClusterUserCredentialsOutput({
        resourceGroupName: args.resourceGroupName,
        resourceName: args.clusterName,
        format: args.kubeloginMode ? "exec" : undefined,
    }, opts);
    return pulumi.secret(credentials.apply((result) => {
        let kubeconfig: string;
        try {
            kubeconfig = decodeKubeconfig(result);
        } catch (err) {
            throw new pulumi.ResourceError((err as Error).message, opts.parent);
        }
        return args.kubeloginMode ? withKubeloginMode(kubeconfig, args.kubeloginMode) : kubeconfig;
    }));
}
