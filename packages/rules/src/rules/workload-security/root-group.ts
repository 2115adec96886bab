import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, containerSC, podSC } from "../../helpers/security-context";

export const rootGroup = defineRule({
  id: "root-group",
  title: "Runs with the root group",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "runAsGroup 0, fsGroup 0 or a supplemental group 0 gives the process GID 0, which owns many sensitive files on the node and in images.",
  remediation: "Use non-zero GIDs for runAsGroup, fsGroup and supplementalGroups.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { trivy: ["KSV-0116"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const psc = podSC(ref);
      for (const f of ["runAsGroup", "fsGroup"]) {
        if (psc[f] === 0) {
          yield { object: ref.object, path: `${ref.path}.securityContext.${f}`, observed: 0, message: `The pod sets ${f}: 0 (root group).` };
        }
      }
      if (Array.isArray(psc.supplementalGroups)) {
        const i = psc.supplementalGroups.indexOf(0);
        if (i >= 0) {
          yield {
            object: ref.object,
            path: `${ref.path}.securityContext.supplementalGroups[${i}]`,
            observed: 0,
            message: "The pod adds supplemental group 0 (root group).",
          };
        }
      }
      for (const c of containers(ref)) {
        if (containerSC(c).runAsGroup !== 0) continue;
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.runAsGroup`,
          observed: 0,
          message: `Container "${containerName(c)}" sets runAsGroup: 0 (root group).`,
        };
      }
    }
  },
});
