import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./policies";

// The only place the pack is constructed: constructing it starts the analyzer server, so tests and
// the offline plan import ./policies (or ./evaluate) instead of this file.
new PolicyPack("flexplane", {
    description: "Guardrails for Airbyte Enterprise Flex data planes deployed with flexplane.",
    displayName: "Flexplane data planes",
    policies: allPolicies,
});
