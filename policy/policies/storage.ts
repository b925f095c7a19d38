import { resourcePolicy, StackResource, stackPolicy } from "./define";
import { T } from "./tokens";
import { at, flag, isUnknown, knownString, UNKNOWN } from "./values";

const BUCKETS: string[] = [T.s3Bucket, T.s3BucketV2];
const ENCRYPTIONS: string[] = [T.s3Encryption, T.s3EncryptionV2];
const SSE_ALGORITHMS = ["AES256", "aws:kms", "aws:kms:dsse"];
const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

/**
 * The buckets a per-bucket resource (public access block, encryption, policy) applies to: by the
 * engine's property dependency when there is one (a new bucket's name is unknown during preview),
 * else by bucket name or ARN. `undefined` when it cannot be told, so that no bucket is blamed.
 */
export function targetBuckets(r: StackResource, all: StackResource[]): StackResource[] | undefined {
    const buckets = all.filter((b) => BUCKETS.includes(b.type));
    const viaDependency = buckets.filter((b) => (r.propertyDependencies.bucket ?? []).includes(b.urn));
    if (viaDependency.length > 0) {
        return viaDependency;
    }
    const ref = knownString(r.props.bucket)?.replace(/^arn:aws[\w-]*:s3:::/, "");
    const byName = ref ? buckets.filter((b) => [b.props.bucket, b.props.id, b.urn].includes(ref)) : [];
    return byName.length > 0 ? byName : undefined;
}

/** Whether an S3 bucket policy denies every request made without TLS; `UNKNOWN` when the document is not known yet. */
export function deniesInsecureTransport(policy: unknown): boolean | typeof UNKNOWN {
    let doc: any = policy;
    if (isUnknown(doc)) {
        return UNKNOWN;
    }
    if (typeof doc === "string") {
        try {
            doc = JSON.parse(doc);
        } catch {
            return false;
        }
    }
    const statements = doc?.Statement === undefined ? [] : [doc.Statement].flat();
    return statements.some((s: any) => {
        if (isUnknown(s)) {
            return true;
        }
        const actions = [s?.Action].flat();
        const condition = Object.entries<any>(s?.Condition ?? {}).filter(([op]) => /^bool(ifexists)?$/i.test(op));
        const insecure = condition.some(([, keys]) =>
            Object.entries<any>(keys ?? {}).some(
                ([key, v]) => key.toLowerCase() === "aws:securetransport" && [v].flat().some((x) => String(x) === "false"),
            ),
        );
        return s?.Effect === "Deny" && insecure && actions.some((a) => a === "s3:*" || a === "*" || isUnknown(a));
    });
}

type Protection = "public access block" | "default encryption" | "TLS-only bucket policy";

const FIX: Record<Protection, string> = {
    "public access block": "add a BucketPublicAccessBlock with all four flags true",
    "default encryption": "add a BucketServerSideEncryptionConfiguration (AES256 or aws:kms)",
    "TLS-only bucket policy": 'add a BucketPolicy with a Deny of "s3:*" for every principal when "aws:SecureTransport" is "false"',
};

/** S3 log buckets: public access blocked, encrypted by default, TLS enforced, linked bucket by bucket. */
export const s3LogBucketsProtected = stackPolicy({
    name: "s3-log-buckets-protected",
    description: "S3 buckets block public access, have default encryption and deny requests without TLS.",
    enforcementLevel: "mandatory",
    remediationSteps: `For each bucket: ${Object.values(FIX).join("; ")}.`,
    appliesTo: BUCKETS,
    validate: ({ resources, report }) => {
        const covered = new Map<Protection, Set<string>>();
        const unattributed = new Set<Protection>();
        const cover = (kind: Protection, r: StackResource) => {
            const targets = targetBuckets(r, resources);
            if (!targets) {
                unattributed.add(kind);
            }
            targets?.forEach((b) => covered.set(kind, (covered.get(kind) ?? new Set()).add(b.urn)));
        };
        for (const r of resources) {
            if (r.type === T.s3PublicAccessBlock) {
                const open = PUBLIC_ACCESS_FLAGS.filter((f) => flag(r.props[f]) !== true && !isUnknown(r.props[f]));
                if (open.length > 0) {
                    report(
                        `BucketPublicAccessBlock "${r.name}" leaves ${open.join(", ")} unset or false: set all four to true so the log bucket can never become public.`,
                        r.urn,
                    );
                }
                cover("public access block", r);
            } else if (ENCRYPTIONS.includes(r.type)) {
                if (!encrypts(r.props.rules)) {
                    report(
                        `${r.type.split(":").pop()} "${r.name}" has no rule with applyServerSideEncryptionByDefault.sseAlgorithm: use AES256 or aws:kms.`,
                        r.urn,
                    );
                }
                cover("default encryption", r);
            } else if (r.type === T.s3BucketPolicy) {
                if (deniesInsecureTransport(r.props.policy) === false) {
                    report(`BucketPolicy "${r.name}" does not deny requests without TLS: ${FIX["TLS-only bucket policy"]}.`, r.urn);
                }
                cover("TLS-only bucket policy", r);
            }
        }
        for (const bucket of resources.filter((r) => BUCKETS.includes(r.type))) {
            // Settings inline on the bucket count too (deprecated inputs, but still honored).
            const inline: Record<Protection, boolean> = {
                "public access block": false,
                "default encryption":
                    isUnknown(bucket.props.serverSideEncryptionConfiguration) ||
                    encrypts([at(bucket.props, "serverSideEncryptionConfiguration.rule")]),
                "TLS-only bucket policy": bucket.props.policy !== undefined && deniesInsecureTransport(bucket.props.policy) !== false,
            };
            const missing = (Object.keys(FIX) as Protection[]).filter(
                (kind) => !inline[kind] && !unattributed.has(kind) && !covered.get(kind)?.has(bucket.urn),
            );
            if (missing.length > 0) {
                report(
                    `S3 bucket "${bucket.name}" has no ${missing.join(", no ")}: ${missing.map((k) => FIX[k]).join("; ")}. ` +
                        "Connector logs and state in it may hold customer data.",
                    bucket.urn,
                );
            }
        }
    },
});

function encrypts(rules: unknown): boolean {
    if (isUnknown(rules)) {
        return true;
    }
    return (
        Array.isArray(rules) &&
        rules.some((rule) => {
            const algorithm = at(rule, "applyServerSideEncryptionByDefault.sseAlgorithm");
            return isUnknown(algorithm) || SSE_ALGORITHMS.includes(algorithm);
        })
    );
}

/** GCS log buckets: no ACLs, public access prevented. GCS always encrypts at rest and serves only TLS. */
export const gcsLogBucketsPrivate = resourcePolicy({
    name: "gcs-log-buckets-private",
    description: "GCS buckets use uniform bucket-level access and enforce public access prevention.",
    enforcementLevel: "mandatory",
    remediationSteps: 'Set uniformBucketLevelAccess: true and publicAccessPrevention: "enforced" on the bucket.',
    checks: {
        [T.gcsBucket]: ({ props, report }) => {
            if (flag(props.uniformBucketLevelAccess) === false || props.uniformBucketLevelAccess === undefined) {
                report("`uniformBucketLevelAccess` is not true, so object ACLs can grant public reads: set it to true.");
            }
            const prevention = props.publicAccessPrevention;
            if (prevention !== "enforced" && !isUnknown(prevention)) {
                report(
                    `\`publicAccessPrevention\` is ${prevention ? `"${prevention}"` : "not set"}: set it to "enforced" so the bucket can never be made public.`,
                );
            }
        },
    },
});

/** Azure log storage: HTTPS only with TLS 1.2 or newer, no anonymous blob access. Azure encrypts at rest always. */
export const azureLogStoragePrivate = resourcePolicy({
    name: "azure-log-storage-private",
    description: "Azure storage accounts accept HTTPS with TLS 1.2+ only and no container allows anonymous access.",
    enforcementLevel: "mandatory",
    remediationSteps:
        'StorageAccount: enableHttpsTrafficOnly true (the default), minimumTlsVersion "TLS1_2", ' +
        'allowBlobPublicAccess false. BlobContainer: publicAccess "None" or unset.',
    checks: {
        [T.azureStorageAccount]: ({ props, report }) => {
            if (flag(props.enableHttpsTrafficOnly) === false) {
                report("`enableHttpsTrafficOnly` is false, so the account accepts plain HTTP: remove it or set it to true.");
            }
            const tls = props.minimumTlsVersion;
            if (!isUnknown(tls) && tls !== "TLS1_2" && tls !== "TLS1_3") {
                report(`\`minimumTlsVersion\` is ${tls ? `"${tls}"` : "not set (Azure then accepts TLS 1.0)"}: set it to "TLS1_2".`);
            }
            if (flag(props.allowBlobPublicAccess) === true) {
                report("`allowBlobPublicAccess` is true, so containers may be opened to anonymous reads: set it to false.");
            }
        },
        [T.azureBlobContainer]: ({ props, report }) => {
            const access = props.publicAccess;
            if (access !== undefined && access !== null && access !== "None" && !isUnknown(access)) {
                report(`\`publicAccess\` is "${access}", which allows anonymous reads of connector logs: set it to "None" or remove it.`);
            }
        },
    },
});
