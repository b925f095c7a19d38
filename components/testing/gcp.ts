import type * as pulumi from "@pulumi/pulumi";
import type { CannedInvokes, CannedOutputs } from "./types";

/** Project assumed when a resource does not name one. */
export const CANNED_GCP_PROJECT = "flexplane-test";
/** Control-plane address every mocked GKE cluster reports (TEST-NET-3, never routable). */
export const CANNED_GKE_ENDPOINT = "203.0.113.10";
/** Base64 of a stand-in CA certificate. */
export const CANNED_GKE_CA = Buffer.from("-----BEGIN CERTIFICATE-----\nFLEXPLANE-TEST-CA\n-----END CERTIFICATE-----\n").toString("base64");

/** The fake key file a mocked service-account key holds (decoded); never a real credential. */
export function cannedServiceAccountKeyJson(email: string): string {
    return JSON.stringify({
        type: "service_account",
        project_id: email.split("@")[1]?.split(".")[0] ?? CANNED_GCP_PROJECT,
        private_key_id: "0000000000000000000000000000000000000000",
        private_key: "-----BEGIN PRIVATE KEY-----\nFLEXPLANE-TEST-KEY\n-----END PRIVATE KEY-----\n",
        client_email: email,
        client_id: "100000000000000000000",
        token_uri: "https://oauth2.googleapis.com/token",
    });
}

function autoName(args: pulumi.runtime.MockResourceArgs): string {
    return args.inputs?.name ?? `${args.name}-0a1b2c3`;
}

function project(args: pulumi.runtime.MockResourceArgs): string {
    return args.inputs?.project ?? CANNED_GCP_PROJECT;
}

/** Outputs of gcp resources that the program reads back. */
export const gcpOutputs: CannedOutputs = (args) => {
    switch (args.type) {
        case "gcp:container/cluster:Cluster": {
            const name = autoName(args);
            return {
                name,
                endpoint: CANNED_GKE_ENDPOINT,
                masterAuth: { clusterCaCertificate: CANNED_GKE_CA, clientCertificate: "", clientKey: "" },
                location: args.inputs?.location,
                selfLink: `https://container.googleapis.com/v1/projects/${project(args)}/locations/${args.inputs?.location}/clusters/${name}`,
            };
        }
        case "gcp:container/nodePool:NodePool":
            return { name: autoName(args) };
        case "gcp:serviceaccount/account:Account": {
            const email = `${args.inputs?.accountId}@${project(args)}.iam.gserviceaccount.com`;
            return {
                email,
                member: `serviceAccount:${email}`,
                name: `projects/${project(args)}/serviceAccounts/${email}`,
                uniqueId: "100000000000000000001",
            };
        }
        case "gcp:serviceaccount/key:Key": {
            const email =
                String(args.inputs?.serviceAccountId ?? "")
                    .split("/")
                    .pop() ?? "";
            return {
                name: `${args.inputs?.serviceAccountId}/keys/0000000000000000000000000000000000000000`,
                privateKey: Buffer.from(cannedServiceAccountKeyJson(email)).toString("base64"),
            };
        }
        case "gcp:storage/bucket:Bucket": {
            const name = autoName(args);
            return { name, url: `gs://${name}`, selfLink: `https://www.googleapis.com/storage/v1/b/${name}` };
        }
        case "gcp:compute/network:Network": {
            const name = autoName(args);
            return { name, selfLink: `https://www.googleapis.com/compute/v1/projects/${project(args)}/global/networks/${name}` };
        }
        case "gcp:compute/subnetwork:Subnetwork": {
            const name = autoName(args);
            const path = `projects/${project(args)}/regions/${args.inputs?.region}/subnetworks/${name}`;
            return { name, selfLink: `https://www.googleapis.com/compute/v1/${path}` };
        }
        case "gcp:compute/router:Router":
        case "gcp:compute/routerNat:RouterNat":
            return { name: autoName(args) };
    }
    return undefined;
};

/** The project number every mocked project has (GKE's service agent is named after it). */
export const CANNED_GCP_PROJECT_NUMBER = "100000000001";

/** gcp data sources the components call: the project (for its number); region and project come from config. */
export const gcpInvokes: CannedInvokes = (args) => {
    switch (args.token) {
        case "gcp:organizations/getProject:getProject": {
            const projectId = args.inputs?.projectId ?? CANNED_GCP_PROJECT;
            return { projectId, number: CANNED_GCP_PROJECT_NUMBER, name: projectId, id: `projects/${projectId}` };
        }
        default:
            return undefined;
    }
};
