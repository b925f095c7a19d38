/**
 * The schema the plugin serves is the one Pulumi's analyzer derives from the TypeScript source today
 * (tools/plugin/schema.ts runs it as pulumi/pulumi `sdk/nodejs/provider/experimental/provider.ts`
 * `ComponentProvider.getSchema` does), with nothing outside the package, secrets marked, and none of
 * TypeScript's deprecated names. Regenerate with `npm run plugin:schema` after changing an argument.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { addCustomResources, buildPluginSchema, schemaText } from "../../tools/plugin/schema";
import { PLUGIN_COMPONENTS, SCHEMA_PATH } from "../../plugin/provider";

const committed = JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8"));

/** Every property of every resource (inputs and outputs) and type, as `owner.property`. */
function properties(schema: any): Map<string, any> {
    const all = new Map<string, any>();
    for (const [token, resource] of Object.entries<any>(schema.resources)) {
        for (const [name, p] of Object.entries(resource.inputProperties ?? {})) all.set(`${token} input ${name}`, p);
        for (const [name, p] of Object.entries(resource.properties ?? {})) all.set(`${token} output ${name}`, p);
    }
    for (const [token, type] of Object.entries<any>(schema.types)) {
        for (const [name, p] of Object.entries(type.properties ?? {})) all.set(`${token} ${name}`, p);
    }
    return all;
}

describe("the plugin's schema", function () {
    // The analyzer type-checks the components with every cloud SDK's typings: about 10 s.
    this.timeout(180_000);
    let built: ReturnType<typeof buildPluginSchema>;
    before(() => {
        built = buildPluginSchema();
    });

    it("is what the analyzer derives from the source now (run `npm run plugin:schema` if not)", () => {
        assert.equal(schemaText(built.schema), fs.readFileSync(SCHEMA_PATH, "utf8"));
    });

    it("refers to nothing outside the package: no other provider's resources, no dependencies", () => {
        assert.deepEqual(built.externalReferences, []);
        assert.deepEqual(committed.dependencies, []);
    });

    it("publishes exactly the components the provider constructs, under the index module", () => {
        const components = Object.entries<any>(committed.resources).filter(([, r]) => r.isComponent);
        assert.deepEqual(components.map(([token]) => token).sort(), Object.keys(PLUGIN_COMPONENTS).sort());
    });

    it("marks every credential secret, in arguments and outputs", () => {
        const secret = [...properties(committed)].filter(([, p]) => p.secret).map(([name]) => name);
        for (const expected of [
            "flexplane:index:DataPlane input clientId",
            "flexplane:index:DataPlane input clientSecret",
            "flexplane:index:AwsAccessKeys accessKeyId",
            "flexplane:index:AwsAccessKeys secretAccessKey",
            "flexplane:index:GcpSecretManagerSpec credentialsJson",
            "flexplane:index:AzureKeyVaultSpec clientSecret",
            "flexplane:index:GcsStorageSpec credentialsJson",
            "flexplane:index:AzureBlobStorageSpec connectionString",
            "flexplane:index:AirbyteApplicationArgs clientSecret",
            "flexplane:index:GkeCluster input storageCredentialsJson",
            "flexplane:index:EksCluster output kubeconfig",
            "flexplane:index:GkeCluster output kubeconfig",
            "flexplane:index:AksCluster output kubeconfig",
        ]) {
            assert.ok(secret.includes(expected), `${expected} is not marked secret`);
        }
        // A name that says "secret", "password", "credentials" or "connection string" is a credential,
        // unless it only names or points at one.
        const notCredentials =
            /(secretsManager|secretName|secretsManagerIdentity|secretsEncryption|secretManagerRoles|imagePullSecrets|allowUntaggedSecrets|clientSecretEndDate|clientSecretRotationKey|useServiceAccountIdentity|verifyCredentials)$/;
        for (const [name, p] of properties(committed)) {
            if (/(secret|password|credential|connectionString|accessKeyId)/i.test(name.split(" ").pop()!) && !notCredentials.test(name)) {
                assert.ok(p.secret, `${name} looks like a credential but is not marked secret`);
            }
        }
    });

    it("leaves out every name TypeScript keeps only for compatibility", () => {
        const names = new Set(properties(committed).keys());
        for (const deprecated of [
            "flexplane:index:EksCluster input vpc",
            "flexplane:index:EksCluster input endpoint",
            "flexplane:index:EksCluster input logBucket",
            "flexplane:index:EksCluster input secretsEncryptionKeyArn",
            "flexplane:index:GkeCluster input bucket",
            "flexplane:index:GkeCluster input labels",
            "flexplane:index:AksCluster input storage",
            "flexplane:index:ResourceQuantities ephemeral-storage",
        ]) {
            assert.ok(!names.has(deprecated), `${deprecated} is in the schema`);
        }
        assert.ok(names.has("flexplane:index:EksCluster input network"), "the new names stay");
        assert.ok(!("flexplane:index:EksEndpointOptions" in committed.types), "a type only deprecated names used is dropped");
        assert.ok(
            !names.has("flexplane:index:DataPlane input kubernetesProvider") && !names.has("flexplane:index:DataPlane input dependsOn"),
        );
    });

    it("carries the package's own version and name", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
        assert.equal(committed.name, "flexplane");
        assert.equal(committed.version, pkg.version);
    });

    it("refuses hand-written entries that clash with the analyzer's: a token taken by a component, a type with other properties", () => {
        const analyzed = () => ({
            resources: { "flexplane:index:DataPlane": { isComponent: true } },
            types: { "flexplane:index:AirbyteApplicationArgs": { properties: { clientId: {}, clientSecret: {} } } },
        });
        assert.throws(
            () => addCustomResources(analyzed(), { resources: { "flexplane:index:DataPlane": {} }, types: {} }),
            /^Error: flexplane:index:DataPlane is both a component and a custom resource$/,
        );
        assert.throws(
            () =>
                addCustomResources(analyzed(), {
                    resources: {},
                    types: { "flexplane:index:AirbyteApplicationArgs": { properties: { clientId: {} } } },
                }),
            /^Error: flexplane:index:AirbyteApplicationArgs: the analyzer and plugin\/airbyte-schema\.ts disagree on its properties$/,
        );
        const schema = analyzed();
        addCustomResources(schema, { resources: { "flexplane:index:AirbyteRegion": { properties: {} } }, types: {} });
        assert.ok("flexplane:index:AirbyteRegion" in schema.resources);
    });
});
