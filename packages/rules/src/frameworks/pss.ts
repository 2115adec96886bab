// Pod Security Standards (policy version v1.37): one control per pod-security-admission check.
// A control's rules are the Bulwark rules claiming `<level>:<check>` in `peers.pss`; the restricted
// level includes every baseline check. Each rationale says what the admission check rejects and
// where Bulwark's reading differs from admission.
export interface PssCheck {
  id: string;
  title: string;
  description: string;
  /** What the admission check tests, in Bulwark's words; the common part is added by `pssRationale`. */
  checks: string;
  /** Where Bulwark's reading needs a word of caution, if anywhere. */
  note?: string;
}

/** The control's rationale: the check, how Bulwark applies it, and what admission sees that Bulwark does not. */
export function pssRationale(c: PssCheck): string {
  const level = PSS_BASELINE.includes(c) ? "a baseline check, also part of restricted" : "a restricted check";
  return (
    `Pod Security Admission's ${c.id.replace(/_(baseline|restricted)$/, "")} check (${level}) ${c.checks}. ` +
    "Bulwark applies the same test to the pod specification of every workload (bare Pods and the templates of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs), so pods admitted before a namespace enforced the level, or in a namespace that does not enforce it, are found too; expected platform components and excepted findings are listed, not failing. " +
    "It judges the specification as stored, so changes a mutating webhook would make at admission are not seen." +
    (c.note ? ` ${c.note}` : "")
  );
}

export const PSS_BASELINE: PssCheck[] = [
  { id: "hostNamespaces", title: "Host namespaces", description: "Pods do not share the host's network, PID or IPC namespaces.", checks: "rejects pods that set hostNetwork, hostPID or hostIPC" },
  { id: "privileged", title: "Privileged containers", description: "No container runs privileged.", checks: "rejects pods with a privileged container, init or ephemeral container included" },
  {
    id: "capabilities_baseline",
    title: "Capabilities",
    description: "Containers add no capability beyond the default set.",
    checks: "rejects containers that add a Linux capability outside the runtime's default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT)",
  },
  { id: "hostPathVolumes", title: "HostPath volumes", description: "No hostPath volumes.", checks: "rejects pods with a hostPath volume" },
  { id: "hostPorts", title: "Host ports", description: "No container binds a host port.", checks: "rejects containers that bind a hostPort (other than 0)" },
  { id: "appArmorProfile", title: "AppArmor", description: "The AppArmor profile is not set to unconfined.", checks: "rejects an AppArmor profile of Unconfined, in the appArmorProfile field or the older annotation" },
  {
    id: "seLinuxOptions",
    title: "SELinux",
    description: "No custom SELinux user or role; type only among the container types.",
    checks: "rejects a custom SELinux user or role, and a type other than container_t, container_init_t, container_kvm_t or container_engine_t",
  },
  { id: "procMount", title: "/proc mount type", description: "The default masked /proc is used.", checks: "rejects procMount: Unmasked for pods in the host's user namespace", note: "Pods in their own user namespace (hostUsers: false) pass this check; the restricted level forbids Unmasked for them too (procMount_restricted)." },
  { id: "seccompProfile_baseline", title: "Seccomp", description: "The seccomp profile is not set to Unconfined.", checks: "rejects a seccomp profile of Unconfined at pod or container level" },
  { id: "sysctls", title: "Sysctls", description: "Only the namespaced, safe sysctls are set.", checks: "rejects sysctls outside the safe, namespaced set" },
  { id: "windowsHostProcess", title: "HostProcess", description: "No Windows HostProcess containers.", checks: "rejects Windows containers that set windowsOptions.hostProcess" },
  {
    id: "hostProbesAndHostLifecycle",
    title: "Probes and lifecycle handlers",
    description: "Probes and lifecycle hooks do not target another host.",
    checks: "rejects probes and lifecycle handlers whose host field points the kubelet at another address",
  },
];

export const PSS_RESTRICTED_ONLY: PssCheck[] = [
  {
    id: "restrictedVolumes",
    title: "Volume types",
    description: "Only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes.",
    checks: "rejects volume types outside configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret",
  },
  { id: "allowPrivilegeEscalation", title: "Privilege escalation", description: "allowPrivilegeEscalation is false in every container.", checks: "requires allowPrivilegeEscalation: false in every container (Linux pods)" },
  {
    id: "runAsNonRoot",
    title: "Running as non-root",
    description: "runAsNonRoot is true for the pod or every container.",
    checks: "requires runAsNonRoot: true on the pod or on every container",
    note: "The kubelet also refuses, at start, an image whose user is root; Bulwark judges the declared field, as admission does.",
  },
  { id: "runAsUser", title: "Running as non-root user", description: "runAsUser is never 0.", checks: "rejects runAsUser: 0 on the pod or any container" },
  {
    id: "seccompProfile_restricted",
    title: "Seccomp (restricted)",
    description: "Seccomp is RuntimeDefault or Localhost for the pod or every container.",
    checks: "requires a RuntimeDefault or Localhost seccomp profile on the pod or on every container",
  },
  {
    id: "capabilities_restricted",
    title: "Capabilities (restricted)",
    description: "Containers drop ALL and add only NET_BIND_SERVICE.",
    checks: "requires every container to drop ALL capabilities and add none but NET_BIND_SERVICE",
    note: "The rule is in the strict profile: on the default profile the control is reported not evaluated.",
  },
  {
    id: "procMount_restricted",
    title: "/proc mount type (restricted)",
    description: "The default masked /proc is used, even in user namespaces.",
    checks: "rejects procMount: Unmasked in every pod, user namespaces included",
  },
];
