import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as ts from "typescript";
import {
    AIRBYTE_DATAPLANE_TOKEN,
    AIRBYTE_REGION_TOKEN,
    airbyteResourceSchema,
    SchemaObjectType,
    SchemaProperty,
} from "../../plugin/airbyte-schema";

const AIRBYTE_DIR = path.join(__dirname, "..", "..", "components", "airbyte");

/** What the TypeScript declares for one property: whether it may be left out, and its declared type's text. */
interface DeclaredProperty {
    optional: boolean;
    typeText: string;
    /** The interface a nested argument refers to, e.g. `AirbyteApplicationArgs`. */
    reference?: string;
}

/** Reads the Airbyte modules with the TypeScript compiler, as the plugin's component analyzer does. */
function declarations() {
    const files = ["region.ts", "dataplane.ts", "resource-common.ts"].map((f) => path.join(AIRBYTE_DIR, f));
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
    return (name: string): Map<string, DeclaredProperty> => {
        const symbol = exported.get(name);
        assert.ok(symbol, `${name} is exported by components/airbyte/region.ts, dataplane.ts or resource-common.ts`);
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
            });
        }
        return properties;
    };
}

/** The token name of a `$ref` (`#/types/flexplane:index:AirbyteApplication` -> `AirbyteApplication`). */
const refName = (property: SchemaProperty) => property.$ref?.split(":").pop();

/** Asserts the schema `properties` and `required` say what the TypeScript declares for `name`, nested types included. */
function assertMatches(
    what: string,
    declared: Map<string, DeclaredProperty>,
    properties: Record<string, SchemaProperty>,
    required: string[],
    lookup: (name: string) => Map<string, DeclaredProperty>,
): void {
    assert.deepEqual(Object.keys(properties).sort(), [...declared.keys()].sort(), `${what}: property names`);
    const mandatory = [...declared].filter(([, d]) => !d.optional && !d.typeText.includes("undefined")).map(([name]) => name);
    assert.deepEqual([...required].sort(), mandatory.sort(), `${what}: required properties`);
    for (const [name, property] of Object.entries(properties)) {
        const d = declared.get(name)!;
        if (property.$ref) {
            assert.equal(
                d.reference,
                `${refName(property)}Args`,
                `${what}.${name}: the schema type is named after the TypeScript interface`,
            );
            const type: SchemaObjectType | undefined = airbyteResourceSchema.types[property.$ref.replace("#/types/", "")];
            assert.ok(type, `${what}.${name}: ${property.$ref} is defined in types`);
            assertMatches(`${what}.${name}`, lookup(d.reference!), type.properties, type.required, lookup);
        } else {
            assert.match(d.typeText, new RegExp(`<${property.type}( \\| undefined)?>`), `${what}.${name}: ${property.type}`);
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
    ] as const) {
        const resource = airbyteResourceSchema.resources[token];

        it(`${token}: inputs have the names, required-ness and types of ${args}`, () => {
            assertMatches(token, lookup(args), resource.inputProperties, resource.requiredInputs, lookup);
        });

        it(`${token}: outputs are the outputs ${resourceClass} declares`, () => {
            const declared = lookup(resourceClass);
            // An adopted data plane without importedCredentials has no credentials: the class types them
            // Output<string> for TypeScript callers, the schema says honestly that they may be absent.
            const mayBeAbsent = token === AIRBYTE_DATAPLANE_TOKEN ? ["clientId", "clientSecret"] : [];
            for (const name of mayBeAbsent) {
                declared.set(name, { ...declared.get(name)!, optional: true });
            }
            assertMatches(token, declared, resource.properties, resource.required, lookup);
        });
    }

    it("marks every credential secret: application, imported and the data plane's own", () => {
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
        for (const type of Object.values(airbyteResourceSchema.types)) {
            assert.deepEqual(secretPaths(type.properties), ["clientId", "clientSecret"]);
        }
    });
});
