import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const exposureServiceExternalIps = defineRule({
  id: "exposure-service-external-ips",
  title: "Service sets externalIPs",
  category: "exposure",
  severity: "medium",
  kinds: ["Service"],
  description:
    "spec.externalIPs makes kube-proxy capture traffic to those addresses on every node; whoever can create Services can intercept traffic meant for other hosts (CVE-2020-8554).",
  remediation: "Remove externalIPs; use a LoadBalancer or Ingress, and enable the DenyServiceExternalIPs admission plugin.",
  references: ["https://github.com/kubernetes/kubernetes/issues/97076"],
  peers: { trivy: ["KSV-0108"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const s of ctx.index.byKind("Service")) {
      const ips = (s as any).spec?.externalIPs;
      if (!Array.isArray(ips) || ips.length === 0) continue;
      yield { object: s, path: "spec.externalIPs", observed: ips, message: `Service claims external IPs ${ips.join(", ")}` };
    }
  },
});
