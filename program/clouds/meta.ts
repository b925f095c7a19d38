/**
 * What the program knows about a cloud without loading its SDK: the stack keys only its stacks read,
 * the SDK packages its part loads, and where its resources are created (for the offline plan).
 */
import type { ConfigKeySpec } from "../config-keys";

/** A key only one cloud's stacks read: the registry adds its role (region stacks) and cloud. */
export type CloudKeySpec = Omit<ConfigKeySpec, "roles" | "clouds">;

/** The parts of a planned resource a cloud needs to say where it is created. */
export interface PlacedResource {
    type: string;
    inputs: Record<string, any>;
}

export interface CloudMeta {
    /** One line for docs and messages, e.g. "EKS on AWS". */
    title: string;
    /** The `flexplane:*` keys only this cloud's stacks read. */
    keys: readonly CloudKeySpec[];
    /** Every cloud SDK the cloud's part of the program (and its component) may load. */
    sdks: readonly string[];
    /**
     * Where `resource` is created (cloud, region or location, account, project or subscription), from
     * its inputs and the provider config; undefined for resources of other clouds. Called for every
     * stack's resources: an org stack creates AWS resources without being an aws stack.
     */
    placeOf?(resource: PlacedResource, config: Record<string, string>): string | undefined;
}
