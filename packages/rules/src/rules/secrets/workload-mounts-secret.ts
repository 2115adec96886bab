import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";

export const workloadMountsSecret = defineRule({
  id: "workload-mounts-secret",
  title: "Workload mounts a Secret",
  category: "secrets",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Inventory of pods that mount Secret volumes (directly or through a projected volume): a compromise of any of them discloses those credentials, so they deserve the tightest hardening and network isolation.",
  remediation: "Confirm each mounted Secret is needed, mount only the keys used (items), and keep defaultMode restrictive (0400).",
  references: ["https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod"],
  peers: { kubescape: ["C-0255"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const vols = ref.spec.volumes;
      if (!Array.isArray(vols)) continue;
      for (let i = 0; i < vols.length; i++) {
        const v = vols[i];
        if (!v || typeof v !== "object") continue;
        const names: string[] = [];
        if (v.secret?.secretName) names.push(String(v.secret.secretName));
        if (Array.isArray(v.projected?.sources)) {
          for (const s of v.projected.sources) if (s?.secret?.name) names.push(String(s.secret.name));
        }
        if (names.length === 0) continue;
        yield {
          object: ref.object,
          path: `${ref.path}.volumes[${i}]`,
          observed: names.join(","),
          message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" mount Secret ${names.join(", ")}.`,
        };
      }
    }
  },
});
