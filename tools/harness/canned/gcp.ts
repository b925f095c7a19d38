// The GCP tables live in flexplane/testing, which consumers use too.
export * from "../../../components/testing/gcp";
