import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

const METRICS = /metricsBindAddress:\s*["']?([^"'\s]*)/;

export const exposureKubeProxyMetrics = defineRule({
  id: "exposure-kube-proxy-metrics",
  title: "kube-proxy serves metrics on all interfaces",
  category: "exposure",
  severity: "low",
  kinds: ["ConfigMap"],
  description:
    "kube-proxy's metricsBindAddress bound to 0.0.0.0 exposes its unauthenticated metrics and debug endpoints (port 10249) to everything that can reach the nodes.",
  remediation: "Set metricsBindAddress to 127.0.0.1:10249 in the kube-proxy configuration, or restrict port 10249 with host firewalls.",
  references: ["https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/"],
  peers: { kubescape: ["C-0291"], nsa: ["CP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const cm of ctx.index.byKind("ConfigMap")) {
      if (cm.metadata?.name !== "kube-proxy" || cm.metadata?.namespace !== "kube-system") continue;
      const data = (cm as any).data ?? {};
      for (const key of Object.keys(data)) {
        const v = data[key];
        if (typeof v !== "string") continue;
        const m = METRICS.exec(v);
        if (!m) continue;
        const addr = m[1] ?? "";
        // Empty (kubeadm writes "") means kube-proxy's default, 127.0.0.1:10249.
        if (addr === "" || addr.startsWith("127.") || addr.startsWith("localhost") || addr.startsWith("[::1]")) continue;
        yield { object: cm, path: `data["${key}"]`, observed: `metricsBindAddress: ${addr}`, message: `kube-proxy metrics bind to ${addr}, reachable from the network` };
      }
    }
  },
});
