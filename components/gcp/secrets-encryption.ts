import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type { InputProblems } from "../shared/errors";
import type { GkeSecretsEncryptionArgs } from "./args";
import type { ResolvedGkeCluster } from "./resolve";

/** What GKE's service agent needs on the key to encrypt and decrypt Secrets. */
export const SECRETS_KEY_ROLE = "roles/cloudkms.cryptoKeyEncrypterDecrypter";

/** How often the key this component creates is rotated: 90 days. */
export const SECRETS_KEY_ROTATION_PERIOD = "7776000s";

/** A Cloud KMS key's resource name; the location must be the cluster's region. */
const KMS_KEY_ID = /^projects\/([a-z][a-z0-9-]{4,28}[a-z0-9])\/locations\/([a-z0-9-]+)\/keyRings\/[\w-]{1,63}\/cryptoKeys\/[\w-]{1,63}$/;

/**
 * The caller's key for Secrets encryption, or undefined to create one. GKE accepts only a key in the
 * cluster's region, and says so only when it creates the cluster.
 */
export function resolveSecretsEncryptionKey(
    problems: InputProblems,
    given: GkeSecretsEncryptionArgs | undefined,
    region: string,
): string | undefined {
    const keyId = given?.keyId;
    if (keyId === undefined) {
        return undefined;
    }
    const match = KMS_KEY_ID.exec(String(keyId));
    problems.check(
        match !== null && (!region || match[2] === region),
        "secretsEncryption.keyId",
        `"${keyId}" is not a Cloud KMS key in the cluster's region ${region}: give projects/<project>/locations/${region}/keyRings/<ring>/cryptoKeys/<key>, ` +
            "or leave secretsEncryption out to create one.",
    );
    return keyId;
}

/** The GKE service agent of a project, as an IAM member: it is what calls Cloud KMS for the cluster. */
export function gkeServiceAgentMember(projectNumber: string): string {
    return `serviceAccount:service-${projectNumber}@container-engine-robot.iam.gserviceaccount.com`;
}

/** The key that encrypts the cluster's Secrets, and the grant the cluster must wait for. */
export interface SecretsEncryptionKey {
    keyId: pulumi.Output<string>;
    dependencies: pulumi.Resource[];
}

/**
 * The Cloud KMS key for application-layer Secrets encryption: the caller's, or a new key ring and
 * key in the cluster's region rotated every 90 days (key rings cannot be deleted in GCP, so both
 * are auto-named). Either way the project's GKE service agent gets `roles/cloudkms.cryptoKeyEncrypterDecrypter`
 * on the key before the cluster is created: without it GKE refuses to create the cluster.
 */
export function createSecretsEncryptionKey(settings: ResolvedGkeCluster, parent: pulumi.Resource): SecretsEncryptionKey {
    let keyId: pulumi.Output<string>;
    if (settings.secretsKeyId !== undefined) {
        keyId = pulumi.output(settings.secretsKeyId);
    } else {
        const ring = new gcp.kms.KeyRing(`${settings.base}-secrets`, { project: settings.project, location: settings.region }, { parent });
        const key = new gcp.kms.CryptoKey(
            `${settings.base}-secrets`,
            {
                keyRing: ring.id,
                purpose: "ENCRYPT_DECRYPT",
                rotationPeriod: SECRETS_KEY_ROTATION_PERIOD,
                labels: settings.labels,
            },
            { parent },
        );
        keyId = key.id;
    }
    const project = gcp.organizations.getProjectOutput({ projectId: settings.project }, { parent });
    const grant = new gcp.kms.CryptoKeyIAMMember(
        `${settings.base}-secrets-gke-agent`,
        {
            cryptoKeyId: keyId,
            role: SECRETS_KEY_ROLE,
            member: project.number.apply(gkeServiceAgentMember),
        },
        { parent },
    );
    return { keyId, dependencies: [grant] };
}
