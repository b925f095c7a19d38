/**
 * How the data plane reaches the cluster: the cluster user's kubeconfig from AKS, with kubelogin set
 * to sign in without a prompt, and a Kubernetes provider for it (components/shared/access.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { parse } from "yaml";
import { ClusterAccess, clusterAccess } from "../shared/access";
import { AksKubeloginMode } from "./args";

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

/**
 * kubelogin's arguments with `--login <mode>` (replacing `--login`, `-l` or `--login=`; added when
 * absent, since kubelogin's default is `devicecode`). Any mode but device code also drops
 * `--client-id`, which in AKS's kubeconfig names AKS's own public client and would otherwise be read
 * as the service principal's or managed identity's id. Azure/kubelogin `pkg/internal/token/options.go`
 * (`NewOptions`: `LoginMethod: DeviceCodeLogin`; `AddFlags`: `--login`/`-l`, `--client-id` "AAD
 * client application ID").
 */
export function kubeloginArgs(args: readonly string[], mode: AksKubeloginMode): string[] {
    const out: string[] = [];
    let login = false;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === "--login" || arg === "-l") {
            out.push(arg, mode);
            login = true;
            i++;
        } else if (arg.startsWith("--login=")) {
            out.push(`--login=${mode}`);
            login = true;
        } else if (mode !== AksKubeloginMode.DeviceCode && arg === "--client-id") {
            i++;
        } else if (mode !== AksKubeloginMode.DeviceCode && arg.startsWith("--client-id=")) {
            continue;
        } else {
            out.push(arg);
        }
    }
    return login ? out : [...out, "--login", mode];
}

/**
 * The kubeconfig with every kubelogin user set to `mode` (AKS hands out kubeconfigs that sign in with
 * a device code, which no unattended `pulumi up` can answer), as JSON, which every kubeconfig reader
 * accepts. Read and written as data, never edited as text. Without `mode` (local accounts) the
 * kubeconfig is only normalized to JSON.
 */
export function withKubeloginMode(kubeconfig: string, mode: AksKubeloginMode | undefined): string {
    const config = parse(kubeconfig) as { users?: { user?: { exec?: { command?: string; args?: string[] } } }[] };
    for (const entry of config?.users ?? []) {
        const exec = entry?.user?.exec;
        if (mode !== undefined && exec && /(^|[/\\])kubelogin(\.exe)?$/.test(exec.command ?? "")) {
            exec.args = kubeloginArgs(exec.args ?? [], mode);
        }
    }
    return JSON.stringify(config, null, 2);
}

/**
 * The cluster user's kubeconfig (a secret) and a provider for it. With Entra ID the kubeconfig runs
 * kubelogin, which must be installed where Pulumi runs. The cluster's ARM id changes only when the
 * cluster is replaced, so a new kubeconfig updates the provider instead of replacing what it deployed.
 */
export function createAccess(
    name: string,
    cluster: { id: pulumi.Input<string>; name: pulumi.Input<string>; resourceGroupName: pulumi.Input<string> },
    kubeloginMode: AksKubeloginMode | undefined,
    opts: { parent: pulumi.Resource; dependsOn: pulumi.Resource[] },
): ClusterAccess {
    const credentials = containerservice.listManagedClusterUserCredentialsOutput(
        {
            resourceGroupName: cluster.resourceGroupName,
            resourceName: cluster.name,
            format: kubeloginMode ? "exec" : undefined,
        },
        opts,
    );
    const kubeconfig = credentials.apply((result) => {
        try {
            return withKubeloginMode(decodeKubeconfig(result), kubeloginMode);
        } catch (err) {
            throw new pulumi.ResourceError((err as Error).message, opts.parent);
        }
    });
    return clusterAccess(`${name}-kubernetes`, { kubeconfig: pulumi.secret(kubeconfig), clusterIdentifier: cluster.id }, opts.parent);
}
