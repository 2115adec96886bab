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
      const ann = s.metadata?.annotations ?? {};
      if (INTERNAL.some(([k, ok]) => typeof ann[k] === "string" && ok(ann[k]!))) continue;
      const ranges: unknown = spec.loadBalancerSourceRanges;
      if (Array.isArray(ranges) && ranges.length > 0 && !ranges.includes("0.0.0.0/0")) continue;
      const ports = Array.isArray(spec.ports) ? spec.ports.map((p: any) => p?.port).filter((x: unknown) => x !== undefined).join(",") : "";
      yield { object: s, path: "spec.type", observed: "LoadBalancer", message: `Service is exposed by a public load balancer${ports ? ` on ports ${ports}` : ""} with no source-range restriction` };
    }
  },
});
