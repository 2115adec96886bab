import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, containerSC, isWindowsPod, perContainer, podSC } from "../../helpers/security-context";

const ADMIN_USERS = new Set(["containeradministrator", "nt authority\\system", "administrator"]);

// Inventory of the Windows user each container runs as; administrator accounts are called out.
export const windowsRunasusernameSet = defineRule({
  id: "windows-runasusername-set",
  title: "Windows container user",
  category: "workload-security",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "A Windows container runs as the user named in windowsOptions.runAsUserName (container, else pod); ContainerAdministrator or SYSTEM are the Windows counterparts of root. Reported for review.",
  remediation: "Run Windows containers as ContainerUser (or another non-administrator account) via windowsOptions.runAsUserName.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-runasusername/"],
  peers: { kubescape: ["C-0211:set-runasusername-value"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      // Field by field, as the kubelet merges them: a container's windowsOptions without a user
      // still inherits the pod's runAsUserName.
      const own = containerSC(c).windowsOptions?.runAsUserName;
      const user = own ?? podSC(ref).windowsOptions?.runAsUserName;
      const path = own !== undefined ? `${c.path}.securityContext.windowsOptions.runAsUserName` : `${ref.path}.securityContext.windowsOptions.runAsUserName`;
      if (typeof user !== "string" || user === "") return;
      if (!isWindowsPod(ref.spec) && !ADMIN_USERS.has(user.toLowerCase())) return;
      return {
        object: ref.object,
        path,
        observed: user,
        message: ADMIN_USERS.has(user.toLowerCase())
          ? `Container "${containerName(c)}" runs as the Windows administrator account ${user}.`
          : `Container "${containerName(c)}" runs as Windows user ${user}.`,
      };
    });
  },
});
