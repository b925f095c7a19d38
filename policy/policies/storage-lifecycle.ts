import { JOB_LOG_PREFIX } from "../../components/shared/types";
import { resourcePolicy, stackPolicy } from "./define";
import { targetBuckets } from "./storage";
import { T } from "./tokens";
import { at, isUnknown } from "./values";

const LIFECYCLES: string[] = [T.s3Lifecycle, T.s3LifecycleV2];
const LOGGINGS: string[] = [T.s3Logging, T.s3LoggingV2];
const BUCKETS: string[] = [T.s3Bucket, T.s3BucketV2];

const WHY =
    "one bucket holds job logs, state and workload output (airbytehq/airbyte-platform StorageClient.kt); deleting state makes " +
    "syncs start over or fail";

/** Whether every prefix is under the job logs' prefix. */
function jobLogsOnly(prefixes: unknown[]): boolean {
    return prefixes.length > 0 && prefixes.every((p) => isUnknown(p) || (typeof p === "string" && p.startsWith(JOB_LOG_PREFIX)));
}

/** The filter prefix of an S3 lifecycle rule, in any of the provider's spellings. */
function s3RulePrefixes(rule: any): unknown[] {
    const candidates = [at(rule, "filter.prefix"), at(rule, "filter.and.prefix"), at(rule, "prefix")];
    return candidates.filter((p) => p !== undefined && p !== null && p !== "");
}

/** Lifecycle rules delete job logs only. */
export const lifecycleDeletesJobLogsOnly = resourcePolicy({
    name: "lifecycle-deletes-job-logs-only",
    description: `Lifecycle rules of log buckets expire only job logs (${JOB_LOG_PREFIX}), never state or workload output.`,
    enforcementLevel: "mandatory",
    remediationSteps:
        `S3: give every rule with expiration a filter prefix under ${JOB_LOG_PREFIX}. GCS: give every Delete rule ` +
        `condition.matchesPrefixes under ${JOB_LOG_PREFIX}.`,
    checks: Object.fromEntries([
        ...LIFECYCLES.map((type) => [
            type,
            ({ props, report }: any) => {
                const rules = Array.isArray(props.rules) ? props.rules : [];
                rules.forEach((rule: any, i: number) => {
                    const expires = rule?.expiration !== undefined || rule?.noncurrentVersionExpiration !== undefined;
                    if (!isUnknown(rule) && expires && rule?.status !== "Disabled" && !jobLogsOnly(s3RulePrefixes(rule))) {
                        report(
                            `\`rules[${i}]\` (${rule?.id ?? "unnamed"}) expires objects outside ${JOB_LOG_PREFIX}: ${WHY}. Filter it to prefix ${JOB_LOG_PREFIX}.`,
                        );
                    }
                });
            },
        ]),
        [
            T.gcsBucket,
            ({ props, report }: any) => {
                const rules = Array.isArray(props.lifecycleRules) ? props.lifecycleRules : [];
                rules.forEach((rule: any, i: number) => {
                    const prefixes = at(rule, "condition.matchesPrefixes");
                    if (isUnknown(rule) || at(rule, "action.type") !== "Delete" || isUnknown(prefixes)) {
                        return;
                    }
                    if (!jobLogsOnly(Array.isArray(prefixes) ? prefixes : [])) {
                        report(
                            `\`lifecycleRules[${i}]\` deletes objects outside ${JOB_LOG_PREFIX}: ${WHY}. Set condition.matchesPrefixes to ["${JOB_LOG_PREFIX}"].`,
                        );
                    }
                });
            },
        ],
    ]),
});

/** S3 buckets keep server access logs (advisory: it needs a bucket of the user's for them). */
export const s3AccessLogged = stackPolicy({
    name: "s3-access-logging",
    description: "S3 buckets send server access logs to another bucket.",
    enforcementLevel: "advisory",
    remediationSteps:
        "Add an aws.s3.BucketLogging for the bucket (EksCluster: logBucket.accessLogs), targeting a bucket that collects access logs.",
    appliesTo: BUCKETS,
    validate: ({ resources, report }) => {
        const logged = new Set<string>();
        let unattributed = false;
        for (const r of resources.filter((x) => LOGGINGS.includes(x.type))) {
            const targets = targetBuckets(r, resources);
            targets?.forEach((b) => logged.add(b.urn));
            unattributed ||= targets === undefined;
            // The bucket that receives access logs needs none of its own (AWSGuard's s3-bucket-logging-enabled exempts it too).
            const receiver = resources.filter(
                (b) =>
                    BUCKETS.includes(b.type) &&
                    ((r.propertyDependencies.targetBucket ?? []).includes(b.urn) ||
                        [b.props.bucket, b.props.id].includes(r.props.targetBucket)),
            );
            receiver.forEach((b) => logged.add(b.urn));
        }
        for (const bucket of resources.filter((r) => BUCKETS.includes(r.type))) {
            const inline = bucket.props.loggings ?? bucket.props.logging;
            const inlineOn = inline !== undefined && inline !== null && !(Array.isArray(inline) && inline.length === 0);
            if (!logged.has(bucket.urn) && !unattributed && !inlineOn) {
                report(
                    `S3 bucket "${bucket.name}" keeps no server access logs: who read or changed job logs and state cannot be told later. ` +
                        "Add a BucketLogging (EksCluster: logBucket.accessLogs) to a bucket that collects access logs.",
                    bucket.urn,
                );
            }
        }
    },
});
