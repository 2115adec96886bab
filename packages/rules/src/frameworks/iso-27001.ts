// ISO/IEC 27001:2022 Annex A, theme 8 (technological controls): the controls a Kubernetes cluster's
// configuration bears on. Control numbers and titles are the standard's; descriptions, rationales
// and the mapping are Bulwark's (the standard's text is not reproduced). Organizational, people and
// physical controls (themes 5-7) and technological controls about endpoints, development and
// testing are omitted.
import { ADMIN_RIGHTS, ANONYMOUS_ACCESS, AT_REST, AUDIT_LOG, AUTHENTICATION, EXTERNAL_EXPOSURE, IMAGE_VULNERABILITIES, INTERACTIVE_ACCESS, PATCHING, PLAIN_CREDENTIALS, SECRETS_READ, TLS_IN_TRANSIT, TRUSTED_REGISTRIES } from "./evidence";
import type { ControlDef, FrameworkDefinition } from "./types";

export const ISO27001_DISCLAIMER =
  "This mapping of Kubernetes configuration checks to ISO/IEC 27001:2022 Annex A controls is Bulwark's own interpretation. It does not by itself establish conformity; the controls that apply are those in the organization's Statement of Applicability, and the certification body assesses them.";

export const isoControls: ControlDef[] = [
  {
    id: "A.8.2",
    title: "Privileged access rights",
    description: "Privileged access rights are restricted and managed.",
    rationale:
      "The auditor asks who holds privileged access and how it is restricted. In a cluster privileged access is cluster-admin and its equivalents (wildcard-all roles, system:masters, workloads with admin rights) and rights that create rights (bind, escalate, impersonate); on the node side it is a privileged container, which is root on its node. The allocation process and its reviews are outside the cluster.",
    ruleIds: [...ADMIN_RIGHTS, "rbac-bind-escalate", "rbac-impersonate", "rbac-grant-any-role", "privileged-container"],
  },
  {
    id: "A.8.3",
    title: "Information access restriction",
    description: "Access to information is restricted in line with the access control policy.",
    rationale:
      "The auditor asks how access to information is technically restricted. For the cluster: requests are authorized by RBAC rather than allowed wholesale, anonymous and all-authenticated grants do not exist, read access to Secrets is limited, and roles name what they grant instead of using wildcards. Access rules inside applications and databases are not visible.",
    ruleIds: ["apiserver-authorization-always-allow", "apiserver-authorization-rbac", ...ANONYMOUS_ACCESS, ...SECRETS_READ, "rbac-wildcard-rules"],
  },
  {
    id: "A.8.5",
    title: "Secure authentication",
    description: "Authentication technologies and procedures are implemented securely.",
    rationale:
      "The auditor asks how users and systems authenticate and whether the methods are sound. For the cluster: no anonymous requests, no static token file, client certificates and service account tokens verified (tokens of deleted accounts rejected), and control-plane components, including etcd, authenticating with certificates. Most checks read control-plane flags and are not evaluated where the control plane is hidden; multi-factor authentication at the identity provider is not visible.",
    ruleIds: ["apiserver-anonymous-auth", ...AUTHENTICATION],
  },
  {
    id: "A.8.6",
    title: "Capacity management",
    description: "Use of resources is monitored and adjusted to current and expected capacity requirements.",
    rationale:
      "The auditor asks how capacity is planned and protected. Requests, limits and namespace quotas are how a cluster reserves and bounds capacity per workload; they are availability evidence only. Most of these rules run in the strict profile, so in the default profile the control is not evaluated. Capacity monitoring and planning records are outside the cluster.",
    ruleIds: ["memory-limits-missing", "memory-requests-missing", "cpu-requests-missing", "namespace-without-resourcequota", "namespace-without-limitrange"],
    protects: ["availability"],
  },
  {
    id: "A.8.7",
    title: "Protection against malware",
    description: "Protection against malware is implemented and supported by user awareness.",
    rationale:
      "The auditor asks how malware is kept out and detected. The cluster-side measures are running only images from the organization's registries (needs the allowed or blocked registries set, otherwise not evaluated) and read-only root filesystems, which stop code being dropped into a running container. Image scanning, runtime detection and awareness are not visible.",
    ruleIds: [...TRUSTED_REGISTRIES, "read-only-root-fs"],
  },
  {
    id: "A.8.8",
    title: "Management of technical vulnerabilities",
    description: "Information about technical vulnerabilities is obtained, exposure evaluated and measures taken.",
    rationale:
      "The auditor asks how vulnerabilities are found and how quickly they are fixed. The cluster shows whether its platform still receives fixes: Kubernetes past upstream end of life, kubelet version skew, the frozen k8s.gcr.io registry, Helm v2 Tiller and the retired ingress-nginx controller. The images' vulnerabilities come from scanner reports read in the cluster (Trivy Operator) or imported from CI: a critical CVE, or a high one with a fix, fails the control; without any report that check is not evaluated, and the control with it. Patch time frames are process evidence (the trends page gives mean time to patch).",
    ruleIds: [...PATCHING, ...IMAGE_VULNERABILITIES],
  },
  {
    id: "A.8.9",
    title: "Configuration management",
    description: "Configurations, including security configurations, are established, documented, implemented, monitored and reviewed.",
    rationale:
      "The auditor asks for the secure configuration baseline and evidence that systems follow it. Bulwark's policy in force serves as the monitored baseline for workloads; the checks here are its core hardening settings: non-root, no privilege escalation, seccomp, dropped capabilities, read-only root filesystems, every namespace enforcing a Pod Security Standard, and control-plane profiling off. Deviations the organization accepts belong in exceptions; the baseline document and its reviews are to be attached.",
    ruleIds: [
      "run-as-non-root",
      "allow-privilege-escalation",
      "seccomp-required",
      "caps-drop-all",
      "read-only-root-fs",
      "namespace-psa-enforce-missing",
      "apiserver-profiling",
      "controller-manager-profiling",
      "scheduler-profiling",
    ],
  },
  {
    id: "A.8.12",
    title: "Data leakage prevention",
    description: "Data leakage prevention measures apply to systems that process sensitive information.",
    rationale:
      "The auditor asks what stops sensitive information from leaving. In a cluster: egress is denied by default and no policy allows all destinations, and credentials are not written in plain text into pod specs or ConfigMaps, where anyone able to read the object can copy them. Content inspection of outbound traffic is not visible.",
    ruleIds: ["network-namespace-no-default-deny-egress", "network-policy-allows-all-egress", ...PLAIN_CREDENTIALS],
  },
  {
    id: "A.8.13",
    title: "Information backup",
    description: "Backup copies of information, software and systems are maintained and regularly tested.",
    rationale:
      "The auditor asks for the backup policy and restore test records. Backups of etcd, persistent volumes and databases are taken by tools outside the Kubernetes API, so the control is manual.",
    manual: { evidence: "The backup policy for the cluster's data (etcd, persistent volumes, databases) and the record of the last restore test." },
  },
  {
    id: "A.8.14",
    title: "Redundancy of information processing facilities",
    description: "Information processing facilities are implemented with enough redundancy to meet availability requirements.",
    rationale:
      "The auditor asks whether critical services survive the loss of a component. In a cluster that is more than one replica, disruption budgets that allow maintenance, and spreading across nodes or zones. These are availability evidence only and run in the strict profile, so in the default profile the control is not evaluated. Redundancy of the control plane and the underlying infrastructure is not visible.",
    ruleIds: ["deployment-single-replica", "pdb-missing", "pdb-disruptions-zero", "topology-spread-missing", "pod-anti-affinity-missing"],
    protects: ["availability"],
  },
  {
    id: "A.8.15",
    title: "Logging",
    description: "Logs recording activities, exceptions, faults and other events are produced, stored, protected and analysed.",
    rationale:
      "The auditor asks which logs are produced, how long they are kept and how they are protected. The cluster's security log is the API server audit log: on, retained and rotated; and no role can delete Events or pod logs to cover its tracks. The audit policy content and central log storage are not visible and should be attached.",
    ruleIds: [...AUDIT_LOG, "rbac-delete-events", "rbac-delete-pod-logs"],
  },
  {
    id: "A.8.16",
    title: "Monitoring activities",
    description: "Networks, systems and applications are monitored for anomalous behaviour and action is taken.",
    rationale:
      "The auditor asks what is monitored, by whom, and what happened with alerts. The audit log (supporting rule) feeds monitoring, but the monitoring (SIEM, detection rules, response) is outside the cluster, so the control is manual.",
    ruleIds: ["apiserver-audit-log-path"],
    manual: { evidence: "The monitoring in place for the cluster (audit-log ingestion, detection rules, alert handling) and a sample of alerts handled." },
  },
  {
    id: "A.8.18",
    title: "Use of privileged utility programs",
    description: "Utility programs that can override system and application controls are restricted and tightly controlled.",
    rationale:
      "The auditor asks who can use tools that bypass normal controls. In Kubernetes those are exec and attach into running containers, port-forwarding to pods and the kubelet API through nodes/proxy: each reaches inside a workload without going through its own access controls. The checks find the roles granting them; how their use is approved and logged is process evidence.",
    ruleIds: [...INTERACTIVE_ACCESS, "rbac-node-proxy"],
  },
  {
    id: "A.8.19",
    title: "Installation of software on operational systems",
    description: "Software installation on operational systems is managed securely.",
    rationale:
      "The auditor asks what controls which software is installed in production. For a cluster: images only from the organization's registries (needs the allowed or blocked registries set), no mutable latest tags, and an admission policy that is actually enforcing (no fail-open webhook, no AlwaysAdmit). The approval of releases happens in the delivery pipeline and is not visible.",
    ruleIds: [...TRUSTED_REGISTRIES, "image-tag-latest", "admission-no-policy-engine", "admission-policy-webhook-fail-open", "apiserver-always-admit"],
  },
  {
    id: "A.8.20",
    title: "Networks security",
    description: "Networks and network devices are secured, managed and controlled to protect information.",
    rationale:
      "The auditor asks how the networks carrying information are secured. The cluster's network exposure is its Services, Ingresses and host ports: administrative interfaces are not exposed outside, externalIPs, node ports, host ports and SSH are avoided, and kube-proxy metrics do not listen on every interface. Public load balancers serving the product are expected. Network devices and firewalls outside the cluster are not visible.",
    ruleIds: EXTERNAL_EXPOSURE,
  },
  {
    id: "A.8.22",
    title: "Segregation of networks",
    description: "Groups of information services, users and systems are segregated in the networks.",
    rationale:
      "The auditor asks how services are separated on the network. In a cluster every pod can reach every other pod until NetworkPolicies select it, so segregation means every workload is selected by policies for both directions, no policy allows all ingress, and no pod uses the host network, where policies do not apply. Whether the CNI enforces policies is not visible.",
    ruleIds: ["network-pod-not-isolated", "network-pod-ingress-egress-not-isolated", "network-policy-allows-all-ingress", "host-network"],
  },
  {
    id: "A.8.24",
    title: "Use of cryptography",
    description: "Rules for the effective use of cryptography, including key management, are defined and implemented.",
    rationale:
      "The auditor asks where cryptography protects information and how keys are managed. The cluster shows encryption at rest for Secrets and provisioned volumes, and TLS on Ingresses, the API server, API server to kubelet and etcd. Key management (KMS, rotation) and application-level cryptography are not visible; control-plane checks are not evaluated where the control plane is hidden.",
    ruleIds: [...AT_REST, ...TLS_IN_TRANSIT],
  },
  {
    id: "A.8.32",
    title: "Change management",
    description: "Changes to information processing facilities and systems are subject to change management procedures.",
    rationale:
      "The auditor samples changes and traces them to approvals, and asks how changes outside the process are prevented. In the cluster the bypasses are mutable image tags (what runs differs from what was approved), exec and attach into running containers, and rights to edit admission webhooks. The approval workflow lives in the delivery pipeline and is not visible.",
    ruleIds: ["image-tag-latest", "rbac-exec-attach", "rbac-cluster-binding-exec-attach", "rbac-manage-webhooks"],
  },
];

export const iso27001: FrameworkDefinition = {
  id: "iso-27001",
  name: "ISO/IEC 27001 Annex A",
  version: "2022",
  description: "The Annex A technological controls (theme 8) that a Kubernetes cluster's configuration bears on.",
  disclaimer: ISO27001_DISCLAIMER,
  controls: isoControls,
};
