import { defineRule } from "../../helpers/pod";
import { findNamed, nsOf } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const exposureIngressDangling = defineRule({
  id: "exposure-ingress-dangling",
  title: "Ingress routes to a Service that does not exist",
  category: "exposure",
  severity: "low",
  profile: "strict",
  kinds: ["Ingress"],
  requiresKinds: ["Service"],
  description:
    "A backend Service named by the Ingress is missing from its namespace: requests fail, and whoever creates a Service with that name receives the host's traffic.",
  remediation: "Point the backend at an existing Service, or remove the path.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/ingress/"],
  peers: { kubeLinter: ["dangling-ingress"], kubescape: ["C-0298"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const ing of ctx.index.byKind("Ingress")) {
      const spec = (ing as any).spec ?? {};
      const ns = nsOf(ing);
      const check = function* (backend: any, path: string): Iterable<RawFinding> {
        const name = backend?.service?.name ?? backend?.serviceName;
        if (typeof name !== "string" || !name) return;
        if (findNamed(ctx, "Service", ns, name)) return;
        yield { object: ing, path, observed: name, message: `backend Service ${ns}/${name} does not exist` };
      };
      if (spec.defaultBackend) yield* check(spec.defaultBackend, "spec.defaultBackend.service.name");
      if (spec.backend) yield* check(spec.backend, "spec.backend.serviceName");
      const rules = Array.isArray(spec.rules) ? spec.rules : [];
      for (let i = 0; i < rules.length; i++) {
        const paths = rules[i]?.http?.paths;
        if (!Array.isArray(paths)) continue;
        for (let j = 0; j < paths.length; j++) {
          const b = paths[j]?.backend;
          const field = b?.service ? "backend.service.name" : "backend.serviceName";
          yield* check(b, `spec.rules[${i}].http.paths[${j}].${field}`);
        }
      }
    }
  },
});
