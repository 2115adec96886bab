import { defineRule } from "../../helpers/pod";
import { SYSTEM_NAMESPACES } from "../../helpers/namespaces-scan";
import type { RawFinding } from "../../types";
import { PSA_ENFORCE } from "./namespace-psa-enforce-missing";

export const namespacePsaEnforcePrivileged = defineRule({
  id: "namespace-psa-enforce-privileged",
  title: "Namespace explicitly allows privileged pods",
  category: "namespaces",
  severity: "medium",
  kinds: ["Namespace"],
  description:
    "pod-security.kubernetes.io/enforce=privileged turns Pod Security Admission off for the namespace: privileged containers, host namespaces and hostPath volumes are admitted.",
  remediation: "Use baseline or restricted; keep privileged only for infrastructure namespaces (CNI, CSI, monitoring agents) that need it, and document why.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#privileged"],
  peers: { cis: ["5.2.1"], nsa: ["PS-ENF"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const n of ctx.index.byKind("Namespace")) {
      const name = n.metadata?.name ?? "";
      if (SYSTEM_NAMESPACES.has(name)) continue;
      const v = n.metadata?.labels?.[PSA_ENFORCE];
      if (v !== "privileged") continue;
      yield { object: n, path: `metadata.labels["${PSA_ENFORCE}"]`, observed: v, message: `namespace ${name} enforces the privileged Pod Security Standard (no restrictions)` };
    }
  },
});
