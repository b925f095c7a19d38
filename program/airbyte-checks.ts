/**
 * Pure checks of the keys that reach Airbyte's API (the URLs, the application, registration), run
 * with the rest of the stack's checks before anything is created.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkApiUrl } from "../components/airbyte/url";
import { validateDataplaneArgs } from "../components/airbyte/dataplane";
import { InputProblems } from "../components/shared/errors";
import { DEFAULT_AIRBYTE_URL } from "../components/dataplane/args";
import { normalizeAirbyteUrl } from "../components/dataplane/resolve";
import { registrationSources } from "./argument-sources";
import { refuseUnused, requireSecret, StackInputs, valueOf } from "./config";
import { airbyteApplication, healthTimeoutProblem } from "./registration";

/** A stand-in region id: the real one is read from the org stack after these checks. */
const REGION_ID_STAND_IN = "00000000-0000-4000-8000-000000000000";

/** `flexplane:airbyteUrl`, as DataPlane checks it (https, no query), under its stack key. */
export function checkAirbyteUrl(inputs: StackInputs): void {
    inputs.problems.adopt({ sources: { airbyteUrl: "flexplane:airbyteUrl" } }, () => {
        const problems = new InputProblems("airbyteUrl");
        normalizeAirbyteUrl(problems, valueOf<string>(inputs, "airbyteUrl") ?? DEFAULT_AIRBYTE_URL);
        problems.throwIfAny();
    });
}

/**
 * `flexplane:airbyteApiUrl` when given. Derived from `flexplane:airbyteUrl` otherwise, which is then
 * the key to fix: the derived URL is never quoted back to the user, who did not write it.
 */
export function checkApiUrlKey(inputs: StackInputs): void {
    const explicit = valueOf<string>(inputs, "airbyteApiUrl");
    if (explicit !== undefined) {
        const checked = checkApiUrl(explicit);
        if ("problem" in checked) {
            inputs.problems.add("flexplane:airbyteApiUrl", checked.problem);
        }
    }
}

/** The Airbyte application, when both halves are set; a half is a problem under the missing key. */
export function applicationOf(inputs: StackInputs): ReturnType<typeof airbyteApplication> {
    const keys = ["flexplane:airbyteApplicationClientId", "flexplane:airbyteApplicationClientSecret"];
    let application: ReturnType<typeof airbyteApplication> = undefined;
    // The check already names the stack key that is missing.
    inputs.problems.adopt({ sources: Object.fromEntries(keys.map((k) => [k, k])) }, () => {
        application = airbyteApplication(inputs.pulumiConfig);
    });
    return application;
}

/**
 * How a region stack gets its data plane's credentials, checked: registered by the stack (an
 * application, an org stack and an Airbyte region) or given as the two `dataPlaneClient*` secrets.
 * Returns whether the stack registers the data plane.
 */
export function checkRegistration(inputs: StackInputs): boolean {
    const application = applicationOf(inputs);
    const halfApplication =
        inputs.problems.has("flexplane:airbyteApplicationClientId") || inputs.problems.has("flexplane:airbyteApplicationClientSecret");
    const registers = application !== undefined || halfApplication;
    if (!registers) {
        for (const name of ["dataPlaneClientId", "dataPlaneClientSecret"]) {
            requireSecret(
                inputs,
                name,
                "unless the stack registers the data plane (flexplane:airbyteApplicationClientId and ...Secret with flexplane:orgStack)",
            );
        }
        refuseUnused(
            inputs,
            ["dataPlaneName", "airbyteApiUrl"],
            "only registration reads it, and without flexplane:airbyteApplicationClientId the stack does not register the data plane",
        );
        return false;
    }
    refuseUnused(
        inputs,
        ["dataPlaneClientId", "dataPlaneClientSecret"],
        "the stack registers the data plane with the Airbyte application and installs the credentials Airbyte returns",
    );
    for (const key of ["orgStack", "airbyteRegion"]) {
        if (valueOf(inputs, key) === undefined) {
            inputs.problems.add(
                `flexplane:${key}`,
                "is required to register the data plane: set flexplane:orgStack and flexplane:airbyteRegion " +
                    "(a region the org stack creates), or remove the application credentials and set flexplane:dataPlaneClientId and flexplane:dataPlaneClientSecret.",
            );
        }
    }
    checkApiUrlKey(inputs);
    const healthTimeout = valueOf<number>(inputs, "dataPlaneHealthTimeoutSeconds");
    const timeoutProblem = healthTimeout === undefined ? undefined : healthTimeoutProblem(healthTimeout);
    if (timeoutProblem) {
        inputs.problems.add("flexplane:dataPlaneHealthTimeoutSeconds", timeoutProblem);
    }
    if (application !== undefined) {
        const apiUrlKey = valueOf(inputs, "airbyteApiUrl") !== undefined ? "flexplane:airbyteApiUrl" : "flexplane:airbyteUrl";
        inputs.problems.adopt(registrationSources(apiUrlKey), () =>
            validateDataplaneArgs("airbyte-dataplane", {
                application,
                regionId: REGION_ID_STAND_IN,
                name: valueOf<string>(inputs, "dataPlaneName") ?? inputs.stack,
                // The derived URL is checked through flexplane:airbyteUrl.
                apiUrl: valueOf<string>(inputs, "airbyteApiUrl") ?? pulumi.output(""),
            }),
        );
    }
    return true;
}
