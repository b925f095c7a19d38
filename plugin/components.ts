/**
 * The components the plugin serves, as the schema analyzer reads them (tools/plugin/schema.ts starts
 * here). The provider loads each class only when a program constructs it (provider.ts), so this file
 * is never loaded at run time.
 */
export { DataPlane } from "../components/dataplane/component";
export { EksCluster } from "../components/aws/component";
export { ControlPlaneSecretsRole } from "../components/aws/control-plane-role";
export { GkeCluster } from "../components/gcp/component";
export { AksCluster } from "../components/azure/component";
