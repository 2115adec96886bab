import { parseImage } from "../../helpers/images";
import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

export const imageDeprecatedRegistry = defineRule({
  id: "image-deprecated-registry",
  title: "Image from the frozen k8s.gcr.io registry",
  category: "images",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "k8s.gcr.io (and gcr.io/google_containers) was frozen in 2023 and is being shut down: it receives no security patches, and pulls will start failing. The Kubernetes project publishes to registry.k8s.io.",
  remediation: "Replace k8s.gcr.io/<image> with registry.k8s.io/<image> at a current patched version.",
  references: ["https://kubernetes.io/blog/2023/03/10/image-registry-redirect/"],
  peers: { kubescape: ["C-0253"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string") continue;
        const img = parseImage(image);
        const deprecated =
          img.registry === "k8s.gcr.io" ||
          (img.registry === "gcr.io" && (img.repository.startsWith("google_containers/") || img.repository.startsWith("google-containers/")));
        if (!deprecated) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" pulls ${image} from the frozen k8s.gcr.io registry.`,
          remediation: `Use registry.k8s.io/${img.repository.replace(/^google[_-]containers\//, "")} at a current version.`,
        };
      }
    }
  },
});
