// The plugin's entry point, run by Pulumi's Node.js language host (`@pulumi/pulumi/cmd/run-plugin`
// requires this folder). The TypeScript sources are compiled as they load, without type-checking
// (`npm test` type-checks them), which keeps the plugin's start short.
const path = require("path");

require("ts-node").register({ transpileOnly: true, project: path.join(__dirname, "tsconfig.json") });
require("./host.ts").serve();
