import { defineRule } from "../../helpers/pod";

function zero(v: unknown): boolean {
  return v === 0 || v === "0" || v === "0%";
}

export const pdbDisruptionsZero = defineRule({
  id: "pdb-disruptions-zero",
  title: "PodDisruptionBudget allows no voluntary disruption",
  category: "reliability",
  severity: "low",
  profile: "strict",
  kinds: ["PodDisruptionBudget"],
  description:
    "A PDB with maxUnavailable 0 or minAvailable 100% blocks every eviction: node drains hang, and cluster upgrades and autoscaler scale-downs stall until someone deletes the budget by hand.",
  remediation: "Allow at least one disruption, e.g. maxUnavailable: 1, and run enough replicas to tolerate it.",
  references: ["https://kubernetes.io/docs/tasks/run-application/configure-pdb/"],
  peers: { polaris: ["pdbDisruptionsIsZero"], kubeLinter: ["pdb-max-unavailable"] },
  *evaluate(ctx) {
    for (const pdb of ctx.index.byKind("PodDisruptionBudget")) {
      const spec = (pdb as any).spec ?? {};
      if (zero(spec.maxUnavailable)) {
        yield { object: pdb, path: "spec.maxUnavailable", observed: String(spec.maxUnavailable), message: `PodDisruptionBudget "${pdb.metadata.name}" allows no pod to be unavailable.` };
      } else if (spec.minAvailable === "100%") {
        yield { object: pdb, path: "spec.minAvailable", observed: "100%", message: `PodDisruptionBudget "${pdb.metadata.name}" requires 100% of pods available.` };
      }
    }
  },
});
