import { defineRule } from "../../helpers/pod";
import { missingProbe } from "../../helpers/probes";

export const readinessProbeMissing = defineRule({
  id: "readiness-probe-missing",
  title: "Container without a readiness probe",
  category: "probes",
  severity: "low",
  profile: "strict",
  kinds: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"],
  description:
    "Without a readinessProbe a pod receives traffic as soon as its process starts, before it can serve, and keeps receiving it while it is overloaded, causing errors during rollouts. Jobs, CronJobs and pods that never restart are exempt.",
  remediation: "Add a readinessProbe that checks the container can serve requests.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  peers: { polaris: ["readinessProbeMissing"], kubeLinter: ["no-readiness-probe"], kubescape: ["C-0018"] },
  evaluate: (ctx) => missingProbe(ctx, "readinessProbe", "readiness probe"),
});
