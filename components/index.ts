// The `flexplane` entry point: the cloud-agnostic DataPlane and the shared types. It loads no
// AWS, Google Cloud or Azure SDK; those live behind `flexplane/aws`, `flexplane/gcp`, `flexplane/azure`.
export * from "./shared";
export * from "./dataplane";
