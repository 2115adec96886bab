import { defineRule, podSpecs } from "../../helpers/pod";
import { isBatch } from "../../helpers/probes";

const SPREAD_KEYS = new Set(["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);

export const topologySpreadMissing = defineRule({
  id: "topology-spread-missing",
  title: "No topology spread across nodes or zones",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: ["Pod", "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"],
  description:
    "Without a topologySpreadConstraint on kubernetes.io/hostname or topology.kubernetes.io/zone the scheduler may pack every replica onto one node or zone, which then takes the whole service down when it fails.",
  remediation: "Add topologySpreadConstraints with topologyKey topology.kubernetes.io/zone and/or kubernetes.io/hostname and a labelSelector matching the pods.",
  references: ["https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/"],
  peers: { polaris: ["topologySpreadConstraint"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.object.kind === "DaemonSet" || isBatch(ref)) continue;
      const tsc = ref.spec.topologySpreadConstraints;
      const list = Array.isArray(tsc) ? tsc : [];
      if (list.some((c: any) => c && SPREAD_KEYS.has(c.topologyKey))) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.topologySpreadConstraints`,
        observed: list.length === 0 ? "<none>" : list.map((c: any) => String(c?.topologyKey)).join(","),
        message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" have no spread constraint across nodes or zones.`,
      };
    }
  },
});
