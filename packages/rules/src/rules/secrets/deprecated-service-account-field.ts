import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";

export const deprecatedServiceAccountField = defineRule({
  id: "deprecated-service-account-field",
  title: "Deprecated spec.serviceAccount field used",
  category: "secrets",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "spec.serviceAccount is a deprecated alias of serviceAccountName. Setting it alone, or to a different value, makes the identity a pod runs as depend on which field a tool reads.",
  remediation: "Set serviceAccountName and remove serviceAccount.",
  references: ["https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security"],
  peers: { kubeLinter: ["deprecated-service-account-field"], kubescape: ["C-0294"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const old = ref.spec.serviceAccount;
      if (typeof old !== "string" || old === "") continue;
      // The API server copies serviceAccountName into serviceAccount on Pods; equal values are its doing.
      if (ref.spec.serviceAccountName === old) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccount`,
        observed: old,
        message: `Pod spec uses the deprecated serviceAccount field ("${old}").`,
      };
    }
  },
});
