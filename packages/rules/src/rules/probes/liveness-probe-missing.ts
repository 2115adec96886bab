import { defineRule } from "../../helpers/pod";
import { missingProbe } from "../../helpers/probes";

export const livenessProbeMissing = defineRule({
  id: "liveness-probe-missing",
  title: "Container without a liveness probe",
  category: "probes",
  severity: "low",
  profile: "strict",
  kinds: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"],
  description:
    "Without a livenessProbe the kubelet cannot tell a hung process from a healthy one, so a deadlocked container keeps receiving traffic and is never restarted. Jobs, CronJobs and pods that never restart are exempt.",
  remediation: "Add a livenessProbe that checks the process is alive (cheap, no dependencies on other services).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  peers: { polaris: ["livenessProbeMissing"], kubeLinter: ["no-liveness-probe"], kubescape: ["C-0056"] },
  evaluate: (ctx) => missingProbe(ctx, "livenessProbe", "liveness probe"),
});
