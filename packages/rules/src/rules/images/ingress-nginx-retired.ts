import { parseImage } from "../../helpers/images";
import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

// Repositories the Kubernetes project published the controller under (any registry or mirror).
const CONTROLLER_REPO = /(^|\/)ingress-nginx\/controller(-chroot)?$/;

export const ingressNginxRetired = defineRule({
  id: "ingress-nginx-retired",
  title: "Retired ingress-nginx controller in use",
  category: "images",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "The Kubernetes ingress-nginx controller was retired: best-effort maintenance ended in March 2026 and no further releases or security fixes are published. The controller is internet-facing and has had critical vulnerabilities (e.g. CVE-2025-1974, unauthenticated remote code execution), so running it unpatched is a standing exposure.",
  remediation: "Migrate to a maintained Ingress or Gateway API controller, and meanwhile restrict network access to its admission webhook.",
  references: ["https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/"],
  peers: { kubescape: ["C-0292"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string") continue;
        if (!CONTROLLER_REPO.test(parseImage(image).repository.toLowerCase())) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" runs the retired ingress-nginx controller (${image}).`,
        };
      }
    }
  },
});
