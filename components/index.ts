// The `flexplane` entry point: the cloud-agnostic DataPlane, the Airbyte API resources and the shared
// types. It loads no AWS, Google Cloud or Azure SDK; those live behind `flexplane/aws`,
// `flexplane/gcp` and `flexplane/azure`.
export * from "./shared";
export * from "./dataplane";
export * from "./airbyte";
