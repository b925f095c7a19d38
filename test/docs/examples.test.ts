import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const root = path.resolve(__dirname, "..", "..");

/** The Markdown files `npm pack` ships, as the packer lists them (README.md and docs/). */
function packedMarkdown(): string[] {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" });
    return (JSON.parse(out)[0].files as { path: string }[])
        .map((f) => f.path)
        .filter((p) => p.endsWith(".md"))
        .sort();
}

interface Example {
    file: string;
    line: number;
    code: string;
}

/** Every ```ts / ```typescript block of `file`, with the line it starts on. */
function examplesOf(file: string): Example[] {
    const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n");
    const examples: Example[] = [];
    for (let i = 0; i < lines.length; i++) {
        if (/^\s*```(ts|typescript)\s*$/.test(lines[i])) {
            const start = i + 1;
            const indent = /^\s*/.exec(lines[i])![0].length;
            while (++i < lines.length && !/^\s*```\s*$/.test(lines[i])) {
                /* to the closing fence */
            }
            examples.push({
                file,
                line: start + 1,
                code: lines
                    .slice(start, i)
                    .map((l) => l.slice(indent))
                    .join("\n"),
            });
        }
    }
    return examples;
}

/**
 * Type-checks each example as its own module placed at the repository root (so `./policy/...`
 * resolves as the docs write it), with `flexplane` and `flexplane/*` mapped to the sources, under
 * the compiler options of a `pulumi new typescript` project (strict).
 */
function diagnosticsOf(examples: Example[]): string[] {
    const virtual = new Map(examples.map((e, i) => [path.join(root, `__docs_example_${i}.ts`), e]));
    const options: ts.CompilerOptions = {
        strict: true,
        target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        types: ["node", "mocha"],
        baseUrl: root,
        paths: { flexplane: ["components/index.ts"], "flexplane/*": ["components/*/index.ts"] },
    };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.fileExists = (f) => virtual.has(f) || ts.sys.fileExists(f);
    host.readFile = (f) => virtual.get(f)?.code ?? readFile(f);
    host.getSourceFile = (f, language, onError) => {
        const example = virtual.get(f);
        return example ? ts.createSourceFile(f, example.code, language, true) : getSourceFile(f, language, onError);
    };
    const program = ts.createProgram([...virtual.keys()], options, host);
    return ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file && virtual.has(d.file.fileName))
        .map((d) => {
            const example = virtual.get(d.file!.fileName)!;
            const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
            return `${example.file}:${example.line + line}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
        });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
    const text = fs.readFileSync(path.join(root, file), "utf8").replace(/```[\s\S]*?```/g, "");
    return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1])));
}

/** An example that must fail: the compile check is not vacuous. */
const PROBE: Example = { file: "probe.md", line: 1, code: 'import { EksCluster } from "flexplane/aws";\nnew EksCluster("x", {});' };

describe("documentation", function () {
    this.timeout(180_000);
    const files = packedMarkdown();
    const examples = files.flatMap(examplesOf);
    let diagnostics: string[] = [];
    before(() => {
        diagnostics = diagnosticsOf([...examples, PROBE]);
    });

    it("ships README.md and every page under docs/", () => {
        assert.ok(files.includes("README.md"));
        const pages = fs
            .readdirSync(path.join(root, "docs"))
            .filter((f) => f.endsWith(".md"))
            .map((f) => `docs/${f}`);
        assert.deepEqual(
            files.filter((f) => f.startsWith("docs/")),
            pages.sort(),
        );
    });

    it("every TypeScript example compiles as written", () => {
        assert.ok(examples.length >= 8, `found only ${examples.length} examples`);
        assert.deepEqual(
            diagnostics.filter((d) => !d.startsWith("probe.md:")),
            [],
        );
    });

    it("every relative link inside the packed docs reaches a packed file and heading", () => {
        const broken: string[] = [];
        for (const file of files) {
            const text = fs.readFileSync(path.join(root, file), "utf8").replace(/```[\s\S]*?```/g, "");
            for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
                if (/^[a-z]+:/i.test(target)) {
                    continue;
                }
                const [targetPath, anchor] = target.split("#");
                const resolved = targetPath ? path.posix.normalize(path.posix.join(path.posix.dirname(file), targetPath)) : file;
                if (!files.includes(resolved)) {
                    broken.push(`${file}: ${target} (${resolved} is not in the package)`);
                } else if (anchor && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor)) {
                    broken.push(`${file}: ${target} (no heading #${anchor} in ${resolved})`);
                }
            }
        }
        assert.deepEqual(broken, []);
    });

    it("the checks catch what they claim to", () => {
        assert.match(diagnostics.filter((d) => d.startsWith("probe.md:")).join("\n"), /probe\.md:2: TS2345 [\s\S]*secretsManager/);
        assert.equal(anchorOf("Inputs and outputs"), "inputs-and-outputs");
        assert.equal(anchorOf("The stack program (`cloud: aws`)"), "the-stack-program-cloud-aws");
    });
});
