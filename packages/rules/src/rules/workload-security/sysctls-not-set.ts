import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { podSC } from "../../helpers/security-context";

export const sysctlsNotSet = defineRule({
  id: "sysctls-not-set",
  title: "No pod sysctls declared",
  category: "workload-security",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "The pod declares no sysctls, so it relies on node defaults for namespaced kernel parameters. Kubescape's hardening profile expects them stated explicitly; this is inventory, not a weakness.",
  remediation: "If the workload depends on kernel parameters (ports, keepalive), declare the safe ones in spec.securityContext.sysctls.",
  references: ["https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/"],
  peers: { kubescape: ["C-0211:set-sysctls-params"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const s = podSC(ref).sysctls;
      if (Array.isArray(s) && s.length > 0) continue;
      yield { object: ref.object, path: `${ref.path}.securityContext.sysctls`, observed: "unset", message: "The pod declares no sysctls." };
    }
  },
});
