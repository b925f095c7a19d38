/**
 * The plugin's schema, built the way Pulumi's plugin host builds it for a TypeScript component plugin
 * (pulumi/pulumi `sdk/nodejs/provider/experimental/provider.ts` `ComponentProvider.getSchema`: the
 * `Analyzer` over the plugin folder, then `generateSchema`), then finished with what the analyzer cannot
 * read from TypeScript: members tagged `@deprecated` (the TypeScript-only old names) are left out, and
 * members tagged `@secret` are marked `secret: true`, which makes every language's SDK send them as
 * secrets. `npm run plugin:schema` writes plugin/schema.json; test/plugin/schema.test.ts compares.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { generateSchema } from "@pulumi/pulumi/provider/experimental/schema";
import { airbyteResourceSchema } from "../../plugin/airbyte-schema";
import { PLUGIN_COMPONENTS, SCHEMA_PATH } from "../../plugin/provider";

export const PLUGIN_DIR = path.resolve(__dirname, "..", "..", "plugin");
/** The file the analyzer starts from (it follows that file's imports to the component classes). */
const ANALYZER_ENTRY = "components.js";
const PACKAGE_NAME = "flexplane";

type Json = any;

/** What one analysis found: the schema, and every `$ref` that leaves the package. */
export interface PluginSchema {
    schema: Json;
    externalReferences: string[];
}

/** The component class names the plugin serves (`flexplane:index:DataPlane` -> `DataPlane`). */
function componentNames(): string[] {
    return Object.keys(PLUGIN_COMPONENTS).map((token) => token.split(":")[2]);
}

/** Runs the analyzer and finishes the schema. Throws the analyzer's own error for a type it refuses. */
export function buildPluginSchema(pluginDir: string = PLUGIN_DIR): PluginSchema {
    // The plugin is the package: its schema carries the package's own version and description.
    const pkg = JSON.parse(fs.readFileSync(path.join(pluginDir, "..", "package.json"), "utf8"));
    const manifest = { name: PACKAGE_NAME, version: pkg.version, description: pkg.description, main: ANALYZER_ENTRY };
    const analyzer = new Analyzer(pluginDir, PACKAGE_NAME, manifest, new Set(componentNames()));
    const { components, typeDefinitions, dependencies } = analyzer.analyze();
    const schema = generateSchema(PACKAGE_NAME, pkg.version, pkg.description, components, typeDefinitions, dependencies);
    const program = (analyzer as unknown as { program: ts.Program }).program;
    applyTags(schema, memberTags(program));
    addCustomResources(schema, airbyteResourceSchema);
    pruneUnusedTypes(schema);
    return { schema, externalReferences: externalReferences(schema) };
}

/** `Interface.member` -> its JSDoc tag names, for every interface and class the program declares in this repository. */
function memberTags(program: ts.Program): Map<string, Set<string>> {
    const checker = program.getTypeChecker();
    const root = path.resolve(PLUGIN_DIR, "..");
    const tags = new Map<string, Set<string>>();
    for (const file of program.getSourceFiles()) {
        if (!file.fileName.startsWith(root) || file.fileName.includes("node_modules")) continue;
        file.forEachChild((node) => {
            if (!(ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) || !node.name) return;
            const owner = node.name.text;
            for (const member of checker.getTypeAtLocation(node).getProperties()) {
                const declaration = member.valueDeclaration ?? member.declarations?.[0];
                if (!declaration) continue;
                const names = ts.getJSDocTags(declaration).map((tag) => tag.tagName.text);
                if (names.length > 0) tags.set(`${owner}.${member.name}`, new Set(names));
            }
            // A component's inputs are its constructor's `args` interface.
            if (ts.isClassDeclaration(node)) {
                const args = node.members.find(ts.isConstructorDeclaration)?.parameters.find((p) => p.name.getText() === "args");
                if (args?.type) tags.set(`${owner}#args`, new Set([args.type.getText()]));
            }
        });
    }
    return tags;
}

function applyTags(schema: Json, tags: Map<string, Set<string>>): void {
    const finish = (owner: string, properties: Json, requiredList: string[] | undefined): void => {
        for (const name of Object.keys(properties ?? {})) {
            const memberTagNames = tags.get(`${owner}.${name}`);
            if (memberTagNames?.has("deprecated")) {
                delete properties[name];
                const at = requiredList?.indexOf(name) ?? -1;
                if (at >= 0) requiredList!.splice(at, 1);
            } else if (memberTagNames?.has("secret")) {
                properties[name].secret = true;
            }
        }
    };
    for (const [token, resource] of Object.entries<Json>(schema.resources)) {
        const className = token.split(":")[2];
        const argsName = [...(tags.get(`${className}#args`) ?? [])][0];
        finish(argsName, resource.inputProperties, resource.requiredInputs);
        finish(className, resource.properties, resource.required);
    }
    for (const [token, type] of Object.entries<Json>(schema.types)) {
        finish(token.split(":")[2], type.properties, type.required);
    }
}

/**
 * The Airbyte objects, which the plugin serves as custom resources (the analyzer reads components only):
 * their entries are written by hand in plugin/airbyte-schema.ts, which a test holds to their TypeScript
 * arguments. A type both describe must have the same properties; the analyzer's entry stays.
 */
export function addCustomResources(schema: Json, custom: { resources: Record<string, Json>; types: Record<string, Json> }): void {
    for (const [token, resource] of Object.entries(custom.resources)) {
        if (token in schema.resources) throw new Error(`${token} is both a component and a custom resource`);
        schema.resources[token] = resource;
    }
    for (const [token, type] of Object.entries(custom.types)) {
        const analyzed = schema.types[token];
        if (!analyzed) {
            schema.types[token] = type;
        } else if (Object.keys(analyzed.properties).sort().join() !== Object.keys(type.properties).sort().join()) {
            throw new Error(`${token}: the analyzer and plugin/airbyte-schema.ts disagree on its properties`);
        }
    }
}

/** Types only deprecated members used are no longer reachable; drop them. */
function pruneUnusedTypes(schema: Json): void {
    const reachable = new Set<string>();
    const visit = (value: Json): void => {
        if (Array.isArray(value)) return value.forEach(visit);
        if (!value || typeof value !== "object") return;
        const ref: unknown = value.$ref;
        if (typeof ref === "string" && ref.startsWith("#/types/")) {
            const token = ref.slice("#/types/".length);
            if (!reachable.has(token)) {
                reachable.add(token);
                visit(schema.types[token]);
            }
        }
        Object.values(value).forEach(visit);
    };
    visit(schema.resources);
    for (const token of Object.keys(schema.types)) {
        if (!reachable.has(token)) delete schema.types[token];
    }
}

/** Every `$ref` that is neither one of the package's own types nor one of Pulumi's built-in ones. */
export function externalReferences(schema: Json): string[] {
    const found = new Set<string>();
    const visit = (value: Json): void => {
        if (Array.isArray(value)) return value.forEach(visit);
        if (!value || typeof value !== "object") return;
        if (
            typeof value.$ref === "string" &&
            !value.$ref.startsWith(`#/types/${PACKAGE_NAME}:`) &&
            !value.$ref.startsWith("pulumi.json#/")
        ) {
            found.add(value.$ref);
        }
        Object.values(value).forEach(visit);
    };
    visit(schema);
    for (const dependency of schema.dependencies ?? []) found.add(`package ${dependency.name}@${dependency.version}`);
    return [...found].sort();
}

/** The schema as committed: two-space JSON with a final newline. */
export function schemaText(schema: Json): string {
    return `${JSON.stringify(schema, null, 2)}\n`;
}

if (require.main === module) {
    const { schema, externalReferences: external } = buildPluginSchema();
    if (external.length > 0) {
        console.error(`the schema refers outside the package: ${external.join(", ")}`);
        process.exit(1);
    }
    fs.writeFileSync(SCHEMA_PATH, schemaText(schema));
    console.log(
        `wrote ${path.relative(process.cwd(), SCHEMA_PATH)}: ${Object.keys(schema.resources).length} resources, ${Object.keys(schema.types).length} types`,
    );
}
