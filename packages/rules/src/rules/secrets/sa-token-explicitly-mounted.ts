import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

const TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

export const saTokenExplicitlyMounted = defineRule({
  id: "sa-token-explicitly-mounted",
  title: "Pod spec opts in to the service account token",
  category: "secrets",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "A pod spec that sets automountServiceAccountToken: true, or leaves it unset while mounting a volume at the token directory by hand, deliberately hands its containers API credentials, overriding any opt-out on the ServiceAccount. Pods that disable automounting and mount a projected token on purpose are not flagged.",
  remediation: "Set automountServiceAccountToken: false; where the API is really needed, mount a projected serviceAccountToken volume with a short expiry and a specific audience.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/#assign-to-pod"],
  peers: { trivy: ["KSV-0036"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const setting = ref.spec.automountServiceAccountToken;
      if (setting === true) {
        yield {
          object: ref.object,
          path: `${ref.path}.automountServiceAccountToken`,
          observed: "true",
          message: `Pod spec of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" explicitly enables service account token automounting.`,
        };
        continue;
      }
      if (setting === false) continue;
      for (const c of containers(ref)) {
        const mounts = c.container.volumeMounts;
        if (!Array.isArray(mounts)) continue;
        const i = mounts.findIndex((m: any) => typeof m?.mountPath === "string" && m.mountPath.replace(/\/+$/, "") === TOKEN_DIR);
        if (i < 0) continue;
        yield {
          object: ref.object,
          path: `${c.path}.volumeMounts[${i}].mountPath`,
          observed: TOKEN_DIR,
          message: `Container "${c.container.name ?? "?"}" mounts a volume at the service account token directory while automounting is not disabled.`,
        };
      }
    }
  },
});
