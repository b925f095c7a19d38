import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { CONFIG_KEYS, configKey, declaredInProject, docsDefault, docsType, fullKey } from "../../program/config-keys";
import { announcedSecrets, listStacks } from "../../tools/plan/stack-file";

const root = path.resolve(__dirname, "..", "..");
const project = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));
const reference = fs.readFileSync(path.join(root, "docs", "configuration.md"), "utf8");
const providerKeys = /^(aws|gcp|azure-native|kubernetes):/;

/** Rows of the reference's key tables: key -> [type, default]. */
function documentedRows(): Map<string, [string, string]> {
    const rows = new Map<string, [string, string]>();
    for (const line of reference.split("\n")) {
        const cells = /^\| `(flexplane:[A-Za-z]+)` \| ([^|]+) \| ([^|]+) \|/.exec(line);
        if (cells) {
            rows.set(cells[1], [cells[2].trim(), cells[3].trim()]);
        }
    }
    return rows;
}

describe("the config key registry", () => {
    it("Pulumi.yaml declares exactly the registry's non-secret keys with a default, with their type, default and description", () => {
        const expected: Record<string, unknown> = {};
        for (const spec of CONFIG_KEYS.filter(declaredInProject)) {
            expected[spec.name] = {
                type: spec.type,
                ...(spec.type === "array" ? { items: { type: "string" } } : {}),
                default: spec.default,
                description: spec.description,
            };
        }
        assert.deepEqual(project.config, expected, "regenerate Pulumi.yaml's config block from program/config-keys.ts");
        assert.equal(project.stackConfigDir, "stacks");
    });

    it("no declared key is secret or required, so the CLI accepts any stack that omits it", () => {
        for (const spec of CONFIG_KEYS) {
            assert.ok(!(spec.secret && spec.default !== undefined), `${spec.name}: a secret key cannot have a default`);
            assert.ok(!(spec.required && spec.default !== undefined), `${spec.name}: a required key has no default`);
        }
    });

    it("docs/configuration.md has one row per key, with the registry's type and default, and no other key", () => {
        const rows = documentedRows();
        for (const spec of CONFIG_KEYS) {
            const row = rows.get(fullKey(spec.name));
            assert.ok(row, `docs/configuration.md has no row for ${fullKey(spec.name)}`);
            assert.deepEqual(row, [docsType(spec), docsDefault(spec)], `${fullKey(spec.name)}: type and default differ from the registry`);
        }
        for (const key of rows.keys()) {
            assert.ok(
                configKey(key.replace(/^flexplane:/, "")),
                `docs/configuration.md documents ${key}, which the registry does not know`,
            );
        }
    });

    it("marks every credential secret", () => {
        for (const spec of CONFIG_KEYS) {
            if (/Secret$|ClientId$|AccessKeyId|Json$|ConnectionString$|kubeconfig|ExternalId$/.test(spec.name)) {
                assert.equal(spec.secret, true, `${spec.name} holds a credential but is not secret`);
            }
        }
    });

    for (const stack of listStacks(path.join(root, "stacks"))) {
        it(`stacks/Pulumi.${stack}.yaml sets only registry and provider keys, and announces only secret keys`, () => {
            const text = fs.readFileSync(path.join(root, "stacks", `Pulumi.${stack}.yaml`), "utf8");
            for (const key of Object.keys(parse(text).config ?? {})) {
                assert.ok(providerKeys.test(key) || configKey(key.replace(/^flexplane:/, "")), `${stack}: ${key} is not in the registry`);
                assert.ok(!configKey(key.replace(/^flexplane:/, ""))?.secret, `${stack}: ${key} is a secret written in plain text`);
            }
            for (const key of announcedSecrets(text)) {
                assert.equal(configKey(key.replace(/^flexplane:/, ""))?.secret, true, `${stack}: # secret: ${key} is not a secret key`);
            }
        });
    }
});

describe("the README's Real use", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const block = /## Real use[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";

    it("sets, for each stack it inits, exactly the secrets that stack's file announces", () => {
        const secretsByStack = new Map<string, string[]>();
        let stack = "";
        for (const line of block.split("\n")) {
            const init = /^pulumi stack init (\S+)/.exec(line);
            if (init) {
                stack = init[1].split("/").pop()!;
                secretsByStack.set(stack, []);
            }
            const secret = /^pulumi config set --secret (\S+)/.exec(line);
            if (secret) {
                secretsByStack.get(stack)!.push(secret[1]);
            }
        }
        assert.deepEqual([...secretsByStack.keys()], ["org", "aws-us-east-1"]);
        for (const [name, secrets] of secretsByStack) {
            const text = fs.readFileSync(path.join(root, "stacks", `Pulumi.${name}.yaml`), "utf8");
            assert.deepEqual(secrets.sort(), announcedSecrets(text).sort(), `README's secrets for ${name}`);
        }
    });

    it("inits the org stack under the name the region stack reads, before it", () => {
        const region = parse(fs.readFileSync(path.join(root, "stacks", "Pulumi.aws-us-east-1.yaml"), "utf8")).config;
        const [organization, , stack] = String(region["flexplane:orgStack"]).split("/");
        assert.ok(block.indexOf(`pulumi stack init ${organization}/${stack}`) >= 0, block);
        assert.ok(block.indexOf(`pulumi stack init ${organization}/${stack}`) < block.indexOf("pulumi stack init acme/aws-us-east-1"));
    });
});
