import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

const root = path.resolve(__dirname, "..", "..");
const project = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));
const declared = new Set(Object.keys(project.config).map((k) => `flexplane:${k}`));
const structured = ["flexplane:secretsManager", "flexplane:tags", "flexplane:byo", "flexplane:aws", "flexplane:gcp", "flexplane:azure", "flexplane:controlPlaneRole", "flexplane:workspaceRegions"];
const providerKeys = /^(aws|gcp|azure-native):/;
const reference = fs.readFileSync(path.join(root, "docs", "configuration.md"), "utf8");

describe("config keys", () => {
    it("uses stackConfigDir stacks", () => {
        assert.equal(project.stackConfigDir, "stacks");
    });

    for (const file of fs.readdirSync(path.join(root, "stacks")).filter((f) => /^Pulumi\..+\.yaml$/.test(f))) {
        it(`${file} sets only declared, structured or provider keys`, () => {
            const text = fs.readFileSync(path.join(root, "stacks", file), "utf8");
            const keys = Object.keys(parse(text).config ?? {});
            const announced = [...text.matchAll(/^#\s*secret:\s*(\S+)/gm)].map((m) => m[1]);
            for (const key of [...keys, ...announced]) {
                assert.ok(declared.has(key) || structured.includes(key) || providerKeys.test(key), `${file}: ${key} is neither declared in Pulumi.yaml nor a documented structured key`);
            }
        });
    }

    it("documents every declared and structured key in docs/configuration.md", () => {
        for (const key of [...declared, ...structured]) {
            assert.ok(reference.includes(`\`${key}`), `docs/configuration.md does not mention ${key}`);
        }
    });

    it("marks every secret key secret in Pulumi.yaml", () => {
        for (const [key, spec] of Object.entries<any>(project.config)) {
            if (/Secret$|ClientId$|AccessKeyId|Json$|ConnectionString$|kubeconfig|ExternalId$/.test(key) && key !== "dataPlaneName") {
                assert.equal(spec.secret, true, `${key} holds a credential but is not secret`);
            }
        }
    });
});
