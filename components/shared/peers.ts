/**
 * The cloud SDKs are optional peer dependencies: a project installs those of the clouds it uses. An
 * entry point or option that needs a missing one is refused before any resource, with the command
 * that installs it, instead of a raw "Cannot find module" halfway through a deployment.
 */
import * as pulumi from "@pulumi/pulumi";

/** The optional peers and the ranges `package.json` declares for them (a test keeps the two equal). */
export const OPTIONAL_PEERS = {
    "@pulumi/aws": "^7.25.0",
    "@pulumi/awsx": "^3.0.0",
    "@pulumi/eks": "^4.0.0",
    "@pulumi/gcp": "^9.0.0",
    "@pulumi/azure-native": "^3.0.0",
    "@pulumi/azuread": "^6.0.0",
} as const;
export type OptionalPeer = keyof typeof OPTIONAL_PEERS;

/** Whether `name` resolves from this package's location (the consumer's node_modules); loads nothing. */
export type PeerResolver = (name: OptionalPeer) => boolean;

export const isPeerInstalled: PeerResolver = (name) => {
    try {
        require.resolve(name);
        return true;
    } catch {
        return false;
    }
};

/** `npm install "@pulumi/awsx@^3.0.0"` for the given peers. */
export function installCommand(names: readonly OptionalPeer[]): string {
    return `npm install ${names.map((n) => `"${n}@${OPTIONAL_PEERS[n]}"`).join(" ")}`;
}

/** The peers of `names` that are not installed. */
export function missingPeers(names: readonly OptionalPeer[], resolve: PeerResolver = isPeerInstalled): OptionalPeer[] {
    return names.filter((n) => !resolve(n));
}

/**
 * Throws, before an entry point loads them, when peers it always needs are missing. A `RunError`,
 * so the CLI shows the message without a stack trace.
 */
export function requirePeers(entryPoint: string, names: readonly OptionalPeer[], resolve: PeerResolver = isPeerInstalled): void {
    const missing = missingPeers(names, resolve);
    if (missing.length > 0) {
        throw new pulumi.RunError(
            `${entryPoint} needs ${missing.join(" and ")}, which ${missing.length === 1 ? "is" : "are"} not installed ` +
                `(optional peer dependencies of flexplane): run \`${installCommand(missing)}\` in your Pulumi project.`,
        );
    }
}
