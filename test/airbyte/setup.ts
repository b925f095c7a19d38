import { AirbyteClient } from "../../components/airbyte/client";
import { AirbyteClientOptions } from "../../components/airbyte/http";
import { FakeAirbyte, FakeAirbyteOptions, FakeClock, recordingSleep } from "./fake-airbyte";

export const APP_ID = "flexplane-test-application";
export const APP_SECRET = "app-secret-Zq81bWc0xYv7";

/** Fast retries: delays are recorded, never waited. */
export function fastOptions(clock: FakeClock, waits: { sleep: (ms: number) => Promise<void> }) {
    return {
        now: clock.now,
        sleep: waits.sleep,
        random: () => 0.5,
        timeoutMs: 2_000,
        retry: { baseDelayMs: 100, maxDelayMs: 1_000, maxRetries: 4 },
    } satisfies Partial<AirbyteClientOptions>;
}

/** A started fake server with one admin application and one entitled organization, plus a client for it. */
export async function world(options: FakeAirbyteOptions = {}) {
    const clock = new FakeClock();
    const fake = await FakeAirbyte.start({ now: clock.now, ...options });
    fake.addApplication(APP_ID, APP_SECRET);
    const organizationId = fake.addOrganization();
    const sleeper = recordingSleep();
    const client = (extra: Partial<AirbyteClientOptions> = {}) =>
        new AirbyteClient({
            apiUrl: fake.apiUrl,
            clientId: APP_ID,
            clientSecret: APP_SECRET,
            ...fastOptions(clock, sleeper),
            ...extra,
        });
    /** The connection inputs of a resource that uses the admin application. */
    const connection = { apiUrl: fake.apiUrl, applicationClientId: APP_ID, applicationClientSecret: APP_SECRET };
    /** Provider options: the world's clock and recorded sleeps. */
    const providerOptions = () => fastOptions(clock, sleeper);
    return { clock, fake, organizationId, waits: sleeper.waits, sleeper, client, connection, providerOptions };
}

export type World = Awaited<ReturnType<typeof world>>;

export { rejection } from "../support/outputs";

/** Live (listed) region names of the organization, as Airbyte's list shows them. */
export function liveRegionNames(w: World): string[] {
    return w.fake.state
        .liveRegions([w.organizationId])
        .map((r) => r.name)
        .sort();
}
