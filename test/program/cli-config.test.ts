import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { CliProject, loadProject, mergeStackConfig, stackConfigOf } from "../../tools/pulumi-cli/config";
import { announcedSecrets, listStacks } from "../../tools/plan/stack-file";

const root = path.resolve(__dirname, "..", "..");

/** Loads a Pulumi.yaml text; fails the test on the CLI's refusal. */
function project(text: string): CliProject {
    const loaded = loadProject(parse(text));
    assert.deepEqual(loaded.errors, []);
    return loaded.project!;
}

/** The CLI's refusals of a stack file for a project, as `pulumi preview` would print them. */
function refusals(projectText: string, stackText: string, stack = "dev"): string[] {
    const p = project(projectText);
    return mergeStackConfig(stack, p, stackConfigOf(p.name, parse(stackText) ?? {})).errors.map((e) => e.message);
}

// Cases from pulumi/pulumi pkg/workspace/config_project_test.go (named after the Go tests), so the
// port is held to the CLI's own expectations.
describe("the Pulumi CLI's config rules (ported)", () => {
    it("TestStackConfigErrorsWhenMissing...: names every declared key without default or value, sorted", () => {
        const declared =
            "name: test\nruntime: nodejs\nconfig:\n  world:\n    type: string\n  hello:\n    type: integer\n  values:\n    type: array\n    items:\n      type: string\n";
        assert.deepEqual(refusals(declared, ""), ["Stack 'dev' is missing configuration values 'hello', 'values' and 'world'"]);
        assert.deepEqual(
            refusals("name: test\nruntime: nodejs\nconfig:\n  values:\n    type: array\n    items:\n      type: string\n", ""),
            ["Stack 'dev' is missing configuration value 'values'"],
        );
    });

    it("TestStackConfigDoesNotErrorWhenProjectHasNotDefinedConfig: undeclared stack keys pass", () => {
        assert.deepEqual(refusals("name: test\nruntime: nodejs\n", "config:\n  hello: 21\n  world: 42\n"), []);
    });

    it("TestStackConfigSecretIsCorrectlyValidated: a secret key must be encrypted", () => {
        const declared = "name: test\nruntime: nodejs\nconfig:\n  importantNumber:\n    type: integer\n    secret: true\n";
        assert.deepEqual(refusals(declared, "config:\n  test:importantNumber:\n    secure: AAABAKBz\n"), []);
        assert.deepEqual(refusals(declared, "config:\n  test:importantNumber: 20\n"), [
            "Stack 'dev' with configuration key 'importantNumber' must be encrypted as it's secret",
        ]);
    });

    it("refuses a secret key that falls back to its plain default: why Pulumi.yaml declares no secret keys", () => {
        const declared = "name: test\nruntime: nodejs\nconfig:\n  token:\n    type: string\n    secret: true\n    default: none\n";
        assert.deepEqual(refusals(declared, ""), ["Stack 'dev' with configuration key 'token' must be encrypted as it's secret"]);
    });

    it("TestStackConfigErrorsWhenStackValueIsNotCorrectlyTyped and ...IntegerType...: types are checked", () => {
        const list =
            "name: test\nruntime: nodejs\nconfig:\n  values:\n    type: array\n    items:\n      type: string\n    default: [value]\n";
        assert.deepEqual(refusals(list, "config:\n  test:values: someValue\n"), [
            "Stack 'dev' with configuration key 'values' must be of type 'array<string>'",
        ]);
        const integer = "name: test\nruntime: nodejs\nconfig:\n  importantNumber:\n    type: integer\n";
        assert.deepEqual(refusals(integer, "config:\n  test:importantNumber: 20\n"), []);
        assert.deepEqual(refusals(integer, "config:\n  test:importantNumber: hello\n"), [
            "Stack 'dev' with configuration key 'importantNumber' must be of type 'integer'",
        ]);
        const flag = "name: test\nruntime: nodejs\nconfig:\n  flag:\n    type: boolean\n    default: false\n";
        assert.deepEqual(refusals(flag, 'config:\n  test:flag: "true"\n'), []);
        assert.deepEqual(refusals(flag, "config:\n  test:flag: maybe\n"), [
            "Stack 'dev' with configuration key 'flag' must be of type 'boolean'",
        ]);
    });

    it("TestUntypedProjectConfigValuesAreNotValidated: a shorthand value is an untyped default", () => {
        const loaded = project("name: test\nruntime: nodejs\nconfig:\n  size: t3.micro\n  aws:region: us-east-1\n");
        assert.deepEqual(loaded.config, { size: { default: "t3.micro" }, "aws:region": { value: "us-east-1" } });
        const merged = mergeStackConfig("dev", loaded, stackConfigOf("test", {}));
        assert.equal(merged.config.get("test:size")!.text, "t3.micro");
        assert.equal(merged.config.get("aws:region")!.text, "us-east-1");
    });

    it("Project.Validate: the declarations the CLI refuses to load", () => {
        const errors = (text: string) => loadProject(parse(text)).errors;
        assert.match(
            errors("name: t\nconfig:\n  a:\n    type: array\n")[0],
            /declares an array but does not specify the underlying type via the 'items' attribute/,
        );
        assert.match(
            errors("name: t\nconfig:\n  a:\n    type: boolean\n    default: yes-please\n")[0],
            /default value specified for configuration key 'a' is not of the expected type 'boolean'/,
        );
        assert.match(
            errors("name: t\nconfig:\n  a:\n    default: 1\n    value: 2\n")[0],
            /cannot have both a 'default' and 'value' attribute/,
        );
        assert.match(
            errors("name: t\nconfig:\n  aws:region:\n    type: string\n")[0],
            /is not namespaced by the project and should not define a type/,
        );
        assert.match(
            errors("name: t\nconfig:\n  a:\n    type: map\n")[0],
            /config\.a\.type: must be one of string, integer, boolean, array, object/,
        );
        assert.match(
            errors("name: t\nconfig:\n  a:\n    type: string\n    required: true\n")[0],
            /additional property required is not allowed/,
        );
        // project.json: a shorthand value is an integer, not any number.
        assert.match(errors("name: t\nconfig:\n  a: 1.5\n")[0], /config\.a: must be a string, integer, boolean, array or type declaration/);
        assert.deepEqual(errors("name: t\nconfig:\n  a: 2\n"), []);
        // project.go ValidateProject 576-592: the name first, with the CLI's two messages.
        assert.deepEqual(errors("config:\n  a: 1.5\n"), ["project is missing a 'name' attribute"]);
        assert.deepEqual(errors("name: 3\n"), ["project is missing a non-empty string 'name' attribute"]);
        assert.deepEqual(errors("name: ''\n"), ["project is missing a non-empty string 'name' attribute"]);
    });

    it("holds a stack file's values as the CLI does: null is empty, secure leaves make an object secure", () => {
        const values = stackConfigOf("p", { config: { a: null, b: 3, c: { x: { secure: "v1:abc" } }, "other:d": [1] } });
        assert.deepEqual(values.get("p:a"), { text: "", secure: false, object: false });
        assert.deepEqual(values.get("p:b"), { text: "3", secure: false, object: false });
        assert.equal(values.get("p:c")!.secure, true);
        assert.equal(values.get("p:c")!.object, true);
        assert.deepEqual(values.get("other:d")!.text, "[1]");
    });
});

describe("Pulumi.yaml and the example stacks under the CLI's rules", () => {
    const projectFile = loadProject(parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")));

    it("Pulumi.yaml loads as the CLI loads it", () => {
        assert.deepEqual(projectFile.errors, []);
    });

    it("finds every example stack to check", () => {
        assert.ok(listStacks(path.join(root, "stacks")).length >= 8, `only ${listStacks(path.join(root, "stacks"))}`);
    });

    for (const stack of listStacks(path.join(root, "stacks"))) {
        it(`stacks/Pulumi.${stack}.yaml passes as committed and with its announced secrets set with --secret`, () => {
            const text = fs.readFileSync(path.join(root, "stacks", `Pulumi.${stack}.yaml`), "utf8");
            const values = stackConfigOf("flexplane", parse(text));
            assert.deepEqual(mergeStackConfig(stack, projectFile.project!, values).errors, []);
            for (const key of announcedSecrets(text)) {
                values.set(key, { text: "v1:ciphertext", secure: true, object: false });
            }
            assert.deepEqual(mergeStackConfig(stack, projectFile.project!, values).errors, []);
        });
    }
});
