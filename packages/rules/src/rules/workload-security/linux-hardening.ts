import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { caps, containerName, containerSC, perContainer, podSC } from "../../helpers/security-context";

// Linux-only setting: Windows pods (spec.os.name windows) ignore it, so they are not judged.
const LINUX_ONLY = { skipWindows: true };

const CONFINED = new Set(["RuntimeDefault", "Localhost"]);
const AA_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

function hasSubfield(o: unknown): boolean {
  return !!o && typeof o === "object" && Object.values(o).some((v) => v !== undefined && v !== null && v !== "");
}

// A container counts as hardened when at least one Linux confinement mechanism applies to it:
// seccomp (RuntimeDefault/Localhost, not overridden to Unconfined), SELinux options, an AppArmor
// profile, or dropped capabilities without adding ALL. Same reading as Polaris linuxHardening.
export const linuxHardening = defineRule({
  id: "linux-hardening",
  title: "No Linux hardening",
  category: "workload-security",
  severity: "medium",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "The container has none of seccomp, SELinux options, an AppArmor profile or dropped capabilities, so nothing beyond namespaces and cgroups confines it.",
  remediation: "Apply at least seccompProfile.type: RuntimeDefault and capabilities.drop: [ALL]; add AppArmor or SELinux where the nodes support them.",
  references: ["https://kubernetes.io/docs/concepts/security/linux-kernel-security-constraints/"],
  peers: { polaris: ["linuxHardening"], kubescape: ["C-0055"], cis: ["5.7.2"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const csc = containerSC(c);
      const psc = podSC(ref);
      const cType = csc.seccompProfile?.type;
      if (csc.seccompProfile != null ? CONFINED.has(cType) : CONFINED.has(psc.seccompProfile?.type)) return;
      if (hasSubfield(csc.seLinuxOptions) || hasSubfield(psc.seLinuxOptions)) return;
      const aa = ref.meta.annotations[`${AA_PREFIX}${c.container.name}`];
      if (aa === "runtime/default" || (typeof aa === "string" && aa.startsWith("localhost/"))) return;
      if (CONFINED.has(csc.appArmorProfile?.type) || (csc.appArmorProfile == null && CONFINED.has(psc.appArmorProfile?.type))) return;
      const { add, drop } = caps(c);
      if (drop.length > 0 && !add.includes("ALL")) return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext`,
        observed: "no seccomp, SELinux, AppArmor or dropped capabilities",
        message: `Container "${containerName(c)}" has no Linux hardening (seccomp, SELinux, AppArmor or dropped capabilities).`,
      };
    }, LINUX_ONLY);
  },
});
