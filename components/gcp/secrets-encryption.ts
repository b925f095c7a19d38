import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { GKE_DEFAULTS } from "./args";
import type { GkeSettings } from "./validation";

/** What GKE's service agent needs on the key to encrypt and decrypt Secrets. */
export const SECRETS_KEY_ROLE = "roles/cloudkms.cryptoKeyEncrypterDecrypter";

/** The GKE service agent of a project, as an IAM member: it is what calls Cloud KMS for the cluster. */
export function gkeServiceAgentMember(projectNumber: string): string {
    return `serviceAccount:service-${projectNumber}@container-engine-robot.iam.gserviceaccount.com`;
}

/** The key that encrypts the cluster's Secrets, and the grant the cluster must wait for. */
export interface SecretsEncryptionKey {
    keyName: pulumi.Output<string>;
    dependencies: pulumi.Resource[];
}

/**
 * The Cloud KMS key for application-layer Secrets encryption: the caller's, or a new key ring and
 * key in the cluster's region rotated every 90 days (key rings cannot be deleted in GCP, so both
 * are auto-named). Either way the project's GKE service agent gets `roles/cloudkms.cryptoKeyEncrypterDecrypter`
 * on the key before the cluster is created: without it GKE refuses to create the cluster.
 */
export function createSecretsEncryptionKey(settings: GkeSettings, parent: pulumi.Resource): SecretsEncryptionKey {
    let keyName: pulumi.Output<string>;
    if (settings.secretsEncryptionKeyName) {
        keyName = pulumi.output(settings.secretsEncryptionKeyName);
    } else {
        const ring = new gcp.kms.KeyRing(`${settings.base}-secrets`, { project: settings.project, location: settings.region }, { parent });
        const key = new gcp.kms.CryptoKey(`${settings.base}-secrets`, {
            keyRing: ring.id,
            purpose: "ENCRYPT_DECRYPT",
            rotationPeriod: GKE_DEFAULTS.secretsKeyRotationPeriod,
            labels: settings.labels,
        }, { parent });
        keyName = key.id;
    }
    const project = gcp.organizations.getProjectOutput({ projectId: settings.project }, { parent });
    const grant = new gcp.kms.CryptoKeyIAMMember(`${settings.base}-secrets-gke-agent`, {
        cryptoKeyId: keyName,
        role: SECRETS_KEY_ROLE,
        member: project.number.apply(gkeServiceAgentMember),
    }, { parent });
    return { keyName, dependencies: [grant] };
}
