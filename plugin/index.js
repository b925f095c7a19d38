// The plugin's entry point, run by Pulumi's Node.js language host (`@pulumi/pulumi/cmd/run-plugin`
// requires this folder). The TypeScript sources are compiled as they load, without type-checking
// (`npm test` type-checks them), which keeps the plugin's start short.
//
// run-plugin registers ts-node with type-checking before it requires a plugin, whatever the plugin's
// options (`cmd/run-plugin/index.js` passes `typeScript: !process.versions.bun`; `run.js` then calls
// `register({ typeCheck: true, ... })`). ts-node chains its `.ts` handlers, so a second registration would
// still run the first one's type-checker on every file (6 s and 900 MiB for EksCluster's sources). The
// handler below replaces it instead: a transpile-only compiler for this plugin's own `.ts` files.
const fs = require("fs");
const path = require("path");

const compiler = require("ts-node").create({ transpileOnly: true, project: path.join(__dirname, "tsconfig.json") });
const previous = require.extensions[".ts"];
require.extensions[".ts"] = function compileTypeScript(module, filename) {
    if (filename.includes(`${path.sep}node_modules${path.sep}`) && previous) {
        return previous(module, filename);
    }
    module._compile(compiler.compile(fs.readFileSync(filename, "utf8"), filename), filename);
};

require("./host.ts").serve();
