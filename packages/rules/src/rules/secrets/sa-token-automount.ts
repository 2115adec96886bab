import { mergePatchFix } from "../../helpers/merge-patch";
import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { isMirrorPod } from "../../helpers/probes";
import { findNamed } from "../../helpers/selectors";

export const saTokenAutomount = defineRule({
  id: "sa-token-automount",
  title: "Service account token mounted into pods",
  category: "secrets",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["ServiceAccount"],
  description:
    "Unless automountServiceAccountToken is false on the pod, or left unset on the pod and false on its ServiceAccount, every container gets an API token. Anyone who compromises the container can then call the Kubernetes API with the ServiceAccount's permissions.",
  remediation: "Set automountServiceAccountToken: false on the pod spec (or on its ServiceAccount); mount a projected token only in pods that call the API.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"],
  peers: { polaris: ["automountServiceAccountToken"], kubescape: ["C-0034", "C-0190"], cis: ["5.1.6"], nsa: ["PS-SA"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isMirrorPod(ref.object)) continue;
      const podSetting = ref.spec.automountServiceAccountToken;
      if (podSetting === false) continue;
      const path = `${ref.path}.automountServiceAccountToken`;
      const fix = mergePatchFix(path, false, "Disable token automounting for this pod template.");
      if (podSetting === true) {
        yield { object: ref.object, path, observed: "true", message: `Pod spec sets automountServiceAccountToken: true.`, ...(fix ? { fix } : {}) };
        continue;
      }
      const saName: string =
        (typeof ref.spec.serviceAccountName === "string" && ref.spec.serviceAccountName) ||
        (typeof ref.spec.serviceAccount === "string" && ref.spec.serviceAccount) ||
        "default";
      const sa = findNamed(ctx, "ServiceAccount", ref.object.metadata.namespace, saName);
      if (sa && (sa as any).automountServiceAccountToken === false) continue;
      yield {
        object: ref.object,
        path,
        observed: "<unset>",
        message: sa
          ? `Pod spec leaves automountServiceAccountToken unset and ServiceAccount "${saName}" does not disable it, so the token is mounted.`
          : `Pod spec leaves automountServiceAccountToken unset; ServiceAccount "${saName}" is not in the set, so the token is mounted by default.`,
        ...(fix ? { fix } : {}),
      };
    }
  },
});
