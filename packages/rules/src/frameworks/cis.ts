// CIS Kubernetes Benchmark v1.9: section numbers and titles are the benchmark's, descriptions and
// rationales Bulwark's own. A control's evidence is the rules that claim its number in
// `peers.cis`, less the claims judged not to be evidence for it (CIS_NOT_EVIDENCE, with the reason),
// plus the few rules added here (CIS_EXTRA_EVIDENCE). The managed-cluster profiles and NSA/CISA
// reuse that evidence by CIS number (cisEvidence), so one recommendation has one set of rules.
//
// What Bulwark can see decides the control's kind:
// - control-plane flags (sections 1.2-1.4, 2): read from the kube-system static pods; not visible
//   on managed clusters, where the rules report "not evaluated", never "passed";
// - node files and kubelet settings (1.1, 4.1, 4.2), the audit policy file (3.2), the encryption
//   configuration file (1.2.28) and organisational questions: never visible through the API, so
//   the control is manual and names the evidence an auditor needs;
// - RBAC and workload recommendations (section 5): judged from every object of the cluster.
import type { ControlDef, PeerIndex } from "./types";

/** A benchmark control as written in this package's data files. */
export interface BenchmarkControl extends ControlDef {
  /** CIS Kubernetes Benchmark numbers whose rule evidence this control shares (see cisEvidence). */
  cis?: string[];
  /** Pod Security Standards checks ("<level>:<check>", as rules claim them in `peers.pss`) whose rules are evidence. */
  pss?: string[];
}

/** Rules that claim a CIS number but are not evidence for it, with the reason. */
export const CIS_NOT_EVIDENCE: Record<string, Record<string, string>> = {
  "5.1.1": {
    "rbac-admin-equivalent-role":
      "judges a role's definition, bound or not; 5.1.1 is about who is bound to cluster-admin, and the role's wildcards are 5.1.3's evidence",
  },
  "5.2.10": {
    "caps-only-net-bind-service":
      "strict-profile rule whose drop-ALL half repeats caps-drop-all and whose add half is 5.2.9's; on the default profile it would leave the control unevaluated for no extra evidence",
  },
  "5.3.2": {
    "network-namespace-no-default-deny-ingress": "asks for a default-deny policy, more than the recommendation's one NetworkPolicy per namespace (NSA/CISA NP evidence)",
    "network-namespace-no-default-deny-egress": "asks for a default-deny policy, more than the recommendation's one NetworkPolicy per namespace (NSA/CISA NP evidence)",
    "network-pod-not-isolated": "judges each workload's isolation, more than the recommendation's one NetworkPolicy per namespace (NSA/CISA NP evidence)",
  },
  "5.4.1": {
    "sensitive-env-var-literal": "a credential written into the pod spec is not a Secret at all: a different problem (NSA/CISA SEC evidence)",
    "sensitive-configmap-content": "a credential in a ConfigMap is not a Secret at all: a different problem (NSA/CISA SEC evidence)",
  },
  "5.7.2": {
    "linux-hardening":
      "passes with any one of seccomp, SELinux, AppArmor or dropped capabilities, so it cannot show the seccomp profile the recommendation asks for (strict profile)",
  },
};
// PodSecurityPolicy was removed in Kubernetes 1.25; the benchmark covers 1.27 and later, where a
// permissive PodSecurityPolicy cannot exist, so the rule says nothing about these recommendations.
for (const n of ["5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6", "5.2.7", "5.2.8", "5.2.9"]) {
  CIS_NOT_EVIDENCE[n] = { ...CIS_NOT_EVIDENCE[n], "deprecated-psp-permissive": "PodSecurityPolicy was removed in Kubernetes 1.25; the benchmark covers 1.27 and later" };
}

/** Rules that are evidence for a CIS number without claiming it. */
export const CIS_EXTRA_EVIDENCE: Record<string, string[]> = {
  // A hostPath PersistentVolume gives every pod that claims it the node path, past admission checks on pods.
  "5.2.12": ["storage-host-path-persistent-volume"],
  // The rule reads kube-proxy's metricsBindAddress from its ConfigMap, the setting 4.3.1 audits.
  "4.3.1": ["exposure-kube-proxy-metrics"],
};

/** The rules that are evidence for a CIS Kubernetes Benchmark number. */
export function cisEvidence(idx: PeerIndex, n: string): string[] {
  const not = CIS_NOT_EVIDENCE[n] ?? {};
  return [...(idx.cis.get(n) ?? []).filter((r) => !(r in not)), ...(CIS_EXTRA_EVIDENCE[n] ?? [])];
}

// --- rationale builders -------------------------------------------------------------------------

type Component = "kube-apiserver" | "kube-controller-manager" | "kube-scheduler" | "etcd";

const CONTROL_PLANE_SEEN =
  "Static pods are visible only where the control plane runs as pods (kubeadm and similar self-managed clusters) and the credential may read kube-system pods; elsewhere (EKS, AKS, GKE and other managed control planes, or components run as system services) the control is reported not evaluated, never passed.";

/** A control-plane flag recommendation, judged from the component's static pod. */
function flag(id: string, component: Component, title: string, description: string, audit: string, note = ""): BenchmarkControl {
  return {
    id,
    title,
    description,
    rationale: `The benchmark's audit reads the ${component} command line on each control-plane node and checks that ${audit}. Bulwark reads the same flags from the ${component} static pod in kube-system. ${CONTROL_PLANE_SEEN}${note ? ` ${note}` : ""}`,
  };
}

const NODE_CONFIG = "The kubelet configuration of every node (the file named by --config, such as /var/lib/kubelet/config.yaml, and the kubelet command line, or `kubectl get --raw /api/v1/nodes/NODE/proxy/configz`)";

/** A kubelet setting: not visible through the Kubernetes API objects Bulwark reads (also used by the managed profiles). */
export function kubelet(id: string, title: string, description: string, setting: string): BenchmarkControl {
  return {
    id,
    title,
    description,
    rationale: `The benchmark's audit looks at the kubelet's command line and configuration file on every node for ${setting}. Bulwark reads Kubernetes API objects only; it neither logs in to nodes nor queries each kubelet's live configuration, so the control needs that evidence per node or per node image (for a managed node pool, the provider's documented kubelet configuration).`,
    manual: { evidence: `${NODE_CONFIG}, showing ${setting}.` },
  };
}

const WORKLOADS =
  "the pod specification of every workload (bare Pods and the templates of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs)";
const LISTED_NOT_FAILING = "findings on expected platform components (CNI, kube-proxy, CSI and monitoring agents) and findings under an approved exception are listed, not failing";

/** A pod-security recommendation (5.2.x), judged from every workload's pod spec. */
function podSecurity(id: string, title: string, description: string, what: string, note = ""): BenchmarkControl {
  return {
    id,
    title,
    description,
    rationale: `The benchmark asks that admission policy keep out ${what}; its audit looks at the policies in force and the pods that were admitted. Bulwark reads ${WORKLOADS} and fails the control while any has ${what}; ${LISTED_NOT_FAILING}. Whether a policy would reject the next such pod is 5.2.1's question.${note ? ` ${note}` : ""}`,
  };
}

const RBAC_READ = "Bulwark reads every Role, ClusterRole, RoleBinding and ClusterRoleBinding";
const RBAC_BLIND =
  "It cannot see authorization outside RBAC (webhook authorizers, cloud IAM mappings) and cannot judge whether a grant is required: an approved exception records that judgement for the grants that are.";

/** An RBAC recommendation (5.1.x). */
function rbac(id: string, title: string, description: string, audit: string, reads: string): BenchmarkControl {
  return { id, title, description, rationale: `The benchmark's audit ${audit}. ${RBAC_READ} and ${reads}. ${RBAC_BLIND}` };
}

export const manual = (c: Omit<BenchmarkControl, "manual">, evidence: string): BenchmarkControl => ({ ...c, manual: { evidence } });

// --- the benchmark ------------------------------------------------------------------------------

const api = "kube-apiserver" as const;
const cm = "kube-controller-manager" as const;
const sched = "kube-scheduler" as const;

export const cisControls: BenchmarkControl[] = [
  manual(
    {
      id: "1.1",
      title: "Control Plane Node Configuration Files",
      description: "Ownership and permissions of the control-plane manifests, kubeconfigs (admin.conf, super-admin.conf, scheduler.conf, controller-manager.conf), PKI files, CNI files and etcd data directory on each control-plane node.",
      rationale:
        "Recommendations 1.1.1 to 1.1.21 check file modes and owners on the control-plane nodes with stat. Files on a node's disk are never visible through the Kubernetes API, so Bulwark cannot judge them; on a managed cluster the provider owns these nodes and its shared-responsibility documentation is the evidence.",
    },
    "Output of `stat -c '%n %a %U:%G'` for the files named in CIS 1.1.1-1.1.21 (manifests in /etc/kubernetes/manifests, admin.conf and super-admin.conf, scheduler.conf, controller-manager.conf, /etc/kubernetes/pki, the CNI configuration, the etcd data directory) on every control-plane node, or the managed provider's attestation.",
  ),
  flag("1.2.1", api, "Ensure that the --anonymous-auth argument is set to false", "The API server rejects unauthenticated requests.", "--anonymous-auth is false", "Where anonymous requests are needed for health checks, an approved exception records it; bindings that grant anonymous users anything are judged separately (NSA/CISA AUTHN)."),
  flag("1.2.2", api, "Ensure that the --token-auth-file parameter is not set", "No static token file authenticates users.", "--token-auth-file is not set, since static tokens cannot be revoked without a restart"),
  flag("1.2.3", api, "Ensure that the --DenyServiceExternalIPs is set", "The admission plugin that blocks Service externalIPs is on.", "DenyServiceExternalIPs is among the enabled admission plugins"),
  flag("1.2.4", api, "Ensure that the --kubelet-client-certificate and --kubelet-client-key arguments are set as appropriate", "The API server authenticates to kubelets with a client certificate.", "--kubelet-client-certificate and --kubelet-client-key are set"),
  flag("1.2.5", api, "Ensure that the --kubelet-certificate-authority argument is set as appropriate", "The API server verifies kubelet serving certificates.", "--kubelet-certificate-authority is set"),
  flag("1.2.6", api, "Ensure that the --authorization-mode argument is not set to AlwaysAllow", "Requests are authorized, not allowed wholesale.", "--authorization-mode does not include AlwaysAllow"),
  flag("1.2.7", api, "Ensure that the --authorization-mode argument includes Node", "Kubelets are limited to their own node's objects.", "--authorization-mode includes Node"),
  flag("1.2.8", api, "Ensure that the --authorization-mode argument includes RBAC", "RBAC authorizes requests.", "--authorization-mode includes RBAC"),
  flag("1.2.9", api, "Ensure that the admission control plugin EventRateLimit is set", "Event floods are rate-limited at admission.", "EventRateLimit is among the enabled admission plugins", "The limits themselves sit in the admission configuration file on the node, which Bulwark cannot read."),
  flag("1.2.10", api, "Ensure that the admission control plugin AlwaysAdmit is not set", "Admission control is not bypassed.", "AlwaysAdmit is not among the enabled admission plugins"),
  flag("1.2.11", api, "Ensure that the admission control plugin AlwaysPullImages is set", "Private images are re-authorized on every pod start.", "AlwaysPullImages is among the enabled admission plugins"),
  flag("1.2.12", api, "Ensure that the admission control plugin ServiceAccount is set", "Pods get service accounts managed by admission.", "ServiceAccount is not among the disabled admission plugins"),
  flag("1.2.13", api, "Ensure that the admission control plugin NamespaceLifecycle is set", "Objects cannot be created in terminating or missing namespaces.", "NamespaceLifecycle is not among the disabled admission plugins"),
  flag("1.2.14", api, "Ensure that the admission control plugin NodeRestriction is set", "Kubelets can modify only their own Node and Pods.", "NodeRestriction is among the enabled admission plugins"),
  flag("1.2.15", api, "Ensure that the --profiling argument is set to false", "The API server does not expose profiling endpoints.", "--profiling is false"),
  flag("1.2.16", api, "Ensure that the --audit-log-path argument is set", "API audit logging is on.", "--audit-log-path is set", "Where the audit log goes after the node (retention, collection) is 3.2's and the auditor's question."),
  flag("1.2.17", api, "Ensure that the --audit-log-maxage argument is set to 30 or as appropriate", "Audit logs are kept long enough.", "--audit-log-maxage is set (30 days or as the organisation's retention requires)"),
  flag("1.2.18", api, "Ensure that the --audit-log-maxbackup argument is set to 10 or as appropriate", "Enough rotated audit logs are kept.", "--audit-log-maxbackup is set (10 or as appropriate)"),
  flag("1.2.19", api, "Ensure that the --audit-log-maxsize argument is set to 100 or as appropriate", "Audit logs rotate at a sensible size.", "--audit-log-maxsize is set (100 MB or as appropriate)"),
  manual(
    {
      id: "1.2.20",
      title: "Ensure that the --request-timeout argument is set as appropriate",
      description: "Long-running requests time out.",
      rationale:
        "The benchmark leaves the value to the organisation (the default of 60 seconds is acceptable unless the cluster needs otherwise), so the control is a judgement, not a check Bulwark can make; no rule reads the flag.",
    },
    "The kube-apiserver --request-timeout value (or the absence of the flag, meaning 60s) and why it suits the cluster.",
  ),
  flag("1.2.21", api, "Ensure that the --service-account-lookup argument is set to true", "Deleted service accounts' tokens stop working.", "--service-account-lookup is not false"),
  flag("1.2.22", api, "Ensure that the --service-account-key-file argument is set as appropriate", "Service account tokens are verified with a dedicated key.", "--service-account-key-file is set"),
  flag("1.2.23", api, "Ensure that the --etcd-certfile and --etcd-keyfile arguments are set as appropriate", "The API server authenticates to etcd with a client certificate.", "--etcd-certfile and --etcd-keyfile are set"),
  flag("1.2.24", api, "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate", "The API server serves TLS.", "--tls-cert-file and --tls-private-key-file are set"),
  flag("1.2.25", api, "Ensure that the --client-ca-file argument is set as appropriate", "Client certificates are verified against a CA.", "--client-ca-file is set"),
  flag("1.2.26", api, "Ensure that the --etcd-cafile argument is set as appropriate", "The API server verifies etcd's certificate.", "--etcd-cafile is set"),
  flag("1.2.27", api, "Ensure that the --encryption-provider-config argument is set as appropriate", "Secrets are encrypted at rest in etcd.", "--encryption-provider-config is set", "Which cipher the file configures is 1.2.28's question."),
  manual(
    {
      id: "1.2.28",
      title: "Ensure that encryption providers are appropriately configured",
      description: "The encryption configuration uses a real cipher (aescbc, aesgcm, kms, secretbox) for Secrets, not identity.",
      rationale:
        "The audit opens the file named by --encryption-provider-config on the control-plane node and checks that the first provider for Secrets is a real cipher. Bulwark sees that the flag is set (1.2.27, shown here as supporting evidence) but cannot read a file on the node, so the provider list needs evidence; on a managed cluster, the provider's envelope-encryption setting (EKS KMS, GKE application-layer Secrets encryption, AKS KMS) is that evidence.",
    },
    "The EncryptionConfiguration file (its resources and providers sections, key material redacted) showing aescbc, aesgcm, kms or secretbox before identity for secrets, or the managed provider's KMS encryption setting.",
  ),
  flag("1.2.29", api, "Ensure that the API Server only makes use of Strong Cryptographic Ciphers", "Weak TLS cipher suites are disabled.", "--tls-cipher-suites lists only strong AEAD suites"),
  flag("1.3.1", cm, "Ensure that the --terminated-pod-gc-threshold argument is set as appropriate", "Terminated pods are garbage-collected.", "--terminated-pod-gc-threshold is set"),
  flag("1.3.2", cm, "Ensure that the --profiling argument is set to false", "The controller manager does not expose profiling endpoints.", "--profiling is false"),
  flag("1.3.3", cm, "Ensure that the --use-service-account-credentials argument is set to true", "Each controller uses its own service account.", "--use-service-account-credentials is true"),
  flag("1.3.4", cm, "Ensure that the --service-account-private-key-file argument is set as appropriate", "Service account tokens are signed with a dedicated key.", "--service-account-private-key-file is set"),
  flag("1.3.5", cm, "Ensure that the --root-ca-file argument is set as appropriate", "Pods receive the cluster CA to verify the API server.", "--root-ca-file is set"),
  flag("1.3.6", cm, "Ensure that the RotateKubeletServerCertificate argument is set to true", "Kubelet serving certificates rotate.", "the RotateKubeletServerCertificate feature gate is not turned off"),
  flag("1.3.7", cm, "Ensure that the --bind-address argument is set to 127.0.0.1", "The controller manager listens on loopback only.", "--bind-address is 127.0.0.1"),
  flag("1.4.1", sched, "Ensure that the --profiling argument is set to false", "The scheduler does not expose profiling endpoints.", "--profiling is false"),
  flag("1.4.2", sched, "Ensure that the --bind-address argument is set to 127.0.0.1", "The scheduler listens on loopback only.", "--bind-address is 127.0.0.1"),
  flag("2.1", "etcd", "Ensure that the --cert-file and --key-file arguments are set as appropriate", "etcd serves client traffic over TLS.", "--cert-file and --key-file are set"),
  flag("2.2", "etcd", "Ensure that the --client-cert-auth argument is set to true", "etcd requires client certificates.", "--client-cert-auth is true"),
  flag("2.3", "etcd", "Ensure that the --auto-tls argument is not set to true", "etcd does not use self-signed certificates for clients.", "--auto-tls is not true"),
  flag("2.4", "etcd", "Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate", "etcd peers talk over TLS.", "--peer-cert-file and --peer-key-file are set"),
  flag("2.5", "etcd", "Ensure that the --peer-client-cert-auth argument is set to true", "etcd peers authenticate each other.", "--peer-client-cert-auth is true"),
  flag("2.6", "etcd", "Ensure that the --peer-auto-tls argument is not set to true", "etcd peers do not use self-signed certificates.", "--peer-auto-tls is not true"),
  manual(
    {
      id: "2.7",
      title: "Ensure that a unique Certificate Authority is used for etcd",
      description: "etcd trusts its own CA, not the cluster's.",
      rationale:
        "The benchmark asks that etcd trust a CA of its own, so that a certificate the cluster CA signs for a user or node cannot reach etcd. Bulwark compares the file paths of etcd's --trusted-ca-file and the API server's --client-ca-file (etcd-unique-ca, shown as supporting evidence) but cannot open the files: two paths may hold the same CA, so the control needs the certificates themselves.",
    },
    "The subjects and fingerprints of the CA files configured for etcd (--trusted-ca-file) and the API server (--client-ca-file), showing they are different CAs.",
  ),
  manual(
    {
      id: "3.1.1",
      title: "Client certificate authentication should not be used for users",
      description: "Users authenticate through an identity provider, since client certificates cannot be revoked.",
      rationale:
        "Issued client certificates live outside the cluster's objects (a signed certificate leaves no trace once its CertificateSigningRequest is cleaned up), so Bulwark cannot list who holds one. Who may approve certificate requests is judged under 5.1.11.",
    },
    "The cluster's user authentication setup (OIDC or another identity provider) and the list of user client certificates issued, with their expiry.",
  ),
  manual(
    {
      id: "3.1.2",
      title: "Service account token authentication should not be used for users",
      description: "People do not log in with service account tokens.",
      rationale:
        "Whether a person uses a service account token is a matter of practice that no object records; Bulwark sees who may mint tokens (5.1.13) but not who holds one.",
    },
    "Evidence that human users authenticate through the identity provider and no person holds a service account token (access procedure, kubeconfig distribution).",
  ),
  manual(
    {
      id: "3.1.3",
      title: "Bootstrap token authentication should not be used for users",
      description: "Bootstrap tokens are used only for node joining.",
      rationale:
        "Bootstrap tokens are Secrets in kube-system whose values Bulwark never reads, and their use by people is a matter of practice; the control needs the token list and its purpose.",
    },
    "The list of bootstrap tokens (`kubeadm token list`, or kube-system Secrets of type bootstrap.kubernetes.io/token) with their usages and expiry.",
  ),
  manual(
    {
      id: "3.2.1",
      title: "Ensure that a minimal audit policy is created",
      description: "An audit policy file is configured on the API server.",
      rationale:
        "The audit checks that --audit-policy-file is set and the file exists on the control-plane node. Bulwark reads whether audit logging is on (1.2.16, supporting) but no rule reads the policy flag, and the file is on the node; on managed clusters the provider's audit logging setting is the evidence.",
    },
    "The kube-apiserver --audit-policy-file flag and the policy file, or the managed provider's audit log setting.",
  ),
  manual(
    {
      id: "3.2.2",
      title: "Ensure that the audit policy covers key security concerns",
      description: "The audit policy records access to Secrets, pods/exec and RBAC changes.",
      rationale:
        "Whether the policy covers Secrets, ConfigMaps and TokenReviews at Metadata level, pod and deployment changes, and exec, port-forward and proxy is a reading of the policy file's rules, which sit on the control-plane node out of Bulwark's reach.",
    },
    "The audit policy's rules showing Metadata-level logging of Secrets, ConfigMaps and TokenReviews, and logging of pod and deployment changes and of pods/exec, pods/portforward, pods/proxy and services/proxy.",
  ),
  manual(
    {
      id: "4.1",
      title: "Worker Node Configuration Files",
      description: "Ownership and permissions of the kubelet service file, kubeconfigs (kubelet and kube-proxy), configuration file and client CA on each node.",
      rationale:
        "Recommendations 4.1.1 to 4.1.10 check file modes and owners on every worker node with stat. Files on a node's disk are never visible through the Kubernetes API, so Bulwark cannot judge them; for managed node images the provider's hardening documentation is the evidence.",
    },
    "Output of `stat -c '%n %a %U:%G'` for the files named in CIS 4.1.1-4.1.10 (kubelet service file, kubelet and kube-proxy kubeconfigs, kubelet config.yaml, client CA file) on every node or node image, or the managed provider's attestation.",
  ),
  kubelet("4.2.1", "Ensure that the --anonymous-auth argument is set to false", "Kubelets reject unauthenticated requests.", "authentication.anonymous.enabled: false (--anonymous-auth=false)"),
  kubelet("4.2.2", "Ensure that the --authorization-mode argument is not set to AlwaysAllow", "Kubelets authorize requests through the API server.", "authorization.mode: Webhook (not AlwaysAllow)"),
  kubelet("4.2.3", "Ensure that the --client-ca-file argument is set as appropriate", "Kubelets verify client certificates.", "authentication.x509.clientCAFile set (--client-ca-file)"),
  kubelet("4.2.4", "Verify that the --read-only-port argument is set to 0", "The unauthenticated kubelet read-only port is off.", "readOnlyPort: 0 (--read-only-port=0)"),
  kubelet("4.2.5", "Ensure that the --streaming-connection-idle-timeout argument is not set to 0", "Idle exec and port-forward streams time out.", "streamingConnectionIdleTimeout not 0"),
  kubelet("4.2.6", "Ensure that the --make-iptables-util-chains argument is set to true", "The kubelet manages the iptables rules it needs.", "makeIPTablesUtilChains: true"),
  kubelet("4.2.7", "Ensure that the --hostname-override argument is not set", "Node names match hostnames, keeping TLS verification meaningful.", "no --hostname-override on the kubelet command line"),
  kubelet("4.2.8", "Ensure that the eventRecordQPS argument is set to a level which ensures appropriate event capture", "Events are not dropped under load.", "eventRecordQPS at a level that captures events (0 or as appropriate)"),
  kubelet("4.2.9", "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate", "Kubelets serve TLS with a proper certificate.", "tlsCertFile and tlsPrivateKeyFile set, or serverTLSBootstrap: true"),
  kubelet("4.2.10", "Ensure that the --rotate-certificates argument is not set to false", "Kubelet client certificates rotate.", "rotateCertificates not false"),
  kubelet("4.2.11", "Verify that the RotateKubeletServerCertificate argument is set to true", "Kubelet serving certificates rotate.", "the RotateKubeletServerCertificate feature gate not false (or serverTLSBootstrap: true)"),
  kubelet("4.2.12", "Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers", "Weak TLS cipher suites are disabled on kubelets.", "tlsCipherSuites limited to strong suites"),
  kubelet("4.2.13", "Ensure that a limit is set on pod PIDs", "A fork bomb in one pod cannot exhaust a node's PIDs.", "podPidsLimit set (--pod-max-pids)"),
  {
    id: "4.3.1",
    title: "Ensure that the kube-proxy metrics service is bound to localhost",
    description: "kube-proxy metrics are not reachable from the network.",
    rationale:
      "The audit reads kube-proxy's --metrics-bind-address or the metricsBindAddress of its configuration. Bulwark reads the kube-proxy ConfigMap in kube-system and fails the control when metricsBindAddress is not a loopback address. It cannot see a value given on kube-proxy's command line instead, nor a kube-proxy that runs outside pods; a cluster without kube-proxy (a CNI that replaces it) has nothing to fail.",
  },
  rbac("5.1.1", "Ensure that the cluster-admin role is only used where required", "cluster-admin is bound only where nothing narrower works.", "lists the ClusterRoleBindings and RoleBindings to cluster-admin", "fails the control for each binding of cluster-admin (or of a ClusterRole with the same wildcard rights), cluster-wide or in a namespace, and for each workload whose service account holds such rights; Kubernetes' own default bindings are not counted"),
  rbac("5.1.2", "Minimize access to secrets", "Few subjects can get, list or watch Secrets.", "checks which subjects may get, list or watch Secrets", "fails the control for each role granting those verbs on Secrets and each binding that hands such a role out"),
  rbac("5.1.3", "Minimize wildcard use in Roles and ClusterRoles", "Roles name the verbs and resources they grant.", "looks for \"*\" in the verbs, resources and API groups of every role", "fails the control for each role with a wildcard, and for each role as powerful as cluster-admin"),
  rbac("5.1.4", "Minimize access to create pods", "Few subjects can create pods, which lets them run as any service account in the namespace.", "checks which subjects may create pods", "fails the control for each role that may create or change pods or the controllers that make them"),
  {
    id: "5.1.5",
    title: "Ensure that default service accounts are not actively used",
    description: "Workloads run under their own service accounts.",
    rationale:
      "The benchmark's audit checks that each namespace's default service account does not automount a token and that workloads do not run as it. Bulwark reads every ServiceAccount, workload and binding, and fails the control for workloads that run as default, default accounts that automount their token, and bindings that grant a default account a role. Service accounts used from outside the cluster (a token handed to a CI system) are not visible.",
  },
  {
    id: "5.1.6",
    title: "Ensure that Service Account Tokens are only mounted where necessary",
    description: "Pods that do not call the API get no token.",
    rationale:
      "The benchmark's audit checks automountServiceAccountToken on pods and their service accounts. Bulwark reads every ServiceAccount and workload and fails the control for each workload that receives a token. Whether a workload calls the API is not visible in its spec: approved exceptions record the workloads that need their token.",
  },
  manual(
    {
      id: "5.1.7",
      title: "Avoid use of system:masters group",
      description: "No credential carries the system:masters group, which bypasses RBAC.",
      rationale:
        "Membership of system:masters comes from a credential (a client certificate with O=system:masters), not from an object, and such a certificate cannot be revoked short of rotating the CA. Bulwark cannot see issued certificates; it shows bindings that name the group (supporting evidence, pointless since the group bypasses RBAC). The control needs the list of credentials issued with that group.",
    },
    "The list of credentials issued with the system:masters group (client certificates, including kubeadm's super-admin.conf), who holds each and how they are stored as break-glass access.",
  ),
  rbac("5.1.8", "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster", "Few subjects can grant rights beyond their own.", "looks for the bind, escalate and impersonate verbs in roles", "fails the control for each role granting bind or escalate, impersonation, or the creation of bindings to any role"),
  rbac("5.1.9", "Minimize access to create persistent volumes", "Few subjects can create PersistentVolumes, which can mount host paths.", "checks which subjects may create PersistentVolumes", "fails the control for each role that may create them"),
  rbac("5.1.10", "Minimize access to the proxy sub-resource of nodes", "Few subjects can reach the kubelet API through nodes/proxy.", "checks which subjects may use nodes/proxy", "fails the control for each role granting nodes/proxy"),
  rbac("5.1.11", "Minimize access to the approval sub-resource of certificatesigningrequests objects", "Few subjects can approve certificate requests.", "checks which subjects may update certificatesigningrequests/approval", "fails the control for each role that may approve certificate requests"),
  rbac("5.1.12", "Minimize access to webhook configuration objects", "Few subjects can change admission webhooks.", "checks which subjects may change validating and mutating webhook configurations", "fails the control for each role that may change webhook configurations or admission policies"),
  rbac("5.1.13", "Minimize access to the service account token creation", "Few subjects can mint service account tokens.", "checks which subjects may create serviceaccounts/token", "fails the control for each role that may mint tokens"),
  {
    id: "5.2.1",
    title: "Ensure that the cluster has at least one active policy control mechanism in place",
    description: "Pod Security Admission or a policy engine enforces pod security.",
    rationale:
      "The benchmark asks for Pod Security Admission or an external policy engine in force for every namespace with user workloads. Bulwark reads the namespaces' pod-security.kubernetes.io/enforce labels, the registered admission webhooks and bound ValidatingAdmissionPolicies, and fails the control when nothing enforces pod security, or when a non-system namespace has no enforce label or enforces the privileged level. It cannot tell which namespaces a policy engine's own policies cover: a namespace protected that way is shown with a finding that an approved exception (naming the engine policy) closes.",
  },
  podSecurity("5.2.2", "Minimize the admission of privileged containers", "No privileged containers.", "privileged containers"),
  podSecurity("5.2.3", "Minimize the admission of containers wishing to share the host process ID namespace", "No hostPID.", "hostPID: true"),
  podSecurity("5.2.4", "Minimize the admission of containers wishing to share the host IPC namespace", "No hostIPC.", "hostIPC: true"),
  podSecurity("5.2.5", "Minimize the admission of containers wishing to share the host network namespace", "No hostNetwork.", "hostNetwork: true"),
  podSecurity("5.2.6", "Minimize the admission of containers with allowPrivilegeEscalation", "allowPrivilegeEscalation is false.", "a container that does not set allowPrivilegeEscalation: false (the default allows it)"),
  podSecurity("5.2.7", "Minimize the admission of root containers", "Containers run as a non-root user.", "a container that runs as UID 0 or does not require runAsNonRoot", "An image's USER is not visible in the pod spec, so a container that neither sets runAsNonRoot nor a non-zero runAsUser counts as root."),
  podSecurity("5.2.8", "Minimize the admission of containers with the NET_RAW capability", "NET_RAW is dropped.", "a container that adds NET_RAW or does not drop it (runtimes grant it by default)"),
  podSecurity("5.2.9", "Minimize the admission of containers with added capabilities", "No capabilities are added.", "a container that adds Linux capabilities"),
  podSecurity("5.2.10", "Minimize the admission of containers with capabilities assigned", "Containers drop all capabilities they do not need.", "a container that does not drop ALL capabilities", "Whether an application needs a capability is a judgement an approved exception records."),
  podSecurity("5.2.11", "Minimize the admission of Windows HostProcess containers", "No Windows HostProcess containers.", "a Windows HostProcess container"),
  podSecurity("5.2.12", "Minimize the admission of HostPath volumes", "No hostPath volumes.", "a hostPath volume (including container runtime sockets and a PersistentVolume that exposes a node path)"),
  podSecurity("5.2.13", "Minimize the admission of containers which use HostPorts", "No hostPort.", "a container that binds a hostPort"),
  manual(
    {
      id: "5.3.1",
      title: "Ensure that the CNI in use supports NetworkPolicies",
      description: "The network plugin enforces NetworkPolicy objects.",
      rationale:
        "NetworkPolicy objects are accepted by the API server whether or not the network plugin enforces them; which plugin runs and whether it enforces policies is not recorded in any object Bulwark can judge reliably.",
    },
    "The CNI plugin in use (and version) with its documentation, or a connectivity test showing that a deny policy blocks traffic.",
  ),
  {
    id: "5.3.2",
    title: "Ensure that all Namespaces have NetworkPolicies defined",
    description: "Every namespace has at least one NetworkPolicy.",
    rationale:
      "The audit lists NetworkPolicies per namespace. Bulwark reads every Namespace and NetworkPolicy and fails the control for each non-system namespace without one. Whether the policies are tight enough (default deny, no allow-all) is judged under NSA/CISA NP; whether the plugin enforces them is 5.3.1's question.",
  },
  {
    id: "5.4.1",
    title: "Prefer using Secrets as files over Secrets as environment variables",
    description: "Secrets are mounted as files, not injected into environment variables.",
    rationale:
      `The audit looks for secretKeyRef in container environments. Bulwark reads ${WORKLOADS} and fails the control for each container that takes a Secret through env or envFrom. Credentials kept outside Secrets (literal env values, ConfigMaps) are a different problem, judged under NSA/CISA SEC.`,
  },
  manual(
    {
      id: "5.4.2",
      title: "Consider external secret storage",
      description: "Secrets live in an external store or KMS.",
      rationale:
        "Whether secrets come from an external store (a cloud secret manager, Vault) through a CSI driver or an operator is an architecture choice Bulwark cannot judge from the cluster's objects with confidence.",
    },
    "The secret management design: the external store in use, how workloads obtain secrets from it, and its access and rotation policy.",
  ),
  manual(
    {
      id: "5.5.1",
      title: "Configure Image Provenance using ImagePolicyWebhook admission controller",
      description: "Only images from trusted sources are admitted.",
      rationale:
        "The benchmark asks for an admission control that verifies where images come from (the ImagePolicyWebhook plugin, or a policy engine that checks registries or signatures). No rule reads that admission configuration. Bulwark shows as supporting evidence the images that come from outside the organisation's allowed registries (when the allow-list is configured), from blocked registries, or that are not pinned by digest.",
    },
    "The admission configuration enforcing image provenance (ImagePolicyWebhook configuration, or the policy engine's image verification policies) and a rejected test deployment of an untrusted image.",
  ),
  manual(
    {
      id: "5.7.1",
      title: "Create administrative boundaries between resources using namespaces",
      description: "Teams and applications are separated by namespaces.",
      rationale:
        "Whether namespaces match the organisation's administrative boundaries is a design question: Bulwark sees the namespaces but not who owns them.",
    },
    "The namespace layout and which team or application owns each namespace.",
  ),
  {
    id: "5.7.2",
    title: "Ensure that the seccomp profile is set to docker/default in your Pod definitions",
    description: "Pods run with the RuntimeDefault seccomp profile or a stricter one.",
    rationale: `The audit checks each pod's seccompProfile. Bulwark reads ${WORKLOADS} and fails the control for each container that runs without RuntimeDefault or a Localhost profile, or sets Unconfined; ${LISTED_NOT_FAILING}.`,
  },
  manual(
    {
      id: "5.7.3",
      title: "Apply SecurityContext to your Pods and Containers",
      description: "Pods and containers set a hardened securityContext.",
      rationale:
        "The benchmark leaves the settings to the organisation (pointing to the CIS Docker Benchmark), so the control is a judgement of the whole security context rather than one check. Its concrete parts are judged in 5.2.x and 5.7.2; Bulwark shows as supporting evidence pods without any security context and containers with a writable root filesystem.",
    },
    "The organisation's security context standard for workloads and how it is enforced (admission policy or review), with exceptions.",
  ),
  {
    id: "5.7.4",
    title: "The default namespace should not be used",
    description: "No workloads in the default namespace.",
    rationale: `The audit lists what runs in the default namespace. Bulwark reads ${WORKLOADS} and fails the control for each workload in default; the kubernetes Service the API server keeps there is not a workload.`,
  },
];
