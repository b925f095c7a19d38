export { DataPlane } from "../components/dataplane/component";
export { EksCluster } from "../components/aws/component";
export { ControlPlaneSecretsRole } from "../components/aws/control-plane-role";
export { GkeCluster } from "../components/gcp/component";
export { AksCluster } from "../components/azure/component";
