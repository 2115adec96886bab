import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { caps, containerName, perContainer, scFix } from "../../helpers/security-context";

// Linux-only setting: Windows pods (spec.os.name windows) ignore it, so they are not judged.
const LINUX_ONLY = { skipWindows: true };

export const capsDropAny = defineRule({
  id: "caps-drop-any",
  title: "No capability dropped",
  category: "workload-security",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description: "The container drops no capability at all, so it runs with the runtime's full default set.",
  remediation: "Set securityContext.capabilities.drop: [ALL] (or at least the capabilities the process does not use).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container"],
  peers: { trivy: ["KSV-0004"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const { drop, base } = caps(c);
      if (drop.length > 0) return;
      return {
        object: ref.object,
        path: `${base}.drop`,
        observed: "unset",
        message: `Container "${containerName(c)}" drops no capabilities.`,
        fix: scFix(c, "capabilities:\n  drop: [ALL]"),
      };
    }, LINUX_ONLY);
  },
});
