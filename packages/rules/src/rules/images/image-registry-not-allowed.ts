import { imageMatchesEntry, parseImage } from "../../helpers/images";
import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import type { RuleContext } from "../../types";

function allowList(ctx: RuleContext): string[] {
  const l = ctx.params.allowedRegistries;
  return Array.isArray(l) ? l.filter((e): e is string => typeof e === "string" && e.trim() !== "") : [];
}

export const imageRegistryNotAllowed = defineRule({
  id: "image-registry-not-allowed",
  title: "Image from a registry outside the allow-list",
  category: "images",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "Images should come only from registries the organization trusts (where images are scanned, signed and retained). An image from anywhere else bypasses that supply chain. Configure the allow-list in the organization's rule parameters (allowedRegistries: registry hosts or host/path prefixes).",
  remediation: "Mirror the image into an allowed registry and reference it from there, or add the registry to allowedRegistries if it is trusted.",
  references: ["https://kubernetes.io/docs/concepts/containers/images/"],
  peers: { kubescape: ["C-0078"], trivy: ["KSV-0125"], cis: ["5.5.1"], nsa: ["PS-IMG"] },
  notEvaluable: (ctx) => (allowList(ctx).length === 0 ? "no allowed registries configured" : undefined),
  *evaluate(ctx) {
    const allowed = allowList(ctx);
    if (allowed.length === 0) return;
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string" || image === "") continue;
        const img = parseImage(image);
        if (allowed.some((e) => imageMatchesEntry(img, e))) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" image ${image} comes from ${img.registry}, which is not an allowed registry.`,
        };
      }
    }
  },
});
