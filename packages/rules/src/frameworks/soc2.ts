// SOC 2: the AICPA Trust Services Criteria (2017, revised points of focus 2022), common criteria
// CC6 (logical and physical access), CC7 (system operations) and CC8 (change management) that a
// Kubernetes cluster's configuration evidences. Criteria numbers are the AICPA's; the short titles,
// descriptions, rationales and mapping are Bulwark's. Criteria about the control environment, risk
// assessment, physical access, disposal and the Availability, Confidentiality, Processing
// Integrity and Privacy categories are outside what cluster configuration shows and are omitted.
import { ADMIN_RIGHTS, ADMISSION, ANONYMOUS_ACCESS, AT_REST, AUDIT_LOG, EGRESS, EXTERNAL_EXPOSURE, IMAGE_VULNERABILITIES, PATCHING, TLS_IN_TRANSIT, TRUSTED_REGISTRIES } from "./evidence";
import type { ControlDef, FrameworkDefinition } from "./types";

export const SOC2_DISCLAIMER =
  "This mapping of Kubernetes configuration checks to the Trust Services Criteria is Bulwark's own interpretation, not the AICPA's. It does not by itself establish that a criterion is met; the service auditor judges the design and operating effectiveness of controls over the examination period.";

export const soc2Controls: ControlDef[] = [
  {
    id: "CC6.1",
    title: "Logical access security over protected information assets",
    description: "Logical access security software, infrastructure and architectures protect information assets from security events.",
    rationale:
      "The service auditor asks which mechanisms restrict logical access to the system and inspects their configuration. For the cluster: the API server authorizes every request through RBAC (not AlwaysAllow), refuses anonymous requests and static token files, grants nothing to all authenticated users, encrypts Secrets at rest, and workloads are network-isolated by policy. These are point-in-time settings; the auditor will also want evidence they held across the period (scheduled reports). Identity provider settings are not visible.",
    ruleIds: ["apiserver-authorization-always-allow", "apiserver-authorization-rbac", ...ANONYMOUS_ACCESS, "apiserver-token-auth-file", ...AT_REST, "network-pod-not-isolated"],
  },
  {
    id: "CC6.2",
    title: "Registration and authorization of users before access",
    description: "New users are registered and authorized before credentials are issued, and credentials are removed when no longer needed.",
    rationale:
      "The service auditor samples new and departed users and asks for their access requests, approvals and removals. That lifecycle runs in the identity provider and the ticketing system. Bulwark can point out credentials that sit outside it (system:masters bindings, static token files, bindings to service accounts that no longer exist: supporting rules), but not the user lifecycle itself. A signed-off Bulwark access review (each privileged subject kept or revoked, with a note) attests the periodic review of who still needs access.",
    ruleIds: ["rbac-system-masters-binding", "apiserver-token-auth-file", "rbac-binding-missing-service-account"],
    manual: { evidence: "User provisioning and deprovisioning records for cluster access in the period (requests, approvals, removals) from the identity provider or ticketing system." },
  },
  {
    id: "CC6.3",
    title: "Role-based access, least privilege and segregation of duties",
    description: "Access is authorized, modified or removed based on roles, with least privilege and segregation of duties.",
    rationale:
      "The service auditor inspects role definitions and grants for least privilege. Bulwark checks the grants that break it regardless of job: cluster-admin or equivalent roles bound to people or workloads, wildcard rules, read access to Secrets, rights to grant rights (bind, escalate, impersonate, bindings to any role) and workloads whose service account can escalate. Whether a narrower role fits a person's duties is judged in Bulwark's access reviews, whose sign-off is attached to this criterion as evidence.",
    ruleIds: [...ADMIN_RIGHTS, "rbac-wildcard-rules", "rbac-binding-grants-secrets-read", "rbac-bind-escalate", "rbac-impersonate", "rbac-grant-any-role", "workload-sa-risky-permissions"],
  },
  {
    id: "CC6.6",
    title: "Protection against threats from outside the system boundary",
    description: "Logical access measures protect against threats from sources outside the system's boundaries.",
    rationale:
      "The service auditor asks how the boundary is protected and which entry points exist. The cluster's entry points are Services and Ingresses: administrative interfaces must not be exposed outside, externalIPs, node ports, host ports and SSH are avoidable openings, kube-proxy metrics should not listen on every interface, and Ingresses should serve TLS. Public load balancers for the product's own APIs are expected and are not failures. Firewalls, WAFs and cloud security groups outside the cluster are not visible.",
    ruleIds: [...EXTERNAL_EXPOSURE, "exposure-ingress-no-tls"],
  },
  {
    id: "CC6.7",
    title: "Restriction and protection of information in transmission",
    description: "Transmission, movement and removal of information is restricted to authorized users and processes and protected in transit.",
    rationale:
      "The service auditor asks how data is protected in transit and how its movement is restricted. For the cluster: TLS on Ingresses, the API server, API server to kubelet and etcd, and egress restricted by default-deny policies that do not allow all destinations. Encryption between application pods (a service mesh) and data-loss controls outside the cluster are not visible.",
    ruleIds: [...TLS_IN_TRANSIT, ...EGRESS],
  },
  {
    id: "CC6.8",
    title: "Prevention and detection of unauthorized or malicious software",
    description: "Controls prevent or detect, and act upon, the introduction of unauthorized or malicious software.",
    rationale:
      "The service auditor asks what stops unauthorized software from running. In a cluster: images come only from the organization's registries (needs the allowed or blocked registries set, otherwise not evaluated), no mutable latest tags, read-only root filesystems, and an admission policy that cannot be bypassed (no fail-open webhook, no AlwaysAdmit, no namespace explicitly set to privileged). Runtime malware detection and image scanning results are not visible.",
    ruleIds: [...TRUSTED_REGISTRIES, "image-tag-latest", "read-only-root-fs", ...ADMISSION],
  },
  {
    id: "CC7.1",
    title: "Detection of configuration changes and new vulnerabilities",
    description: "Detection and monitoring procedures identify configuration changes that introduce vulnerabilities, and susceptibility to newly discovered vulnerabilities.",
    rationale:
      "The service auditor asks how the entity finds misconfigurations and unpatched software. Bulwark's scheduled scans are themselves a configuration-monitoring control (attach their schedule as evidence); the checks here are its findings on software that no longer receives fixes (end-of-life Kubernetes, kubelet skew, frozen registries, Tiller, retired ingress-nginx) and whether the audit log records configuration changes. Susceptibility to known vulnerabilities in images comes from scanner reports read in the cluster (Trivy Operator) or imported from CI; without any, that check is not evaluated, and the control with it.",
    ruleIds: [...PATCHING, "apiserver-audit-log-path", ...IMAGE_VULNERABILITIES],
  },
  {
    id: "CC7.2",
    title: "Monitoring of system components for anomalies",
    description: "System components are monitored for anomalies indicative of malicious acts, disasters and errors.",
    rationale:
      "The service auditor asks what is monitored and how anomalies are raised. The cluster's contribution is its audit trail: API audit logging on and retained, and no role able to delete Events or pod logs to cover tracks. The monitoring itself (SIEM rules, alert routing, on-call) is outside the cluster; attach it.",
    ruleIds: [...AUDIT_LOG, "rbac-delete-events", "rbac-delete-pod-logs"],
  },
  {
    id: "CC7.3",
    title: "Evaluation of security events",
    description: "Security events are evaluated to determine whether they are incidents.",
    rationale:
      "The service auditor samples security events and asks how each was triaged. Triage is a process with tickets and decisions; cluster configuration shows none of it, so the criterion is manual.",
    manual: { evidence: "The triage procedure and a sample of evaluated security events from the period." },
  },
  {
    id: "CC7.4",
    title: "Incident response",
    description: "Identified security incidents are responded to through a defined incident response program.",
    rationale:
      "The service auditor asks for the incident response plan and the records of incidents handled. These are organizational documents; API audit logs (supporting rule) are the cluster's part of an investigation.",
    ruleIds: ["apiserver-audit-log-path"],
    manual: { evidence: "The incident response plan and records of incidents handled in the period, including post-incident reviews." },
  },
  {
    id: "CC7.5",
    title: "Recovery from incidents",
    description: "Activities to recover from identified security incidents are developed and carried out.",
    rationale:
      "The service auditor asks how the entity restores services and data after an incident and whether recovery was tested. Backups, restore tests and recovery runbooks are not cluster configuration, so the criterion is manual.",
    manual: { evidence: "Recovery runbooks, backup and restore test records for the cluster's data, and the lessons learned from incidents in the period." },
  },
  {
    id: "CC8.1",
    title: "Change management",
    description: "Changes to infrastructure, data, software and procedures are authorized, designed, tested, approved and implemented.",
    rationale:
      "The service auditor samples changes and traces them to approvals, and asks what prevents changes that bypass the process. In the cluster those bypasses are mutable image tags (what runs is not what was approved), exec and attach rights (changing a running container by hand) and rights to edit admission webhooks (switching the guard rails off). The approval and testing workflow lives in the delivery pipeline and is not visible.",
    ruleIds: ["image-tag-latest", "rbac-exec-attach", "rbac-cluster-binding-exec-attach", "rbac-manage-webhooks"],
  },
];

export const soc2: FrameworkDefinition = {
  id: "soc2",
  name: "SOC 2 Trust Services Criteria",
  version: "2017 (revised points of focus 2022)",
  description: "The common criteria for logical access (CC6), system operations (CC7) and change management (CC8), as a Kubernetes cluster's configuration evidences them.",
  disclaimer: SOC2_DISCLAIMER,
  controls: soc2Controls,
};
