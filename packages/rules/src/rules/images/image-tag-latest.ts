import { parseImage } from "../../helpers/images";
import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

export const imageTagLatest = defineRule({
  id: "image-tag-latest",
  title: "Image without a tag or tagged latest",
  category: "images",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "An image with no tag (implicitly :latest) or :latest changes under the same name: rollbacks do not restore the old code, replicas can run different builds, and what runs cannot be traced to a reviewed version.",
  remediation: "Reference a specific immutable version tag, or better a digest (image@sha256:...).",
  references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"],
  peers: { polaris: ["tagNotSpecified"], kubeLinter: ["latest-tag"], trivy: ["KSV-0013"], nsa: ["PS-IMG"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string" || image === "") {
          yield { object: ref.object, path: `${c.path}.image`, message: `Container "${c.container.name ?? "?"}" names no image.` };
          continue;
        }
        const img = parseImage(image);
        if (img.digest) continue;
        if (img.tag && img.tag !== "latest") continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: img.tag
            ? `Container "${c.container.name ?? "?"}" uses the mutable tag "latest" (${image}).`
            : `Container "${c.container.name ?? "?"}" names no tag, so it pulls "latest" (${image}).`,
        };
      }
    }
  },
});
