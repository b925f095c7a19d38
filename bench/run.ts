// `npm run bench`: measures what docs/performance.md reports. Builds first (cold loads use dist/).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { root, series as measuredSeries, SeriesResult } from "./measure";

const runs = Number(process.env.BENCH_RUNS ?? 7);

function series(label: string, args: string[]): SeriesResult {
    return measuredSeries(label, args, runs);
}

function loadScript(modules: string[]): string[] {
    const requires = modules.map((m) => `require(${JSON.stringify(m)});`).join("");
    return ["-e", requires];
}

execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
const stacks = (process.env.BENCH_STACKS ?? "byo,aws-us-east-1,gcp-europe-west1,azure-westeurope").split(",");
for (const stack of stacks) {
    series(`plan ${stack}`, ["-r", "ts-node/register/transpile-only", "tools/plan/cli.ts", "--stack", stack]);
}
const kube = series("load @pulumi/kubernetes", loadScript(["@pulumi/kubernetes"]));
const core = series("load flexplane", loadScript(["./dist/components/index.js"]));
console.log(JSON.stringify({ flexplaneOverKubernetes: Number((core.medianSeconds / kube.medianSeconds).toFixed(3)) }));
const direct = series(
    "load @pulumi/aws + @pulumi/eks + @pulumi/kubernetes",
    loadScript(["@pulumi/aws", "@pulumi/eks", "@pulumi/kubernetes"]),
);
const aws = series("load flexplane/aws", loadScript(["./dist/components/aws/index.js"]));
console.log(JSON.stringify({ flexplaneAwsOverDirect: Number((aws.medianSeconds / direct.medianSeconds).toFixed(3)) }));

/** Installs a throwaway project and returns the size of its node_modules in MiB. */
function nodeModulesMiB(dependencies: Record<string, string>): number {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flexplane-bench-"));
    try {
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bench", private: true, dependencies }));
        execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
            cwd: dir,
            stdio: "inherit",
        });
        const kib = Number(execFileSync("du", ["-sk", "node_modules"], { cwd: dir, encoding: "utf8" }).split("\t")[0]);
        return Number((kib / 1024).toFixed(1));
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

if (process.env.BENCH_SIZE !== "0") {
    const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
    const pinned = (name: string) => lock.packages[`node_modules/${name}`].version as string;
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", os.tmpdir()], { cwd: root, encoding: "utf8" })
        .trim()
        .split("\n")
        .pop()!;
    const awsOnly = {
        "@pulumi/pulumi": pinned("@pulumi/pulumi"),
        "@pulumi/kubernetes": pinned("@pulumi/kubernetes"),
        "@pulumi/aws": pinned("@pulumi/aws"),
        "@pulumi/eks": pinned("@pulumi/eks"),
    };
    const eksAlone = nodeModulesMiB({ "@pulumi/eks": pinned("@pulumi/eks") });
    const consumer = nodeModulesMiB({
        ...awsOnly,
        "@pulumi/awsx": pinned("@pulumi/awsx"),
        flexplane: `file:${path.join(os.tmpdir(), tarball)}`,
    });
    console.log(
        JSON.stringify({
            label: "node_modules MiB",
            eksAlone,
            flexplaneAwsConsumer: consumer,
            ratio: Number((consumer / eksAlone).toFixed(2)),
        }),
    );
}
