/**
 * What Airbyte's server puts in an error body, and what it means. Every rule cites the airbyte-platform source
 * (HEAD 310e6cb) it models.
 */

/** An error body, read. */
export interface ServerError {
    /**
     * `{errorId}` and nothing else: an exception no handler maps
     * (`airbyte-commons-server/.../errors/handlers/UncaughtExceptionHandler.kt`: "Return only errorId in response";
     * the other handlers in that folder answer the same way with their own status).
     */
    errorId?: string;
    /** Problem `type`, e.g. `error:license/entitlement` (`airbyte-api/problems-api/src/main/openapi/api-problems.yaml`). */
    type?: string;
    /** Problem `title`, e.g. `forbidden`, `unexpected-problem`, `resource-not-found`. */
    title?: string;
    /** Problem `detail`: the problem kind's fixed sentence. */
    detail?: string;
    /** Problem `data.message`: the cause (`ConfigClientErrorHandler.handleError` puts the exception's message here). */
    message?: string;
    /** Problem `data.entitlement`, for a license problem (`EntitlementService.ensureEntitled`). */
    entitlement?: string;
    /** The body when it is not JSON, e.g. `Object not found.` from `NotFoundController`. */
    text?: string;
}

/** Reads an error body; never throws. */
export function readServerError(body: string): ServerError {
    const text = body.trim();
    let parsed: any;
    try {
        parsed = JSON.parse(text);
    } catch {
        return text === "" ? {} : { text };
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        return typeof parsed === "string" && parsed !== "" ? { text: parsed } : {};
    }
    const out: ServerError = {};
    const str = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
    const assign = (key: keyof ServerError, value: unknown) => {
        const s = str(value);
        if (s !== undefined) out[key] = s;
    };
    assign("errorId", parsed.errorId);
    assign("type", parsed.type);
    assign("title", parsed.title);
    assign("detail", parsed.detail);
    assign("message", parsed.data?.message ?? parsed.message ?? parsed.error_description);
    assign("entitlement", parsed.data?.entitlement);
    return out;
}

/** True when the body is only `{errorId}`: an unmapped exception, see `ServerError.errorId`. */
export function isErrorIdOnly(error: ServerError): boolean {
    return error.errorId !== undefined && error.type === undefined && error.title === undefined && error.message === undefined;
}

/**
 * The organization lacks the self-managed-regions entitlement: `LicenseEntitlementProblemResponse`
 * (`type: error:license/entitlement`, status 403), thrown by `EntitlementService.ensureEntitled(orgId,
 * SelfManagedRegionsEntitlement)` in the public RegionController and DataplaneController.
 */
export function isEntitlementProblem(error: ServerError): boolean {
    return error.type === "error:license/entitlement" || error.entitlement !== undefined;
}

/**
 * `ResourceNotFoundProblem` (title `resource-not-found`): a missing object reported inside a handler. A 404
 * without it is an unknown route: `NotFoundController.kt` answers every unmapped path with 404 `Object not found.`.
 */
export function isResourceNotFound(error: ServerError): boolean {
    return error.title === "resource-not-found";
}

/**
 * A region name the server refused on create or rename. `DataplaneGroupServiceDataImpl.validateDataplaneGroupName`
 * throws "Dataplane group name conflicts with a default group name" for the default organization's region names
 * (AUTO, US, EU on Airbyte Cloud); the unique constraint `dataplane_group_organization_id_name_key` (organization_id,
 * name) in `configs_database/schema_dump.txt` covers tombstoned regions too. Neither maps to a problem of its own:
 * `ConfigClientErrorHandler` turns both into `UnexpectedProblem` (500) with the exception's text in `data.message`.
 */
export function isRegionNameTaken(error: ServerError): boolean {
    const message = error.message ?? "";
    return message.includes("dataplane_group_organization_id_name_key") || message.includes("conflicts with a default group name");
}
