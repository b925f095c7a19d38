/**
 * Stack users read component refusals in stack terms: `StackProblems` rewrites each phrase of a component's
 * message (program/stack-problems.ts `inStackWords`) by plain text replacement, so a phrase whose component
 * wording changed would silently stop applying. Each phrase must still be written in the components.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { dataPlaneSources, registrationSources } from "../../program/argument-sources";
import { eksSources } from "../../program/clouds/aws/sources";
import { AKS_SOURCES } from "../../program/clouds/azure/sources";
import { gkeSources } from "../../program/clouds/gcp/sources";

const componentsDir = path.join(__dirname, "..", "..", "components");

function sourceTexts(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sourceTexts(full) : entry.name.endsWith(".ts") ? [fs.readFileSync(full, "utf8")] : [];
    });
}

describe("stack-terms phrases", () => {
    const components = sourceTexts(componentsDir).join("\n");
    const phrases = [
        ...(dataPlaneSources(true, true).phrases ?? []),
        ...(dataPlaneSources(false, false).phrases ?? []),
        ...(registrationSources("flexplane:airbyteApiUrl").phrases ?? []),
        ...(eksSources(true).phrases ?? []),
        ...(gkeSources(true).phrases ?? []),
        ...(AKS_SOURCES.phrases ?? []),
    ];

    it("has phrases to check", () => {
        assert.ok(phrases.length >= 5, `only ${phrases.length}`);
    });

    for (const [from, to] of new Map(phrases)) {
        it(`"${from}" is still written in a component's message (it becomes "${to}")`, () => {
            assert.ok(components.includes(from), `no component writes "${from}" any more: update the phrase or the message`);
        });
    }
});
