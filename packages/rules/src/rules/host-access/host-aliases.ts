import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { show } from "../../helpers/security-context";

export const hostAliases = defineRule({
  id: "host-aliases",
  title: "Pod overrides /etc/hosts",
  category: "host-access",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "spec.hostAliases writes entries into the pod's /etc/hosts, bypassing cluster DNS; it can silently redirect traffic for a name and hides the dependency from anyone reading DNS.",
  remediation: "Remove hostAliases and publish the name through DNS (a Service, ExternalName Service or CoreDNS configuration).",
  references: ["https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/"],
  peers: { trivy: ["KSV-0007"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const h = ref.spec.hostAliases;
      if (!Array.isArray(h) || h.length === 0) continue;
      const names = h.flatMap((a: any) => (Array.isArray(a?.hostnames) ? a.hostnames : [])).map(show).join(",");
      yield {
        object: ref.object,
        path: `${ref.path}.hostAliases`,
        observed: names,
        message: `The pod overrides /etc/hosts for ${names || "some hostnames"}.`,
      };
    }
  },
});
