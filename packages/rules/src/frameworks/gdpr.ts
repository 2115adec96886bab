// GDPR (Regulation (EU) 2016/679): the articles on security of processing that a cluster's
// configuration bears on. No public tool publishes a Kubernetes mapping for GDPR; this one is
// Bulwark's reasoning, and the disclaimer says so. Art. 32(1)(b) is split by the property it
// protects, so that resilience evidence never counts for confidentiality or integrity.
import { ANONYMOUS_ACCESS, AT_REST, AUDIT_LOG, IMAGE_VULNERABILITIES, PLAIN_CREDENTIALS, RESILIENCE, SECRETS_READ, TLS_IN_TRANSIT, TRUSTED_REGISTRIES } from "./evidence";
import type { ControlDef, FrameworkDefinition } from "./types";

export const GDPR_DISCLAIMER =
  "This mapping of Kubernetes configuration checks to GDPR articles is Bulwark's own interpretation. It is not legal advice and does not by itself establish compliance; the controller remains responsible for assessing the appropriateness of its technical and organisational measures.";

export const gdprControls: ControlDef[] = [
  {
    id: "Art. 5(1)(f)",
    title: "Integrity and confidentiality",
    description: "Personal data is processed securely, with protection against unauthorised or unlawful processing and accidental loss, destruction or damage.",
    rationale:
      "A supervisory authority asks whether appropriate measures protect the data against unauthorised access and alteration. The principle is implemented through Art. 32; here Bulwark checks the settings whose absence would expose personal data outright: anonymous access to the API, Secrets stored unencrypted in etcd, credentials written in plain text into pod specs or ConfigMaps, Ingresses serving plain HTTP, privileged containers and workloads holding cluster-admin rights. Where the personal data lives and who processes it is not visible; scope the framework to the clusters and namespaces that hold it.",
    ruleIds: [...ANONYMOUS_ACCESS, ...AT_REST, ...PLAIN_CREDENTIALS, "exposure-ingress-no-tls", "privileged-container", "workload-sa-admin-rights"],
  },
  {
    id: "Art. 5(2)",
    title: "Accountability",
    description: "The controller is responsible for, and able to demonstrate, compliance with the principles.",
    rationale:
      "The authority asks the controller to demonstrate compliance: policies, records of processing, DPIAs, and evidence that measures work. Signed Bulwark reports and the API audit log (supporting rules) are part of that evidence, but accountability is a documentation duty of the controller that no cluster setting fulfils.",
    ruleIds: AUDIT_LOG,
    manual: { evidence: "Documentation demonstrating compliance (policies, records, DPIAs); attach signed Bulwark reports and the audit-log configuration as supporting evidence." },
  },
  {
    id: "Art. 25(1)",
    title: "Data protection by design",
    description: "Technical measures that implement the data-protection principles are built into the processing.",
    rationale:
      "The authority asks whether protection was designed into the systems rather than added later. For a cluster the design choices that protect data are isolation and least privilege: containers cannot reach their node (privileged mode, runtime sockets, host paths, host namespaces), workloads are network-isolated by policy, workload identities hold no admin or escalation rights, and an admission policy enforces this for new workloads. Data minimisation and pseudonymisation in the applications are not visible.",
    ruleIds: [
      "privileged-container",
      "runtime-socket-mount",
      "host-path-writable",
      "host-path-sensitive",
      "host-pid",
      "host-ipc",
      "host-network",
      "allow-privilege-escalation",
      "network-pod-not-isolated",
      "workload-sa-admin-rights",
      "workload-sa-risky-permissions",
      "admission-no-policy-engine",
    ],
  },
  {
    id: "Art. 25(2)",
    title: "Data protection by default",
    description: "By default, personal data is not made accessible to an indefinite number of persons without the individual's intervention.",
    rationale:
      "The authority asks what the defaults expose before anyone configures anything. Kubernetes defaults that expose data are: anonymous requests accepted by the API server, every pod getting its default service account's API token, roles granted to a namespace's default service account (so every pod inherits them), namespaces whose NetworkPolicies lack a default deny, and namespaces explicitly set to admit privileged pods. A namespace with no policy at all is a benchmark finding (CIS 5.3.2) reported under Art. 25(1) through the workloads it holds.",
    ruleIds: ["apiserver-anonymous-auth", "default-serviceaccount-automount", "rbac-default-service-account-bound", "network-namespace-no-default-deny-ingress", "namespace-psa-enforce-privileged"],
  },
  {
    id: "Art. 30",
    title: "Records of processing activities",
    description: "The controller keeps a record of the processing activities under its responsibility.",
    rationale:
      "The authority asks for the Art. 30 record: purposes, categories of data subjects and data, recipients, transfers, retention and a description of security measures. Cluster audit logs are activity logs, not that record, so the control is manual; Bulwark reports can be cited as the description of technical measures.",
    manual: { evidence: "The record of processing activities required by Art. 30 (purposes, categories of data and recipients, retention, security measures)." },
  },
  {
    id: "Art. 32(1)(a)",
    title: "Pseudonymisation and encryption of personal data",
    description: "Personal data is encrypted at rest and in transit, as appropriate to the risk.",
    rationale:
      "The authority asks where personal data is encrypted. The cluster shows encryption it controls: Secrets encrypted in etcd, StorageClasses provisioning encrypted volumes, and TLS on Ingresses, the API server, API server to kubelet and etcd. Pseudonymisation, database encryption and pod-to-pod encryption are application or mesh matters Bulwark cannot see. Control-plane checks are not evaluated where the control plane is hidden.",
    ruleIds: [...AT_REST, ...TLS_IN_TRANSIT],
  },
  {
    id: "Art. 32(1)(b) confidentiality",
    title: "Ongoing confidentiality of processing systems",
    description: "Processing systems keep personal data from unauthorised disclosure, on an ongoing basis.",
    rationale:
      "The authority asks what keeps data from being disclosed to those not entitled to it. The cluster's answer: only authenticated identities are served, read access to Secrets is limited, credentials are not written in plain text, workloads are reachable only on the flows their NetworkPolicies allow, and administrative interfaces and node ports are not exposed outside the cluster. Access rules inside applications and databases are not visible.",
    ruleIds: [
      "rbac-anonymous-binding",
      "rbac-system-authenticated-binding",
      ...SECRETS_READ,
      ...PLAIN_CREDENTIALS,
      "network-pod-not-isolated",
      "network-pod-ingress-egress-not-isolated",
      "network-policy-allows-all-ingress",
      "exposure-sensitive-interface",
      "exposure-service-external-ips",
      "exposure-service-node-port",
      "exposure-kube-proxy-metrics",
    ],
  },
  {
    id: "Art. 32(1)(b) integrity",
    title: "Ongoing integrity of processing systems",
    description: "Processing systems and the software they run cannot be altered improperly, on an ongoing basis.",
    rationale:
      "The authority asks what keeps systems and data from improper alteration. For containers: workloads run as non-root without privilege escalation, under the runtime's seccomp profile, with read-only root filesystems, and run images from trusted registries pinned by digest rather than mutable tags, without critical or fixable high CVEs (from scanner reports read in the cluster or imported). The digest check runs in the strict profile, the registry checks need an allowed or blocked list and the CVE check a scanner report, so without them the control is not evaluated unless another check fails. Data integrity inside applications is not visible.",
    ruleIds: ["run-as-non-root", "allow-privilege-escalation", "seccomp-required", "read-only-root-fs", "image-tag-latest", "image-not-pinned-by-digest", ...TRUSTED_REGISTRIES, ...IMAGE_VULNERABILITIES],
  },
  {
    id: "Art. 32(1)(b) availability",
    title: "Ongoing availability and resilience of processing systems",
    description: "Processing systems keep serving through failures and maintenance.",
    rationale:
      "The authority asks whether the systems stay available and resilient. The evidence here is resource and resilience configuration: more than one replica, disruption budgets that allow maintenance, spreading across nodes, readiness and liveness probes, memory requests and limits. These rules run in the strict profile, so in the default profile the control is not evaluated. They are availability evidence only and never count towards confidentiality or integrity.",
    ruleIds: RESILIENCE,
    protects: ["availability"],
  },
  {
    id: "Art. 32(1)(c)",
    title: "Timely restoration of availability and access",
    description: "Availability of and access to personal data can be restored in a timely manner after an incident.",
    rationale:
      "The authority asks how quickly data can be restored after an incident and whether that has been tested. Restoration depends on backups and restore tests of the data stores (etcd, volumes, databases), which the cluster configuration does not show; replicas and probes (supporting, availability only) help a service recover from instance failures but restore no data.",
    ruleIds: ["deployment-single-replica", "pdb-missing", "readiness-probe-missing"],
    protects: ["availability"],
    manual: { evidence: "The backup and restore procedure for the cluster's data (etcd, persistent volumes, databases) and the record of the last restore test." },
  },
  {
    id: "Art. 32(1)(d)",
    title: "Regular testing, assessing and evaluating",
    description: "The effectiveness of the technical and organisational measures is tested, assessed and evaluated regularly.",
    rationale:
      "The authority asks for a process that tests the measures regularly and acts on the results. Scheduled Bulwark scans and signed reports are such tests, and so are vulnerability scans of the images (supporting: their findings, from scanner reports read in the cluster or imported), but a single scan cannot show regularity or follow-up; attach the schedule, the reports of the period and the record of their review.",
    ruleIds: [...IMAGE_VULNERABILITIES, "image-exposed-secrets"],
    manual: { evidence: "The testing schedule (e.g. Bulwark scan and report schedules), the reports of the period and the record of their review and follow-up." },
  },
  {
    id: "Art. 33",
    title: "Notification of a personal data breach to the supervisory authority",
    description: "Breaches are notified to the supervisory authority within 72 hours of becoming aware of them.",
    rationale:
      "The authority asks for the breach-notification procedure and the register of breaches. API audit logs help establish what happened in a breach, but notification is an organizational duty with no cluster setting behind it, so the control is manual.",
    manual: { evidence: "The breach-notification procedure and the register of breaches." },
  },
];

export const gdpr: FrameworkDefinition = {
  id: "gdpr",
  name: "GDPR",
  version: "Regulation (EU) 2016/679",
  description: "Security-of-processing articles of the EU General Data Protection Regulation, as they bear on a Kubernetes cluster.",
  disclaimer: GDPR_DISCLAIMER,
  controls: gdprControls,
};
