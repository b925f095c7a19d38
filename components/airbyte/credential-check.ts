/**
 * Proof, before the chart is installed, that a data plane's own credentials work: the exchange the chart's
 * launcher makes first, `POST <airbyteUrl>/api/v1/dataplanes/token {client_id, client_secret}` (chart
 * `templates/config/_dataPlane.tpl` CONTROL_PLANE_TOKEN_ENDPOINT; airbyte-api `AccessTokenInterceptor.fetchNewToken`
 * sends exactly these two fields; airbyte-server `controllers/DataplaneController.getDataplaneToken`, anonymous).
 */
import * as pulumi from "@pulumi/pulumi";
import { isGuid } from "../shared/formats";
import { ApiCall } from "./exchange";
import { AirbyteTransport, ResponseShapeError } from "./http";
import { AIRBYTE_CREDENTIAL_CHECK_KIND } from "./kinds";
import { apiErrorKind, differs, isUnknown, ownFields, ProviderClientOptions } from "./provider-common";
import { withSecretOutputs } from "./resource-common";
import { checkAirbyteUrl, internalApiUrl } from "./url";

/** What is lost when a data plane has no credentials in hand, and the one way back. */
export const CREDENTIALS_LOST =
    "Airbyte returns a data plane's client id and secret only in the answer to its create, so a data plane adopted " +
    "with importId but without importedCredentials has none. Replace it: `pulumi up --replace <the AirbyteDataplane's " +
    "URN>` (after `pulumi state unprotect` if it is protected) registers a new one.";

export interface CredentialCheckState {
    __kind?: typeof AIRBYTE_CREDENTIAL_CHECK_KIND;
    airbyteUrl?: string;
    clientId?: string;
    clientSecret?: string;
    /** Where the exchange was made. */
    tokenEndpoint?: string;
}

/** Why the plain check inputs cannot work, as check failures (unknown values pass). */
export function credentialCheckFailures(news: CredentialCheckState): pulumi.dynamic.CheckFailure[] {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    if (!isUnknown(news.airbyteUrl)) {
        const checked = checkAirbyteUrl(news.airbyteUrl ?? "");
        if ("problem" in checked) failures.push({ property: "airbyteUrl", reason: checked.problem });
    }
    for (const key of ["clientId", "clientSecret"] as const) {
        if (!isUnknown(news[key]) && !news[key]) {
            failures.push({
                property: key,
                reason: `the data plane's ${key === "clientId" ? "client id" : "client secret"} is empty. ${CREDENTIALS_LOST}`,
            });
        }
    }
    // The client id is the id of the data plane's service account (publicapi DataplaneService.controllerCreateDataplane:
    // `clientId(serviceAccount.id.toString())`); the server calls UUID.fromString on it.
    if (!isUnknown(news.clientId) && news.clientId && !isGuid(news.clientId)) {
        failures.push({
            property: "clientId",
            reason: "is not a UUID, so it is no data plane's client id: copy the clientId from the data plane's create answer.",
        });
    }
    return failures;
}

/**
 * Exchanges the data plane's credentials for a token, as the launcher will; the token is dropped. Throws an
 * `Error` that says what is wrong and how to fix it.
 */
export async function exchangeDataplaneCredentials(
    airbyteUrl: string,
    clientId: string,
    clientSecret: string,
    options: ProviderClientOptions = {},
): Promise<string> {
    const transport = new AirbyteTransport(options);
    transport.addSecret(clientSecret);
    const baseUrl = internalApiUrl(airbyteUrl);
    const call: ApiCall = {
        method: "POST",
        path: "/dataplanes/token",
        baseUrl,
        body: { client_id: clientId, client_secret: clientSecret },
        subject: `data plane client ${clientId}`,
        idempotent: true,
        anonymous: true,
        credentialExchange: true,
    };
    try {
        await transport.call(call, (body) => {
            if (typeof body?.access_token !== "string" || body.access_token === "") throw new ResponseShapeError("no access_token");
        });
    } catch (error) {
        throw credentialFailure(error as Error, airbyteUrl, clientId);
    }
    return `${baseUrl}${call.path}`;
}

/** The failure of the exchange in the data plane's terms. */
function credentialFailure(error: Error, airbyteUrl: string, clientId: string): Error {
    const kind = apiErrorKind(error);
    const endpoint = `POST ${airbyteUrl}/api/v1/dataplanes/token`;
    if (kind === "bad-credentials") {
        // ServiceAccountsService.getAndVerify throws ServiceAccountNotFound for an unknown id or a wrong secret,
        // and DataplaneService.deleteDataplane deletes the service account: no handler maps it, so 500 {errorId}.
        const errorId = (error as { errorId?: string }).errorId;
        return new Error(
            `The control plane at ${airbyteUrl} refused data plane client ${clientId} and its secret: ` +
                `${endpoint} answered ${(error as { status?: number }).status}${errorId ? ` (errorId ${errorId})` : ""}, as it does ` +
                `when no live data plane has these credentials. The chart's launcher would fail the same way, so the chart ` +
                `was not installed. Fix: if the stack registers the data plane, it was probably deleted in Airbyte (its ` +
                `credentials went with it): \`pulumi refresh\` then \`pulumi up\` registers a new one. If you give the ` +
                `credentials yourself, copy both again from the data plane's create answer, or create a new data plane.`,
        );
    }
    if (kind === "no-route") {
        return new Error(
            `${endpoint} is not a route of an Airbyte control plane (404): airbyteUrl ${airbyteUrl} is not ` +
                `the control plane's web address. Fix: use https://cloud.airbyte.com for Airbyte Cloud, or the address ` +
                `your self-managed control plane's UI is served at (sub-path included).`,
        );
    }
    return new Error(`Checking the data plane's credentials at ${endpoint} failed: ${error.message}`);
}

/**
 * The operations of `AirbyteDataplaneCredentialCheck`: the exchange runs on create and whenever the URL or the
 * credentials change; refresh and delete make no call.
 */
export function createCredentialCheckProvider(
    options: ProviderClientOptions = {},
): pulumi.dynamic.ResourceProvider<CredentialCheckState, CredentialCheckState> {
    // Not named `run`: the closure serializer leaves out names that exist as globals (mocha defines `run`).
    const checkOnce = async (inputs: CredentialCheckState): Promise<CredentialCheckState> => {
        const tokenEndpoint = await exchangeDataplaneCredentials(
            inputs.airbyteUrl ?? "",
            inputs.clientId ?? "",
            inputs.clientSecret ?? "",
            options,
        );
        return { ...ownFields(inputs), __kind: AIRBYTE_CREDENTIAL_CHECK_KIND, tokenEndpoint };
    };
    return {
        async check(_olds, news) {
            const inputs = { ...news, __kind: AIRBYTE_CREDENTIAL_CHECK_KIND };
            if (!isUnknown(news.airbyteUrl) && news.airbyteUrl) {
                const checked = checkAirbyteUrl(news.airbyteUrl);
                if ("url" in checked) inputs.airbyteUrl = checked.url;
            }
            return { inputs, failures: credentialCheckFailures(news) };
        },
        async diff(_id, olds, news) {
            const changes = ["airbyteUrl", "clientId", "clientSecret"].some((key) => differs(olds, news, key));
            return { changes, replaces: [], deleteBeforeReplace: false };
        },
        async create(inputs) {
            // The id is plain text in the state: it must not carry the (secret) client id.
            return { id: "dataplane-credentials", outs: await checkOnce(inputs) };
        },
        async update(_id, _olds, news) {
            return { outs: await checkOnce(news) };
        },
    };
}

/** The provider every `AirbyteDataplaneCredentialCheck` uses; serialized once per program. */
export const credentialCheckProvider = createCredentialCheckProvider();

export interface AirbyteDataplaneCredentialCheckArgs {
    /** The control plane's web address, as the chart gets it (`airbyteUrl`). */
    airbyteUrl: pulumi.Input<string>;
    /** The data plane's client id (kept secret). */
    clientId: pulumi.Input<string>;
    /** The data plane's client secret (kept secret). */
    clientSecret: pulumi.Input<string>;
}

/**
 * Exchanges a data plane's client id and secret for a token at `<airbyteUrl>/api/v1/dataplanes/token`, as the
 * chart's launcher does first, and fails with the fix when the control plane refuses them. Needs nothing else:
 * make the Helm release depend on it, not it on the cluster.
 */
export class AirbyteDataplaneCredentialCheck extends pulumi.dynamic.Resource {
    /** The endpoint the exchange went to. */
    declare readonly tokenEndpoint: pulumi.Output<string>;

    constructor(name: string, args: AirbyteDataplaneCredentialCheckArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            credentialCheckProvider,
            name,
            credentialCheckProps(args),
            withSecretOutputs(opts, CREDENTIAL_CHECK_SECRET_OUTPUTS),
            "flexplane",
            "AirbyteDataplaneCredentialCheck",
        );
    }
}

/** The outputs of a credential check that hold the data plane's credentials. */
export const CREDENTIAL_CHECK_SECRET_OUTPUTS = ["clientId", "clientSecret"];

/** The inputs a credential check registers, whoever serves it: the credentials secret, the output to come. */
export function credentialCheckProps(args: AirbyteDataplaneCredentialCheckArgs): pulumi.Inputs {
    return {
        __kind: AIRBYTE_CREDENTIAL_CHECK_KIND,
        airbyteUrl: args.airbyteUrl,
        clientId: pulumi.secret(args.clientId),
        clientSecret: pulumi.secret(args.clientSecret),
        tokenEndpoint: undefined,
    };
}
