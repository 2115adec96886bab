import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const exposureIngressNoTls = defineRule({
  id: "exposure-ingress-no-tls",
  title: "Ingress serves plain HTTP",
  category: "exposure",
  severity: "medium",
  kinds: ["Ingress"],
  description: "An Ingress without spec.tls serves its hosts over unencrypted HTTP: credentials and data cross the network in clear text.",
  remediation: "Add spec.tls with a certificate Secret for each host (e.g. issued by cert-manager).",
  references: ["https://kubernetes.io/docs/concepts/services-networking/ingress/#tls"],
  peers: { polaris: ["tlsSettingsMissing"], kubescape: ["C-0263"], nsa: ["ENC"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const ing of ctx.index.byKind("Ingress")) {
      const tls = (ing as any).spec?.tls;
      if (Array.isArray(tls) && tls.length > 0) continue;
      yield {
        object: ing,
        path: "spec.tls",
        message: "Ingress has no TLS configuration",
        fix: { type: "yaml", content: "spec:\n  tls:\n    - hosts: [example.com]\n      secretName: example-tls\n", description: "Add a TLS section for each host" },
      };
    }
  },
});
