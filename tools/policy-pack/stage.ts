/**
 * The policy pack as `pulumi policy publish` must receive it. The CLI packs the pack's folder with
 * `npm pack` and uploads that tarball; Pulumi Cloud later installs the tarball's dependencies and runs
 * its `main` (pulumi/pulumi `pkg/backend/httpstate/policypack.go` `Publish`, `installRequiredPolicy`).
 * `policy/` imports shared rules from `components/`, outside that folder, so its own tarball would not
 * run. The stage is the pack compiled to JavaScript together with every module it imports (their
 * relative paths kept), `PulumiPolicy.yaml` for plain JavaScript, and a package.json whose
 * dependencies are the pack's own, checked against what the compiled code requires.
 *
 * `npm run policy:stage [-- <folder>]` (default `policy/dist`), then `pulumi policy publish <org>` in
 * that folder (docs/policy.md).
 */
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import * as ts from "typescript";
import { parse, stringify } from "yaml";

const ROOT = path.resolve(__dirname, "..", "..");
const POLICY = path.join(ROOT, "policy");

export interface StagedPack {
    dir: string;
    /** Files of the stage, relative to it. */
    files: string[];
    /** The package.json written. */
    manifest: { name: string; version: string; main: string; dependencies: Record<string, string> };
}

/** The package a bare `require` specifier names: `@scope/name` or `name`. */
function packageOf(specifier: string): string {
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Compiles policy/index.ts and everything it imports into `dir`; returns the emitted files. */
function compile(dir: string): string[] {
    const options: ts.CompilerOptions = {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        lib: ["lib.es2022.d.ts"],
        types: ["node"],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        resolveJsonModule: true,
        rootDir: ROOT,
        outDir: dir,
    };
    const program = ts.createProgram([path.join(POLICY, "index.ts")], options);
    const emitted: string[] = [];
    const result = program.emit(undefined, (file, text) => {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        emitted.push(path.relative(dir, file));
    });
    const problems = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
    if (problems.length > 0) {
        throw new Error(
            ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" }),
        );
    }
    return emitted.sort();
}

/** Stages the pack into `dir` (emptied first). */
export function stagePolicyPack(dir: string): StagedPack {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const files = compile(dir);
    const own = JSON.parse(fs.readFileSync(path.join(POLICY, "package.json"), "utf8"));
    const required = new Set<string>();
    for (const file of files.filter((f) => f.endsWith(".js"))) {
        for (const match of fs.readFileSync(path.join(dir, file), "utf8").matchAll(/\brequire\("([^".][^"]*)"\)/g)) {
            if (!builtinModules.includes(match[1].replace(/^node:/, ""))) {
                required.add(packageOf(match[1]));
            }
        }
    }
    const undeclared = [...required].filter((name) => own.dependencies?.[name] === undefined).sort();
    if (undeclared.length > 0) {
        throw new Error(
            `The policy pack's code requires ${undeclared.join(", ")}, which policy/package.json does not list in dependencies: ` +
                "Pulumi Cloud installs only those. Add them there.",
        );
    }
    const manifest = {
        name: own.name as string,
        version: own.version as string,
        description: own.description as string,
        main: "policy/index.js",
        dependencies: own.dependencies as Record<string, string>,
    };
    fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    const policyProject = parse(fs.readFileSync(path.join(POLICY, "PulumiPolicy.yaml"), "utf8"));
    // Compiled JavaScript: the Node.js host must not look for ts-node, which the published pack lacks.
    policyProject.runtime = { name: "nodejs", options: { typescript: false } };
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), stringify(policyProject));
    return { dir, files: [...files, "PulumiPolicy.yaml", "package.json"].sort(), manifest };
}

if (require.main === module) {
    const dir = path.resolve(process.argv[2] ?? path.join(POLICY, "dist"));
    const staged = stagePolicyPack(dir);
    process.stdout.write(
        `Staged ${staged.manifest.name} ${staged.manifest.version} (${staged.files.length} files) in ${dir}.\n` +
            `Publish it with: cd ${path.relative(process.cwd(), dir) || "."} && pulumi policy publish <organization>\n`,
    );
}
