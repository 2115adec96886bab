import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, containerSC, podSC } from "../../helpers/security-context";

// Inventory: a gMSA credential spec gives the pod an Active Directory identity, which reviewers
// want to know about (domain access from a container).
export const windowsGmsaSet = defineRule({
  id: "windows-gmsa-set",
  title: "Windows pod uses a gMSA identity",
  category: "workload-security",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "The pod or a container sets windowsOptions.gmsaCredentialSpecName (or gmsaCredentialSpec), so it authenticates to Active Directory as a group managed service account. Review which domain resources that account reaches.",
  remediation: "Confirm the gMSA is intended for this workload and scoped to what it needs; restrict who may use the GMSACredentialSpec with RBAC.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-gmsa/"],
  peers: { kubescape: ["C-0211:set-gmsacredentialspecname-value"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const p = podSC(ref).windowsOptions;
      if (p?.gmsaCredentialSpecName || p?.gmsaCredentialSpec) {
        const f = p.gmsaCredentialSpecName ? "gmsaCredentialSpecName" : "gmsaCredentialSpec";
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.windowsOptions.${f}`,
          observed: p.gmsaCredentialSpecName ?? "inline spec",
          message: "The pod runs with a gMSA identity.",
        };
      }
      for (const c of containers(ref)) {
        const w = containerSC(c).windowsOptions;
        if (!w?.gmsaCredentialSpecName && !w?.gmsaCredentialSpec) continue;
        const f = w.gmsaCredentialSpecName ? "gmsaCredentialSpecName" : "gmsaCredentialSpec";
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.windowsOptions.${f}`,
          observed: w.gmsaCredentialSpecName ?? "inline spec",
          message: `Container "${containerName(c)}" runs with a gMSA identity.`,
        };
      }
    }
  },
});
