import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { caps, containerName, perContainer, scFix, show } from "../../helpers/security-context";
import type { RawFinding } from "../../types";

// Pod Security Standards (restricted): drop ALL, add nothing but NET_BIND_SERVICE; Windows pods
// are exempt. Added names are compared as written, as admission does; "ALL" in drop in any case,
// since runtimes treat "all" the same and Trivy accepts it.
export const capsOnlyNetBindService = defineRule({
  id: "caps-only-net-bind-service",
  title: "Capabilities not restricted",
  category: "workload-security",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "The restricted Pod Security Standard requires every container to drop ALL capabilities and add back at most NET_BIND_SERVICE.",
  remediation: "Set securityContext.capabilities.drop: [ALL] and remove every added capability except NET_BIND_SERVICE.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: { trivy: ["KSV-0106"], pss: ["restricted:capabilities_restricted"], cis: ["5.2.10"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(
      ctx,
      (ref, c) => {
        const { addRaw, drop, base } = caps(c);
        const out: RawFinding[] = [];
        if (!drop.includes("ALL")) {
          out.push({
            object: ref.object,
            path: `${base}.drop`,
            observed: drop.length ? drop.join(",") : "unset",
            message: `Container "${containerName(c)}" does not drop ALL capabilities.`,
            fix: scFix(c, "capabilities:\n  drop: [ALL]"),
          });
        }
        addRaw.forEach((n, i) => {
          if (n === "NET_BIND_SERVICE") return;
          out.push({
            object: ref.object,
            path: `${base}.add[${i}]`,
            observed: n,
            message: `Container "${containerName(c)}" adds ${show(n)}; only NET_BIND_SERVICE is allowed.`,
          });
        });
        return out;
      },
      { skipWindows: true },
    );
  },
});
