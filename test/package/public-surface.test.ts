import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/**
 * Every entry point exports exactly what docs/packaging.md lists under "Public surface": the components,
 * their argument types and the documented helpers. Anything else is internal and may change without notice.
 */
const root = path.resolve(__dirname, "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

/** `flexplane/aws` -> `components/aws/index.ts`, from the package's `exports` map. */
function entryPoints(): Map<string, string> {
    const entries = new Map<string, string>();
    for (const [subpath, target] of Object.entries<any>(pkg.exports)) {
        if (typeof target === "object" && typeof target.default === "string") {
            const source = target.default.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts");
            entries.set(subpath === "." ? "flexplane" : `flexplane/${subpath.slice(2)}`, path.join(root, source));
        }
    }
    return entries;
}

/** The names an entry point exports (values and types), as the TypeScript checker sees them. */
function exportedNames(files: string[]): Map<string, string[]> {
    const program = ts.createProgram(files, {
        skipLibCheck: true,
        noEmit: true,
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        strict: true,
    });
    const checker = program.getTypeChecker();
    const out = new Map<string, string[]>();
    for (const file of files) {
        const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
        out.set(
            file,
            checker
                .getExportsOfModule(symbol)
                .map((s) => s.getName())
                .sort(),
        );
    }
    return out;
}

/** The names docs/packaging.md lists for each entry point: first-column backticked names under `### \`<entry>\``. */
function documentedNames(): Map<string, string[]> {
    const text = fs.readFileSync(path.join(root, "docs", "packaging.md"), "utf8");
    const start = text.indexOf("## Public surface");
    const end = text.indexOf("\n## ", start + 1);
    const surface = text.slice(start, end < 0 ? undefined : end);
    const out = new Map<string, string[]>();
    for (const section of surface.split(/^### /m).slice(1)) {
        const entry = /^`([^`]+)`/.exec(section)?.[1];
        if (!entry) {
            continue;
        }
        const names = [...section.matchAll(/^\| ((?:`[A-Za-z0-9_]+`(?:, )?)+) \|/gm)].flatMap((m) =>
            [...m[1].matchAll(/`([A-Za-z0-9_]+)`/g)].map((n) => n[1]),
        );
        out.set(entry, names.sort());
    }
    return out;
}

describe("public surface", () => {
    const entries = entryPoints();
    const exported = exportedNames([...entries.values()]);
    const documented = documentedNames();

    it("docs/packaging.md has a section for every entry point of package.json and no other", () => {
        assert.deepEqual([...documented.keys()].sort(), [...entries.keys()].sort());
    });

    for (const [entry, file] of entries) {
        it(`${entry} exports exactly what docs/packaging.md lists`, () => {
            assert.deepEqual(exported.get(file), documented.get(entry) ?? [], `${entry}: export or document the difference`);
        });
    }
});
