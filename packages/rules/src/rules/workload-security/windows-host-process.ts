import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, containerSC, podSC } from "../../helpers/security-context";

export const windowsHostProcess = defineRule({
  id: "windows-host-process",
  title: "Windows HostProcess container",
  category: "workload-security",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  description:
    "A Windows HostProcess container runs directly on the node as a host process with the node's network and file system: the Windows equivalent of a privileged container.",
  remediation: "Remove windowsOptions.hostProcess (or set false); run node-management tasks outside tenant workloads.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/"],
  peers: { polaris: ["hostProcess"], trivy: ["KSV-0103"], pss: ["baseline:windowsHostProcess"], cis: ["5.2.11"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (podSC(ref).windowsOptions?.hostProcess === true) {
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.windowsOptions.hostProcess`,
          observed: true,
          message: "The pod runs as a Windows HostProcess pod.",
        };
      }
      for (const c of containers(ref)) {
        if (containerSC(c).windowsOptions?.hostProcess !== true) continue;
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.windowsOptions.hostProcess`,
          observed: true,
          message: `Container "${containerName(c)}" is a Windows HostProcess container.`,
        };
      }
    }
  },
});
