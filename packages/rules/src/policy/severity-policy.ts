// The severity policy as data: one entry per built-in rule (see README, "Severity policy").
//
// A rule's class says what its violation gives an attacker; the class fixes the severity:
//   takeover      -> critical  a direct path to node or cluster takeover, or credential exposure
//   one-step      -> high      one step (a compromised pod, a bound subject, network reach) from it
//   defense       -> medium    a layer of defense in depth is missing
//   hygiene       -> low       hygiene: small or indirect security consequence, or correctness
//   best-practice -> info      best practice (the safe state is the default, or inventory)
// A rule whose `severity:` differs from its class's severity says why in `reason`
// (severity-policy.test.ts enforces it), and so does an entry whose severity departs from the peers'.
//
// `peers` records the peers' own severity for the check the rule claims (the rule's `peers` ids):
// Kubescape's control baseScore as its severity (1-3 low, 4-6 medium, 7-8 high, 9-10 critical;
// C-0211 sub-rules carry the umbrella control's score), Trivy's check severity (KSV/KCV metadata),
// Polaris' default level ("danger" | "warning"). kube-linter has no severities and is not listed.
// Only values read from the peers' own check metadata are recorded; a missing peer means not known.
import type { Severity } from "../types";

export type SeverityClass = "takeover" | "one-step" | "defense" | "hygiene" | "best-practice";

export const CLASS_SEVERITY: Readonly<Record<SeverityClass, Severity>> = {
  takeover: "critical",
  "one-step": "high",
  defense: "medium",
  hygiene: "low",
  "best-practice": "info",
};

export interface PeerSeverities {
  kubescape?: Severity;
  trivy?: Severity;
  polaris?: "danger" | "warning" | "ignore";
  kubeLinter?: string;
}

export interface SeverityPolicyEntry {
  class: SeverityClass;
  peers?: PeerSeverities;
  /** Why the rule's severity departs from its class's (required then), or from the peers'. */
  reason?: string;
}

const UMBRELLA = "Kubescape reports it under the C-0211 umbrella control (high); alone, the unset field is the safe default";

export const SEVERITY_POLICY: Readonly<Record<string, SeverityPolicyEntry>> = {
  // workload-security
  "allow-privilege-escalation": {
    class: "defense",
    peers: { polaris: "danger", kubescape: "medium", trivy: "medium" },
    reason: "Unset allowPrivilegeEscalation lets setuid binaries gain privileges inside the container, not on the node.",
  },
  "apparmor-unconfined": { class: "defense", peers: { trivy: "medium" } },
  "capabilities-added": {
    class: "hygiene",
    peers: { trivy: "medium" },
    reason: "Any added capability; the ones that matter (SYS_ADMIN, SYS_MODULE, NET_RAW, beyond the baseline) have their own, higher rules.",
  },
  "caps-added-beyond-baseline": { class: "one-step" },
  "caps-drop-all": { class: "hygiene", peers: { polaris: "warning", trivy: "low" } },
  "caps-drop-any": { class: "hygiene", peers: { trivy: "low" }, reason: "Strict only: caps-drop-all covers it in the default profile." },
  "caps-only-net-bind-service": {
    class: "hygiene",
    peers: { trivy: "low" },
    reason: "Strict only: caps-drop-all and capabilities-added cover it in the default profile.",
  },
  "container-may-run-as-root": { class: "defense", peers: { polaris: "danger", kubescape: "medium" } },
  "dangerous-caps-added": { class: "one-step", peers: { polaris: "danger" } },
  "fsgroup-set": { class: "best-practice", peers: { kubescape: "high" }, reason: UMBRELLA },
  "fsgroupchangepolicy-set": { class: "best-practice", peers: { kubescape: "high" }, reason: UMBRELLA },
  "gid-above-10000": { class: "hygiene", peers: { trivy: "low" } },
  "host-probe-lifecycle-host": { class: "defense" },
  "linux-hardening": {
    class: "defense",
    peers: { polaris: "warning", kubescape: "medium" },
    reason: "Strict only: seccomp-required and caps-drop-all ask for the same hardening in the default profile.",
  },
  "net-raw-added": { class: "defense", peers: { trivy: "high" }, reason: "NET_RAW allows spoofing on the pod network; it does not reach the node." },
  "net-raw-not-dropped": { class: "defense", peers: { kubescape: "high" } },
  "privileged-container": { class: "takeover", peers: { polaris: "danger", kubescape: "high", trivy: "high" } },
  "proc-mount-host-users": { class: "one-step" },
  "proc-mount-unmasked": { class: "defense", peers: { polaris: "warning", trivy: "medium" } },
  "read-only-root-fs": {
    class: "hygiene",
    peers: { polaris: "warning", kubescape: "low", trivy: "high" },
    reason: "A writable root filesystem only helps an attacker already in the container (tools, persistence); Kubescape rates it low.",
  },
  "restricted-volume-types": { class: "hygiene", peers: { trivy: "low" } },
  "root-group": { class: "hygiene", peers: { trivy: "low" } },
  "run-as-non-root": { class: "defense", peers: { trivy: "medium" } },
  "run-as-user-0": { class: "defense", peers: { trivy: "low" } },
  "seccomp-required": { class: "defense" },
  "seccomp-unconfined": { class: "defense" },
  "security-context-present": {
    class: "hygiene",
    peers: { trivy: "high" },
    reason: "A summary check: every setting a missing securityContext leaves unsafe has its own rule. Strict only.",
  },
  "selinux-custom-options": { class: "defense", peers: { trivy: "medium" } },
  "selinux-options-not-set": { class: "best-practice", peers: { kubescape: "high" }, reason: UMBRELLA },
  "supplementalgroups-set": { class: "best-practice", peers: { kubescape: "high" }, reason: UMBRELLA },
  "sys-admin-capability": { class: "one-step", peers: { trivy: "high" } },
  "sys-module-added": { class: "one-step", peers: { trivy: "high" } },
  "sysctls-not-set": { class: "best-practice", peers: { kubescape: "high" }, reason: UMBRELLA },
  "uid-above-10000": { class: "hygiene", peers: { trivy: "low" } },
  "unsafe-sysctls": { class: "defense", peers: { trivy: "medium" } },
  "windows-gmsa-set": { class: "best-practice", peers: { kubescape: "high" }, reason: "Inventory: using a gMSA is not a weakness." },
  "windows-host-process": {
    class: "takeover",
    peers: { polaris: "warning", trivy: "medium" },
    reason: "A HostProcess container runs as a node account on the Windows host: the privileged container of Windows.",
  },
  "windows-runasusername-set": { class: "best-practice", peers: { kubescape: "high" }, reason: "Inventory: naming the Windows user is not a weakness." },

  // host-access
  "cloud-credentials-mount": { class: "one-step", peers: { kubescape: "medium" }, reason: "The node's cloud credentials are one pod compromise away from the cloud account." },
  "host-aliases": { class: "hygiene", peers: { trivy: "low" } },
  "host-ipc": { class: "one-step", peers: { polaris: "danger", kubescape: "high", trivy: "high" } },
  "host-network": { class: "one-step", peers: { polaris: "danger", kubescape: "high", trivy: "high" } },
  "host-path-sensitive": {
    class: "one-step",
    peers: { trivy: "high" },
    reason: "A read-only mount of /lib/modules or /proc is not takeover; writable sensitive mounts also fail host-path-writable and make a node-takeover risk.",
  },
  "host-path-volume": {
    class: "defense",
    peers: { polaris: "warning", kubescape: "high", trivy: "medium" },
    reason: "Any hostPath; sensitive, writable and runtime-socket mounts have their own, higher rules.",
  },
  "host-path-writable": { class: "one-step", peers: { kubescape: "high" } },
  "host-pid": { class: "one-step", peers: { polaris: "danger", kubescape: "high", trivy: "high" } },
  "host-port": { class: "defense", peers: { polaris: "warning", kubescape: "medium", trivy: "high" } },
  "privileged-container-ports": { class: "hygiene", peers: { trivy: "high" }, reason: "Binding a port below 1024 needs root or NET_BIND_SERVICE, which other rules report." },
  "runtime-socket-mount": {
    class: "takeover",
    peers: { kubescape: "medium", trivy: "high" },
    reason: "The runtime socket starts privileged containers on the node: a direct path to node takeover.",
  },

  // resources
  "cpu-requests-missing": { class: "hygiene", peers: { polaris: "warning", kubescape: "high", trivy: "low" } },
  "cpu-limits-missing": {
    class: "best-practice",
    peers: { polaris: "warning", kubescape: "high", trivy: "low" },
    reason: "CPU is compressible: a missing limit throttles neighbours, it does not exhaust the node.",
  },
  "memory-requests-missing": { class: "hygiene", peers: { polaris: "warning", kubescape: "high", trivy: "low" } },
  "memory-limits-missing": { class: "hygiene", peers: { polaris: "warning", kubescape: "high", trivy: "low" } },
  "ephemeral-storage-limits-missing": { class: "hygiene" },
  "namespace-without-limitrange": { class: "hygiene" },
  "namespace-without-resourcequota": { class: "hygiene" },
  "limitrange-incomplete": { class: "hygiene", peers: { trivy: "low" } },
  "resourcequota-incomplete": { class: "hygiene", peers: { trivy: "low" } },

  // probes
  "liveness-probe-missing": { class: "hygiene", peers: { polaris: "warning", kubescape: "medium" } },
  "readiness-probe-missing": { class: "hygiene", peers: { polaris: "warning", kubescape: "low" } },
  "liveness-equals-readiness": { class: "best-practice" },
  "liveness-port-not-exposed": { class: "hygiene" },
  "readiness-port-not-exposed": { class: "hygiene" },
  "startup-port-not-exposed": { class: "hygiene" },

  // images
  "image-tag-latest": { class: "defense", peers: { polaris: "danger", trivy: "medium" } },
  "image-pull-policy-not-always": { class: "hygiene", peers: { polaris: "warning" } },
  "image-not-pinned-by-digest": { class: "hygiene" },
  "image-registry-not-allowed": { class: "defense", peers: { kubescape: "medium", trivy: "medium" } },
  "image-registry-blocked": { class: "one-step", peers: { kubescape: "high" } },
  "image-deprecated-registry": { class: "hygiene" },
  "tiller-deployed": { class: "takeover", peers: { trivy: "critical" } },
  "sudo-in-command": { class: "defense", peers: { kubescape: "medium" } },
  "ssh-port-exposed": { class: "hygiene" },
  "ingress-nginx-retired": { class: "defense" },
  "image-vulnerabilities": {
    class: "one-step",
    reason: "A default: each finding takes its image's worst open CVE (critical for a fixable critical, high for a fixable high or an unfixed critical, lower only in the strict profile); an organization override of the rule still wins.",
  },
  "image-exposed-secrets": {
    class: "one-step",
    reason: "A default: each finding takes the worst secret's severity as the scanner rates it (a cloud access key is critical); a secret it could not rate is medium.",
  },

  // secrets
  "sensitive-env-var-literal": {
    class: "takeover",
    peers: { polaris: "danger", kubescape: "high" },
    reason: "Credential exposure, but matched on variable names: high until a person confirms the value is a credential.",
  },
  "sensitive-configmap-content": {
    class: "takeover",
    peers: { polaris: "danger", kubescape: "high", trivy: "high" },
    reason: "Credential exposure, but matched on key names and value shapes: high until a person confirms the value is a credential.",
  },
  "secret-in-env-var": { class: "hygiene" },
  "sa-token-automount": { class: "defense", peers: { polaris: "warning", kubescape: "medium" } },
  "sa-token-explicitly-mounted": { class: "hygiene", peers: { trivy: "medium" }, reason: "sa-token-automount reports the token itself (medium); this adds that the pod asks for it." },
  "default-service-account-used": { class: "hygiene" },
  "default-serviceaccount-automount": { class: "hygiene" },
  "serviceaccount-not-found": { class: "hygiene" },
  "deprecated-service-account-field": { class: "best-practice" },
  "env-reference-not-found": { class: "hygiene" },
  "workload-mounts-secret": { class: "best-practice" },

  // reliability
  "deployment-single-replica": { class: "hygiene", peers: { polaris: "warning" } },
  "pdb-missing": { class: "hygiene", peers: { polaris: "warning" } },
  "pdb-disruptions-zero": { class: "hygiene", peers: { polaris: "warning" } },
  "pdb-min-available-too-high": { class: "hygiene", peers: { polaris: "warning" } },
  "pdb-unhealthy-eviction-policy": { class: "best-practice" },
  "hpa-min-replicas-low": { class: "hygiene", peers: { polaris: "warning" } },
  "hpa-min-equals-max": { class: "best-practice", peers: { polaris: "warning" } },
  "hpa-target-not-found": { class: "hygiene" },
  "priority-class-not-set": { class: "best-practice", peers: { polaris: "warning" } },
  "topology-spread-missing": { class: "best-practice", peers: { polaris: "warning" } },
  "pod-anti-affinity-missing": { class: "best-practice" },
  "rolling-update-strategy-missing": { class: "best-practice" },
  "selector-template-mismatch": { class: "hygiene" },
  "job-ttl-missing": { class: "best-practice" },
  "instance-label-mismatch": { class: "best-practice", peers: { polaris: "warning" } },
  "naked-pod": { class: "hygiene", peers: { kubescape: "low" } },
  "duplicate-env-var": { class: "hygiene" },
  "node-affinity-missing": { class: "best-practice" },
  "recommended-labels-missing": { class: "best-practice", peers: { kubescape: "low" } },

  // control-plane (severities in each rule file under rules/control-plane; Trivy rates nearly every KCV check low)
  "apiserver-anonymous-auth": { class: "defense", peers: { trivy: "medium" } },
  "apiserver-token-auth-file": { class: "one-step", peers: { trivy: "low" } },
  "apiserver-deny-service-external-ips": { class: "hygiene" },
  "apiserver-kubelet-https": { class: "defense", peers: { trivy: "low" } },
  "apiserver-kubelet-client-certificate": { class: "one-step", peers: { trivy: "low" } },
  "apiserver-kubelet-certificate-authority": { class: "defense", peers: { trivy: "low" } },
  "apiserver-authorization-always-allow": { class: "takeover", peers: { trivy: "low" }, reason: "AlwaysAllow authorizes every authenticated request: cluster takeover." },
  "apiserver-authorization-node": { class: "defense", peers: { trivy: "low" } },
  "apiserver-authorization-rbac": { class: "one-step", peers: { trivy: "low" } },
  "apiserver-event-rate-limit": { class: "hygiene", peers: { trivy: "low" } },
  "apiserver-always-admit": { class: "hygiene", peers: { trivy: "low" }, reason: "Admission is a conjunction: AlwaysAdmit never overrides another plugin's denial; it is a deprecated no-op." },
  "apiserver-always-pull-images": { class: "hygiene", peers: { trivy: "low" } },
  "apiserver-service-account-plugin": { class: "defense", peers: { trivy: "low" } },
  "apiserver-namespace-lifecycle-plugin": { class: "defense", peers: { trivy: "low" } },
  "apiserver-node-restriction-plugin": { class: "defense", peers: { trivy: "low" } },
  "apiserver-secure-port": { class: "one-step", peers: { trivy: "low" } },
  "apiserver-profiling": { class: "hygiene", peers: { trivy: "low" } },
  "apiserver-audit-log-path": { class: "defense", peers: { trivy: "low" } },
  "apiserver-audit-log-maxage": { class: "hygiene" },
  "apiserver-audit-log-maxbackup": { class: "hygiene" },
  "apiserver-audit-log-maxsize": { class: "hygiene" },
  "apiserver-service-account-lookup": { class: "defense", peers: { trivy: "low" } },
  "apiserver-service-account-key-file": { class: "defense" },
  "apiserver-etcd-client-certificate": { class: "one-step", peers: { trivy: "low" } },
  "apiserver-tls-certificate": { class: "defense", peers: { trivy: "low" }, reason: "A self-generated serving certificate invites man-in-the-middle, it grants nothing by itself." },
  "apiserver-client-ca-file": { class: "defense", peers: { trivy: "low" }, reason: "Without a client CA, certificate authentication is off: a weaker setup, not an open door." },
  "apiserver-etcd-cafile": { class: "defense" },
  "apiserver-encryption-at-rest": { class: "one-step", peers: { trivy: "low" } },
  "apiserver-strong-ciphers": { class: "hygiene" },
  "controller-manager-terminated-pod-gc": { class: "hygiene" },
  "controller-manager-profiling": { class: "hygiene" },
  "controller-manager-service-account-credentials": { class: "defense" },
  "controller-manager-service-account-private-key": { class: "defense" },
  "controller-manager-root-ca-file": { class: "defense" },
  "controller-manager-rotate-kubelet-server-certificate": { class: "hygiene" },
  "controller-manager-bind-address": { class: "defense" },
  "scheduler-profiling": { class: "hygiene" },
  "scheduler-bind-address": { class: "defense" },
  "etcd-tls-certificate": { class: "one-step", peers: { trivy: "low" } },
  "etcd-unique-ca": { class: "defense" },
  "etcd-client-cert-auth": { class: "one-step", peers: { trivy: "low" } },
  "etcd-auto-tls": { class: "defense" },
  "etcd-peer-tls-certificate": { class: "defense" },
  "etcd-peer-client-cert-auth": { class: "defense" },
  "etcd-peer-auto-tls": { class: "defense" },

  // rbac (a role or binding is one step from takeover: a subject holding it must be compromised)
  "rbac-admin-equivalent-role": { class: "one-step", peers: { trivy: "critical", kubescape: "medium" } },
  "rbac-anonymous-binding": { class: "takeover" },
  "rbac-approve-csr": { class: "one-step" },
  "rbac-bind-escalate": { class: "one-step", peers: { trivy: "critical" } },
  "rbac-binding-grants-secrets-read": { class: "defense", peers: { kubescape: "high" } },
  "rbac-binding-missing-role": { class: "hygiene" },
  "rbac-binding-missing-service-account": { class: "hygiene" },
  "rbac-cluster-admin-binding": { class: "one-step", peers: { polaris: "danger", kubescape: "medium" } },
  "rbac-cluster-binding-exec-attach": { class: "one-step", peers: { polaris: "danger", kubescape: "medium" } },
  "rbac-create-persistent-volumes": { class: "one-step" },
  "rbac-create-service-account-token": { class: "one-step" },
  "rbac-default-service-account-bound": { class: "defense" },
  "rbac-delete-events": { class: "hygiene" },
  "rbac-delete-pod-logs": { class: "defense", peers: { trivy: "medium" } },
  "rbac-delete-resources": { class: "hygiene" },
  "rbac-eks-aws-auth": { class: "one-step", peers: { trivy: "critical" } },
  "rbac-exec-attach": { class: "one-step", peers: { polaris: "danger", kubescape: "medium", trivy: "high" } },
  "rbac-grant-any-role": { class: "one-step", peers: { trivy: "high" } },
  "rbac-impersonate": { class: "one-step", peers: { trivy: "critical" } },
  "rbac-manage-configmaps": { class: "hygiene", peers: { trivy: "medium" } },
  "rbac-manage-networking": { class: "hygiene", peers: { trivy: "high" } },
  "rbac-manage-webhooks": { class: "one-step", peers: { trivy: "critical" } },
  "rbac-manage-workloads": { class: "defense", peers: { trivy: "high" } },
  "rbac-modify-rolebindings": { class: "defense", peers: { trivy: "low" } },
  "rbac-namespace-admin-role-binding": { class: "defense", peers: { polaris: "danger" } },
  "rbac-namespace-binding-clusterrole-exec-attach": { class: "defense", peers: { polaris: "danger", kubescape: "medium" } },
  "rbac-namespace-binding-role-exec-attach": { class: "defense", peers: { polaris: "danger", kubescape: "medium" } },
  "rbac-namespace-cluster-admin-binding": { class: "defense", peers: { polaris: "danger", kubescape: "medium" } },
  "rbac-node-proxy": { class: "one-step", peers: { trivy: "high" } },
  "rbac-port-forward": { class: "defense" },
  "rbac-secrets-access": { class: "defense", peers: { trivy: "critical" } },
  "rbac-system-authenticated-binding": { class: "one-step" },
  "rbac-system-masters-binding": { class: "one-step" },
  "rbac-wildcard-all-resources": { class: "one-step", peers: { trivy: "critical" } },
  "rbac-wildcard-rules": { class: "defense" },
  "workload-sa-admin-rights": { class: "takeover" },
  "workload-sa-has-permissions": { class: "best-practice", peers: { kubescape: "medium" }, reason: "Inventory: the risky permissions have their own rules." },
  "workload-sa-risky-permissions": { class: "one-step" },

  // deprecated-api
  "deprecated-api-deprecated": { class: "hygiene" },
  "deprecated-api-removed": { class: "defense" },
  "deprecated-kubelet-version-skew": { class: "defense" },
  "deprecated-kubernetes-version-eol": { class: "defense" },
  "deprecated-pod-security-policy": { class: "defense" },
  "deprecated-psp-permissive": { class: "one-step" },

  // storage
  "storage-class-unencrypted": { class: "defense" },
  "storage-host-path-persistent-volume": { class: "one-step" },

  // admission
  "admission-no-policy-engine": { class: "defense" },
  "admission-policy-webhook-fail-open": { class: "hygiene" },
  "admission-scc-privileged": { class: "one-step" },
  "admission-webhook-inventory": { class: "best-practice" },

  // namespaces
  "namespace-default-used": { class: "hygiene", peers: { kubescape: "low", trivy: "low" } },
  "namespace-kube-system-user-workload": { class: "defense", peers: { trivy: "medium" } },
  "namespace-psa-enforce-missing": { class: "defense" },
  "namespace-psa-enforce-privileged": { class: "defense" },

  // exposure
  "exposure-ingress-dangling": { class: "hygiene" },
  "exposure-ingress-no-tls": { class: "defense", peers: { polaris: "warning" } },
  "exposure-kube-proxy-metrics": { class: "hygiene" },
  "exposure-route-dangling": { class: "hygiene" },
  "exposure-sensitive-interface": { class: "one-step" },
  "exposure-service-dangling": { class: "hygiene" },
  "exposure-service-external-ips": { class: "defense", peers: { trivy: "high" } },
  "exposure-service-load-balancer": { class: "defense" },
  "exposure-service-node-port": { class: "hygiene" },

  // network
  "network-namespace-no-default-deny-egress": { class: "hygiene" },
  "network-namespace-no-default-deny-ingress": { class: "defense" },
  "network-namespace-without-policy": { class: "defense" },
  "network-pod-ingress-egress-not-isolated": { class: "hygiene" },
  "network-pod-not-isolated": { class: "defense" },
  "network-pod-without-allow-rules": { class: "hygiene", peers: { polaris: "warning" }, reason: "Strict only: network-pod-not-isolated reports the same pods in the default profile." },
  "network-policy-allows-all-egress": { class: "hygiene" },
  "network-policy-allows-all-ingress": { class: "hygiene" },
  "network-policy-dangling": { class: "hygiene" },
  "network-policy-peer-dangling": { class: "hygiene" },
};
