import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

// OpenShift's own SCCs that intentionally allow privileged pods for platform components.
const PLATFORM = new Set(["privileged", "node-exporter", "hostaccess", "hostmount-anyuid", "hostnetwork", "hostnetwork-v2"]);

export const admissionSccPrivileged = defineRule({
  id: "admission-scc-privileged",
  title: "SecurityContextConstraints allows privileged containers",
  category: "admission",
  severity: "high",
  kinds: ["SecurityContextConstraints"],
  description:
    "On OpenShift, an SCC with allowPrivilegedContainer: true lets every user and service account it is granted to run privileged containers, i.e. take over the node.",
  remediation: "Set allowPrivilegedContainer: false, or restrict the SCC's users/groups to dedicated infrastructure service accounts.",
  references: ["https://docs.openshift.com/container-platform/latest/authentication/managing-security-context-constraints.html"],
  peers: { kubeLinter: ["scc-deny-privileged-container"], nsa: ["PS-ENF"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const scc of ctx.index.byKind("SecurityContextConstraints")) {
      if ((scc as any).allowPrivilegedContainer !== true) continue;
      if (PLATFORM.has(scc.metadata?.name ?? "")) continue;
      yield { object: scc, path: "allowPrivilegedContainer", observed: true, message: `SCC ${scc.metadata?.name} allows privileged containers` };
    }
  },
});
