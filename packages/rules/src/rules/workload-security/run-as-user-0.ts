import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, containerSC, podSC } from "../../helpers/security-context";

export const runAsUser0 = defineRule({
  id: "run-as-user-0",
  title: "Runs as UID 0",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "runAsUser: 0 explicitly runs the process as root; with any other weakness (writable hostPath, added capability, kernel bug) root in a container is much closer to root on the node.",
  remediation: "Set runAsUser to a non-zero UID (e.g. 10001) and runAsNonRoot: true; build the image to run as that user.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: { trivy: ["KSV-0105"], pss: ["restricted:runAsUser"], cis: ["5.2.7"], nsa: ["PS-NR"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (podSC(ref).runAsUser === 0) {
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.runAsUser`,
          observed: 0,
          message: "The pod sets runAsUser: 0 (root).",
        };
      }
      for (const c of containers(ref)) {
        if (containerSC(c).runAsUser !== 0) continue;
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.runAsUser`,
          observed: 0,
          message: `Container "${containerName(c)}" sets runAsUser: 0 (root).`,
        };
      }
    }
  },
});
