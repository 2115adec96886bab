// Named groups of rules that are evidence for one security property, shared by the regulatory
// mappings (HIPAA, GDPR, SOC 2, NIST SP 800-53, ISO/IEC 27001) so that "audit logging" or "TLS in
// transit" means the same rules in every framework. Explicit rule ids only: no peer-claim
// indirection, so a control lists exactly the rules an auditor reads (the registry test checks
// every id exists). Benchmarks (CIS, NSA/CISA, PSS) map through the rules' own peer claims instead.

/** Every API request is authorized, and by RBAC (plus the Node authorizer for kubelets). */
export const AUTHORIZATION = ["apiserver-authorization-always-allow", "apiserver-authorization-rbac", "apiserver-authorization-node", "apiserver-node-restriction-plugin"];

/** No request is served, and no permission granted, without an authenticated identity. */
export const ANONYMOUS_ACCESS = ["apiserver-anonymous-auth", "rbac-anonymous-binding", "rbac-system-authenticated-binding"];

/** Users and components prove who they are with revocable, verified credentials. */
export const AUTHENTICATION = [
  "apiserver-token-auth-file",
  "apiserver-client-ca-file",
  "apiserver-service-account-lookup",
  "apiserver-service-account-key-file",
  "controller-manager-service-account-private-key",
  "apiserver-kubelet-client-certificate",
  "etcd-client-cert-auth",
  "etcd-peer-client-cert-auth",
];

/** Administrative (cluster-admin or equivalent) rights held by people or workloads. */
export const ADMIN_RIGHTS = ["rbac-cluster-admin-binding", "rbac-namespace-cluster-admin-binding", "rbac-admin-equivalent-role", "rbac-wildcard-all-resources", "rbac-system-masters-binding", "workload-sa-admin-rights"];

/** Rights that let a subject obtain rights it was not granted. */
export const ESCALATION = [
  "rbac-bind-escalate",
  "rbac-impersonate",
  "rbac-grant-any-role",
  "rbac-modify-rolebindings",
  "rbac-create-service-account-token",
  "rbac-approve-csr",
  "rbac-node-proxy",
  "rbac-eks-aws-auth",
  "workload-sa-risky-permissions",
];

/** Read access to Secrets (credentials, keys, tokens). */
export const SECRETS_READ = ["rbac-binding-grants-secrets-read", "rbac-secrets-access"];

/** Interactive access into running containers, which bypasses the deployment path. */
export const INTERACTIVE_ACCESS = ["rbac-exec-attach", "rbac-cluster-binding-exec-attach", "rbac-namespace-binding-role-exec-attach", "rbac-namespace-binding-clusterrole-exec-attach", "rbac-port-forward"];

/** Identities shared by many workloads or people, which make actions unattributable. */
export const SHARED_IDENTITY = ["default-service-account-used", "rbac-default-service-account-bound", "rbac-system-masters-binding", "apiserver-token-auth-file", "controller-manager-service-account-credentials"];

/** Ways out of the container onto its node (and from there to every pod and secret on it). */
export const HOST_ESCAPE = [
  "privileged-container",
  "windows-host-process",
  "runtime-socket-mount",
  "host-path-writable",
  "host-path-sensitive",
  "host-pid",
  "host-ipc",
  "sys-admin-capability",
  "sys-module-added",
  "proc-mount-host-users",
  "storage-host-path-persistent-volume",
];

/** API server audit logging: on, retained, rotated. */
export const AUDIT_LOG = ["apiserver-audit-log-path", "apiserver-audit-log-maxage", "apiserver-audit-log-maxbackup", "apiserver-audit-log-maxsize"];

/** TLS on the paths that carry data: ingress, API server, API server to kubelet, etcd. */
export const TLS_IN_TRANSIT = ["exposure-ingress-no-tls", "apiserver-secure-port", "apiserver-tls-certificate", "apiserver-kubelet-https", "etcd-tls-certificate", "etcd-peer-tls-certificate"];

/** Each end verifies the other's certificate, so TLS also detects a man in the middle. */
export const PEER_VERIFICATION = ["apiserver-kubelet-certificate-authority", "apiserver-etcd-cafile", "etcd-auto-tls", "etcd-peer-auto-tls"];

/** Encryption of stored data the cluster controls: Secrets in etcd, provisioned volumes. */
export const AT_REST = ["apiserver-encryption-at-rest", "storage-class-unencrypted"];

/** Credentials written in plain text where anyone who can read the object sees them. */
export const PLAIN_CREDENTIALS = ["sensitive-env-var-literal", "sensitive-configmap-content"];

/** Workloads are reachable only on the flows their NetworkPolicies allow. */
export const SEGMENTATION = ["network-pod-not-isolated", "network-pod-ingress-egress-not-isolated", "network-policy-allows-all-ingress", "host-network"];

/** Outbound traffic is restricted, so data cannot leave to arbitrary destinations. */
export const EGRESS = ["network-namespace-no-default-deny-egress", "network-policy-allows-all-egress"];

/** Entry points from outside the cluster that should not exist or should not be open. */
export const EXTERNAL_EXPOSURE = ["exposure-sensitive-interface", "exposure-service-external-ips", "exposure-service-node-port", "exposure-kube-proxy-metrics", "ssh-port-exposed", "host-port"];

/** Only images from the organization's registries run (needs the allow- or block-list set). */
export const TRUSTED_REGISTRIES = ["image-registry-not-allowed", "image-registry-blocked"];

/** Something stops a non-compliant pod at admission. */
export const ADMISSION = ["admission-no-policy-engine", "namespace-psa-enforce-privileged", "admission-policy-webhook-fail-open", "admission-scc-privileged", "apiserver-always-admit"];

/**
 * Known vulnerabilities in the images the cluster runs, from scanner reports (Trivy Operator in the
 * cluster, or Trivy, Grype and CycloneDX documents imported from CI). Without any report the rule
 * passes over nothing, which compliance counts as not evaluated (registry.ts): a control with it is
 * never passed on image CVEs nobody scanned for.
 */
export const IMAGE_VULNERABILITIES = ["image-vulnerabilities"];

/** Software the cluster runs still receives security fixes. */
export const PATCHING = ["deprecated-kubernetes-version-eol", "deprecated-kubelet-version-skew", "image-deprecated-registry", "tiller-deployed", "ingress-nginx-retired"];

/**
 * Resource and resilience hygiene: replicas, disruption budgets, spreading, probes, requests and
 * limits. Evidence for availability only (frameworks.test.ts keeps them out of confidentiality and
 * integrity controls). Most run in the strict profile only.
 */
export const RESILIENCE = [
  "deployment-single-replica",
  "pdb-missing",
  "pdb-disruptions-zero",
  "topology-spread-missing",
  "readiness-probe-missing",
  "liveness-probe-missing",
  "memory-limits-missing",
  "memory-requests-missing",
  "cpu-requests-missing",
];
