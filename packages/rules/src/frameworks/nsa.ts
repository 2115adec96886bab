// NSA/CISA Kubernetes Hardening Guidance v1.2: one control per heading. A heading's evidence is the
// CIS Kubernetes Benchmark recommendations it corresponds to (`cis`, resolved through the CIS
// evidence in cis.ts, so the two frameworks judge a pod or a role alike) plus the rules named here
// for what the benchmark does not cover. The rules' own `peers.nsa` claims are broader (every
// control-plane flag claims CP) and are not used: each heading lists the few rules that answer it.
import type { BenchmarkControl } from "./cis";

const ON_SELF_MANAGED =
  "Control-plane flags are read from the kube-system static pods, visible only on self-managed clusters; on managed clusters those rules are not evaluated, and the control with them.";

export const nsaControls: BenchmarkControl[] = [
  {
    id: "PS-NR",
    title: "Use containers built to run applications as non-root users",
    description: "Containers run as a non-root user and cannot become root.",
    rationale:
      "The guidance asks that containers run as non-root users so that a compromised process has no root privileges in the container. Bulwark reads every workload's pod specification and fails the control for containers that run as UID 0 or do not require runAsNonRoot. The image's USER instruction is not in the pod spec, so a container relying on it alone counts as root; rootless container engines on the nodes are out of Bulwark's sight.",
    cis: ["5.2.7"],
    ruleIds: ["container-may-run-as-root"],
  },
  {
    id: "PS-IMM",
    title: "Use immutable container file systems where possible",
    description: "Container root filesystems are read-only.",
    rationale:
      "The guidance asks for read-only root filesystems so that an attacker cannot write tools or change binaries in a running container. Bulwark fails the control for each container without readOnlyRootFilesystem: true; where an application needs scratch space, an emptyDir volume keeps the root read-only.",
    ruleIds: ["read-only-root-fs"],
  },
  {
    id: "PS-IMG",
    title: "Build secure container images",
    description: "Images come from trusted registries, use immutable references, and known-vulnerable software is not run.",
    rationale:
      "The guidance asks for images built from trusted, minimal bases, scanned for vulnerabilities and pulled from trusted repositories. Bulwark reads the images workloads run and fails the control for images from outside the organisation's allowed registries or from blocked registries, images without a tag or tagged latest, and components known to be retired or vulnerable (Helm v2 Tiller, retired ingress-nginx), and, from scanner reports (Trivy Operator in the cluster, or documents imported from CI), images with critical CVEs or high ones with a fix. Without an allowed-registry list the registry check is not evaluated, and without a scanner report the CVE check; the control with them. Secrets baked into images are listed by their own rule, not here: few scanners report them, and their absence would leave this control unevaluated.",
    ruleIds: ["image-registry-not-allowed", "image-registry-blocked", "image-tag-latest", "tiller-deployed", "ingress-nginx-retired", "image-vulnerabilities"],
  },
  {
    id: "PS-ENF",
    title: "Pod security enforcement",
    description: "Pod Security Admission or a policy engine rejects privileged pods and host namespaces, paths and privilege escalation.",
    rationale:
      "The guidance asks that an admission mechanism (Pod Security Admission or a policy engine) reject pods with privileged containers, host namespaces, host paths and privilege escalation. Bulwark judges both halves: the enforcement (namespace enforce labels, policy engines, webhooks that fail open, OpenShift SCCs allowing privileged) and the pods that got in (CIS 5.2.1-5.2.6 and 5.2.12 evidence). Which namespaces a policy engine's own policies cover is not visible; an approved exception records it.",
    cis: ["5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6", "5.2.12"],
    ruleIds: ["admission-policy-webhook-fail-open", "admission-scc-privileged"],
  },
  {
    id: "PS-SA",
    title: "Protecting Pod service account tokens",
    description: "Pods that do not call the API server get no service account token.",
    rationale:
      "The guidance asks that pods which do not need the Kubernetes API get no service account token, so that a compromised container has no credential to use. Bulwark fails the control for each workload that receives a token (approved exceptions record the ones that call the API) and for default service accounts that automount theirs. What the token may do is judged under RBAC.",
    cis: ["5.1.6"],
    ruleIds: ["default-serviceaccount-automount"],
  },
  {
    id: "PS-HARD",
    title: "Hardening container environments",
    description: "Containers drop capabilities and run under seccomp, AppArmor or SELinux confinement.",
    rationale:
      "The guidance asks for kernel-level confinement: seccomp, AppArmor or SELinux profiles and the fewest Linux capabilities. Bulwark fails the control for containers that keep NET_RAW or all default capabilities, add dangerous capabilities, run without a RuntimeDefault or Localhost seccomp profile, disable AppArmor, set custom SELinux options, unmask /proc or set unsafe sysctls (CIS 5.2.8-5.2.10 and 5.7.2 evidence plus the PSS checks). Whether the nodes enforce the named profiles (AppArmor loaded, SELinux enforcing) is not visible; hypervisor sandboxes (gVisor, Kata) are not judged.",
    cis: ["5.2.8", "5.2.9", "5.2.10", "5.7.2"],
    ruleIds: ["apparmor-unconfined", "selinux-custom-options", "proc-mount-unmasked", "proc-mount-host-users", "unsafe-sysctls"],
  },
  {
    id: "NP",
    title: "Network policies",
    description: "Namespaces deny traffic by default and allow only what is needed; administrative interfaces are not exposed.",
    rationale:
      "The guidance asks for network policies that isolate pods: a default-deny policy per namespace, then the flows applications need, and no needless exposure. Bulwark reads every Namespace, NetworkPolicy, Service and workload and fails the control for namespaces without a policy or without default-deny ingress and egress, workloads no policy selects, policies that allow all traffic, Services with externalIPs, and administrative interfaces reachable from outside. Whether the network plugin enforces the policies (CIS 5.3.1) and cloud firewalls are outside the cluster's objects.",
    cis: ["5.3.2"],
    ruleIds: [
      "network-namespace-no-default-deny-ingress",
      "network-namespace-no-default-deny-egress",
      "network-pod-not-isolated",
      "network-policy-allows-all-ingress",
      "network-policy-allows-all-egress",
      "exposure-service-external-ips",
      "exposure-sensitive-interface",
    ],
  },
  {
    id: "NSP",
    title: "Namespaces",
    description: "Resources are separated by namespace; the default and system namespaces hold no application workloads.",
    rationale:
      "The guidance uses namespaces to separate teams and applications, so that RBAC, network and resource policies can apply per namespace. Bulwark fails the control for workloads in the default namespace and application workloads in kube-system. Whether the namespace layout matches the organisation's boundaries is a design question (CIS 5.7.1).",
    cis: ["5.7.4"],
    ruleIds: ["namespace-kube-system-user-workload"],
  },
  {
    id: "RP",
    title: "Resource policies",
    description: "Limits, LimitRanges and ResourceQuotas keep one workload from exhausting a node.",
    rationale:
      "The guidance asks for LimitRanges, ResourceQuotas and container limits so that one compromised or faulty workload cannot starve the others (denial of service). Bulwark fails the control for containers without CPU or memory limits and namespaces without a LimitRange or ResourceQuota. These protect availability only; several are strict-profile rules, so on the default profile the control is reported not evaluated. Node-level PID limits are a kubelet setting (CIS 4.2.13).",
    protects: ["availability"],
    ruleIds: ["memory-limits-missing", "cpu-limits-missing", "namespace-without-limitrange", "namespace-without-resourcequota"],
  },
  {
    id: "CP",
    title: "Control plane hardening",
    description: "The API server, etcd and kubelets authenticate each other over TLS, and control-plane services listen only where they must.",
    rationale: `The guidance asks that every control-plane connection use TLS with mutual authentication (API server to clients, to kubelets and to etcd; etcd to its peers) and that control-plane services not listen on open interfaces. Bulwark reads the flags that set this up (CIS 1.2.4, 1.2.5, 1.2.23-1.2.26, 1.3.7, 1.4.2 and 2.1-2.6 evidence, plus the secure port and kubelet HTTPS). ${ON_SELF_MANAGED} Network-level restriction of the control plane (firewalls, private endpoints) is outside the cluster's objects.`,
    cis: ["1.2.4", "1.2.5", "1.2.23", "1.2.24", "1.2.25", "1.2.26", "1.3.7", "1.4.2", "2.1", "2.2", "2.4", "2.5"],
    ruleIds: ["apiserver-secure-port", "apiserver-kubelet-https"],
  },
  {
    id: "ENC",
    title: "Encryption",
    description: "Traffic into the cluster and inside the control plane is encrypted, and so is data at rest.",
    rationale: `The guidance asks for TLS on all traffic and encryption of data at rest, etcd included. Bulwark fails the control for Ingresses serving plain HTTP, StorageClasses that provision unencrypted volumes, an API server or etcd without TLS or with weak ciphers, and Secrets stored unencrypted in etcd. ${ON_SELF_MANAGED} Service-to-service encryption (a service mesh) and disk encryption outside StorageClass parameters are not visible.`,
    cis: ["1.2.24", "1.2.27", "1.2.29", "2.1", "2.4"],
    ruleIds: ["exposure-ingress-no-tls", "storage-class-unencrypted"],
  },
  {
    id: "SEC",
    title: "Secrets",
    description: "Secrets are encrypted at rest, read by few, kept out of environment variables and plain-text configuration.",
    rationale: `The guidance asks that secrets be encrypted at rest, tightly access-controlled and not exposed in plain configuration. Bulwark fails the control for Secrets stored unencrypted in etcd (CIS 1.2.27), roles and bindings that let subjects read Secrets (5.1.2), Secrets passed as environment variables (5.4.1), and credentials written as literal env values or into ConfigMaps. ${ON_SELF_MANAGED} Whether an external secret store is used (CIS 5.4.2) is a design question.`,
    cis: ["1.2.27", "5.1.2", "5.4.1"],
    ruleIds: ["sensitive-env-var-literal", "sensitive-configmap-content"],
  },
  {
    id: "AUTHN",
    title: "Authentication",
    description: "Every request is authenticated; anonymous access, static tokens and system:masters credentials are avoided.",
    rationale: `The guidance asks that every request be authenticated with a strong method, anonymous access be off, and users come from an identity provider. Bulwark fails the control for an API server that accepts anonymous requests or a static token file, bindings that grant anything to anonymous or all authenticated identities, roles that may approve certificate requests (minting client certificates) or rewrite EKS's aws-auth mapping. ${ON_SELF_MANAGED} Issued client certificates and the identity provider's own settings are not visible (CIS 3.1.x, 5.1.7).`,
    cis: ["1.2.1", "1.2.2", "5.1.11"],
    ruleIds: ["rbac-anonymous-binding", "rbac-system-authenticated-binding", "rbac-eks-aws-auth"],
  },
  {
    id: "RBAC",
    title: "Role-based access control",
    description: "RBAC is on, roles are least-privilege, and workloads do not run with administrative rights.",
    rationale: `The guidance asks that RBAC authorize every request and that users and service accounts hold the least privilege their work needs. Bulwark reads the authorization mode and every role and binding, and fails the control for AlwaysAllow or missing RBAC and Node authorization (CIS 1.2.6-1.2.8), cluster-admin and wildcard grants (5.1.1, 5.1.3), rights to create workloads, bind, escalate or impersonate, create PersistentVolumes, proxy to nodes, change admission webhooks or mint tokens (5.1.4, 5.1.8-5.1.10, 5.1.12, 5.1.13), default service accounts in use (5.1.5), exec and attach rights, and workloads whose tokens carry escalation-prone rights. ${ON_SELF_MANAGED} Authorization outside RBAC (cloud IAM, webhook authorizers) is not visible.`,
    broadReason:
      "The guidance's RBAC section asks for least privilege across all of RBAC; its evidence is the benchmark's RBAC recommendations (each a distinct escalation path, one rule each) plus the authorization mode, exec/attach rights and the rights of workload tokens. Secrets access and authentication bindings are under SEC and AUTHN.",
    cis: ["1.2.6", "1.2.7", "1.2.8", "5.1.1", "5.1.3", "5.1.4", "5.1.5", "5.1.8", "5.1.9", "5.1.10", "5.1.12", "5.1.13"],
    ruleIds: ["rbac-exec-attach", "rbac-cluster-binding-exec-attach", "workload-sa-risky-permissions"],
  },
  {
    id: "LOG",
    title: "Audit logging",
    description: "API audit logging is on, with retention that allows investigation, and logs cannot be erased from inside the cluster.",
    rationale: `The guidance asks for API server audit logs kept long enough to investigate, and for logs that an attacker cannot erase. Bulwark fails the control when the API server writes no audit log or sets no retention (CIS 1.2.16-1.2.19), and for roles that may delete pod logs or Events. ${ON_SELF_MANAGED} The audit policy's content, log shipping, SIEM alerting and a managed provider's log settings are not visible (CIS 3.2; the managed profiles' logging recommendations).`,
    cis: ["1.2.16", "1.2.17", "1.2.18", "1.2.19"],
    ruleIds: ["rbac-delete-pod-logs", "rbac-delete-events"],
  },
  {
    id: "UPG",
    title: "Upgrading and application security practices",
    description: "Kubernetes, its APIs and the components running on it are kept current.",
    rationale:
      "The guidance asks that Kubernetes and the software on it be patched promptly. Bulwark fails the control for a Kubernetes version past its end of life, kubelets older than the control plane, objects using deprecated or removed API versions, PodSecurityPolicies left from removed releases, and components known to be retired or vulnerable, and images that still run critical CVEs or high ones with a fix (from scanner reports; without one that check is not evaluated, and the control with it). The patch process itself is the organisation's.",
    ruleIds: [
      "deprecated-kubernetes-version-eol",
      "deprecated-kubelet-version-skew",
      "deprecated-api-removed",
      "deprecated-api-deprecated",
      "deprecated-pod-security-policy",
      "tiller-deployed",
      "ingress-nginx-retired",
      "image-vulnerabilities",
    ],
  },
];
