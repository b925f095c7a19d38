// The Azure tables live in flexplane/testing, which consumers use too.
export * from "../../../components/testing/azure";
