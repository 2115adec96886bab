import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, effective, isWindowsPod, perContainer } from "../../helpers/security-context";

const ADMIN_USERS = new Set(["containeradministrator", "nt authority\\system", "administrator"]);

// Inventory of the Windows user each container runs as; administrator accounts are called out.
export const windowsRunasusernameSet = defineRule({
  id: "windows-runasusername-set",
  title: "Windows container user",
  category: "workload-security",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description:
    "A Windows container runs as the user named in windowsOptions.runAsUserName (container, else pod); ContainerAdministrator or SYSTEM are the Windows counterparts of root. Reported for review.",
  remediation: "Run Windows containers as ContainerUser (or another non-administrator account) via windowsOptions.runAsUserName.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-runasusername/"],
  peers: { kubescape: ["C-0211:set-runasusername-value"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const w = effective(ref, c, "windowsOptions");
      const user = w.value?.runAsUserName;
      if (typeof user !== "string" || user === "") return;
      if (!isWindowsPod(ref.spec) && !ADMIN_USERS.has(user.toLowerCase())) return;
      return {
        object: ref.object,
        path: `${w.path}.runAsUserName`,
        observed: user,
        message: ADMIN_USERS.has(user.toLowerCase())
          ? `Container "${containerName(c)}" runs as the Windows administrator account ${user}.`
          : `Container "${containerName(c)}" runs as Windows user ${user}.`,
      };
    });
  },
});
