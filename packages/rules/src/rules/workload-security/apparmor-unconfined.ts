import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, containerSC, podSC, show } from "../../helpers/security-context";
import type { RawFinding } from "../../types";

const ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

function annotationOk(v: unknown): boolean {
  return v === "" || v === "runtime/default" || (typeof v === "string" && v.startsWith("localhost/"));
}
function fieldOk(p: any): boolean {
  return p?.type === "RuntimeDefault" || p?.type === "Localhost";
}

// Pod Security Standards (baseline): AppArmor may be left at the default or set to RuntimeDefault /
// a Localhost profile; Unconfined (field) or anything else (annotation) is forbidden.
export const apparmorUnconfined = defineRule({
  id: "apparmor-unconfined",
  title: "AppArmor disabled or overridden",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "An AppArmor profile of Unconfined (appArmorProfile field) or anything other than runtime/default or localhost/<profile> (legacy annotation) removes the mandatory access control the runtime applies by default.",
  remediation: "Remove the override, or use appArmorProfile.type: RuntimeDefault / Localhost (annotation values runtime/default or localhost/<profile>).",
  references: ["https://kubernetes.io/docs/tutorials/security/apparmor/"],
  peers: { trivy: ["KSV-0002"], pss: ["baseline:appArmorProfile"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const out: RawFinding[] = [];
      for (const [k, v] of Object.entries(ref.meta.annotations)) {
        if (!k.startsWith(ANNOTATION_PREFIX) || annotationOk(v)) continue;
        out.push({
          object: ref.object,
          path: `${ref.metaPath}.annotations["${k}"]`,
          observed: v,
          message: `AppArmor annotation for container "${k.slice(ANNOTATION_PREFIX.length)}" is "${show(v)}", not runtime/default or localhost/*.`,
        });
      }
      const pod = podSC(ref).appArmorProfile;
      if (pod && !fieldOk(pod)) {
        out.push({
          object: ref.object,
          path: `${ref.path}.securityContext.appArmorProfile.type`,
          observed: pod.type ?? "unset",
          message: `The pod sets AppArmor profile ${pod.type == null ? "without a type" : show(pod.type)}.`,
        });
      }
      for (const c of containers(ref)) {
        const p = containerSC(c).appArmorProfile;
        if (!p || fieldOk(p)) continue;
        out.push({
          object: ref.object,
          path: `${c.path}.securityContext.appArmorProfile.type`,
          observed: p.type ?? "unset",
          message: `Container "${containerName(c)}" sets AppArmor profile ${p.type == null ? "without a type" : show(p.type)}.`,
        });
      }
      yield* out;
    }
  },
});
