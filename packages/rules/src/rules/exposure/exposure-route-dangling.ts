import { defineRule } from "../../helpers/pod";
import { findNamed, nsOf } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const exposureRouteDangling = defineRule({
  id: "exposure-route-dangling",
  title: "HTTPRoute routes to a Service that does not exist",
  category: "exposure",
  severity: "low",
  profile: "strict",
  kinds: ["HTTPRoute"],
  requiresKinds: ["Service"],
  description:
    "A Gateway API HTTPRoute backendRef names a Service missing from its namespace: requests fail, and whoever creates a Service with that name receives the route's traffic.",
  remediation: "Point the backendRef at an existing Service, or remove the rule.",
  references: ["https://gateway-api.sigs.k8s.io/api-types/httproute/#backendrefs-optional"],
  peers: { kubescape: ["C-0302"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const route of ctx.index.byKind("HTTPRoute")) {
      const rules = (route as any).spec?.rules;
      if (!Array.isArray(rules)) continue;
      for (let i = 0; i < rules.length; i++) {
        const refs = rules[i]?.backendRefs;
        if (!Array.isArray(refs)) continue;
        for (let j = 0; j < refs.length; j++) {
          const r = refs[j];
          if (!r || typeof r.name !== "string") continue;
          if ((r.kind ?? "Service") !== "Service" || (r.group ?? "") !== "") continue;
          const ns = typeof r.namespace === "string" && r.namespace ? r.namespace : nsOf(route);
          if (findNamed(ctx, "Service", ns, r.name)) continue;
          yield { object: route, path: `spec.rules[${i}].backendRefs[${j}].name`, observed: `${ns}/${r.name}`, message: `backend Service ${ns}/${r.name} does not exist` };
        }
      }
    }
  },
});
