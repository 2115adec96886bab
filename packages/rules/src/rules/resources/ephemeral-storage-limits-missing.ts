import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { missingResource } from "../../helpers/resources";

export const ephemeralStorageLimitsMissing = defineRule({
  id: "ephemeral-storage-limits-missing",
  title: "Container without an ephemeral-storage limit",
  category: "resources",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Writable layers, logs and emptyDir volumes share the node's disk. A container without resources.limits.ephemeral-storage can fill it and get every pod on the node evicted for disk pressure.",
  remediation: "Set resources.limits.ephemeral-storage on every container (and sizeLimit on emptyDir volumes).",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#local-ephemeral-storage"],
  peers: { nsa: ["RP"] },
  evaluate: (ctx) =>
    missingResource(ctx, "limits", "ephemeral-storage", "ephemeral-storage limit (resources.limits.ephemeral-storage)"),
});
