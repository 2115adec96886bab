// NSA/CISA Kubernetes Hardening Guidance v1.2: one control per heading. Rules join a heading by
// claiming it in `peers.nsa` or through a topic (resolved in registry.ts).
import type { ControlDef } from "./types";

export const nsaControls: ControlDef[] = [
  { id: "PS-NR", title: "Use containers built to run applications as non-root users", description: "Containers run as a non-root user and cannot become root.", rationale: "", topics: ["runAsRoot"] },
  { id: "PS-IMM", title: "Use immutable container file systems where possible", description: "Container root filesystems are read-only.", rationale: "", topics: ["readOnlyRoot"] },
  { id: "PS-IMG", title: "Build secure container images", description: "Images come from trusted registries, are pinned, and are scanned for known vulnerabilities.", rationale: "", topics: ["imageTags", "registries", "imageDigest", "vulnerabilities"] },
  { id: "PS-ENF", title: "Pod security enforcement", description: "Pod Security Admission or a policy engine rejects privileged pods and host namespaces, paths and ports.", rationale: "", topics: ["privileged", "hostPath", "hostNetwork", "hostPidIpc", "hostPort", "privilegeEscalation", "podSecurityAdmission"] },
  { id: "PS-SA", title: "Protecting Pod service account tokens", description: "Pods that do not call the API server get no service account token.", rationale: "", topics: ["saTokenAutomount"] },
  { id: "PS-HARD", title: "Hardening container environments", description: "Containers drop capabilities and run under seccomp, AppArmor or SELinux confinement.", rationale: "", topics: ["capabilities", "kernelHardening"] },
  { id: "NP", title: "Network policies", description: "Namespaces deny traffic by default and allow only what is needed; services are not exposed needlessly.", rationale: "", topics: ["namespaceNetpol", "defaultDeny", "exposure"] },
  { id: "NSP", title: "Namespaces", description: "Resources are separated by namespace; the default namespace is not used.", rationale: "", topics: ["defaultNamespace"] },
  { id: "RP", title: "Resource policies", description: "Requests, limits, LimitRanges and ResourceQuotas keep one workload from exhausting a node.", rationale: "", topics: ["resources"] },
  { id: "CP", title: "Control plane hardening", description: "The API server, kubelets and etcd authenticate each other, serve TLS and expose no insecure or profiling ports.", rationale: "", topics: ["kubeletTls", "controlPlaneTls", "insecurePorts"] },
  { id: "ENC", title: "Encryption", description: "Traffic into the cluster and inside the control plane is encrypted.", rationale: "", topics: ["ingressTls", "controlPlaneTls"] },
  { id: "SEC", title: "Secrets", description: "Secrets are encrypted at rest, kept out of environment variables and plain-text configuration, ideally in an external store.", rationale: "", topics: ["secretsInEnv", "plainCredentials", "externalSecrets", "secretsAtRest", "volumeEncryption"] },
  { id: "AUTHN", title: "Authentication", description: "Every request is authenticated; anonymous access and system:masters credentials are avoided; users come from an identity provider.", rationale: "", topics: ["systemMasters", "anonymousAccess", "identityProvider"] },
  { id: "RBAC", title: "Role-based access control", description: "RBAC is on, roles are least-privilege, and workloads do not run with administrative rights.", rationale: "", topics: ["defaultServiceAccount", "clusterAdmin", "rbacWildcards", "rbacCreate", "rbacExec", "rbacSecrets", "rbacEscalation", "authorizationMode"] },
  { id: "LOG", title: "Audit logging", description: "API audit logging is on, with a policy and retention that allow investigation.", rationale: "", topics: ["auditLogging"] },
  { id: "UPG", title: "Upgrading and application security practices", description: "Kubernetes, its APIs and images are kept current.", rationale: "", topics: ["vulnerabilities", "deprecatedApis"] },
];
