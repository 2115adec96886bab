import { mergePatchFix } from "../../helpers/merge-patch";
import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, containerSC, podSC } from "../../helpers/security-context";
import type { RawFinding } from "../../types";

// Pod Security Standards (restricted) semantics: the pod sets runAsNonRoot: true and no container
// overrides it with false, or every container sets it true itself. A non-zero runAsUser alone does
// not satisfy it (the image could still start as root if the field is removed later).
export const runAsNonRoot = defineRule({
  id: "run-as-non-root",
  title: "runAsNonRoot not required",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "Without runAsNonRoot: true the kubelet starts a container even when its image runs as UID 0. The Pod Security Standards (restricted) require it at pod level (not overridden) or on every container.",
  remediation: "Set spec.securityContext.runAsNonRoot: true (and remove any container-level runAsNonRoot: false), and run the image as a non-root UID.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: {
    trivy: ["KSV-0012"],
    pss: ["restricted:runAsNonRoot"],
    cis: ["5.2.7"],
    nsa: ["PS-NR"],
  },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const pod = podSC(ref).runAsNonRoot;
      const out: RawFinding[] = [];
      if (pod === false) {
        out.push({
          object: ref.object,
          path: `${ref.path}.securityContext.runAsNonRoot`,
          observed: false,
          message: "The pod sets runAsNonRoot: false.",
        });
      }
      for (const c of containers(ref)) {
        const v = containerSC(c).runAsNonRoot;
        if (v === true) continue;
        if (v === false) {
          out.push({
            object: ref.object,
            path: `${c.path}.securityContext.runAsNonRoot`,
            observed: false,
            message: `Container "${containerName(c)}" sets runAsNonRoot: false.`,
          });
        } else if (pod !== true && pod !== false) {
          out.push({
            object: ref.object,
            path: `${c.path}.securityContext.runAsNonRoot`,
            observed: "unset",
            message: `Container "${containerName(c)}" does not require a non-root user (runAsNonRoot unset at container and pod level).`,
            fix: mergePatchFix(`${ref.path}.securityContext.runAsNonRoot`, true, "Require a non-root user for the whole pod"),
          });
        }
      }
      yield* out;
    }
  },
});
