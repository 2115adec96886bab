import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";

function hasSettings(sc: unknown): boolean {
  if (!sc || typeof sc !== "object") return false;
  // Keys starting with "__" are annotations some tools add to parsed manifests, not settings.
  return Object.keys(sc).some((k) => !k.startsWith("__"));
}

export const securityContextPresent = defineRule({
  id: "security-context-present",
  title: "Pod has no security context",
  category: "workload-security",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "The pod spec sets no securityContext at all, so every pod-wide default (user, group, fsGroup, seccomp) is left to the image and the runtime.",
  remediation: "Set spec.securityContext with at least runAsNonRoot, runAsUser/runAsGroup, fsGroup and seccompProfile.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { trivy: ["KSV-0118"], cis: ["5.7.3"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (hasSettings(ref.spec.securityContext)) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.securityContext`,
        observed: ref.spec.securityContext === undefined ? "unset" : "{}",
        message: "The pod spec has no securityContext settings.",
        fix: {
          type: "yaml",
          content: `# ${ref.path}\nsecurityContext:\n  runAsNonRoot: true\n  runAsUser: 10001\n  runAsGroup: 10001\n  fsGroup: 10001\n  seccompProfile:\n    type: RuntimeDefault\n`,
        },
      };
    }
  },
});
