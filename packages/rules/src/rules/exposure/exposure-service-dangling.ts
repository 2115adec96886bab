import { defineRule } from "../../helpers/pod";
import { mapSelectorMatches, nsOf, workloadLabelsIn } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const exposureServiceDangling = defineRule({
  id: "exposure-service-dangling",
  title: "Service selects no pods",
  category: "exposure",
  severity: "low",
  profile: "strict",
  kinds: ["Service"],
  description:
    "The Service's selector matches no workload in its namespace, so it has no endpoints; a later workload that happens to carry those labels would silently receive its traffic.",
  remediation: "Fix the selector to match the intended pods, or delete the Service.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/service/"],
  peers: { kubeLinter: ["dangling-service"], kubescape: ["C-0293"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const s of ctx.index.byKind("Service")) {
      const spec = (s as any).spec ?? {};
      // No selector: endpoints are managed by hand or by a controller (ExternalName, headless).
      const sel = spec.selector;
      if (spec.type === "ExternalName" || !sel || typeof sel !== "object" || Object.keys(sel).length === 0) continue;
      const pods = workloadLabelsIn(ctx, nsOf(s));
      if (pods.some((labels) => mapSelectorMatches(sel, labels))) continue;
      yield { object: s, path: "spec.selector", observed: sel, message: `selector matches no workload in namespace ${nsOf(s)}` };
    }
  },
});
