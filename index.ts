// The stack program: `pulumi up` runs this for the stack's config in stacks/Pulumi.<stack>.yaml.
import { runStack } from "./program";

export = runStack();
