import { clusterMinor } from "../../helpers/deprecations";
import { defineRule } from "../../helpers/pod";
import type { RawFinding, RuleContext } from "../../types";

// Upstream end of maintenance per minor release (kubernetes.io/releases).
const EOL: Record<string, string> = {
  "1.19": "2021-10-28", "1.20": "2022-02-28", "1.21": "2022-06-28", "1.22": "2022-10-28", "1.23": "2023-02-28",
  "1.24": "2023-07-28", "1.25": "2023-10-28", "1.26": "2024-02-28", "1.27": "2024-06-28", "1.28": "2024-10-28",
  "1.29": "2025-02-28", "1.30": "2025-06-28", "1.31": "2025-10-28", "1.32": "2026-02-28", "1.33": "2026-06-28",
  "1.34": "2026-10-27", "1.35": "2027-02-28",
};

/**
 * "Now" without a clock (rules are pure): the scan time, else the newest creationTimestamp in the
 * snapshot, which the scan cannot precede.
 */
function observedNow(ctx: RuleContext): number | undefined {
  if (ctx.snapshot.takenAt) {
    const t = Date.parse(ctx.snapshot.takenAt);
    if (!Number.isNaN(t)) return t;
  }
  let max: number | undefined;
  for (const n of ctx.index.byKind("Namespace")) {
    const c = n.metadata?.creationTimestamp;
    const t = typeof c === "string" ? Date.parse(c) : NaN;
    if (!Number.isNaN(t) && (max === undefined || t > max)) max = t;
  }
  return max;
}

export const deprecatedKubernetesVersionEol = defineRule({
  id: "deprecated-kubernetes-version-eol",
  title: "Kubernetes version is past its end of life",
  category: "deprecated-api",
  severity: "medium",
  kinds: ["Namespace"],
  description:
    "The cluster runs a Kubernetes minor version that no longer receives upstream security fixes (managed platforms may offer paid extended support).",
  remediation: "Upgrade the control plane and nodes to a supported minor version, one minor at a time.",
  references: ["https://kubernetes.io/releases/"],
  peers: { kubescape: ["C-0273"], nsa: ["UPG"] },
  notEvaluable: (ctx) => (clusterMinor(ctx) && observedNow(ctx) !== undefined ? undefined : "Kubernetes version or scan time unknown"),
  *evaluate(ctx): Iterable<RawFinding> {
    const v = clusterMinor(ctx);
    const now = observedNow(ctx);
    if (!v || now === undefined) return;
    const key = `${v[0]}.${v[1]}`;
    const eol = EOL[key] ?? (v[0] === 1 && v[1] < 19 ? "2021-01-01" : undefined);
    if (!eol || now < Date.parse(eol)) return;
    const anchor = ctx.index.byKind("Namespace").find((n) => n.metadata?.name === "kube-system") ?? ctx.index.byKind("Namespace")[0];
    if (!anchor) return;
    yield { object: anchor, path: "metadata", observed: key, message: `Kubernetes ${key} reached upstream end of life on ${eol}` };
  },
});
