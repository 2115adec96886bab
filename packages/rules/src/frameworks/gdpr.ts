// GDPR (Regulation (EU) 2016/679): the articles on security of processing that a cluster's
// configuration bears on. No public tool publishes a Kubernetes mapping for GDPR; this one is
// Bulwark's reasoning, and the disclaimer says so.
import type { ControlDef } from "./types";

export const GDPR_DISCLAIMER =
  "This mapping of Kubernetes configuration checks to GDPR articles is Bulwark's own interpretation. It is not legal advice and does not by itself establish compliance; the controller remains responsible for assessing the appropriateness of its technical and organisational measures.";

export const gdprControls: ControlDef[] = [
  {
    id: "Art. 5(1)(f)",
    title: "Integrity and confidentiality",
    description: "Personal data is protected against unauthorised access: secrets stay out of environment variables and readable roles, are encrypted at rest, and traffic uses TLS.",
    topics: ["secretsInEnv", "rbacSecrets", "ingressTls", "secretsAtRest"],
  },
  {
    id: "Art. 5(2)",
    title: "Accountability",
    description: "The controller can demonstrate compliance; audit logs and scan history are part of the evidence.",
    topics: ["auditLogging"],
    manual: { evidence: "Documentation demonstrating compliance (policies, records, DPIAs); attach Bulwark scan history and audit-log configuration as supporting evidence." },
  },
  {
    id: "Art. 25(1)",
    title: "Data protection by design",
    description: "Isolation is built in: non-root workloads, least-privilege roles, network segmentation, admission policy, no shared default namespace.",
    topics: ["runAsRoot", "clusterAdmin", "rbacWildcards", "namespaceNetpol", "exposure", "podSecurityAdmission", "defaultNamespace"],
  },
  {
    id: "Art. 25(2)",
    title: "Data protection by default",
    description: "Defaults grant nothing extra: no API token unless needed, network traffic denied unless allowed.",
    topics: ["saTokenAutomount", "defaultDeny"],
  },
  {
    id: "Art. 30",
    title: "Records of processing activities",
    description: "A record of processing activities is kept; cluster audit logs can support it but are not that record.",
    manual: { evidence: "The record of processing activities required by Art. 30 (purposes, categories of data and recipients, retention, security measures)." },
  },
  {
    id: "Art. 32(1)(a)",
    title: "Pseudonymisation and encryption of personal data",
    description: "Credentials and data are encrypted at rest and in transit, and secret material is not exposed in plain text.",
    topics: ["secretsInEnv", "plainCredentials", "externalSecrets", "rbacSecrets", "ingressTls", "secretsAtRest", "volumeEncryption", "controlPlaneTls"],
  },
  {
    id: "Art. 32(1)(b)",
    title: "Ongoing confidentiality, integrity, availability and resilience",
    description: "The cluster's configuration keeps workloads isolated, least-privileged, patched and resilient.",
    topics: [
      "privileged",
      "hostPath",
      "hostNetwork",
      "hostPidIpc",
      "hostPort",
      "runAsRoot",
      "readOnlyRoot",
      "privilegeEscalation",
      "capabilities",
      "kernelHardening",
      "resources",
      "probes",
      "availability",
      "imageTags",
      "registries",
      "imageDigest",
      "vulnerabilities",
      "plainCredentials",
      "saTokenAutomount",
      "defaultServiceAccount",
      "clusterAdmin",
      "systemMasters",
      "rbacCreate",
      "rbacExec",
      "rbacSecrets",
      "rbacEscalation",
      "anonymousAccess",
      "identityProvider",
      "authorizationMode",
      "kubeletTls",
      "idleTimeouts",
      "namespaceNetpol",
      "defaultDeny",
      "exposure",
      "podSecurityAdmission",
      "insecurePorts",
    ],
  },
  {
    id: "Art. 32(1)(c)",
    title: "Timely restoration of availability and access",
    description: "Health probes, replicas and disruption budgets let Kubernetes restart and route around failed instances. Backups and restore tests are outside the cluster configuration.",
    topics: ["probes", "availability"],
  },
  {
    id: "Art. 32(1)(d)",
    title: "Regular testing, assessing and evaluating",
    description: "Security measures are tested regularly: scheduled scans, vulnerability data, audit logging and supported versions.",
    topics: ["vulnerabilities", "auditLogging", "deprecatedApis"],
  },
  {
    id: "Art. 33",
    title: "Notification of a personal data breach to the supervisory authority",
    description: "Breaches are notified within 72 hours; audit logs help establish what happened.",
    manual: { evidence: "The breach-notification procedure and the register of breaches." },
  },
];
