import { imageMatchesEntry, parseImage } from "../../helpers/images";
import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import type { RuleContext } from "../../types";

function blockList(ctx: RuleContext): string[] {
  const l = ctx.params.blockedRegistries;
  return Array.isArray(l) ? l.filter((e): e is string => typeof e === "string" && e.trim() !== "") : [];
}

export const imageRegistryBlocked = defineRule({
  id: "image-registry-blocked",
  title: "Image from a blocked registry",
  category: "images",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "The organization has listed registries its workloads must not pull from (public mirrors, decommissioned registries). Configure them in the rule parameters (blockedRegistries: registry hosts or host/path prefixes).",
  remediation: "Mirror the image into an approved registry and reference it from there.",
  references: ["https://kubernetes.io/docs/concepts/containers/images/"],
  peers: { kubescape: ["C-0001"], cis: ["5.5.1"], nsa: ["PS-IMG"] },
  notEvaluable: (ctx) => (blockList(ctx).length === 0 ? "no blocked registries configured" : undefined),
  *evaluate(ctx) {
    const blocked = blockList(ctx);
    if (blocked.length === 0) return;
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string" || image === "") continue;
        const img = parseImage(image);
        const hit = blocked.find((e) => imageMatchesEntry(img, e));
        if (!hit) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" image ${image} comes from the blocked registry ${hit}.`,
        };
      }
    }
  },
});
