import { controllerInSnapshot, defineRule } from "../../helpers/pod";
import { hpasFor, pdbsFor, replicasOf, resolveIntOrPercent, SCALABLE_KINDS } from "../../helpers/reliability";

export const pdbMinAvailableTooHigh = defineRule({
  id: "pdb-min-available-too-high",
  title: "PodDisruptionBudget minAvailable leaves no room for disruption",
  category: "reliability",
  severity: "low",
  profile: "strict",
  kinds: ["PodDisruptionBudget", ...SCALABLE_KINDS],
  requiresKinds: ["HorizontalPodAutoscaler"],
  description:
    "When a PDB's minAvailable exceeds the HPA's minReplicas, or reaches the workload's fixed replica count, no pod can ever be evicted once the workload runs at that size: drains and upgrades block.",
  remediation: "Lower minAvailable below the replica count (or the HPA's minReplicas), or use maxUnavailable instead.",
  references: ["https://kubernetes.io/docs/tasks/run-application/configure-pdb/"],
  peers: { polaris: ["pdbMinAvailableGreaterThanHPAMinReplicas"], kubeLinter: ["pdb-min-available"] },
  *evaluate(ctx) {
    for (const kind of SCALABLE_KINDS) {
      for (const w of ctx.index.byKind(kind)) {
        // A Deployment's ReplicaSets are judged through the Deployment.
        if (controllerInSnapshot(w, ctx.index)) continue;
        const pdbs = pdbsFor(ctx, w);
        if (pdbs.length === 0) continue;
        const replicas = replicasOf(w);
        const hpa = hpasFor(ctx, w)[0];
        const hpaMin = hpa ? (hpa as any).spec?.minReplicas : undefined;
        for (const pdb of pdbs) {
          const raw = (pdb as any).spec?.minAvailable;
          if (raw === undefined || raw === null) continue;
          const minAvail = resolveIntOrPercent(raw, replicas);
          if (minAvail === undefined) continue;
          if (hpa) {
            if (typeof hpaMin !== "number" || minAvail <= hpaMin) continue;
            yield {
              object: pdb,
              path: "spec.minAvailable",
              observed: String(raw),
              message: `PodDisruptionBudget "${pdb.metadata.name}" requires ${minAvail} pods available but HPA "${hpa.metadata.name}" may scale ${kind} "${w.metadata.name}" down to ${hpaMin}.`,
            };
          } else if (replicas !== undefined && replicas > 0 && minAvail >= replicas) {
            yield {
              object: pdb,
              path: "spec.minAvailable",
              observed: String(raw),
              message: `PodDisruptionBudget "${pdb.metadata.name}" requires ${minAvail} of the ${replicas} replicas of ${kind} "${w.metadata.name}" available, so none can be evicted.`,
            };
          }
        }
      }
    }
  },
});
