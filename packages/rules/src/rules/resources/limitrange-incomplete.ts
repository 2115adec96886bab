import { defineRule } from "../../helpers/pod";

const FIELDS = ["default", "defaultRequest", "max", "min"] as const;

export const limitrangeIncomplete = defineRule({
  id: "limitrange-incomplete",
  title: "LimitRange without defaults and bounds",
  category: "resources",
  severity: "low",
  profile: "strict",
  kinds: ["LimitRange"],
  description:
    "A LimitRange only protects a namespace when it sets default limits, default requests and min/max bounds; one missing any of these leaves containers without resources unconstrained.",
  remediation: "Give the LimitRange a type: Container entry with default, defaultRequest, max and min.",
  references: ["https://kubernetes.io/docs/concepts/policy/limit-range/"],
  peers: { trivy: ["KSV-0039"], nsa: ["RP"] },
  *evaluate(ctx) {
    for (const lr of ctx.index.byKind("LimitRange")) {
      const limits = (lr as any).spec?.limits;
      if (!Array.isArray(limits) || limits.length === 0) {
        yield { object: lr, path: "spec.limits", message: `LimitRange "${lr.metadata.name}" defines no limits.` };
        continue;
      }
      const missing: string[] = [];
      for (const f of FIELDS) {
        if (!limits.some((l: any) => l && typeof l === "object" && l[f] && typeof l[f] === "object" && Object.keys(l[f]).length > 0)) {
          missing.push(f);
        }
      }
      if (!limits.some((l: any) => l && typeof l.type === "string")) missing.push("type");
      if (missing.length === 0) continue;
      yield {
        object: lr,
        path: "spec.limits",
        observed: missing.join(","),
        message: `LimitRange "${lr.metadata.name}" sets no ${missing.join(", ")}.`,
      };
    }
  },
});
