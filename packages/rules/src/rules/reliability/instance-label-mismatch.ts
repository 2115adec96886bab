import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";

const LABEL = "app.kubernetes.io/instance";

export const instanceLabelMismatch = defineRule({
  id: "instance-label-mismatch",
  title: "app.kubernetes.io/instance label missing or not the object name",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Tools (dashboards, cost reports, Polaris, Argo CD) group objects by the recommended app.kubernetes.io/instance label. When it is missing or differs from the object's name, ownership and blast radius are hard to trace.",
  remediation: "Set metadata.labels[app.kubernetes.io/instance] to the object's name.",
  references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/"],
  peers: { polaris: ["metadataAndInstanceMismatched"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const name = ref.object.metadata.name;
      const v = ref.object.metadata.labels?.[LABEL];
      if (v === name) continue;
      yield {
        object: ref.object,
        path: `metadata.labels["${LABEL}"]`,
        observed: v ?? "<unset>",
        message: v === undefined ? `${ref.object.kind} "${name}" has no ${LABEL} label.` : `${ref.object.kind} "${name}" has ${LABEL}="${v}".`,
      };
    }
  },
});
