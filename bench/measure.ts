// How every benchmark measures (docs/performance.md): a fresh `node` process per sample, one warm-up run
// first (so every sample is the same kind of cold process start with a warm file-system cache), the median
// wall time over `BENCH_RUNS` samples and the peak resident memory the process reports at exit
// (`process.resourceUsage().maxRSS`, via bench/report-rss.js).
import { spawnSync } from "child_process";
import * as path from "path";

export const root = path.resolve(__dirname, "..");

interface Sample {
    seconds: number;
    maxRssKiB: number;
}

export interface SeriesResult {
    label: string;
    medianSeconds: number;
    maxRssMiB: number;
}

function measure(args: string[]): Sample {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ["-r", path.join(root, "bench/report-rss.js"), ...args], { cwd: root, encoding: "utf8" });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const report = /@@bench (.*)/.exec(child.stderr)?.[1];
    if (child.status !== 0 || !report) {
        throw new Error(`measured command failed (${child.status}): node ${args.join(" ")}\n${child.stderr}`);
    }
    return { seconds, maxRssKiB: JSON.parse(report).maxRssKiB };
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/** Measures `node <args>` `runs` times after one warm-up, prints the result as one JSON line and returns it. */
export function series(label: string, args: string[], runs: number): SeriesResult {
    measure(args);
    const samples = Array.from({ length: runs }, () => measure(args));
    const result = {
        label,
        medianSeconds: Number(median(samples.map((s) => s.seconds)).toFixed(3)),
        maxRssMiB: Number((Math.max(...samples.map((s) => s.maxRssKiB)) / 1024).toFixed(1)),
    };
    console.log(JSON.stringify(result));
    return result;
}
