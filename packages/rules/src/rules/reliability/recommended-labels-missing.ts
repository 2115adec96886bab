import { defineRule, podSpecs } from "../../helpers/pod";

const RECOMMENDED = [
  "app.kubernetes.io/name",
  "app.kubernetes.io/instance",
  "app.kubernetes.io/version",
  "app.kubernetes.io/component",
  "app.kubernetes.io/part-of",
  "app.kubernetes.io/managed-by",
] as const;

function hasAny(labels: Record<string, string> | undefined): boolean {
  if (!labels) return false;
  for (const k of RECOMMENDED) if (typeof labels[k] === "string" && labels[k] !== "") return true;
  return false;
}

export const recommendedLabelsMissing = defineRule({
  id: "recommended-labels-missing",
  title: "Workload without the recommended app.kubernetes.io labels",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"],
  description:
    "Without any of the recommended app.kubernetes.io/* labels (name, instance, version, component, part-of, managed-by) neither people nor tools can tell which application a workload belongs to, who owns it, or what an incident touches.",
  remediation: "Label the workload and its pod template with at least app.kubernetes.io/name and app.kubernetes.io/instance.",
  references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/"],
  peers: { kubescape: ["C-0077"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (hasAny(ref.object.metadata.labels) || hasAny(ref.meta.labels)) continue;
      yield {
        object: ref.object,
        path: "metadata.labels",
        message: `${ref.object.kind} "${ref.object.metadata.name ?? "?"}" carries none of the recommended app.kubernetes.io labels.`,
      };
    }
  },
});
