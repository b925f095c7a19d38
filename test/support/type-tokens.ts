/**
 * How a component's registration is checked against the type token a component plugin's schema publishes:
 * the plugin host constructs `<package>:index:<Class>` (pulumi/pulumi `sdk/nodejs/provider/experimental/provider.ts`,
 * `validateResourceType` accepts only the `index` module), and an alias to the token the class registered
 * before keeps existing stacks' resources: the engine matches the old URN, and derives the children's aliases from
 * the parent's (pulumi/pulumi `pkg/resource/deploy/step_generator.go`, `generateAliases`), so nothing is replaced.
 */
import { strict as assert } from "assert";
import type * as pulumi from "@pulumi/pulumi";
import type { MockHarness } from "../../tools/harness/runtime";
import type { TestRun } from "./harness";

/**
 * Builds the component twice on fresh harnesses: alone it carries the old token as its only alias; with
 * the caller's own alias, that one comes first and the old token is still added.
 */
export async function assertTokenWithLegacyAlias(
    run: TestRun,
    types: { type: string; legacyType: string },
    create: (name: string, opts?: pulumi.ComponentResourceOptions) => Promise<unknown>,
): Promise<void> {
    run.install();
    await create("first");
    await run.h.settle();
    assertRegisteredAs(run.h, "first", types.type, [{ type: types.legacyType }]);
    run.install();
    await create("moved", { aliases: [{ name: "first" }] });
    await run.h.settle();
    assertRegisteredAs(run.h, "moved", types.type, [{ name: "first" }, { type: types.legacyType }]);
}

/** The component `name` registered as `type`, with exactly `aliases` (the caller's, then the old token). */
export function assertRegisteredAs(h: MockHarness, name: string, type: string, aliases: object[]): void {
    const registered = h.resources.filter((r) => r.name === name && !r.custom);
    assert.deepEqual(
        registered.map((r) => r.type),
        [type],
        `component ${name} registers as ${type}`,
    );
    assert.deepEqual(registered[0].options.aliases, aliases);
    assert.ok(registered[0].urn.includes(`::${type}::${name}`), registered[0].urn);
}

/** Own fields of a component instance: what Pulumi's component-schema analyzer publishes as outputs. */
export function ownFields(component: object): string[] {
    return Object.keys(component).filter((k) => !k.startsWith("__") && k !== "urn");
}
