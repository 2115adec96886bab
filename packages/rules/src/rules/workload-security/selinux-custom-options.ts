import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, containerSC, podSC, show } from "../../helpers/security-context";
import type { KubeObject, RawFinding } from "../../types";

// The SELinux types the Pod Security Standards (baseline) allow; user and role must stay unset.
const ALLOWED_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);

function check(obj: KubeObject, opts: any, path: string, who: string, out: RawFinding[]): void {
  if (!opts || typeof opts !== "object") return;
  if (opts.type !== undefined && opts.type !== null && !ALLOWED_TYPES.has(opts.type)) {
    out.push({ object: obj, path: `${path}.type`, observed: opts.type, message: `${who} sets SELinux type ${show(opts.type)}.` });
  }
  for (const f of ["user", "role"]) {
    if (opts[f] !== undefined && opts[f] !== null && opts[f] !== "") {
      out.push({ object: obj, path: `${path}.${f}`, observed: opts[f], message: `${who} sets a custom SELinux ${f} (${show(opts[f])}).` });
    }
  }
}

export const selinuxCustomOptions = defineRule({
  id: "selinux-custom-options",
  title: "Custom SELinux user, role or type",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "Setting an SELinux user or role, or a type other than container_t, container_init_t, container_kvm_t or container_engine_t, can place the process in a more privileged SELinux domain (e.g. spc_t, unconfined_t).",
  remediation: "Remove seLinuxOptions.user and .role, and use one of the container SELinux types (or none).",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { trivy: ["KSV-0025"], pss: ["baseline:seLinuxOptions"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const out: RawFinding[] = [];
      check(ref.object, podSC(ref).seLinuxOptions, `${ref.path}.securityContext.seLinuxOptions`, "The pod", out);
      for (const c of containers(ref)) {
        check(ref.object, containerSC(c).seLinuxOptions, `${c.path}.securityContext.seLinuxOptions`, `Container "${containerName(c)}"`, out);
      }
      yield* out;
    }
  },
});
