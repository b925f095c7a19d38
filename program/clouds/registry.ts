/**
 * The clouds a region stack deploys to: one entry each. Adding a cloud is a component folder
 * (`components/<cloud>/`), a program folder (`program/clouds/<cloud>/`: `meta.ts` and `index.ts`) and
 * one entry here; docs/architecture.md walks through it. Only the chosen cloud's part is ever loaded.
 */
import { awsMeta } from "./aws/meta";
import { azureMeta } from "./azure/meta";
import { byoMeta } from "./byo/meta";
import { gcpMeta } from "./gcp/meta";
import type { CloudMeta } from "./meta";
import type { CloudProgram } from "../types";

/** A cloud: what the program knows without loading it, and how to load its part. */
export interface CloudEntry extends CloudMeta {
    /** Loads the cloud's part of the stack program (and so its SDK). */
    load(): Promise<{ prepare: CloudProgram }>;
}

export const CLOUD_REGISTRY = {
    byo: { ...byoMeta, load: () => import("./byo") },
    aws: { ...awsMeta, load: () => import("./aws") },
    gcp: { ...gcpMeta, load: () => import("./gcp") },
    azure: { ...azureMeta, load: () => import("./azure") },
} satisfies Record<string, CloudEntry>;

/** The values `flexplane:cloud` takes. */
export type Cloud = keyof typeof CLOUD_REGISTRY;
export const CLOUDS = Object.keys(CLOUD_REGISTRY) as Cloud[];

/** The registry entry of `cloud`. */
export function cloudEntry(cloud: Cloud): CloudEntry {
    return CLOUD_REGISTRY[cloud];
}
