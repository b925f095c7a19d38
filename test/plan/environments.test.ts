/**
 * Stacks that import Pulumi ESC environments: the offline plan reads each environment's definition from
 * local files and merges its `pulumiConfig` under the stack's values as the CLI does
 * (tools/pulumi-cli/esc.ts and `mergeEnvironmentConfig` cite the sources).
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { EnvironmentReader, EnvSecret, EnvUnknown } from "../../tools/pulumi-cli/esc";
import { runPlan } from "../../tools/plan/plan";
import { renderText } from "../../tools/plan/render";

const testStacks = path.join(__dirname, "stacks");
const escStack = fs.readFileSync(path.join(testStacks, "Pulumi.esc-byo.yaml"), "utf8");

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A folder of environment definitions, `name -> YAML text`, removed after the tests. */
function envDir(definitions: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "esc-envs-"));
    made.push(dir);
    for (const [name, text] of Object.entries(definitions)) {
        fs.mkdirSync(path.dirname(path.join(dir, `${name}.yaml`)), { recursive: true });
        fs.writeFileSync(path.join(dir, `${name}.yaml`), text);
    }
    return dir;
}

/** The esc-byo stack with its config changed by `edit`. */
function escStackWith(edit: (document: Record<string, any>) => void): string {
    const document = parse(escStack);
    edit(document);
    return stringify(document);
}

describe("offline plan of a stack that imports ESC environments", () => {
    it("plans cleanly with the data plane's credentials and AWS keys from the environment, all of them secret", async () => {
        const plan = await runPlan({ stack: "esc-byo", stacksDir: testStacks });
        assert.deepEqual(plan.errors, []);
        const fromEnvironment = [
            "flexplane:dataPlaneClientId",
            "flexplane:dataPlaneClientSecret",
            "flexplane:secretsManagerAccessKeyId",
            "flexplane:secretsManagerSecretAccessKey",
            "flexplane:storageAccessKeyId",
            "flexplane:storageSecretAccessKey",
        ];
        assert.deepEqual(plan.environment, {
            imports: "flexplane/airbyte-dataplane-us",
            dir: path.join(testStacks, "environments"),
            keys: ["flexplane:byo", ...fromEnvironment],
        });
        assert.deepEqual([...plan.secretConfigKeys].sort(), fromEnvironment);
        const secret = plan.resources.find((r) => r.type === "kubernetes:core/v1:Secret")!;
        assert.equal(secret.inputs.stringData.DATAPLANE_CLIENT_SECRET, "[secret]");
        // No value from a definition's fn::secret reaches the plan, not even the plaintext ones.
        const everything = JSON.stringify(plan);
        assert.equal(everything.includes("AKIAIOSFODNN7EXAMPLE"), false);
        assert.equal(everything.includes("6f1c6a0e-0000-4000-8000-000000000001"), false);
        assert.match(
            renderText(plan),
            /Config from the ESC environment \(flexplane\/airbyte-dataplane-us; definitions in .*\): flexplane:byo, flexplane:dataPlaneClientId/,
        );
    });

    it("merges an object key under the stack's own: the bucket from the environment, the stack's region over the environment's", async () => {
        const plan = await runPlan({ stack: "esc-byo", stacksDir: testStacks });
        const storage = (plan.helmValues["data-plane"] as any).storage;
        assert.equal(storage.bucket.log, "acme-airbyte-dp-logs");
        assert.equal(storage.s3.region, "us-east-1");
    });

    it("without the environment, the same stack lacks every key the environment gave", async () => {
        const plan = await runPlan({ stack: "esc-byo", stacksDir: testStacks, stackText: escStackWith((d) => delete d.environment) });
        assert.equal(plan.errors.length, 1, plan.errors.join("\n"));
        for (const key of ["dataPlaneClientId", "secretsManagerAccessKeyId", "storageSecretAccessKey"]) {
            assert.match(plan.errors[0], new RegExp(`flexplane:${key}`));
        }
        assert.deepEqual(plan.resources, []);
    });

    it("keeps a stack value over the environment's for the same key", async () => {
        const dir = envDir({ override: "values:\n  pulumiConfig:\n    namespace: from-environment\n" });
        const text = escStackWith((d) => d.environment.push("override"));
        fs.cpSync(path.join(testStacks, "environments", "flexplane"), path.join(dir, "flexplane"), { recursive: true });
        const plan = await runPlan({ stack: "esc-byo", stacksDir: testStacks, stackText: text, envDir: dir });
        assert.deepEqual(plan.errors, []);
        assert.ok(plan.resources.some((r) => r.type === "kubernetes:core/v1:Namespace" && r.inputs.metadata.name === "airbyte"));
        assert.equal(plan.environment?.keys.includes("flexplane:namespace"), false);
    });

    it("refuses a secret key the environment gives in plain text, as it would in the stack file", async () => {
        const dir = envDir({ plain: "values:\n  pulumiConfig:\n    flexplane:dataPlaneClientSecret: not-a-secret\n" });
        fs.cpSync(path.join(testStacks, "environments", "flexplane"), path.join(dir, "flexplane"), { recursive: true });
        const plan = await runPlan({
            stack: "esc-byo",
            stacksDir: testStacks,
            stackText: escStackWith((d) => d.environment.push("plain")),
            envDir: dir,
        });
        assert.equal(plan.errors.length, 1, plan.errors.join("\n"));
        assert.match(plan.errors[0], /flexplane:dataPlaneClientSecret: .*secret/);
        assert.equal(JSON.stringify(plan).includes("not-a-secret"), false);
    });

    it("stops as `pulumi preview` does when an imported environment has no definition, naming the file and how to get it", async () => {
        const plan = await runPlan({ stack: "esc-byo", stacksDir: testStacks, envDir: envDir({}) });
        assert.equal(plan.errors.length, 1);
        assert.match(
            plan.errors[0],
            /^opening environment: environment "flexplane\/airbyte-dataplane-us" has no definition .*flexplane\/airbyte-dataplane-us\.yaml: save it there \(`esc env get <org>\/flexplane\/airbyte-dataplane-us --definition > /,
        );
        assert.deepEqual(plan.resources, []);
    });

    it("refuses a key only ESC can compute, naming the key, the builtin and the two fixes", async () => {
        const dir = envDir({
            dynamic: "values:\n  pulumiConfig:\n    flexplane:airbyteUrl:\n      fn::open::aws-secrets:\n        region: us-east-1\n",
        });
        const plan = await runPlan({
            stack: "esc-byo",
            stacksDir: testStacks,
            stackText: escStackWith((d) => {
                d.environment = ["dynamic"];
            }),
            envDir: dir,
        });
        assert.equal(plan.errors.length, 1, plan.errors.join("\n"));
        assert.match(
            plan.errors[0],
            /^flexplane:airbyteUrl comes from fn::open::aws-secrets in the stack's environment, which only ESC can evaluate\. .*literal value in the environment's definition under .*, or set it on the stack/,
        );
    });

    it("refuses cyclic imports as ESC does", async () => {
        const dir = envDir({ a: "imports: [b]\n", b: "imports: [a]\n" });
        const plan = await runPlan({
            stack: "esc-byo",
            stacksDir: testStacks,
            stackText: escStackWith((d) => {
                d.environment = ["a"];
            }),
            envDir: dir,
        });
        assert.match(plan.errors.join("\n"), /^opening environment: .*a\.yaml: cyclic import of a$/);
    });
});

describe("ESC environment definitions (evaluation model)", () => {
    const reader = (definitions: Record<string, string>) => new EnvironmentReader(envDir(definitions));

    it("merges imports in order, each over the ones before, and the environment's own values over all", () => {
        const r = reader({
            first: "values:\n  pulumiConfig:\n    a: first\n    b: first\n    tags: {team: data, env: dev}\n",
            second: "values:\n  pulumiConfig:\n    b: second\n    c: second\n    tags: {env: prod}\n",
        });
        const config = r.pulumiConfigOf({ imports: ["first", "second"], values: { pulumiConfig: { c: "own" } } }, "stack");
        assert.deepEqual(config, { a: "first", b: "second", c: "own", tags: { team: "data", env: "prod" } });
    });

    it("reads an import with merge: false only through ${imports.<name>}", () => {
        const r = reader({ keys: "values:\n  region: eu-west-1\n  pulumiConfig:\n    leaked: yes\n" });
        const config = r.pulumiConfigOf(
            { imports: [{ keys: { merge: false } }], values: { pulumiConfig: { region: "${imports.keys.region}" } } },
            "stack",
        );
        assert.deepEqual(config, { region: "eu-west-1" });
    });

    it("keeps secrets secret through references and interpolation, and ciphertext as a secret of unknown value", () => {
        const r = reader({});
        const config = r.pulumiConfigOf(
            {
                values: {
                    password: { "fn::secret": "hunter2" },
                    stored: { "fn::secret": { ciphertext: "ZXNjeA" } },
                    pulumiConfig: {
                        ref: "${password}",
                        url: "postgres://u:${password}@db",
                        cost: "$$5",
                        stored: "${stored}",
                        plain: "${context.rootEnvironmentName}",
                    },
                },
            },
            "stack",
        )!;
        assert.deepEqual(config.ref, new EnvSecret("hunter2"));
        assert.deepEqual(config.url, new EnvSecret("postgres://u:hunter2@db"));
        assert.equal(config.cost, "$5");
        assert.deepEqual(config.stored, new EnvSecret());
        assert.ok(config.plain instanceof EnvUnknown);
    });

    it("refuses a secret that is not a string literal, a reference to nothing and a cyclic reference, naming the file", () => {
        const r = reader({});
        assert.throws(
            () => r.pulumiConfigOf({ values: { pulumiConfig: { n: { "fn::secret": 5 } } } }, "Pulumi.s.yaml"),
            /^Error: Pulumi\.s\.yaml: values\.pulumiConfig\.n: secret values must be string literals$/,
        );
        assert.throws(
            () => r.pulumiConfigOf({ values: { pulumiConfig: { n: "${missing.key}" } } }, "Pulumi.s.yaml"),
            /\$\{missing\.key\} names nothing in the environment/,
        );
        assert.throws(
            () => r.pulumiConfigOf({ values: { a: "${b}", b: "${a}", pulumiConfig: { n: "${a}" } } }, "Pulumi.s.yaml"),
            /cyclic reference/,
        );
    });

    it("refuses a definition it cannot read, naming the file and what is wrong", () => {
        const r = reader({});
        const refusal = (definition: unknown) => {
            try {
                r.pulumiConfigOf(definition as never, "Pulumi.s.yaml");
            } catch (error) {
                return (error as Error).message;
            }
            assert.fail(`accepted ${JSON.stringify(definition)}`);
        };
        assert.equal(refusal("just text"), "Pulumi.s.yaml: an environment definition is a map with imports and values");
        assert.equal(refusal({ imports: "one" }), "Pulumi.s.yaml: imports must be a list of environment names");
        assert.equal(refusal({ imports: [{ a: {}, b: {} }] }), 'Pulumi.s.yaml: cannot read the import {"a":{},"b":{}}');
        assert.equal(refusal({ values: ["a"] }), "Pulumi.s.yaml: values must be a map");
        assert.match(refusal({ values: { pulumiConfig: { n: "${.a}" } } })!, /: cannot read the reference \$\{\.a\}$/);
    });

    it("takes a stack's list of names as {imports: [...]}, as the CLI does", () => {
        const r = reader({ one: "values:\n  pulumiConfig:\n    aws:region: us-west-2\n" });
        assert.deepEqual(r.pulumiConfigOf(["one"], "stack"), { "aws:region": "us-west-2" });
        assert.equal(r.pulumiConfigOf(undefined, "stack"), undefined);
    });
});
