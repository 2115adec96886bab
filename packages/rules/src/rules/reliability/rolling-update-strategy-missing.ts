import { defineRule } from "../../helpers/pod";

const FIELD: Record<string, string> = { Deployment: "strategy", DaemonSet: "updateStrategy", StatefulSet: "updateStrategy" };

export const rollingUpdateStrategyMissing = defineRule({
  id: "rolling-update-strategy-missing",
  title: "Workload not updated by rolling update",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: ["Deployment", "DaemonSet", "StatefulSet"],
  description:
    "Recreate stops every pod before starting the new version (downtime on each rollout); OnDelete never rolls pods out, so security fixes in the template do not reach running pods.",
  remediation: "Use the RollingUpdate strategy (the default) with maxUnavailable/maxSurge suited to the workload.",
  references: ["https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy"],
  peers: { kubeLinter: ["no-rolling-update-strategy"], kubescape: ["C-0305"] },
  *evaluate(ctx) {
    for (const kind of Object.keys(FIELD)) {
      const field = FIELD[kind]!;
      for (const obj of ctx.index.byKind(kind)) {
        const type = (obj as any).spec?.[field]?.type;
        if (type === undefined || type === null || type === "RollingUpdate") continue;
        yield {
          object: obj,
          path: `spec.${field}.type`,
          observed: String(type),
          message: `${kind} "${obj.metadata.name}" uses the ${type} update strategy.`,
        };
      }
    }
  },
});
