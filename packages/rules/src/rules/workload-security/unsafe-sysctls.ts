import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { podSC, show } from "../../helpers/security-context";

// The namespaced sysctls the Pod Security Standards (baseline, latest policy) allow.
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
  "net.ipv4.tcp_notsent_lowat",
  "net.ipv4.tcp_slow_start_after_idle",
]);

export const unsafeSysctls = defineRule({
  id: "unsafe-sysctls",
  title: "Unsafe sysctl",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "The pod sets a sysctl outside the safe, namespaced set. Unsafe sysctls can affect other pods on the node or the node itself (memory, IPC, networking limits) and are disabled unless the kubelet allows them.",
  remediation: "Remove the sysctl from spec.securityContext.sysctls, or tune it on dedicated nodes through node configuration.",
  references: ["https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/"],
  peers: { trivy: ["KSV-0026"], pss: ["baseline:sysctls"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const list = podSC(ref).sysctls;
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        const name = list[i]?.name;
        if (typeof name === "string" && SAFE_SYSCTLS.has(name)) continue;
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.sysctls[${i}].name`,
          observed: name,
          message: `The pod sets the unsafe sysctl ${show(name)}.`,
        };
      }
    }
  },
});
