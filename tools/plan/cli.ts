// `npm run plan -- --stack <name> [--json]`: the offline plan of one stack (see README).
import * as fs from "fs";
import * as path from "path";
import { runPlan } from "./plan";
import { renderText } from "./render";

interface CliArgs {
    stack: string;
    envDir?: string;
    json: boolean;
    writeFixture: boolean;
    policyConfig?: string;
}

const USAGE = "Usage: npm run plan -- [--stack <name>] [--json] [--write-fixture] [--policy-config <file>] [--env-dir <folder>]";

function parseArgs(argv: string[]): CliArgs {
    let stack = "byo";
    let policyConfig: string | undefined;
    let envDir: string | undefined;
    let json = false;
    let writeFixture = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--json") {
            json = true;
        } else if (arg === "--policy-config") {
            policyConfig = argv[++i] ?? "";
        } else if (arg === "--env-dir") {
            envDir = argv[++i] ?? "";
        } else if (arg === "--write-fixture") {
            writeFixture = true;
        } else if (arg === "--stack" || arg === "-s") {
            stack = argv[++i] ?? "";
        } else if (arg.startsWith("--stack=")) {
            stack = arg.slice("--stack=".length);
        } else {
            throw new Error(`Unknown argument "${arg}". ${USAGE}`);
        }
    }
    if (!stack) {
        throw new Error("--stack needs a stack name, e.g. --stack byo");
    }
    if (policyConfig === "") {
        throw new Error(`--policy-config needs a file, e.g. --policy-config policy/config.example.json. ${USAGE}`);
    }
    if (envDir === "") {
        throw new Error(`--env-dir needs a folder of environment definitions, e.g. --env-dir stacks/environments. ${USAGE}`);
    }
    return { stack, json, writeFixture, policyConfig, envDir };
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    const plan = await runPlan({ stack: args.stack, policyConfig: args.policyConfig, envDir: args.envDir });
    // --json is the whole result: everything the text shows, and every resource's inputs.
    const text = args.json ? JSON.stringify(plan, null, 2) : renderText(plan);
    process.stdout.write(`${text}\n`);
    process.exitCode = plan.errors.length > 0 ? 1 : 0;
    if (args.writeFixture && plan.errors.length === 0) {
        writeFixture(plan.stack, plan.outputs);
    }
}

/** Saves the stack's (redacted) outputs as the fixture other stacks' plans read; keeps its aliases. */
function writeFixture(stack: string, outputs: Record<string, unknown>): void {
    const file = path.resolve(__dirname, "..", "..", "stacks", "fixtures", `${stack}.json`);
    const names = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")).names as string[] | undefined) : undefined;
    fs.writeFileSync(file, `${JSON.stringify({ ...(names ? { names } : {}), outputs }, null, 2)}\n`);
    process.stderr.write(`wrote ${file}\n`);
}

main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
});
