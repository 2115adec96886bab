import { defineRule, podSpecOf } from "../../helpers/pod";
import { mapSelectorMatches, selectorMatches } from "../../helpers/selectors";

export const selectorTemplateMismatch = defineRule({
  id: "selector-template-mismatch",
  title: "Workload selector does not match its pod template",
  category: "reliability",
  severity: "low",
  profile: "strict",
  kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"],
  description:
    "A controller whose selector does not select its own pod template's labels is rejected by the API or, for older objects, never manages its pods.",
  remediation: "Make spec.selector match labels present in spec.template.metadata.labels.",
  references: ["https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector"],
  peers: { kubeLinter: ["mismatching-selector"], kubescape: ["C-0296"] },
  *evaluate(ctx) {
    for (const kind of ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"]) {
      for (const obj of ctx.index.byKind(kind)) {
        const ref = podSpecOf(obj);
        if (!ref) continue;
        const sel = (obj as any).spec?.selector;
        // An RC without a selector defaults it to the template labels.
        if (kind === "ReplicationController") {
          if (!sel || Object.keys(sel).length === 0 || mapSelectorMatches(sel, ref.meta.labels)) continue;
        } else {
          if (sel === undefined || sel === null) continue;
          if (selectorMatches(sel, ref.meta.labels)) continue;
        }
        yield {
          object: obj,
          path: "spec.selector",
          message: `${kind} "${obj.metadata.name}" selector does not match its pod template labels.`,
        };
      }
    }
  },
});
