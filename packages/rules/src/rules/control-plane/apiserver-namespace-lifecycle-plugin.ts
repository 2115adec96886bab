// API server disables the NamespaceLifecycle plugin (CIS 1.2.13, KCV-0015). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverNamespaceLifecyclePlugin = controlPlaneRule("apiserver-namespace-lifecycle-plugin");
