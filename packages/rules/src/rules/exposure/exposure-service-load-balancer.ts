import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

// Annotations cloud providers use for load balancers reachable only inside the VPC/VNet.
const INTERNAL: ReadonlyArray<[string, (v: string) => boolean]> = [
  ["service.beta.kubernetes.io/aws-load-balancer-internal", (v) => v === "true" || v === "0.0.0.0/0"],
  ["service.beta.kubernetes.io/aws-load-balancer-scheme", (v) => v === "internal"],
  ["networking.gke.io/load-balancer-type", (v) => v.toLowerCase() === "internal"],
  ["cloud.google.com/load-balancer-type", (v) => v.toLowerCase() === "internal"],
  ["service.beta.kubernetes.io/azure-load-balancer-internal", (v) => v === "true"],
  ["service.beta.kubernetes.io/oci-load-balancer-internal", (v) => v === "true"],
];

// Ingress controllers and gateways are meant to be the public entry point; their exposure is
// judged through the Ingress/Gateway objects they serve.
const ENTRY_POINTS = new Set([
  "ingress-nginx", "nginx-ingress", "traefik", "contour", "envoy", "kong", "istio-ingressgateway", "ingressgateway",
  "haproxy-ingress", "emissary-ingress", "ambassador", "gateway-api-envoy", "cilium-gateway",
]);

function isEntryPoint(selector: unknown): boolean {
  if (!selector || typeof selector !== "object") return false;
  for (const [k, v] of Object.entries(selector as Record<string, unknown>)) {
    if (typeof v !== "string") continue;
    if ((k === "app.kubernetes.io/name" || k === "app" || k === "istio" || k === "app.kubernetes.io/component") && ENTRY_POINTS.has(v)) return true;
  }
  return false;
}

export const exposureServiceLoadBalancer = defineRule({
  id: "exposure-service-load-balancer",
  title: "Service is exposed through a public load balancer",
  category: "exposure",
  severity: "medium",
  kinds: ["Service"],
  description:
    "A Service of type LoadBalancer without an internal-load-balancer annotation or loadBalancerSourceRanges gets a cloud load balancer reachable from the internet.",
  remediation: "Expose HTTP services through an Ingress/Gateway with TLS and authentication, mark the load balancer internal, or restrict spec.loadBalancerSourceRanges.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer"],
  peers: { kubeLinter: ["exposed-services"], kubescape: ["C-0256"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const s of ctx.index.byKind("Service")) {
      const spec = (s as any).spec ?? {};
      if (spec.type !== "LoadBalancer") continue;
      if (isEntryPoint(spec.selector)) continue;
      const ann = s.metadata?.annotations ?? {};
      if (INTERNAL.some(([k, ok]) => typeof ann[k] === "string" && ok(ann[k]!))) continue;
      const ranges: unknown = spec.loadBalancerSourceRanges;
      if (Array.isArray(ranges) && ranges.length > 0 && !ranges.includes("0.0.0.0/0")) continue;
      const ports = Array.isArray(spec.ports) ? spec.ports.map((p: any) => p?.port).filter((x: unknown) => x !== undefined).join(",") : "";
      yield { object: s, path: "spec.type", observed: "LoadBalancer", message: `Service is exposed by a public load balancer${ports ? ` on ports ${ports}` : ""} with no source-range restriction` };
    }
  },
});
