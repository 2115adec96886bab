import { clusterMinor, compareVersions, parseMinor } from "../../helpers/deprecations";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const deprecatedKubeletVersionSkew = defineRule({
  id: "deprecated-kubelet-version-skew",
  title: "Node runs an older kubelet than the control plane",
  category: "deprecated-api",
  severity: "medium",
  kinds: ["Node"],
  description:
    "The node's kubelet is older than the API server: it misses the security fixes of the control plane's release, and beyond three minor versions of skew it is unsupported.",
  remediation: "Upgrade the node (or its node pool) to the control plane's Kubernetes version.",
  references: ["https://kubernetes.io/releases/version-skew-policy/#kubelet"],
  peers: { kubescape: ["C-0273"], nsa: ["UPG"] },
  notEvaluable: (ctx) => (clusterMinor(ctx) ? undefined : "control-plane version unknown"),
  *evaluate(ctx): Iterable<RawFinding> {
    const cp = clusterMinor(ctx);
    if (!cp) return;
    for (const node of ctx.index.byKind("Node")) {
      const kv = (node as any).status?.nodeInfo?.kubeletVersion;
      const k = parseMinor(typeof kv === "string" ? kv : undefined);
      if (!k || compareVersions(k, cp) >= 0) continue;
      const skew = cp[0] === k[0] ? cp[1] - k[1] : 99;
      yield {
        object: node,
        path: "status.nodeInfo.kubeletVersion",
        observed: kv,
        message: `kubelet ${kv} is ${skew} minor version${skew === 1 ? "" : "s"} behind the control plane (${cp.join(".")})${skew > 3 ? ": outside the supported skew" : ""}`,
      };
    }
  },
});
