import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { resolveEksCluster } from "../../components/aws/resolve";
import { resolveAksCluster } from "../../components/azure/resolve";
import { installCommand, OPTIONAL_PEERS, requirePeers } from "../../components/shared/peers";
import { baseArgs as eksArgs } from "../aws/helpers";
import { baseArgs as aksArgs } from "../azure/helpers";
import { reasons, thrown } from "../support/outputs";

const root = path.resolve(__dirname, "..", "..");
const allButAwsx = (name: string) => name !== "@pulumi/awsx";

describe("optional peer dependencies", () => {
    it("declares the same ranges as package.json", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
        const optional = Object.keys(pkg.peerDependenciesMeta).filter((n) => pkg.peerDependenciesMeta[n].optional);
        assert.deepEqual(Object.keys(OPTIONAL_PEERS).sort(), optional.sort());
        for (const name of optional) {
            assert.equal(OPTIONAL_PEERS[name as keyof typeof OPTIONAL_PEERS], pkg.peerDependencies[name], name);
        }
    });

    it("refuses an entry point whose peers are missing with the install command, without a stack trace", () => {
        const err = thrown(() => requirePeers("flexplane/aws", ["@pulumi/aws", "@pulumi/eks"], (n) => n === "@pulumi/aws"));
        assert.ok(err instanceof pulumi.RunError, `expected RunError, got ${err}`);
        assert.match(err.message, /flexplane\/aws needs @pulumi\/eks, which is not installed .*run `npm install "@pulumi\/eks@\^4\.0\.0"`/);
        assert.doesNotThrow(() => requirePeers("flexplane/aws", ["@pulumi/aws"], () => true));
        assert.equal(installCommand(["@pulumi/gcp", "@pulumi/azuread"]), 'npm install "@pulumi/gcp@^9.0.0" "@pulumi/azuread@^6.0.0"');
    });

    it("EksCluster refuses a new VPC without @pulumi/awsx, and takes an existing VPC without it", () => {
        const r = reasons(thrown(() => resolveEksCluster("dp", eksArgs(), "eu-west-1", allButAwsx)));
        assert.match(
            r.network,
            /@pulumi\/awsx, an optional peer dependency that is not installed: run `npm install "@pulumi\/awsx@\^3\.0\.0"`, or set network\.vpcId/,
        );
        const existing = {
            network: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] },
        };
        assert.doesNotThrow(() => resolveEksCluster("dp", eksArgs(existing), "eu-west-1", allButAwsx));
    });

    it("AksCluster refuses to create a service principal without @pulumi/azuread, and takes given credentials without it", () => {
        const noAzuread = (n: string) => n !== "@pulumi/azuread";
        const r = reasons(thrown(() => resolveAksCluster("eu", aksArgs(), { project: "p", stack: "s" }, noAzuread)));
        assert.match(
            r["secretsManager.azure"],
            /@pulumi\/azuread.*run `npm install "@pulumi\/azuread@\^6\.0\.0"`, or pass the clientId and clientSecret/,
        );
        const given = aksArgs();
        given.secretsManager = {
            azure: { ...given.secretsManager.azure!, clientId: "00000000-0000-0000-0000-0000000000c1", clientSecret: "s" },
        };
        assert.doesNotThrow(() => resolveAksCluster("eu", given, { project: "p", stack: "s" }, noAzuread));
    });

    it("importing flexplane/aws without @pulumi/eks fails at once with the install command", () => {
        // A fresh process in which @pulumi/eks cannot be resolved, as in a project that did not install it.
        const script = `
            const Module = require("module");
            const resolve = Module._resolveFilename;
            Module._resolveFilename = function (request, ...rest) {
                if (request === "@pulumi/eks" || request.startsWith("@pulumi/eks/")) {
                    throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: "MODULE_NOT_FOUND" });
                }
                return resolve.call(this, request, ...rest);
            };
            try { require(${JSON.stringify(path.join(root, "components", "aws", "index.ts"))}); process.stdout.write("loaded"); }
            catch (e) { process.stdout.write(e.constructor.name + ": " + e.message); }`;
        const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
            cwd: root,
            encoding: "utf8",
        });
        assert.match(out, /^RunError: flexplane\/aws needs @pulumi\/eks, which is not installed .*npm install "@pulumi\/eks@\^4\.0\.0"/);
    });
});
