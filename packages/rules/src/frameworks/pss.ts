// Pod Security Standards (policy version v1.37): one control per pod-security-admission check.
// A control's rules are the Bulwark rules claiming `<level>:<check>` in `peers.pss`; the restricted
// level includes every baseline check.
export interface PssCheck {
  id: string;
  title: string;
  description: string;
}

export const PSS_BASELINE: PssCheck[] = [
  { id: "hostNamespaces", title: "Host namespaces", description: "Pods do not share the host's network, PID or IPC namespaces." },
  { id: "privileged", title: "Privileged containers", description: "No container runs privileged." },
  { id: "capabilities_baseline", title: "Capabilities", description: "Containers add no capability beyond the default set." },
  { id: "hostPathVolumes", title: "HostPath volumes", description: "No hostPath volumes." },
  { id: "hostPorts", title: "Host ports", description: "No container binds a host port." },
  { id: "appArmorProfile", title: "AppArmor", description: "The AppArmor profile is not set to unconfined." },
  { id: "seLinuxOptions", title: "SELinux", description: "No custom SELinux user or role; type only among the container types." },
  { id: "procMount", title: "/proc mount type", description: "The default masked /proc is used." },
  { id: "seccompProfile_baseline", title: "Seccomp", description: "The seccomp profile is not set to Unconfined." },
  { id: "sysctls", title: "Sysctls", description: "Only the namespaced, safe sysctls are set." },
  { id: "windowsHostProcess", title: "HostProcess", description: "No Windows HostProcess containers." },
  { id: "hostProbesAndHostLifecycle", title: "Probes and lifecycle handlers", description: "Probes and lifecycle hooks do not target another host." },
];

export const PSS_RESTRICTED_ONLY: PssCheck[] = [
  { id: "restrictedVolumes", title: "Volume types", description: "Only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes." },
  { id: "allowPrivilegeEscalation", title: "Privilege escalation", description: "allowPrivilegeEscalation is false in every container." },
  { id: "runAsNonRoot", title: "Running as non-root", description: "runAsNonRoot is true for the pod or every container." },
  { id: "runAsUser", title: "Running as non-root user", description: "runAsUser is never 0." },
  { id: "seccompProfile_restricted", title: "Seccomp (restricted)", description: "Seccomp is RuntimeDefault or Localhost for the pod or every container." },
  { id: "capabilities_restricted", title: "Capabilities (restricted)", description: "Containers drop ALL and add only NET_BIND_SERVICE." },
  { id: "procMount_restricted", title: "/proc mount type (restricted)", description: "The default masked /proc is used, even in user namespaces." },
];
