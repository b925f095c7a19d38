import { createHash } from "node:crypto";
import {
    AIRBYTE_CREDENTIAL_CHECK_KIND,
    AIRBYTE_DATAPLANE_KIND,
    AIRBYTE_HEALTH_CHECK_KIND,
    AIRBYTE_REGION_KIND,
    AIRBYTE_WORKSPACE_REGION_KIND,
} from "../../../components/airbyte/kinds";
import type { CannedOutputs } from "./index";

/** Timestamp the offline plan shows for every Airbyte object. */
export const CANNED_AIRBYTE_TIMESTAMP = "2026-01-01T00:00:00Z";

/** A UUID derived from `seed`: the same resource gets the same id in every offline run. */
export function fakeUuid(seed: string): string {
    const hex = createHash("sha256").update(seed).digest("hex");
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Outputs of the Airbyte API resources (dynamic providers) that the program reads back. They are recognized
 * by the `__kind` input every one of them carries; other dynamic resources get nothing from this table.
 */
export const airbyteOutputs: CannedOutputs = (args) => {
    const kind = args.inputs?.__kind;
    const common = {
        enabled: args.inputs?.enabled ?? true,
        createdAt: CANNED_AIRBYTE_TIMESTAMP,
        updatedAt: CANNED_AIRBYTE_TIMESTAMP,
    };
    if (kind === AIRBYTE_REGION_KIND) {
        return { ...common, regionId: fakeUuid(`airbyte-region/${args.name}`) };
    }
    if (kind === AIRBYTE_DATAPLANE_KIND) {
        return {
            ...common,
            dataplaneId: fakeUuid(`airbyte-dataplane/${args.name}`),
            clientId: fakeUuid(`airbyte-dataplane-client/${args.name}`),
            clientSecret: `offline-plan-secret-${fakeUuid(`airbyte-dataplane-secret/${args.name}`)}`,
        };
    }
    if (kind === AIRBYTE_CREDENTIAL_CHECK_KIND) {
        return { tokenEndpoint: `${args.inputs?.airbyteUrl ?? ""}/api/v1/dataplanes/token` };
    }
    if (kind === AIRBYTE_HEALTH_CHECK_KIND) {
        return { status: "HEALTHY", lastHeartbeatAt: CANNED_AIRBYTE_TIMESTAMP };
    }
    if (kind === AIRBYTE_WORKSPACE_REGION_KIND) {
        return { regionName: "offline-plan-region", dataResidency: "offline-plan-region" };
    }
    return undefined;
};
