/**
 * The Python and YAML programs of docs/multi-language.md use only what the plugin's schema publishes:
 * every argument and nested field exists (in the language's spelling), every required argument is
 * given, every output read exists. They cannot run here (no Pulumi CLI), so this is what keeps them true.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { SCHEMA_PATH } from "../../plugin/provider";

const root = path.resolve(__dirname, "..", "..");
const doc = fs.readFileSync(path.join(root, "docs", "multi-language.md"), "utf8");
const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8"));

function blocks(language: string): string[] {
    const found = [...doc.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
    assert.ok(found.length > 0, `docs/multi-language.md has no ${language} program`);
    return found;
}
const block = (language: string) => blocks(language)[0];

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The schema type a property refers to (directly, or through an array's or map's items). */
function typeOf(property: any): any {
    const ref = property?.$ref ?? property?.items?.$ref ?? property?.additionalProperties?.$ref;
    return typeof ref === "string" && ref.startsWith("#/types/") ? schema.types[ref.slice("#/types/".length)] : undefined;
}

/** Checks a YAML value against a schema property: every key of an object type must be one of its properties. */
function checkValue(where: string, property: any, value: unknown): void {
    const type = typeOf(property);
    if (!type?.properties || value === null || typeof value !== "object") return;
    for (const item of Array.isArray(value) ? value : [value]) {
        for (const [key, nested] of Object.entries(item as object)) {
            assert.ok(key in type.properties, `${where}.${key} is not in the schema`);
            checkValue(`${where}.${key}`, type.properties[key], nested);
        }
    }
}

/** The text between the parenthesis at `open` and its match. */
function balanced(text: string, open: number): string {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if ("([{".includes(text[i])) depth++;
        if (")]}".includes(text[i]) && --depth === 0) return text.slice(open + 1, i);
    }
    throw new Error("unbalanced call in the Python program");
}

/** Every property name of every type reachable from `property`. */
function reachableNames(property: any, seen = new Set<any>()): Set<string> {
    const names = new Set<string>();
    const type = typeOf(property);
    if (!type?.properties || seen.has(type)) return names;
    seen.add(type);
    for (const [name, nested] of Object.entries<any>(type.properties)) {
        names.add(name);
        reachableNames(nested, seen).forEach((n) => names.add(n));
    }
    return names;
}

describe("docs/multi-language.md programs match the plugin's schema", () => {
    it("YAML: every flexplane resource's properties, required arguments and the outputs read", () => {
        const program = parse(block("yaml"));
        const flexplane = Object.entries<any>(program.resources).filter(([, r]) => String(r.type).startsWith("flexplane:"));
        assert.ok(flexplane.length >= 2);
        for (const [name, resource] of flexplane) {
            const published = schema.resources[resource.type];
            assert.ok(published, `${name}: ${resource.type} is not in the schema`);
            for (const required of published.requiredInputs) {
                assert.ok(required in resource.properties, `${name} lacks the required ${required}`);
            }
            for (const [key, value] of Object.entries(resource.properties)) {
                assert.ok(key in published.inputProperties, `${name}.${key} is not an argument of ${resource.type}`);
                checkValue(`${name}.${key}`, published.inputProperties[key], value);
            }
        }
        for (const [, resourceName, output] of block("yaml").matchAll(/\$\{(\w+)\.(\w+)\}/g)) {
            const resource = program.resources[resourceName];
            if (String(resource?.type).startsWith("flexplane:")) {
                assert.ok(output in schema.resources[resource.type].properties, `${resourceName}.${output} is not an output`);
            }
        }
    });

    for (const [index, program] of blocks("python").entries()) {
        it(`Python program ${index + 1}: every resource's keyword arguments, their nested keys and the outputs read`, () => {
            const variables = new Map<string, string>();
            let calls = 0;
            for (const call of program.matchAll(/(?:(\w+) = )?flexplane\.(\w+)\(/g)) {
                calls++;
                const token = `flexplane:index:${call[2]}`;
                const published = schema.resources[token];
                assert.ok(published, `${token} is not in the schema`);
                if (call[1]) variables.set(call[1], token);
                const body = balanced(program, call.index! + call[0].length - 1);
                const keywords = [...body.matchAll(/^ {4}(\w+)=/gm)].map((m) => m[1]).filter((k) => k !== "opts");
                for (const required of published.requiredInputs) {
                    assert.ok(keywords.map(camel).includes(required), `${call[2]} lacks the required ${required}`);
                }
                for (const keyword of keywords) {
                    const property = published.inputProperties[camel(keyword)];
                    assert.ok(property, `${call[2]}(${keyword}=...) is not an argument`);
                    const value = body.slice(body.indexOf(`${keyword}=`)).split(/\n {4}\w+=/)[0];
                    const allowed = reachableNames(property);
                    for (const [, key] of value.matchAll(/"([a-z_]+)":/g)) {
                        assert.ok(allowed.has(camel(key)), `${call[2]}.${keyword}: "${key}" is not a field`);
                    }
                }
            }
            assert.ok(calls >= 2);
            for (const [, variable, output] of program.matchAll(/\b(\w+)\.([a-z_]+)\b/g)) {
                const token = variables.get(variable);
                if (token) assert.ok(camel(output) in schema.resources[token].properties, `${variable}.${output} is not an output`);
            }
        });
    }
});
