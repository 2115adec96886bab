// HIPAA Security Rule (45 CFR Part 164, Subpart C): the administrative and technical safeguards a
// Kubernetes cluster's configuration bears on. Section numbers and titles are the regulation's;
// descriptions, rationales and the mapping to rules are Bulwark's.
import { ADMIN_RIGHTS, ANONYMOUS_ACCESS, AT_REST, AUDIT_LOG, AUTHENTICATION, AUTHORIZATION, ESCALATION, IMAGE_VULNERABILITIES, PATCHING, PEER_VERIFICATION, RESILIENCE, SECRETS_READ, SEGMENTATION, SHARED_IDENTITY, TLS_IN_TRANSIT, TRUSTED_REGISTRIES } from "./evidence";
import type { ControlDef, FrameworkDefinition } from "./types";

export const HIPAA_DISCLAIMER =
  "This mapping of Kubernetes configuration checks to HIPAA Security Rule safeguards is Bulwark's own interpretation. It is not legal advice and does not by itself establish compliance; a passed check is evidence for a safeguard, not proof that the safeguard is met.";

export const hipaaControls: ControlDef[] = [
  {
    id: "164.306(a)(1)",
    title: "General requirements: confidentiality, integrity and availability of ePHI",
    description: "The covered entity ensures the confidentiality, integrity and availability of all ePHI it creates, receives, maintains or transmits.",
    rationale:
      "This general requirement is met through the specific standards of 164.308 to 164.316; an auditor tests those standards, not this sentence on its own. Bulwark reports it as manual: attest it once the administrative safeguards are documented and the technical safeguards in this report have been reviewed. Resource limits, probes and replicas are not evidence here, because they say nothing about who can read or alter ePHI; they appear only under the emergency mode operation plan.",
    manual: { evidence: "The security program documentation (risk analysis, policies, safeguard owners) showing how 164.308-164.316 are implemented for the systems holding ePHI, with this report's review sign-off." },
  },
  {
    id: "164.308(a)(1)(ii)(A)",
    title: "Risk analysis",
    description: "An accurate and thorough assessment of the risks to the confidentiality, integrity and availability of ePHI.",
    rationale:
      "The auditor asks for a dated, documented risk analysis that covers every system holding ePHI, including this cluster, and shows threats, likelihood and impact. Bulwark's findings and attack paths are useful input to that analysis, and so are the known vulnerabilities of the images the cluster runs and secrets baked into them (supporting rules, from scanner reports read in the cluster or imported), but the analysis is the organization's own document and judgement; no cluster setting can stand in for it.",
    ruleIds: [...IMAGE_VULNERABILITIES, "image-exposed-secrets"],
    manual: { evidence: "The organization's documented risk analysis covering the cluster, dated and reviewed; Bulwark scan reports may be attached as input." },
  },
  {
    id: "164.308(a)(1)(ii)(B)",
    title: "Risk management",
    description: "Security measures reduce risks and vulnerabilities to a reasonable and appropriate level.",
    rationale:
      "The auditor asks whether known, fixable weaknesses are being reduced. The objective part a cluster shows is whether its software still receives security fixes: a Kubernetes minor version past upstream end of life, kubelets older than the control plane, images from the frozen k8s.gcr.io registry, Helm v2 Tiller and the retired ingress-nginx controller all leave published vulnerabilities unpatched; and whether images run critical CVEs, or high ones that already have a fix, per the scanner reports read from the cluster (Trivy Operator) or imported from CI. Without any scanner report the image check has nothing to judge and the control is not evaluated, never passed. Bulwark cannot see the risk register; decisions to accept a CVE are recorded as CVE exceptions with their justification.",
    ruleIds: [...PATCHING, ...IMAGE_VULNERABILITIES],
  },
  {
    id: "164.308(a)(1)(ii)(D)",
    title: "Information system activity review",
    description: "Records of information system activity, such as audit logs and access reports, are reviewed regularly.",
    rationale:
      "The auditor asks for evidence that someone reviews activity records on a schedule: review tickets, SIEM reports, sign-offs. Bulwark can show that the API server writes and retains audit logs (the supporting rules), which makes review possible, but not that anyone reads them; that evidence has to be attached.",
    ruleIds: AUDIT_LOG,
    manual: { evidence: "The log review procedure and records of reviews performed in the period (tickets, SIEM reports or sign-offs)." },
  },
  {
    id: "164.308(a)(3)(ii)(B)",
    title: "Workforce clearance procedure",
    description: "Procedures determine that a workforce member's access to ePHI is appropriate.",
    rationale:
      "The auditor asks how the organization decides who may hold access, in particular administrative access, and looks for approvals. Bulwark lists who holds cluster-admin or equivalent rights (supporting rules), which is the population to check against the approvals. A signed-off Bulwark access review (Access → Reviews: each privileged subject marked keep or revoke with a note) attests this control for its validity period; the clearance procedure itself is outside the cluster.",
    ruleIds: ADMIN_RIGHTS,
    manual: { evidence: "The clearance procedure and the approval records for each person holding administrative access to the cluster." },
  },
  {
    id: "164.308(a)(4)(i)",
    title: "Information access management",
    description: "Access to ePHI is authorized through a defined mechanism, consistent with the access policies.",
    rationale:
      "The auditor asks whether access is granted only through an authorization mechanism the policies govern. In Kubernetes that mechanism is the API server's authorizer: the checks confirm it is not AlwaysAllow, that RBAC decides requests and that kubelets are confined by the Node authorizer and NodeRestriction. These checks read the API server's flags from its static pod; on a managed cluster that hides the control plane they are not evaluated. The access policies themselves are documents to attach.",
    ruleIds: AUTHORIZATION,
  },
  {
    id: "164.308(a)(4)(ii)(B)",
    title: "Access authorization",
    description: "Access is granted to people and software only as far as their role needs.",
    rationale:
      "The auditor samples grants and asks whether each is needed. Bulwark checks the grants that are never needed by an application or ordinary user: cluster-admin or equivalent roles, wildcard rules, read access to Secrets, and workloads whose service account can escalate. Whether a narrower grant matches a person's job is a judgement Bulwark cannot make; exceptions record the grants the organization has approved.",
    ruleIds: [...ADMIN_RIGHTS, ...SECRETS_READ, "rbac-wildcard-rules", "rbac-namespace-admin-role-binding", "workload-sa-risky-permissions"],
  },
  {
    id: "164.308(a)(4)(ii)(C)",
    title: "Access establishment and modification",
    description: "Rights are established and changed only through the authorized process.",
    rationale:
      "The auditor asks whether access can change outside the approved process. In RBAC that happens through rights that create rights: bind, escalate and impersonate, creating bindings to any role, minting service account tokens, approving certificate requests, nodes/proxy, and editing admission webhooks or the EKS aws-auth map. A subject holding one of these can widen its own access without a request; the checks find them. The approval workflow itself is not visible; a signed-off Bulwark access review is attached as evidence that rights are reviewed and modified.",
    ruleIds: [...ESCALATION, "rbac-manage-webhooks"],
  },
  {
    id: "164.308(a)(5)(ii)(B)",
    title: "Protection from malicious software",
    description: "Procedures guard against, detect and report malicious software.",
    rationale:
      "The auditor asks how malicious code is kept out and contained. For containers the configuration evidence is that only images from the organization's registries run (which requires the allowed or blocked registries to be set in Bulwark's policy; otherwise these checks are not evaluated), that root filesystems are read-only, so code cannot be dropped into a running container, and that images carry no critical or fixable high CVE that would let malicious code in (from scanner reports; without one that check is not evaluated). Runtime detection and the reporting procedure are not visible to Bulwark.",
    ruleIds: [...TRUSTED_REGISTRIES, "read-only-root-fs", ...IMAGE_VULNERABILITIES],
  },
  {
    id: "164.308(a)(5)(ii)(C)",
    title: "Log-in monitoring",
    description: "Log-in attempts are monitored and discrepancies reported.",
    rationale:
      "The auditor asks who watches failed and unusual log-ins and how they are reported. Users log in to an identity provider, not to the cluster, and the API server's audit log records the requests that follow; Bulwark can show the audit log is on (supporting rule) but not that log-ins are monitored. Attach the identity provider's sign-in monitoring and alerting.",
    ruleIds: ["apiserver-audit-log-path"],
    manual: { evidence: "The identity provider's sign-in monitoring (alert rules, reviewed reports) covering cluster access." },
  },
  {
    id: "164.308(a)(6)(ii)",
    title: "Response and reporting",
    description: "Security incidents are identified, responded to, mitigated and documented.",
    rationale:
      "The auditor asks for the incident response procedure and the records of incidents handled. API audit logs are the cluster's part of the record and the supporting rules show they are kept; the procedure, the incident register and the outcomes are organizational evidence to attach.",
    ruleIds: AUDIT_LOG,
    manual: { evidence: "The incident response procedure and records of incidents handled in the period." },
  },
  {
    id: "164.308(a)(7)(ii)(C)",
    title: "Emergency mode operation plan",
    description: "Critical business processes that protect ePHI continue while operating in emergency mode.",
    rationale:
      "The auditor asks for the plan that keeps ePHI protected and available in an emergency, and for evidence it is tested. Replicas, disruption budgets, spreading, probes and resource requests and limits help Kubernetes keep workloads serving through node failures and maintenance, so they are listed as supporting availability evidence (most run in the strict profile). They are not the plan, and they are not evidence for confidentiality or integrity.",
    ruleIds: RESILIENCE,
    protects: ["availability"],
    manual: { evidence: "The emergency mode operation plan for the workloads that process ePHI, and the record of its last test." },
  },
  {
    id: "164.308(a)(7)(ii)(E)",
    title: "Applications and data criticality analysis",
    description: "The relative criticality of applications and data is assessed in support of the contingency plan.",
    rationale:
      "The auditor asks which applications and data are critical and in what order they are restored. That is a documented business analysis: which namespaces and workloads hold ePHI and their recovery priority. Bulwark's compliance scope can record which clusters and namespaces hold ePHI, and the images with critical or fixable high CVEs (supporting rule) show which critical workloads are most exposed, but the analysis is the organization's.",
    ruleIds: IMAGE_VULNERABILITIES,
    manual: { evidence: "The criticality analysis listing which workloads process ePHI and their recovery priority." },
  },
  {
    id: "164.308(a)(8)",
    title: "Evaluation",
    description: "Periodic technical and non-technical evaluation of how well the safeguards meet the Security Rule.",
    rationale:
      "The auditor asks for evidence of periodic evaluations and what was done with their results. Scheduled Bulwark scans and signed reports are part of the technical evaluation, but one scan cannot show that evaluations happen periodically or that results were acted on; attach the evaluation records and their review.",
    manual: { evidence: "Records of periodic evaluations (e.g. scheduled Bulwark reports with their review sign-off and follow-up actions)." },
  },
  {
    id: "164.312(a)(1)",
    title: "Access control",
    description: "Only authorized persons and software programs can access systems that hold ePHI.",
    rationale:
      "The auditor asks what technically prevents access by anyone not granted it. In a cluster the answer has three parts: every request is authenticated and authorized by RBAC (no AlwaysAllow, no anonymous or all-authenticated grants), administrative rights are not held by workloads or broadly bound, and containers cannot step out onto their node, where every pod's data and token is readable (privileged mode, runtime sockets, sensitive or writable host paths, the host PID namespace). Application-level access control inside the workloads is not visible.",
    ruleIds: [
      "apiserver-authorization-always-allow",
      "apiserver-authorization-rbac",
      ...ANONYMOUS_ACCESS,
      "rbac-cluster-admin-binding",
      "workload-sa-admin-rights",
      "privileged-container",
      "runtime-socket-mount",
      "host-path-writable",
      "host-path-sensitive",
      "host-pid",
    ],
  },
  {
    id: "164.312(a)(2)(i)",
    title: "Unique user identification",
    description: "Each user and workload has its own identity, so that activity can be traced to it.",
    rationale:
      "The auditor asks whether every action can be attributed to one identity. Shared identities defeat that: workloads running as their namespace's default service account, roles bound to that default account, static token files, credentials carrying the system:masters group, and controllers sharing one credential. Human users should come from an identity provider; Bulwark cannot list the certificates a cluster CA has issued to people, so confirm that separately.",
    ruleIds: SHARED_IDENTITY,
  },
  {
    id: "164.312(a)(2)(ii)",
    title: "Emergency access procedure",
    description: "A documented procedure obtains necessary ePHI during an emergency.",
    rationale:
      "The auditor asks for the break-glass procedure, who may use it and how its use is logged and reviewed. The procedure is a document; Bulwark lists the cluster-admin bindings (supporting rule) so the single documented break-glass binding can be told from the others.",
    ruleIds: ["rbac-cluster-admin-binding"],
    manual: { evidence: "The documented emergency (break-glass) access procedure and the single cluster-admin binding it uses." },
  },
  {
    id: "164.312(a)(2)(iii)",
    title: "Automatic logoff",
    description: "Electronic sessions end after a predetermined time of inactivity.",
    rationale:
      "The auditor asks how long an idle session stays usable. For Kubernetes that is the lifetime of the identity provider's tokens and the kubelet's streaming connection idle timeout for exec and port-forward sessions; neither is visible through the API, so this addressable specification is manual.",
    manual: { evidence: "The identity provider's session and token lifetime settings for cluster access, and the kubelet's streaming-connection-idle-timeout." },
  },
  {
    id: "164.312(a)(2)(iv)",
    title: "Encryption and decryption",
    description: "ePHI at rest is encrypted where reasonable and appropriate.",
    rationale:
      "The auditor asks which stores of ePHI are encrypted and how. The cluster configuration shows two: whether the API server encrypts Secrets in etcd with a real provider, and whether StorageClasses provision encrypted volumes. Databases outside the cluster, application-level encryption and key management are not visible. The encryption check reads the API server's flags, so it is not evaluated where the control plane is hidden.",
    ruleIds: AT_REST,
  },
  {
    id: "164.312(b)",
    title: "Audit controls",
    description: "Mechanisms record and allow examination of activity in systems that hold ePHI.",
    rationale:
      "The auditor asks whether activity is recorded and the records kept. The API server's audit log is the cluster's activity record: the checks confirm it is written to a path and retained (age, backups, size). Bulwark cannot read the audit policy file, so whether it records access to Secrets, exec and RBAC changes needs the policy attached; these checks are not evaluated where the control plane is hidden.",
    ruleIds: AUDIT_LOG,
  },
  {
    id: "164.312(c)(1)",
    title: "Integrity",
    description: "ePHI is protected from improper alteration or destruction.",
    rationale:
      "The auditor asks what prevents software or people from altering ePHI improperly. For a cluster that means the code processing ePHI is the code that was approved (images pinned by digest, no mutable latest tags, only trusted registries), containers cannot rewrite their own filesystem or the node's, and an admission policy rejects pods that would break these rules. The digest check runs in the strict profile and the registry checks need an allowed or blocked list, so in a default setup this control is not evaluated unless another check fails. Database-level integrity controls are not visible.",
    ruleIds: [
      "image-tag-latest",
      "image-not-pinned-by-digest",
      ...TRUSTED_REGISTRIES,
      "read-only-root-fs",
      "host-path-writable",
      "storage-host-path-persistent-volume",
      "admission-no-policy-engine",
      "namespace-psa-enforce-privileged",
    ],
  },
  {
    id: "164.312(c)(2)",
    title: "Mechanism to authenticate electronic protected health information",
    description: "Electronic mechanisms corroborate that ePHI has not been altered or destroyed improperly.",
    rationale:
      "The auditor asks how the organization can show a record was not altered: checksums, signatures or database integrity features in the applications. These live in application code and data stores, which cluster configuration does not show, so the control is manual.",
    manual: { evidence: "Description of the application-level integrity mechanism (e.g. checksums or signatures on stored records)." },
  },
  {
    id: "164.312(d)",
    title: "Person or entity authentication",
    description: "Anyone seeking access to ePHI is verified to be who they claim to be.",
    rationale:
      "The auditor asks how users and systems prove their identity. For the cluster: the API server refuses anonymous requests and static token files, verifies client certificates and service account tokens (and rejects tokens of deleted accounts), and control-plane components authenticate to each other with certificates, including to etcd, which holds every Secret. Most checks read control-plane flags and are not evaluated where the control plane is hidden. Multi-factor authentication at the identity provider is not visible.",
    ruleIds: ["apiserver-anonymous-auth", "rbac-anonymous-binding", ...AUTHENTICATION],
  },
  {
    id: "164.312(e)(1)",
    title: "Transmission security",
    description: "ePHI transmitted over a network is guarded against unauthorized access.",
    rationale:
      "The auditor asks which network paths carry ePHI and what guards them. The cluster's part: every workload is selected by NetworkPolicies that limit who can reach it, no policy allows all ingress, pods do not sit on the host network where policies do not apply, administrative interfaces are not exposed outside the cluster, and Ingresses serve TLS. Encryption between pods (a service mesh) and the networks outside the cluster are not visible.",
    ruleIds: [...SEGMENTATION, "exposure-sensitive-interface", "exposure-ingress-no-tls"],
  },
  {
    id: "164.312(e)(2)(i)",
    title: "Integrity controls",
    description: "Transmitted ePHI is not improperly modified without detection.",
    rationale:
      "The auditor asks how tampering in transit would be detected. TLS with verified peers does that: Ingresses serve TLS, the API server talks to kubelets over HTTPS and verifies their certificates, verifies etcd's certificate, and etcd uses real (not self-signed automatic) certificates for clients and peers. Control-plane checks are not evaluated where the control plane is hidden; pod-to-pod traffic without a mesh is not covered.",
    ruleIds: ["exposure-ingress-no-tls", "apiserver-kubelet-https", "etcd-tls-certificate", "etcd-peer-tls-certificate", ...PEER_VERIFICATION],
  },
  {
    id: "164.312(e)(2)(ii)",
    title: "Encryption",
    description: "ePHI is encrypted in transit where reasonable and appropriate.",
    rationale:
      "The auditor asks which connections carrying ePHI are encrypted. The cluster shows the ones it terminates: Ingress TLS, the API server's secure port and certificate, API server to kubelet over HTTPS, and etcd client and peer TLS. Restricting the API server's cipher suites is a CIS hardening item (CIS 1.2.29, NIST CM-6 here), not evidence that traffic is unencrypted, so it is not counted. Encryption between application pods and to external databases is not visible.",
    ruleIds: TLS_IN_TRANSIT,
  },
];

export const hipaa: FrameworkDefinition = {
  id: "hipaa",
  name: "HIPAA Security Rule",
  version: "45 CFR Part 164 Subpart C",
  description: "Administrative and technical safeguards for electronic protected health information, as they bear on a Kubernetes cluster.",
  disclaimer: HIPAA_DISCLAIMER,
  controls: hipaaControls,
};
