// The posture checks that the regulatory frameworks (HIPAA, GDPR) and NSA/CISA guidance map to:
// one entry per row of Bulwark's compliance mapping. A topic names its rules directly and by the
// Kubescape control and CIS section they claim, so a rule added later with the same peer id joins
// the topic without an edit here.
export interface Topic {
  id: string;
  title: string;
  /** Bulwark rule ids (must exist: checked by the registry test). */
  ruleIds: string[];
  /** Rules claiming any of these Kubescape controls join the topic. */
  kubescape?: string[];
  /** Rules claiming any of these CIS v1.9 sections join the topic. */
  cis?: string[];
}

const t = (id: string, title: string, ruleIds: string[], kubescape: string[] = [], cis: string[] = []): Topic => ({ id, title, ruleIds, kubescape, cis });

export const TOPICS = {
  privileged: t("privileged", "Privileged containers", ["privileged-container"], ["C-0057"], ["5.2.2"]),
  hostPath: t("hostPath", "hostPath volumes and container runtime sockets", ["host-path-volume", "storage-host-path-persistent-volume"], ["C-0048", "C-0045", "C-0074"], ["5.2.12"]),
  hostNetwork: t("hostNetwork", "Host network namespace", ["host-network"], ["C-0041"], ["5.2.5"]),
  hostPidIpc: t("hostPidIpc", "Host PID and IPC namespaces", ["host-pid", "host-ipc"], ["C-0038"], ["5.2.3", "5.2.4"]),
  hostPort: t("hostPort", "Host ports", ["host-port"], ["C-0044"], ["5.2.13"]),
  runAsRoot: t("runAsRoot", "Containers that may run as root", ["run-as-non-root", "root-group", "uid-above-10000", "gid-above-10000"], ["C-0013"], ["5.2.7"]),
  readOnlyRoot: t("readOnlyRoot", "Writable root filesystems", ["read-only-root-fs"], ["C-0017"]),
  privilegeEscalation: t("privilegeEscalation", "Privilege escalation allowed", ["allow-privilege-escalation", "sudo-in-command"], ["C-0016"], ["5.2.6"]),
  capabilities: t("capabilities", "Added or dangerous Linux capabilities, NET_RAW", ["caps-drop-any"], ["C-0046"], ["5.2.8", "5.2.9", "5.2.10"]),
  kernelHardening: t("kernelHardening", "Seccomp, AppArmor and SELinux confinement", ["apparmor-unconfined", "selinux-custom-options", "proc-mount-unmasked", "proc-mount-host-users", "unsafe-sysctls"], ["C-0210", "C-0055"], ["5.7.2"]),
  resources: t("resources", "CPU and memory requests and limits", ["ephemeral-storage-limits-missing", "namespace-without-limitrange", "namespace-without-resourcequota", "limitrange-incomplete", "resourcequota-incomplete"], ["C-0270", "C-0271", "C-0009", "C-0004", "C-0050"]),
  availability: t("availability", "Replicas, disruption budgets and spreading for resilience", ["pdb-missing", "pdb-disruptions-zero", "deployment-single-replica", "pod-anti-affinity-missing", "topology-spread-missing"]),
  probes: t("probes", "Liveness and readiness probes", [], ["C-0056", "C-0018"]),
  imageTags: t("imageTags", "Mutable image tags and pull policy", ["image-tag-latest", "image-pull-policy-not-always"], ["C-0075"]),
  registries: t("registries", "Images from untrusted registries", ["image-deprecated-registry"], ["C-0078", "C-0001"], ["5.5.1"]),
  imageDigest: t("imageDigest", "Images not pinned by digest or unsigned", [], ["C-0306", "C-0236", "C-0237"]),
  vulnerabilities: t("vulnerabilities", "Known vulnerable images (imported scanner report)", ["tiller-deployed", "ingress-nginx-retired"], ["C-0085", "C-0083", "C-0084"]),
  secretsInEnv: t("secretsInEnv", "Secrets exposed as environment variables", [], ["C-0207"], ["5.4.1"]),
  plainCredentials: t("plainCredentials", "Credentials in ConfigMaps or literal env values", [], ["C-0012"]),
  externalSecrets: t("externalSecrets", "No external secret store or KMS", [], ["C-0208"], ["5.4.2"]),
  saTokenAutomount: t("saTokenAutomount", "Service account tokens mounted where not needed", ["sa-token-explicitly-mounted"], ["C-0034", "C-0190"], ["5.1.6"]),
  defaultServiceAccount: t("defaultServiceAccount", "Default service accounts in use", [], ["C-0189"], ["5.1.5"]),
  clusterAdmin: t("clusterAdmin", "cluster-admin bindings and workloads with admin rights", ["rbac-namespace-admin-role-binding"], ["C-0035", "C-0185", "C-0272"], ["5.1.1"]),
  systemMasters: t("systemMasters", "Use of the system:masters group", [], ["C-0246"], ["5.1.7"]),
  rbacWildcards: t("rbacWildcards", "Wildcards in RBAC roles", [], ["C-0187"], ["5.1.3"]),
  rbacCreate: t("rbacCreate", "Rights to create pods, PersistentVolumes or service account tokens", ["workload-sa-risky-permissions"], ["C-0188", "C-0278", "C-0282"], ["5.1.4", "5.1.9", "5.1.13"]),
  rbacExec: t("rbacExec", "exec, attach and port-forward rights", [], ["C-0002", "C-0063"]),
  rbacSecrets: t("rbacSecrets", "Read access to Secrets", [], ["C-0186", "C-0015"], ["5.1.2"]),
  rbacEscalation: t("rbacEscalation", "bind, escalate and impersonate rights", ["rbac-modify-rolebindings", "rbac-manage-webhooks", "rbac-approve-csr", "rbac-node-proxy"], ["C-0191", "C-0065"], ["5.1.8"]),
  anonymousAccess: t("anonymousAccess", "Anonymous and unauthenticated access", ["rbac-system-authenticated-binding"], ["C-0113", "C-0172", "C-0069", "C-0262"], ["1.2.1", "4.2.1"]),
  identityProvider: t("identityProvider", "Users authenticated without an identity provider", ["rbac-eks-aws-auth"], ["C-0286", "C-0287", "C-0288", "C-0114"], ["3.1.1", "3.1.2", "3.1.3", "1.2.2"]),
  authorizationMode: t("authorizationMode", "AlwaysAllow authorization or RBAC disabled", [], ["C-0118", "C-0119", "C-0120", "C-0088"], ["1.2.6", "1.2.7", "1.2.8", "4.2.2"]),
  kubeletTls: t("kubeletTls", "API server to kubelet authentication", ["apiserver-kubelet-https"], ["C-0070", "C-0116", "C-0117"], ["1.2.4", "1.2.5", "4.2.3"]),
  idleTimeouts: t("idleTimeouts", "Idle and session timeouts", [], ["C-0176", "C-0134"], ["4.2.5"]),
  namespaceNetpol: t("namespaceNetpol", "Namespaces without NetworkPolicies", [], ["C-0260", "C-0206", "C-0054"], ["5.3.2"]),
  defaultDeny: t("defaultDeny", "No default-deny ingress and egress policy", ["network-namespace-no-default-deny-ingress", "network-namespace-no-default-deny-egress", "network-policy-allows-all-ingress", "network-policy-allows-all-egress"], ["C-0030"]),
  ingressTls: t("ingressTls", "Ingress without TLS", [], ["C-0263"]),
  exposure: t("exposure", "LoadBalancer, NodePort and externalIPs exposure", ["exposure-service-node-port", "exposure-service-external-ips", "ssh-port-exposed"], ["C-0256", "C-0021", "C-0266"]),
  secretsAtRest: t("secretsAtRest", "Secrets not encrypted at rest", [], ["C-0066", "C-0141", "C-0142"], ["1.2.27", "1.2.28"]),
  volumeEncryption: t("volumeEncryption", "Unencrypted PersistentVolumes and StorageClasses", [], ["C-0264"]),
  controlPlaneTls: t(
    "controlPlaneTls",
    "Control-plane TLS (API server, etcd, kubelet)",
    ["apiserver-secure-port", "apiserver-strong-ciphers", "controller-manager-rotate-kubelet-server-certificate"],
    ["C-0153", "C-0154", "C-0155", "C-0156", "C-0157", "C-0158", "C-0159"],
    ["1.2.23", "1.2.24", "1.2.25", "1.2.26", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "4.2.9", "4.2.10", "4.2.11", "4.2.12"],
  ),
  auditLogging: t("auditLogging", "Audit logging", ["rbac-delete-pod-logs"], ["C-0067", "C-0130", "C-0131", "C-0132", "C-0133"], ["1.2.16", "1.2.17", "1.2.18", "1.2.19", "3.2.1", "3.2.2"]),
  podSecurityAdmission: t("podSecurityAdmission", "No Pod Security Admission or policy engine", ["admission-policy-webhook-fail-open"], ["C-0192"], ["5.2.1"]),
  deprecatedApis: t("deprecatedApis", "Deprecated or removed APIs, end-of-life Kubernetes", ["deprecated-api-removed", "deprecated-api-deprecated", "deprecated-pod-security-policy"], ["C-0273"]),
  defaultNamespace: t("defaultNamespace", "Workloads in the default namespace", ["namespace-kube-system-user-workload"], ["C-0061"], ["5.7.1", "5.7.4"]),
  insecurePorts: t("insecurePorts", "Profiling, insecure ports, kubelet read-only port", ["controller-manager-bind-address", "scheduler-bind-address"], ["C-0005", "C-0175"], ["1.2.15", "1.3.2", "1.4.1", "4.2.4"]),
} satisfies Record<string, Topic>;

export type TopicId = keyof typeof TOPICS;
