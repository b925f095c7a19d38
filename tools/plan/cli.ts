// `npm run plan -- --stack <name> [--json]`: the offline plan of one stack (see README).
import { runPlan } from "./plan";
import { renderText } from "./render";

function parseArgs(argv: string[]): { stack: string; json: boolean } {
    let stack = "byo";
    let json = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--json") {
            json = true;
        } else if (arg === "--stack" || arg === "-s") {
            stack = argv[++i] ?? "";
        } else if (arg.startsWith("--stack=")) {
            stack = arg.slice("--stack=".length);
        } else {
            throw new Error(`Unknown argument "${arg}". Usage: npm run plan -- [--stack <name>] [--json]`);
        }
    }
    if (!stack) {
        throw new Error("--stack needs a stack name, e.g. --stack byo");
    }
    return { stack, json };
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    const plan = await runPlan({ stack: args.stack });
    const text = args.json
        ? JSON.stringify({ stack: plan.stack, resources: plan.resources, helmValues: plan.helmValues, outputs: plan.outputs, policyViolations: plan.policyViolations, warnings: plan.warnings, errors: plan.errors }, null, 2)
        : renderText(plan);
    process.stdout.write(`${text}\n`);
    process.exitCode = plan.errors.length > 0 ? 1 : 0;
}

main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
});
