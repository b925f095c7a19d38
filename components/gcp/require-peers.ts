// Imported first by the `flexplane/gcp` entry point: refuses to load, with the install command, when
// the cloud SDKs it always needs are missing. Peers needed only by some options are checked by the
// component's argument validation.
import { requirePeers } from "../shared/peers";

requirePeers("flexplane/gcp", ["@pulumi/gcp"]);
