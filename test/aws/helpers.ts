import type { EksClusterArgs } from "../../components/aws/args";
import type { EksCluster } from "../../components/aws/component";
import { componentTests } from "../support/harness";

/** Config every EKS test starts from: the cluster in eu-west-1. */
export const BASE_CONFIG: Record<string, string> = { "aws:region": "eu-west-1" };

/** The control plane's declared store: Secrets Manager in another region and account than the cluster's. */
export const DECLARED_STORE = { region: "us-east-1", accountId: "210987654321" } as const;

/** The deployers' addresses every test cluster's public endpoint admits (TEST-NET-3). */
export const DEPLOYER_CIDRS = ["203.0.113.0/24"];

/** The smallest valid arguments: IRSA for the declared store, the deployers' addresses, everything else default. */
export function baseArgs(overrides: Partial<EksClusterArgs> = {}): EksClusterArgs {
    return {
        secretsManager: { aws: { ...DECLARED_STORE, useServiceAccountIdentity: true } },
        apiServer: { authorizedCidrs: DEPLOYER_CIDRS },
        ...overrides,
    };
}

/** The shared harness for EksCluster "dp": a fresh mock runtime with `BASE_CONFIG` before each test. */
export function eksClusterTests() {
    return componentTests<EksClusterArgs, EksCluster>({
        config: BASE_CONFIG,
        baseArgs,
        create: async (name, args) => new (await import("../../components/aws/component")).EksCluster(name, args),
        defaultName: "dp",
    });
}
