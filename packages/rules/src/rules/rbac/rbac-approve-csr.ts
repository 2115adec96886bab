import { defineRule } from "../../helpers/pod";
import { list, roleName, rolesOfKind, ruleGrants } from "../../helpers/rbac";
import type { RawFinding } from "../../types";

const G = "certificates.k8s.io";
const APPROVE = { verbs: ["update", "patch"], resources: [[G, "certificatesigningrequests/approval"]] as const };
const SIGNER = { verbs: ["approve"], resources: [[G, "signers"]] as const };

export const rbacApproveCsr = defineRule({
  id: "rbac-approve-csr",
  title: "Role can approve certificate signing requests",
  category: "rbac",
  severity: "high",
  kinds: ["Role", "ClusterRole"],
  description:
    "Approving a CertificateSigningRequest takes both update on certificatesigningrequests/approval and approve on the request's signer (signers in certificates.k8s.io); together they let a subject issue client certificates for any user or group, system:masters included, which cannot be revoked. Either half alone approves nothing.",
  remediation: "Keep CSR approval to the controller manager and dedicated, audited automation.",
  references: [
    "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#csrs-and-certificate-issuing",
    "https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#authorization",
  ],
  peers: { kubescape: ["C-0280"], cis: ["5.1.11"], nsa: ["AUTHN"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const kind of ["Role", "ClusterRole"]) {
      for (const { role, rules, isDefault } of rolesOfKind(ctx, kind)) {
        if (isDefault) continue;
        const approval = rules.findIndex((r) => ruleGrants(r, APPROVE));
        if (approval < 0) continue;
        const signer = rules.findIndex((r) => ruleGrants(r, SIGNER));
        if (signer < 0) continue;
        const r = rules[approval]!;
        yield {
          object: role,
          path: `rules[${approval}]`,
          observed: { approval: { resources: r.resources, verbs: r.verbs }, signers: `rules[${signer}]` },
          message: `${roleName(role)} grants [${list(r.verbs)}] on CSR approval and approve on signers (rules[${signer}], ${list(rules[signer]!.resourceNames) || "any signer"}): can issue cluster client certificates`,
        };
      }
    }
  },
});
