// NIST SP 800-53 rev. 5: the Access Control, Audit and Accountability, Configuration Management,
// System and Communications Protection and System and Information Integrity controls an assessor
// tests against a Kubernetes cluster's configuration. Control numbers and titles are NIST's
// (public domain); descriptions, rationales and the mapping are Bulwark's. Controls that are
// procedures only (policy, training, planning families) are omitted.
import { ADMISSION, ANONYMOUS_ACCESS, AT_REST, AUDIT_LOG, AUTHORIZATION, ESCALATION, EXTERNAL_EXPOSURE, HOST_ESCAPE, IMAGE_VULNERABILITIES, INTERACTIVE_ACCESS, PATCHING, PEER_VERIFICATION, SEGMENTATION, TLS_IN_TRANSIT, TRUSTED_REGISTRIES } from "./evidence";
import type { ControlDef, FrameworkDefinition } from "./types";

export const NIST_DISCLAIMER =
  "This mapping of Kubernetes configuration checks to NIST SP 800-53 rev. 5 controls is Bulwark's own interpretation, not NIST's. A passed check is evidence for a control's implementation on the cluster, not an assessment of the control; organization-defined parameters and the procedures behind each control remain to be assessed.";

export const nistControls: ControlDef[] = [
  {
    id: "AC-2",
    title: "Account Management",
    description: "System accounts are defined, authorized, created, reviewed and removed under defined conditions.",
    rationale:
      "The assessor examines account records: who authorized each account, when it was reviewed, and that departed users were removed. Human accounts live in the identity provider. Bulwark can show service-account hygiene as support (workloads sharing the default account, bindings that name accounts that no longer exist), but the account lifecycle is evidence from outside the cluster.",
    ruleIds: ["default-service-account-used", "rbac-binding-missing-service-account", "rbac-system-masters-binding"],
    manual: { evidence: "Account management records for cluster access (authorizations, periodic reviews, removals) from the identity provider." },
  },
  {
    id: "AC-3",
    title: "Access Enforcement",
    description: "Approved authorizations are enforced for logical access to the system.",
    rationale:
      "The assessor tests that the access enforcement mechanism is on and cannot be bypassed. In Kubernetes that is the API server's authorizer chain: not AlwaysAllow, RBAC and the Node authorizer enabled, NodeRestriction admission on, and no request served anonymously or granted to every authenticated identity. These checks read the API server's flags; on a managed cluster that hides them they are not evaluated and the provider's attestation is the evidence.",
    ruleIds: [...AUTHORIZATION, ...ANONYMOUS_ACCESS],
  },
  {
    id: "AC-4",
    title: "Information Flow Enforcement",
    description: "Approved authorizations control the flow of information within the system and between systems.",
    rationale:
      "The assessor asks how flows between components are controlled. Inside a cluster the enforcement point is NetworkPolicy: every workload is selected by a policy for both directions, no policy allows all ingress or all egress, and no pod uses the host network, which NetworkPolicies do not govern. Whether the CNI actually enforces policies, and flows outside the cluster, are not visible.",
    ruleIds: [...SEGMENTATION, "network-policy-allows-all-egress"],
  },
  {
    id: "AC-6",
    title: "Least Privilege",
    description: "Users and processes acting on their behalf get only the access needed for their tasks.",
    rationale:
      "The assessor reviews privileges of users and of processes. For users and service accounts: no cluster-admin or equivalent bindings beyond the documented ones, no wildcard rules, no broad read access to Secrets, no workload holding admin or escalation-prone rights. For processes: containers run as a non-root user. Exceptions record the privileges the organization has approved; whether each remaining grant fits a role is a judgement outside Bulwark.",
    ruleIds: [
      "rbac-cluster-admin-binding",
      "rbac-namespace-cluster-admin-binding",
      "rbac-admin-equivalent-role",
      "rbac-wildcard-all-resources",
      "rbac-wildcard-rules",
      "rbac-namespace-admin-role-binding",
      "rbac-binding-grants-secrets-read",
      "workload-sa-admin-rights",
      "workload-sa-risky-permissions",
      "run-as-non-root",
      "run-as-user-0",
    ],
  },
  {
    id: "AC-6(9)",
    title: "Least Privilege | Log Use of Privileged Functions",
    description: "The execution of privileged functions is logged.",
    rationale:
      "The assessor checks that privileged actions (RBAC changes, exec into pods, access to Secrets) are logged. The API server's audit log records them when it is on; Bulwark checks the log is written. Whether the audit policy records these events at the right level depends on the policy file, which the API does not expose: attach it.",
    ruleIds: ["apiserver-audit-log-path"],
  },
  {
    id: "AC-6(10)",
    title: "Least Privilege | Prohibit Non-privileged Users from Executing Privileged Functions",
    description: "Non-privileged users cannot execute privileged functions, including disabling or circumventing safeguards.",
    rationale:
      "The assessor looks for paths by which an ordinary subject gains privileged functions. In RBAC these are rights that create rights (bind, escalate, impersonate, bindings to any role, token minting, certificate approval, nodes/proxy); in a pod it is allowPrivilegeEscalation, which lets a process gain more privileges than its parent. Each is a circumvention path the checks find.",
    ruleIds: [...ESCALATION, "allow-privilege-escalation"],
  },
  {
    id: "AU-2",
    title: "Event Logging",
    description: "The event types the system logs are selected, coordinated and reviewed.",
    rationale:
      "The assessor asks which events are logged and why. In Kubernetes that selection is the audit policy file given to the API server; the API does not expose its content, so the control is manual. The supporting rule shows whether audit logging is on at all.",
    ruleIds: ["apiserver-audit-log-path"],
    manual: { evidence: "The API server audit policy file and the rationale for the events and levels it records (Secrets, exec/attach, RBAC changes at least)." },
  },
  {
    id: "AU-4",
    title: "Audit Log Storage Capacity",
    description: "Audit log storage capacity is allocated so that logs are not lost.",
    rationale:
      "The assessor checks that audit logs cannot fill their storage and stop or overwrite silently. The API server's rotation settings (maximum file size and number of backups) are the cluster-side evidence; shipping logs to central storage is outside the cluster and should be attached.",
    ruleIds: ["apiserver-audit-log-maxsize", "apiserver-audit-log-maxbackup"],
  },
  {
    id: "AU-11",
    title: "Audit Record Retention",
    description: "Audit records are kept for the organization-defined period.",
    rationale:
      "The assessor compares the retention period with the organization's requirement. On the node, the API server's maximum log age and backup count bound how long records are kept; retention in the central log store, which is usually the longer one, is not visible.",
    ruleIds: ["apiserver-audit-log-maxage", "apiserver-audit-log-maxbackup"],
  },
  {
    id: "AU-12",
    title: "Audit Record Generation",
    description: "The system generates audit records for the selected event types.",
    rationale:
      "The assessor verifies that audit records are actually generated. For the cluster that is the API server's audit log being written, rotated and retained; the checks read the API server's flags and are not evaluated where the control plane is hidden (then the provider's control-plane logging is the evidence).",
    ruleIds: AUDIT_LOG,
  },
  {
    id: "CM-2",
    title: "Baseline Configuration",
    description: "A current baseline configuration of the system is developed, documented and maintained.",
    rationale:
      "The assessor asks for the documented baseline and evidence it is kept current. Bulwark's rule set and the organization's policy (profile, disabled rules, exceptions) can serve as the security part of that baseline, and the manifests in version control as the configuration part; the documentation and its review are manual evidence.",
    manual: { evidence: "The documented baseline configuration for the cluster (e.g. the policy in force in Bulwark plus the manifests in version control) and its last review." },
  },
  {
    id: "CM-5",
    title: "Access Restrictions for Change",
    description: "Access to make changes to the system is defined, approved and enforced.",
    rationale:
      "The assessor checks who can change the system outside the approved path. In a cluster: rights to exec, attach or port-forward into running containers, to edit admission webhooks and policies, and to modify existing bindings. Who can deploy through the pipeline is a pipeline setting Bulwark cannot see.",
    ruleIds: [...INTERACTIVE_ACCESS, "rbac-manage-webhooks", "rbac-modify-rolebindings"],
  },
  {
    id: "CM-6",
    title: "Configuration Settings",
    description: "Security configuration settings are established from common secure configurations and implemented.",
    rationale:
      "The assessor compares settings with the chosen secure configuration, commonly the CIS Kubernetes Benchmark. The checks here are the control-plane and namespace settings that CIS prescribes and no other control in this mapping covers: profiling off, components bound to loopback, admission plugins (AlwaysPullImages, DenyServiceExternalIPs, EventRateLimit, NamespaceLifecycle, ServiceAccount), per-controller credentials, certificate rotation, strong TLS ciphers, and every namespace enforcing a Pod Security Standard. Deviations the organization accepts belong in exceptions.",
    ruleIds: [
      "apiserver-profiling",
      "controller-manager-profiling",
      "scheduler-profiling",
      "controller-manager-bind-address",
      "scheduler-bind-address",
      "apiserver-always-pull-images",
      "apiserver-deny-service-external-ips",
      "apiserver-event-rate-limit",
      "apiserver-namespace-lifecycle-plugin",
      "apiserver-service-account-plugin",
      "controller-manager-service-account-credentials",
      "controller-manager-rotate-kubelet-server-certificate",
      "apiserver-strong-ciphers",
      "namespace-psa-enforce-missing",
    ],
  },
  {
    id: "CM-7",
    title: "Least Functionality",
    description: "The system provides only essential capabilities and prohibits unneeded functions, ports and services.",
    rationale:
      "The assessor looks for functions that are enabled but not needed. For containers: system calls beyond the runtime's seccomp profile, unconfined AppArmor, Linux capabilities not dropped or dangerous ones added, unsafe sysctls, sudo in the image's command; for the network: SSH ports, host ports and kube-proxy metrics on every interface. Functions inside the application images are not visible.",
    ruleIds: [
      "seccomp-required",
      "seccomp-unconfined",
      "apparmor-unconfined",
      "caps-drop-all",
      "net-raw-not-dropped",
      "dangerous-caps-added",
      "unsafe-sysctls",
      "sudo-in-command",
      "ssh-port-exposed",
      "host-port",
      "exposure-kube-proxy-metrics",
    ],
  },
  {
    id: "CM-7(5)",
    title: "Least Functionality | Authorized Software — Allow-by-exception",
    description: "Only software on an authorized list runs; everything else is denied.",
    rationale:
      "The assessor asks for the list of authorized software and the mechanism that enforces it. For containers the list is the set of allowed registries and the mechanism an admission policy. The registry checks need the allowed or blocked registries set in Bulwark's policy (otherwise not evaluated); the admission checks confirm something can reject a pod at all.",
    ruleIds: [...TRUSTED_REGISTRIES, "admission-no-policy-engine", "admission-policy-webhook-fail-open"],
  },
  {
    id: "SC-7",
    title: "Boundary Protection",
    description: "Communications at the external boundary and key internal boundaries are monitored and controlled.",
    rationale:
      "The assessor asks which interfaces cross the boundary and how they are controlled. The cluster's boundary crossings are Services, Ingresses and host-level ports: administrative interfaces should not be exposed, externalIPs, node ports and host ports avoided, SSH not exposed, and pods kept off the host network. Public load balancers serving the product are expected. Perimeter firewalls and cloud security groups are not visible.",
    ruleIds: [...EXTERNAL_EXPOSURE, "host-network"],
  },
  {
    id: "SC-7(5)",
    title: "Boundary Protection | Deny by Default — Allow by Exception",
    description: "Network traffic is denied by default and allowed by exception.",
    rationale:
      "The assessor checks that the default is deny. In Kubernetes traffic is allowed by default until a NetworkPolicy selects a pod, so deny-by-default means every namespace (including ones with no workloads yet) has default-deny ingress and egress policies and no policy re-opens all traffic. This is stricter than the workload-level checks of other frameworks on purpose: the control is about the default.",
    ruleIds: ["network-namespace-without-policy", "network-namespace-no-default-deny-ingress", "network-namespace-no-default-deny-egress", "network-policy-allows-all-ingress", "network-policy-allows-all-egress"],
  },
  {
    id: "SC-8",
    title: "Transmission Confidentiality and Integrity",
    description: "The confidentiality and integrity of transmitted information is protected.",
    rationale:
      "The assessor checks that transmissions use TLS with verified peers. For the cluster: Ingress TLS, the API server's secure port and certificate, API server to kubelet over HTTPS with the kubelet's certificate verified, and etcd client and peer TLS with real certificates. Pod-to-pod encryption (a mesh) is not visible; control-plane checks are not evaluated where the control plane is hidden.",
    ruleIds: [...TLS_IN_TRANSIT, ...PEER_VERIFICATION],
  },
  {
    id: "SC-28",
    title: "Protection of Information at Rest",
    description: "The confidentiality and integrity of information at rest is protected.",
    rationale:
      "The assessor asks which stores hold sensitive information and how they are protected at rest. The cluster controls two: Secrets in etcd (encrypted by an encryption provider configuration, not identity) and volumes provisioned by StorageClasses (encryption parameters). Application databases and node disks are not visible.",
    ruleIds: AT_REST,
  },
  {
    id: "SC-39",
    title: "Process Isolation",
    description: "Each executing system process has a separate execution domain.",
    rationale:
      "The assessor asks how processes are kept from interfering with one another. Containers are the execution domains; the checks find what breaks them: privileged mode, Windows HostProcess, the container runtime socket, writable or sensitive host paths and host-path PersistentVolumes, the host PID and IPC namespaces, SYS_ADMIN and SYS_MODULE, an unmasked /proc in the host user namespace, and unsafe sysctls. Kernel and runtime vulnerabilities are not visible.",
    ruleIds: [...HOST_ESCAPE, "unsafe-sysctls"],
  },
  {
    id: "SI-2",
    title: "Flaw Remediation",
    description: "Flaws are identified, reported and corrected, and security updates installed in time.",
    rationale:
      "The assessor checks that security updates are installed within the organization's time frames. The cluster shows whether its platform still receives them: Kubernetes past upstream end of life, kubelets older than the control plane, images from the frozen k8s.gcr.io registry, Helm v2 Tiller and the retired ingress-nginx controller. For the images, scanner reports (Trivy Operator in the cluster, or Trivy, Grype and CycloneDX documents from CI) show critical CVEs and high ones with a fix available; without any report that check is not evaluated, and the control with it. The patch process and its time frames are to be attached (the trends page gives mean time to patch).",
    ruleIds: [...PATCHING, ...IMAGE_VULNERABILITIES],
  },
  {
    id: "SI-3",
    title: "Malicious Code Protection",
    description: "Malicious code protection mechanisms detect and eradicate malicious code.",
    rationale:
      "The assessor expects a scanning or detection mechanism and its configuration. For containers that is image scanning in the registry or pipeline and runtime detection on nodes; Bulwark sees the scanners' results when their reports are in the cluster or imported (supporting: images with known vulnerabilities, secrets baked into images), not the scanning itself. Read-only root filesystems and trusted registries (supporting rules) reduce where malicious code can land.",
    ruleIds: [...TRUSTED_REGISTRIES, "read-only-root-fs", ...IMAGE_VULNERABILITIES, "image-exposed-secrets"],
    manual: { evidence: "The image scanning and runtime malware detection in use for the cluster, their configuration and recent results." },
  },
  {
    id: "SI-4",
    title: "System Monitoring",
    description: "The system is monitored to detect attacks, indicators of attack and unauthorized use.",
    rationale:
      "The assessor asks what monitors the system and who responds to its alerts. The API audit log (supporting rules) is the cluster's main input to monitoring, but the monitoring itself (SIEM, detection rules, alerting) is outside the cluster and must be attached.",
    ruleIds: AUDIT_LOG,
    manual: { evidence: "The monitoring in place for the cluster (audit-log ingestion, detection rules, alert routing) and a sample of alerts handled." },
  },
  {
    id: "SI-7",
    title: "Software, Firmware, and Information Integrity",
    description: "Integrity verification detects unauthorized changes to software and information.",
    rationale:
      "The assessor asks how unauthorized changes to software would be detected or prevented. For containers: images referenced by digest, which the runtime verifies, rather than by mutable tags; no latest tags; read-only root filesystems so running code cannot be changed; and admission control for new workloads. The digest check runs in the strict profile, so in the default profile this control is not evaluated unless another check fails. Image signature verification is not checked yet.",
    ruleIds: ["image-not-pinned-by-digest", "image-tag-latest", "read-only-root-fs", ...ADMISSION],
  },
];

export const nist80053: FrameworkDefinition = {
  id: "nist-800-53",
  name: "NIST SP 800-53",
  version: "rev. 5",
  description: "The access control, audit, configuration management, system and communications protection and system integrity controls that a Kubernetes cluster's configuration evidences.",
  disclaimer: NIST_DISCLAIMER,
  controls: nistControls,
};
