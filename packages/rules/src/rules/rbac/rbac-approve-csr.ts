import { ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const G = "certificates.k8s.io";
const APPROVE = { verbs: ["update", "patch"], resources: [[G, "certificatesigningrequests/approval"]] as const };
const SIGNER = { verbs: ["approve"], resources: [[G, "signers"]] as const };

export const rbacApproveCsr = roleContentRule({
  id: "rbac-approve-csr",
  title: "Role can approve certificate signing requests",
  category: "rbac",
  severity: "high",
  description:
    "Approving CertificateSigningRequests (with approve on a signer) lets a subject issue client certificates for any user or group, system:masters included, which cannot be revoked.",
  remediation: "Keep CSR approval to the controller manager and dedicated, audited automation.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#csrs-and-certificate-issuing"],
  peers: { kubescape: ["C-0280"], cis: ["5.1.11"], nsa: ["AUTHN"] },
  matches: (r) => ruleGrants(r, APPROVE) || ruleGrants(r, SIGNER),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]: can issue cluster client certificates`,
});
