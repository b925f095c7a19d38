import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as ts from "typescript";
import { airbyteResourceSchema, SchemaObjectType, SchemaProperty } from "../../plugin/airbyte-schema";
import {
    AIRBYTE_CREDENTIAL_CHECK_TOKEN,
    AIRBYTE_DATAPLANE_TOKEN,
    AIRBYTE_HEALTH_CHECK_TOKEN,
    AIRBYTE_REGION_TOKEN,
    AIRBYTE_WORKSPACE_REGION_TOKEN,
} from "../../components/airbyte/kinds";

const AIRBYTE_DIR = path.join(__dirname, "..", "..", "components", "airbyte");

/** What the TypeScript declares for one property: whether it may be left out, and its declared type's text. */
interface DeclaredProperty {
    optional: boolean;
    typeText: string;
    /** The interface a nested argument refers to, e.g. `AirbyteApplicationArgs`. */
    reference?: string;
    /** Its JSDoc text, as Pulumi's component analyzer takes it for a description (tags left out). */
    doc: string;
}

/** The JSDoc text of `node`, joined as the analyzer joins it (`jsDoc.map((doc) => doc.comment).join("\n")`). */
function jsDocText(node: ts.Node): string {
    const docs = (node as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
    return docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "").join("\n");
}

/** Reads the Airbyte modules with the TypeScript compiler, as the plugin's component analyzer does. */
function declarations() {
    const files = ["region.ts", "dataplane.ts", "resource-common.ts", "credential-check.ts", "health-check.ts", "workspace.ts"].map((f) =>
        path.join(AIRBYTE_DIR, f),
    );
    const program = ts.createProgram(files, { skipLibCheck: true, noEmit: true, strict: true, esModuleInterop: true });
    const checker = program.getTypeChecker();
    const exported = new Map<string, ts.Symbol>();
    for (const file of files) {
        const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
        for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
            exported.set(symbol.getName(), symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
        }
    }
    /** The properties of the exported interface or class `name` (inherited ones included) declared in components/airbyte. */
    const lookup = (name: string): Map<string, DeclaredProperty> => {
        const symbol = exported.get(name);
        assert.ok(symbol, `${name} is exported by one of ${files.map((f) => path.basename(f)).join(", ")}`);
        const type = checker.getDeclaredTypeOfSymbol(symbol);
        const properties = new Map<string, DeclaredProperty>();
        for (const property of checker.getPropertiesOfType(type)) {
            const declaration = property.valueDeclaration as ts.PropertySignature | ts.PropertyDeclaration | undefined;
            if (!declaration?.type || !declaration.getSourceFile().fileName.startsWith(AIRBYTE_DIR.split(path.sep).join("/"))) {
                continue;
            }
            const typeNode = declaration.type;
            properties.set(property.getName(), {
                optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
                typeText: typeNode.getText(),
                reference: ts.isTypeReferenceNode(typeNode) && !typeNode.typeArguments ? typeNode.typeName.getText() : undefined,
                doc: jsDocText(declaration),
            });
        }
        return properties;
    };
    /** The JSDoc text of the exported interface `name` itself. */
    const docOf = (name: string): string => jsDocText(exported.get(name)!.declarations![0]);
    return Object.assign(lookup, { docOf });
}

/** The token name of a `$ref` (`#/types/flexplane:index:AirbyteApplicationArgs` -> `AirbyteApplicationArgs`). */
const refName = (property: SchemaProperty) => property.$ref?.split(":").pop();

/** The TypeScript type a schema type stands for (`integer` is a whole `number`). */
const TS_TYPES: Record<string, string> = { string: "string", boolean: "boolean", integer: "number" };

/**
 * Schema properties typed narrower than the TypeScript on purpose: a health check's `revision` takes a number too in
 * TypeScript (the release's revision), and the resource stores it as a string either way.
 */
const NARROWED: Record<string, string> = { [`${AIRBYTE_HEALTH_CHECK_TOKEN}.revision`]: "pulumi.Input<string | number | undefined>" };

/** Asserts the schema `properties` and `required` say what the TypeScript declares for `name`, nested types included. */
function assertMatches(
    what: string,
    declared: Map<string, DeclaredProperty>,
    properties: Record<string, SchemaProperty>,
    required: string[],
    lookup: ReturnType<typeof declarations>,
): void {
    assert.deepEqual(Object.keys(properties).sort(), [...declared.keys()].sort(), `${what}: property names`);
    const mandatory = [...declared].filter(([, d]) => !d.optional && !d.typeText.includes("undefined")).map(([name]) => name);
    assert.deepEqual([...required].sort(), mandatory.sort(), `${what}: required properties`);
    for (const [name, property] of Object.entries(properties)) {
        const d = declared.get(name)!;
        if (property.$ref) {
            // Pulumi's component analyzer names an interface's type `flexplane:index:<interface>`; the same token here
            // makes it the same type when the plugin merges these entries into the components' schema.
            assert.equal(refName(property), d.reference, `${what}.${name}: the schema type is named after the TypeScript interface`);
            const type: SchemaObjectType | undefined = airbyteResourceSchema.types[property.$ref.replace("#/types/", "")];
            assert.ok(type, `${what}.${name}: ${property.$ref} is defined in types`);
            assert.equal(type.description, lookup.docOf(d.reference!), `${property.$ref}: the interface's own description`);
            const fields = lookup(d.reference!);
            for (const [field, fieldProperty] of Object.entries(type.properties)) {
                assert.equal(fieldProperty.description, fields.get(field)?.doc, `${property.$ref}.${field}: the member's own description`);
            }
            assertMatches(`${what}.${name}`, fields, type.properties, type.required, lookup);
        } else if (NARROWED[`${what}.${name}`]) {
            assert.equal(d.typeText, NARROWED[`${what}.${name}`], `${what}.${name}: the TypeScript type the schema narrows`);
        } else {
            const tsType = TS_TYPES[property.type!];
            assert.match(
                d.typeText,
                new RegExp(`^(pulumi\\.(Input|Output)<)?${tsType}( \\| undefined)?>?$`),
                `${what}.${name}: ${property.type}`,
            );
        }
    }
}

describe("The plugin schema of the Airbyte resources follows the TypeScript API", function () {
    this.timeout(120_000);
    let lookup: ReturnType<typeof declarations>;
    before(() => {
        lookup = declarations();
    });

    for (const [token, args, resourceClass] of [
        [AIRBYTE_REGION_TOKEN, "AirbyteRegionArgs", "AirbyteRegion"],
        [AIRBYTE_DATAPLANE_TOKEN, "AirbyteDataplaneArgs", "AirbyteDataplane"],
        [AIRBYTE_CREDENTIAL_CHECK_TOKEN, "AirbyteDataplaneCredentialCheckArgs", "AirbyteDataplaneCredentialCheck"],
        [AIRBYTE_HEALTH_CHECK_TOKEN, "AirbyteDataplaneHealthCheckArgs", "AirbyteDataplaneHealthCheck"],
        [AIRBYTE_WORKSPACE_REGION_TOKEN, "AirbyteWorkspaceRegionArgs", "AirbyteWorkspaceRegion"],
    ] as const) {
        const resource = airbyteResourceSchema.resources[token];

        it(`${token}: inputs have the names, required-ness and types of ${args}`, () => {
            assertMatches(token, lookup(args), resource.inputProperties, resource.requiredInputs, lookup);
        });

        it(`${token}: outputs are the outputs ${resourceClass} declares`, () => {
            const declared = lookup(resourceClass);
            // An adopted data plane without importedCredentials has no credentials: the class types them
            // Output<string> for TypeScript callers, the schema says honestly that they may be absent.
            // A workspace found moved elsewhere on refresh loses its regionId until the next update moves it back.
            const mayBeAbsent: Record<string, string[]> = {
                [AIRBYTE_DATAPLANE_TOKEN]: ["clientId", "clientSecret"],
                [AIRBYTE_WORKSPACE_REGION_TOKEN]: ["regionId"],
            };
            for (const name of mayBeAbsent[token] ?? []) {
                declared.set(name, { ...declared.get(name)!, optional: true });
            }
            assertMatches(token, declared, resource.properties, resource.required, lookup);
        });
    }

    it("marks every credential secret: application, imported, checked and the data plane's own", () => {
        const secretPaths = (props: Record<string, SchemaProperty>) =>
            Object.entries(props)
                .filter(([, p]) => p.secret)
                .map(([name]) => name)
                .sort();
        const region = airbyteResourceSchema.resources[AIRBYTE_REGION_TOKEN];
        const dataplane = airbyteResourceSchema.resources[AIRBYTE_DATAPLANE_TOKEN];
        assert.deepEqual([secretPaths(region.inputProperties), secretPaths(region.properties)], [["application"], []]);
        assert.deepEqual(
            [secretPaths(dataplane.inputProperties), secretPaths(dataplane.properties)],
            [
                ["application", "importedCredentials"],
                ["clientId", "clientSecret"],
            ],
        );
        const inputsAndOutputs = (token: string) => {
            const resource = airbyteResourceSchema.resources[token];
            return [secretPaths(resource.inputProperties), secretPaths(resource.properties)];
        };
        assert.deepEqual(inputsAndOutputs(AIRBYTE_CREDENTIAL_CHECK_TOKEN), [["clientId", "clientSecret"], []]);
        assert.deepEqual(inputsAndOutputs(AIRBYTE_HEALTH_CHECK_TOKEN), [["application"], []]);
        assert.deepEqual(inputsAndOutputs(AIRBYTE_WORKSPACE_REGION_TOKEN), [["application"], []]);
        for (const type of Object.values(airbyteResourceSchema.types)) {
            assert.deepEqual(secretPaths(type.properties), ["clientId", "clientSecret"]);
        }
    });
});
