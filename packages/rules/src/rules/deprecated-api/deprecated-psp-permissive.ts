import { clusterMinor } from "../../helpers/deprecations";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const deprecatedPspPermissive = defineRule({
  id: "deprecated-psp-permissive",
  title: "PodSecurityPolicy allows privileged or host access",
  category: "deprecated-api",
  severity: "high",
  kinds: ["PodSecurityPolicy"],
  description:
    "On clusters before 1.25 that still enforce PodSecurityPolicy, a policy allowing privileged containers, host namespaces, privilege escalation, root users or added capabilities lets every pod it authorizes take over its node.",
  remediation: "Tighten the policy (privileged: false, hostPID/hostIPC/hostNetwork: false, allowPrivilegeEscalation: false, runAsUser MustRunAsNonRoot, requiredDropCapabilities [ALL]) and plan the migration to Pod Security Admission.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-policy/"],
  peers: { kubescape: ["C-0213", "C-0214", "C-0215", "C-0216", "C-0217", "C-0218", "C-0219", "C-0220"], cis: ["5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6", "5.2.7", "5.2.8", "5.2.9"], nsa: ["PS-ENF"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const v = clusterMinor(ctx);
    if (v && v[0] === 1 && v[1] >= 25) return;
    for (const psp of ctx.index.byKind("PodSecurityPolicy")) {
      const s = (psp as any).spec ?? {};
      const name = psp.metadata?.name;
      const flag = (field: string, what: string) => (s[field] === true ? [{ object: psp, path: `spec.${field}`, observed: true, message: `PodSecurityPolicy ${name} allows ${what}` }] : []);
      yield* flag("privileged", "privileged containers");
      yield* flag("hostPID", "the host PID namespace");
      yield* flag("hostIPC", "the host IPC namespace");
      yield* flag("hostNetwork", "the host network");
      // allowPrivilegeEscalation defaults to true in a PSP.
      if (s.allowPrivilegeEscalation !== false) {
        yield { object: psp, path: "spec.allowPrivilegeEscalation", observed: s.allowPrivilegeEscalation ?? "(default true)", message: `PodSecurityPolicy ${name} allows privilege escalation` };
      }
      const rule = s.runAsUser?.rule;
      const ranges: any[] = Array.isArray(s.runAsUser?.ranges) ? s.runAsUser.ranges : [];
      if (rule === "RunAsAny" || (rule === "MustRunAs" && ranges.some((r) => Number(r?.min) === 0))) {
        yield { object: psp, path: "spec.runAsUser.rule", observed: rule, message: `PodSecurityPolicy ${name} allows containers to run as root` };
      }
      const allowed: unknown = s.allowedCapabilities;
      if (Array.isArray(allowed) && allowed.length > 0) {
        yield { object: psp, path: "spec.allowedCapabilities", observed: allowed, message: `PodSecurityPolicy ${name} lets pods add capabilities ${allowed.join(", ")}` };
      }
      const drop: unknown = s.requiredDropCapabilities;
      if (!Array.isArray(drop) || !(drop.includes("ALL") || drop.includes("NET_RAW"))) {
        yield { object: psp, path: "spec.requiredDropCapabilities", observed: drop ?? "(unset)", message: `PodSecurityPolicy ${name} does not require dropping NET_RAW (or ALL)` };
      }
    }
  },
});
