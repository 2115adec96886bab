import { isPinningDigest, parseImage } from "../../helpers/images";
import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

export const imageNotPinnedByDigest = defineRule({
  id: "image-not-pinned-by-digest",
  title: "Image not pinned by digest",
  category: "images",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Tags are mutable: whoever can push to the repository can change what a tag points to. Only a digest (image@sha256:..., or another algorithm such as sha512) guarantees the bytes that were scanned and approved are the bytes that run.",
  remediation: "Reference images by digest, e.g. registry/app:1.4.2@sha256:<digest>, and let automation bump it.",
  references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"],
  peers: { kubescape: ["C-0306"], cis: ["5.5.1"], nsa: ["PS-IMG"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string" || image === "") continue;
        if (isPinningDigest(parseImage(image).digest)) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" image ${image} is not pinned by a digest.`,
        };
      }
    }
  },
});
