// `npm run bench:plugin`: what one start of the plugin costs a program in another language
// (docs/performance.md, "Plugin start"). Each scenario runs in a fresh Node.js process, like a plugin
// start; the wall time covers the whole process, from exec to exit.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { root, series as measuredSeries } from "./measure";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const pluginTsconfig = path.join(root, "plugin", "tsconfig.json");

function series(label: string, script: string): void {
    measuredSeries(label, ["-e", script], runs);
}

// Pulumi's own host analyzes the folder whose package.json `main` names the components' entry; a scratch
// folder gives it that, over this repository's sources.
const defaultHostDir = fs.mkdtempSync(path.join(os.tmpdir(), "flexplane-default-host-"));
fs.writeFileSync(path.join(defaultHostDir, "package.json"), JSON.stringify({ name: "flexplane", version: "0.0.0", main: "components.js" }));
fs.writeFileSync(
    path.join(defaultHostDir, "tsconfig.json"),
    JSON.stringify({ extends: pluginTsconfig, include: ["components.ts", path.join(root, "components/**/*.ts")] }),
);
fs.writeFileSync(path.join(defaultHostDir, "components.ts"), `export * from ${JSON.stringify(path.join(root, "plugin", "components"))};\n`);
process.on("exit", () => fs.rmSync(defaultHostDir, { recursive: true, force: true }));

const tsNode = (typeCheck: boolean) =>
    `require("ts-node").register({ ${typeCheck ? "typeCheck: true" : "transpileOnly: true"}, project: ${JSON.stringify(pluginTsconfig)} });`;

// Pulumi's default for a TypeScript component plugin (`@pulumi/pulumi/cmd/run-plugin` with the language
// host's `typescript` option on): ts-node with type-checking, every exported component loaded, and the
// schema analyzed from source when the engine asks for it (`ComponentProvider.getSchema`).
series(
    "default host: type-checked load of every component + analyzed schema",
    `${tsNode(true)}
     const components = require("./plugin/components.ts");
     const { ComponentProvider } = require("@pulumi/pulumi/provider/experimental/provider");
     new ComponentProvider({ name: "flexplane", dirname: ${JSON.stringify(defaultHostDir)}, components: Object.values(components) })
         .getSchema().then((s) => { if (!s) process.exit(1); });`,
);
// The same without type-checking, to separate what ts-node's checker costs from what the analyzer costs.
series(
    "default host without type-checking: load of every component + analyzed schema",
    `${tsNode(false)}
     const components = require("./plugin/components.ts");
     const { ComponentProvider } = require("@pulumi/pulumi/provider/experimental/provider");
     new ComponentProvider({ name: "flexplane", dirname: ${JSON.stringify(defaultHostDir)}, components: Object.values(components) })
         .getSchema().then((s) => { if (!s) process.exit(1); });`,
);
// What `@pulumi/pulumi/cmd/run-plugin` does before it requires any plugin (cmd/run-plugin/run.js: ts-node with
// type-checking; no tsconfig.json in the program's folder), then Flexplane's entry point (plugin/index.js),
// with the server stubbed out so the process can end.
const runPlugin = `require("ts-node").register({ typeCheck: true, skipProject: true,
         compilerOptions: { target: "ES2020", module: "nodenext", moduleResolution: "nodenext" } });
     require("@pulumi/pulumi/provider").main = () => Promise.resolve();`;

// Flexplane's plugin started as run-plugin starts it: its own transpile-only `.ts` handler, the committed
// schema, no component loaded yet.
series(
    "flexplane plugin: start + schema",
    `${runPlugin}
     require("./plugin/index.js");
     const { FlexplaneProvider } = require("./plugin/provider.ts");
     new FlexplaneProvider().getSchema().then((s) => { if (!s) process.exit(1); });`,
);
// ...and once a program constructs its first component, which loads only that component's SDKs.
for (const token of [
    "flexplane:index:DataPlane",
    "flexplane:index:EksCluster",
    "flexplane:index:GkeCluster",
    "flexplane:index:AksCluster",
]) {
    series(
        `flexplane plugin: start + schema + load ${token.split(":")[2]}`,
        `${runPlugin}
         require("./plugin/index.js");
         const { FlexplaneProvider, PLUGIN_COMPONENTS } = require("./plugin/provider.ts");
         new FlexplaneProvider().getSchema().then(() => PLUGIN_COMPONENTS[${JSON.stringify(token)}]());`,
    );
}
// The same EksCluster load had the plugin registered a second ts-node instead of replacing the handler:
// ts-node chains handlers, so run-plugin's type-checker still compiles every file.
series(
    "chained ts-node registration (not used): start + schema + load EksCluster",
    `${runPlugin}
     ${tsNode(false)}
     const { FlexplaneProvider, PLUGIN_COMPONENTS } = require("./plugin/provider.ts");
     new FlexplaneProvider().getSchema().then(() => PLUGIN_COMPONENTS["flexplane:index:EksCluster"]());`,
);
