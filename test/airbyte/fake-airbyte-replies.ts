/**
 * The error answers airbyte-server gives, built as it builds them (airbytehq/airbyte-platform HEAD 310e6cb).
 * Problem bodies are `Jsons.serialize(problem)` (airbyte-commons-server `AbstractThrowableProblemHandler`), with
 * the defaults of `airbyte-api/problems-api/src/main/openapi/api-problems.yaml`.
 */
import { randomUUID } from "node:crypto";

export type Reply = { status: number; body?: unknown; text?: string; headers?: Record<string, string>; delayMs?: number };

/** An exception no handler maps: only an errorId (`UncaughtExceptionHandler`, and alike with other statuses). */
export function errorIdOnly(status: number): Reply {
    return { status, body: { errorId: randomUUID() } };
}

/** `UnexpectedProblem` (500): what `ConfigClientErrorHandler.handleError` makes of any other exception. */
export function unexpectedProblem(message: string): Reply {
    return {
        status: 500,
        body: {
            status: 500,
            type: "https://reference.airbyte.com/reference/errors",
            title: "unexpected-problem",
            detail: "An unexpected problem has occurred. If this is an error that needs to be addressed, please submit a pull request or github issue.",
            data: { message },
        },
    };
}

/** `ForbiddenProblem` (403) from `RoleResolver.requireRole` / `requireOneOfRoles`. */
export function forbiddenProblem(role?: string): Reply {
    const message = role
        ? `Caller does not have the required ${role} permissions to access the resource(s).`
        : "Caller does not have the required permissions to access the resource(s).";
    return {
        status: 403,
        body: {
            status: 403,
            type: "https://reference.airbyte.com/reference/errors#forbidden",
            title: "forbidden",
            detail: "The request is forbidden.",
            data: { message },
        },
    };
}

/** `LicenseEntitlementProblem` (403) from `EntitlementService.ensureEntitled(org, SelfManagedRegionsEntitlement)`. */
export function entitlementProblem(): Reply {
    return {
        status: 403,
        body: {
            status: 403,
            type: "error:license/entitlement",
            title: "License Entitlement Error",
            detail: "The license for this organization is not entitled to use the requested feature.",
            data: { entitlement: "feature-self-managed-regions" },
        },
    };
}

/** Every unmapped path: `NotFoundController` answers 404 with the text `Object not found.` (not JSON). */
export function routeNotFound(): Reply {
    return { status: 404, text: "Object not found." };
}

/**
 * A path argument that is not a UUID: Micronaut cannot bind the `UUID` parameter and answers 400 with its own
 * error body (Micronaut's default; not in airbyte-server's source).
 */
export function unconvertibleArgument(name: string, value: string): Reply {
    return {
        status: 400,
        body: {
            message: "Bad Request",
            _embedded: {
                errors: [{ message: `Failed to convert argument [${name}] for value [${value}] due to: Invalid UUID string: ${value}` }],
            },
        },
    };
}
